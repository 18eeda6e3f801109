/**
 * The words the print layer writes itself: long Swedish dates, the "Fastställd …" and "Data per …" lines,
 * paragraphs from a text with blank lines, and table captions. (The same phrases as the .docx writer's.)
 */
import type { ReportDocument } from '../shared/report';

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** "2026-10-31" → "31 oktober 2026"; anything that is not a day is printed as given. */
export function longDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "Fastställd 14 december 2026 av Kommunfullmäktige (KF 2026-12-14 § 140)". */
export function decidedLine(decided: NonNullable<ReportDocument['decided']>): string {
  const by = decided.by.trim() ? ` av ${decided.by.trim()}` : '';
  const ref = decided.protocolRef.trim() ? ` (${decided.protocolRef.trim()})` : '';
  return `Fastställd ${longDay(decided.on.trim())}${by}${ref}`;
}

/** "Data per 31 oktober 2026", or "Inga data" when no source has any. */
export function dataPerLine(doc: ReportDocument): string {
  return doc.dataAsOf ? `Data per ${longDay(doc.dataAsOf)}` : 'Inga data';
}

/** The paragraphs of a text: blank lines separate them; empty ones are dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** "Tabell: …" unless the caption says so already. */
export function tableCaption(caption: string): string {
  return /^tabell\b/i.test(caption) ? caption : `Tabell: ${caption}`;
}

/** "Diagram: …" for the chart above a table (the caption names both). */
export function chartCaption(caption: string): string {
  return `Diagram: ${caption.replace(/^tabell:?\s*/i, '')}`;
}
