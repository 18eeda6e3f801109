/**
 * The words every report output writes itself — long Swedish dates and periods, "Fastställd …" and
 * "Data per …", paragraphs from a text with blank lines, table and chart captions — in one place, so the
 * templates (core), the PDF (print) and the Word file (core/reports/docx) say exactly the same.
 */
import type { ReportDocument } from './report';

export const SWEDISH_MONTHS = [
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
] as const;

export const MONTH_SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** "2026-10-31" → "31 oktober 2026"; anything that is not a day is printed as given. */
export function longDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  return `${Number(m[3])} ${SWEDISH_MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "1 januari–31 december 2026"; across years "1 juli 2025–30 juni 2026". */
export function periodLabel(from: string, to: string): string {
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${longDay(from)}–${longDay(to)}`;
  return `${longDay(from).replace(/ \d{4}$/, '')}–${longDay(to)}`;
}

/** "Fastställd 14 december 2026 av Kommunfullmäktige (KF 2026-12-14 § 140)". */
export function decidedLine(decided: NonNullable<ReportDocument['decided']>): string {
  const by = decided.by.trim() ? ` av ${decided.by.trim()}` : '';
  const ref = decided.protocolRef.trim() ? ` (${decided.protocolRef.trim()})` : '';
  return `Fastställd ${longDay(decided.on.trim())}${by}${ref}`;
}

/** "Data per 31 oktober 2026", or "Inga data" when no source has any. */
export function dataPerLine(doc: Pick<ReportDocument, 'dataAsOf'>): string {
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
