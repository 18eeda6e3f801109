/** Report documents in tests: a demo workspace, a document built for a selection, its text and figures. */
import { buildDocument } from '../../src/core/reports/build';
import { localDay } from '../../src/shared/time';
import {
  EMPTY_EDITS,
  type Block,
  type Figure,
  type ReportDocument,
  type ReportEdits,
  type ReportSelection,
  type Section,
} from '../../src/shared/report';
import { testWorkspace, type TestWorkspace } from './workspace';

/** The demo's clock: after its latest data (2026-10-31), in a year in progress. */
export const DEMO_NOW = new Date('2026-11-22T10:00:00Z');

/** A workspace on the demo database (seeded with `rows` incidents, löften, walks, survey). */
export async function demoWorkspace(rows = 20_000, now = DEMO_NOW): Promise<TestWorkspace> {
  const t = testWorkspace({ demoRows: rows, clock: () => now });
  await t.call('db.openDemo', {});
  await t.ws.ready();
  return t;
}

/** The template's document for a selection, built directly (as every op and the CLI build it). */
export function buildFor(
  t: TestWorkspace,
  sel: ReportSelection,
  edits: Partial<ReportEdits> = {},
  now = DEMO_NOW,
): ReportDocument {
  return t.ws
    .db()
    .read((r) =>
      buildDocument(
        { r, now, today: localDay(now.toISOString()), author: 'Maja Samordnare', edits: { ...EMPTY_EDITS, ...edits } },
        sel,
      ),
    );
}

export function allSections(doc: ReportDocument): Section[] {
  const out: Section[] = [];
  const walk = (s: Section) => {
    out.push(s);
    s.sections.forEach(walk);
  };
  doc.chapters.forEach(walk);
  return out;
}

export function allBlocks(doc: ReportDocument): Block[] {
  return allSections(doc).flatMap((s) => s.blocks);
}

export function figure(doc: ReportDocument, id: string): Figure {
  const f = allBlocks(doc).find((b): b is Figure => b.kind === 'figure' && b.id === id);
  if (!f) throw new Error(`Figuren ${id} finns inte i dokumentet`);
  return f;
}

/** Every text of the document in reading order (headings, paragraphs, tables' cells). */
export function documentText(doc: ReportDocument): string {
  const lines: string[] = [doc.title, doc.subtitle, doc.areaName, doc.periodLabel];
  const block = (b: Block) => {
    switch (b.kind) {
      case 'text':
      case 'note':
        lines.push(b.text);
        break;
      case 'slot':
        lines.push(b.text);
        break;
      case 'figure':
        lines.push(b.caption, b.table.head.join(' | '), ...b.table.rows.map((r) => r.join(' | ')));
        if (b.note) lines.push(b.note);
        break;
      case 'keyFigures':
        lines.push(...b.items.map((i) => `${i.label}: ${i.value}`));
        break;
      case 'list':
        lines.push(...b.items);
        break;
      case 'facts':
        lines.push(...b.items.map((i) => `${i.label}: ${i.value}`));
        break;
      case 'signatures':
        lines.push(...b.signers.map((s) => `${s.role}: ${s.name} ${s.date}`));
        break;
    }
  };
  for (const s of allSections(doc)) {
    lines.push(s.title);
    s.blocks.forEach(block);
  }
  return lines.join('\n');
}
