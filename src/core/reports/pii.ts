/**
 * Personal data in a report (issue 12, "Personal data"): every free text going into the document is scanned
 * before export; each hit is masked or kept with a reason, and no file leaves with an unreviewed hit.
 * A hit's id is a hash of where it is (section ids, slot key or figure id, field), its kind, its text and
 * its occurrence there, so a decision made on one scan applies to the next scan of the same document.
 */
import { AppError } from '../../shared/errors';
import {
  PII_LABELS,
  type Block,
  type PiiDecision,
  type PiiHit,
  type PiiKind,
  type ReportDocument,
  type Section,
} from '../../shared/report';
import { findPii } from './pii-patterns';

export { findPii, luhnCheckDigit, luhnValid, type PiiMatch } from './pii-patterns';

/** Swedish names of the kinds, for messages. */
export const PII_KIND_NAMES: Record<PiiKind, string> = {
  personnummer: 'personnummer',
  samordningsnummer: 'samordningsnummer',
  telefonnummer: 'telefonnummer',
  epost: 'e-postadress',
};

const CONTEXT = 40;
const TITLE_PAGE = 'Titelsida';

/** Where a text is: what the user reads (`where`), and a stable key for the hit ids. */
interface TextLoc {
  where: string;
  key: string;
}
type TextFn = (text: string, loc: TextLoc) => string;

// ---------------------------------------------------------------------------------------------------------
// Walking every free text of a document (the one walk both scanning and masking use, so ids agree)

function mapBlock(b: Block, at: TextLoc, fn: TextFn): Block {
  const f = (text: string, field: string, where = at.where) => fn(text, { where, key: `${at.key}.${field}` });
  switch (b.kind) {
    case 'text':
    case 'note':
      return { ...b, text: f(b.text, 'text') };
    case 'slot':
      return { ...b, text: fn(b.text, { where: at.where, key: `slot:${b.key}` }) };
    case 'list':
      return { ...b, items: b.items.map((it, i) => f(it, `item${i}`)) };
    case 'facts':
      return { ...b, items: b.items.map((it, i) => ({ label: f(it.label, `l${i}`), value: f(it.value, `v${i}`) })) };
    case 'keyFigures':
      return {
        ...b,
        items: b.items.map((it, i) => ({
          label: f(it.label, `l${i}`),
          value: f(it.value, `v${i}`),
          ...(it.note === undefined ? {} : { note: f(it.note, `n${i}`) }),
        })),
      };
    case 'signatures':
      return {
        ...b,
        signers: b.signers.map((s, i) => ({
          role: f(s.role, `role${i}`),
          name: f(s.name, `name${i}`),
          date: f(s.date, `date${i}`),
        })),
      };
    case 'figure':
      return mapFigure(b, fn);
  }
}

function mapFigure(b: Extract<Block, { kind: 'figure' }>, fn: TextFn): Block {
  const where = `Tabell: ${b.caption}`;
  const f = (text: string, field: string) => fn(text, { where, key: `fig:${b.id}.${field}` });
  return {
    ...b,
    caption: f(b.caption, 'caption'),
    table: {
      ...b.table,
      head: b.table.head.map((h, c) => f(h, `h${c}`)),
      rows: b.table.rows.map((row, r) => row.map((cell, c) => f(cell, `r${r}c${c}`))),
    },
    ...(b.chart === undefined
      ? {}
      : {
          chart: {
            ...b.chart,
            labels: b.chart.labels.map((l, i) => f(l, `label${i}`)),
            series: b.chart.series.map((s, i) => ({ ...s, name: f(s.name, `series${i}`) })),
            unit: f(b.chart.unit, 'unit'),
          },
        }),
    ...(b.alt === undefined ? {} : { alt: f(b.alt, 'alt') }),
    ...(b.source === undefined ? {} : { source: f(b.source, 'source') }),
    ...(b.note === undefined ? {} : { note: f(b.note, 'note') }),
  };
}

function mapSection(s: Section, path: string[], ids: string[], fn: TextFn): Section {
  const titles = [...path, s.title];
  const key = [...ids, s.id].join('/');
  const at: TextLoc = { where: titles.join(' › '), key };
  const seen = new Map<Block['kind'], number>();
  return {
    ...s,
    title: fn(s.title, { where: at.where, key: `${key}.title` }),
    blocks: s.blocks.map((b) => {
      // Keyed by kind and its number among the section's blocks of that kind: a figure left out (or a note that
      // only some data brings) does not change the ids of the hits in the other blocks. Slots and figures are
      // keyed by their own stable key / id.
      const n = seen.get(b.kind) ?? 0;
      seen.set(b.kind, n + 1);
      return mapBlock(b, { where: at.where, key: `${key}/${b.kind}${n}` }, fn);
    }),
    sections: s.sections.map((sub) => mapSection(sub, titles, [...ids, s.id], fn)),
  };
}

