/**
 * A rough length of a document in body lines, to choose its layout: a long report starts each chapter on a
 * new page; a short one (a medborgarlöfte, a letter to the citizens) lets its chapters follow each other
 * rather than leave most pages blank.
 */
import type { Block, ReportDocument, Section } from '../shared/report';
import { splitParagraphs } from './text';

/** Body lines on an A4 page at 11 pt with the report's margins. */
export const PAGE_LINES = 44;
/** Documents longer than this start every chapter on a new page. */
export const PAGED_FROM_PAGES = 6;

const lines = (text: string, perLine: number) => Math.max(1, Math.ceil(text.length / perLine));

function blockLines(b: Block): number {
  switch (b.kind) {
    case 'text':
    case 'slot':
    case 'note':
      return splitParagraphs(b.text).reduce((n, p) => n + lines(p, 95) + 0.5, b.kind === 'note' ? 2 : 0);
    case 'list':
      return b.items.reduce((n, i) => n + lines(i, 90), 1);
    case 'facts':
      return b.items.reduce((n, i) => n + lines(i.value, 55), 1);
    case 'keyFigures':
      return 6;
    case 'signatures':
      return Math.ceil(b.signers.length / 2) * 8;
    case 'figure':
      return 5 + b.table.rows.length * 1.3 + (b.chart ? 22 : 0) + (b.source ? 1.5 : 0) + (b.note ? 1.5 : 0);
  }
}

function sectionLines(s: Section, depth: number): number {
  const own = (depth === 0 ? 4 : 3) + s.blocks.reduce((n, b) => n + blockLines(b), 0);
  return own + s.sections.reduce((n, c) => n + sectionLines(c, depth + 1), 0);
}

export function estimatedLines(doc: ReportDocument): number {
  return doc.chapters.reduce((n, c) => n + sectionLines(c, 0), 0);
}

/** Whether each chapter starts on a new page. */
export function chaptersOnNewPages(doc: ReportDocument): boolean {
  return estimatedLines(doc) > PAGED_FROM_PAGES * PAGE_LINES;
}