/** A copy of the document with `fn` applied to every free text that is printed. */
function mapTexts(doc: ReportDocument, fn: TextFn): ReportDocument {
  const top = (text: string, field: string) => fn(text, { where: TITLE_PAGE, key: `doc.${field}` });
  return {
    ...doc,
    title: top(doc.title, 'title'),
    subtitle: top(doc.subtitle, 'subtitle'),
    diarienummer: top(doc.diarienummer, 'diarienummer'),
    decided:
      doc.decided === null
        ? null
        : {
            ...doc.decided,
            by: top(doc.decided.by, 'decidedBy'),
            protocolRef: top(doc.decided.protocolRef, 'protocol'),
          },
    subject: top(doc.subject, 'subject'),
    chapters: doc.chapters.map((s) => mapSection(s, [], [], fn)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Ids and hits

/** cyrb53: a fast 53-bit string hash (stable across runs and platforms). */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** The hits in one text, with their ids (`occurrence` counts the same match earlier in the same text). */
function hitsIn(text: string, loc: TextLoc): (PiiHit & { start: number; end: number })[] {
  const seen = new Map<string, number>();
  return findPii(text).map((m) => {
    const n = seen.get(m.match) ?? 0;
    seen.set(m.match, n + 1);
    return {
      id: `pii-${hash53(`${loc.key}\u0000${m.kind}\u0000${m.match}\u0000${n}`)}`,
      kind: m.kind,
      match: m.match,
      where: loc.where,
      before: oneLine(text.slice(Math.max(0, m.start - CONTEXT), m.start)),
      after: oneLine(text.slice(m.end, m.end + CONTEXT)),
      start: m.start,
      end: m.end,
    };
  });
}

/** Every possible personal datum in the texts of the document, in reading order. */
export function scanDocument(doc: ReportDocument): PiiHit[] {
  const hits: PiiHit[] = [];
  mapTexts(doc, (text, loc) => {
    for (const { start: _s, end: _e, ...hit } of hitsIn(text, loc)) hits.push(hit);
    return text;
  });
  return hits;
}

/** `… before 811218-9876 after …`, short, for messages. */
export function hitInContext(h: PiiHit, chars = 20): string {
  const before = h.before.length > chars ? `…${h.before.slice(-chars)}` : h.before;
  const after = h.after.length > chars ? `${h.after.slice(0, chars)}…` : h.after;
  return `${before}${h.match}${after}`.trim();
}

/**
 * The document with the decisions applied: 'mask' replaces the match by its label ("[personnummer]"), 'keep'
 * keeps it. Every hit must have a decision; otherwise nothing is returned and the error lists the unreviewed.
 */
export function applyPiiDecisions(doc: ReportDocument, decisions: readonly PiiDecision[]): ReportDocument {
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const unreviewed = scanDocument(doc).filter((h) => !byId.has(h.id));
  if (unreviewed.length > 0) {
    const n = unreviewed.length;
    const head = n === 1 ? '1 uppgift är inte granskad' : `${n} uppgifter är inte granskade`;
    const list = unreviewed.map((h) => `${PII_KIND_NAMES[h.kind]} i ${h.where} ("${hitInContext(h)}")`).join(', ');
    throw new AppError('validation', `${head}: ${list}. Maskera eller behåll varje uppgift innan rapporten sparas.`, {
      issues: unreviewed.map((h) => ({
        field: `pii.${h.id}`,
        message: `${PII_KIND_NAMES[h.kind]} i ${h.where} är inte granskat.`,
      })),
    });
  }
  return mapTexts(doc, (text, loc) => {
    let out = text;
    // Right to left, so the offsets of the earlier hits stay valid.
    for (const h of hitsIn(text, loc).reverse()) {
      if (byId.get(h.id)?.action === 'mask') out = `${out.slice(0, h.start)}${PII_LABELS[h.kind]}${out.slice(h.end)}`;
    }
    return out;
  });
}

/** Every hit masked (`npm run report -- --mask-pii`); the hits say what was masked. */
export function maskAllPii(doc: ReportDocument): { doc: ReportDocument; hits: PiiHit[] } {
  const hits = scanDocument(doc);
  if (hits.length === 0) return { doc, hits };
  return {
    doc: applyPiiDecisions(
      doc,
      hits.map((h) => ({ id: h.id, action: 'mask' as const })),
    ),
    hits,
  };
}

/**
 * The hits as a Swedish list, one a line, numbered: kind, where, the match in context (the CLI's refusal puts
 * its own headline above it). No hits: an empty string.
 */
export function describeHits(hits: readonly PiiHit[]): string {
  return hits.map((h, i) => `  ${i + 1}. ${PII_KIND_NAMES[h.kind]} i ${h.where}: "${hitInContext(h, 30)}"`).join('\n');
}
