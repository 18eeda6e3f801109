/**
 * The chapters of a report document as Word content: headings (chapter Heading1, section Heading2, deeper
 * Heading3), paragraphs, notes, lists, facts, key figures, signatures, text slots and figures (the chart or
 * map as an image — a map's legend, notes and attribution as text under it — then its numbers as a real table
 * with a repeating header row and rows that don't split).
 */
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { Block, Figure, Section } from '../../shared/report';
import type { MapSpec } from '../../shared/maps/spec';
import { chartCaption, splitParagraphs, tableCaption } from '../../shared/report-text';

export { chartCaption, tableCaption };
import { fitInto, rasterImage } from './docx-image';

/** The reference of the numbering definition for ordered lists (the document's `numbering` config). */
export const ORDERED_LIST = 'lagesbild-ordered';
/** Text width of an A4 page with 2.5 cm margins, in pixels at 96 dpi. */
export const CONTENT_WIDTH_PX = 600;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/** What the writer keeps while it walks the document: the charts, and a counter for list numbering. */
export interface BlockContext {
  charts: Map<string, Uint8Array>;
  nextListInstance: number;
}

/** Lines of one paragraph: single line breaks kept as breaks. */
function runs(text: string, opts: { bold?: boolean } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...opts }));
}

/** Paragraphs from a text where blank lines separate paragraphs; an empty text gives none. */
export function paragraphs(text: string): Paragraph[] {
  return splitParagraphs(text).map((p) => new Paragraph({ children: runs(p) }));
}

/** A boxed caveat: shaded, with a border around all its paragraphs. */
function noteParagraphs(text: string): Paragraph[] {
  const border = { style: BorderStyle.SINGLE, size: 6, color: '7F7F7F', space: 4 } as const;
  const parts = splitParagraphs(text);
  return parts.map(
    (p, i) =>
      new Paragraph({
        children: runs(p),
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' },
        border: {
          left: border,
          right: border,
          ...(i === 0 ? { top: border } : {}),
          ...(i === parts.length - 1 ? { bottom: border } : {}),
        },
        spacing: { before: i === 0 ? 120 : 0, after: i === parts.length - 1 ? 120 : 0 },
      }),
  );
}

function list(items: string[], ordered: boolean, ctx: BlockContext): Paragraph[] {
  const instance = ctx.nextListInstance++;
  return items.map(
    (item) =>
      new Paragraph({
        children: runs(item),
        ...(ordered ? { numbering: { reference: ORDERED_LIST, level: 0, instance } } : { bullet: { level: 0 } }),
      }),
  );
}

function labelled(label: string, value: string, note?: string): Paragraph {
  return new Paragraph({
    children: [
      new TextRun({ text: `${label}: `, bold: true }),
      ...runs(value),
      ...(note ? [new TextRun({ text: ` (${note})` })] : []),
    ],
  });
}

type Signer = { role: string; name: string; date: string };
const BORDERLESS = { top: NONE, bottom: NONE, left: NONE, right: NONE } as const;

function signerCell(s: Signer | undefined): TableCell {
  if (!s) return new TableCell({ borders: BORDERLESS, children: [new Paragraph('')] });
  return new TableCell({
    borders: BORDERLESS,
    children: [
      new Paragraph({ children: [new TextRun({ text: s.role, bold: true })], keepNext: true }),
      new Paragraph({ text: '', spacing: { before: 480 }, keepNext: true }),
      new Paragraph({ text: '______________________________', keepNext: true }),
      new Paragraph({ text: s.name || 'Namnförtydligande', keepNext: true }),
      new Paragraph({ text: s.date ? `Datum: ${s.date}` : 'Datum:' }),
    ],
  });
}

/** Two signers side by side per row, as in the PDF's signature block; a row is never split. */
function signatures(signers: Signer[]): FileChild[] {
  if (signers.length === 0) return [];
  const rows: TableRow[] = [];
  for (let i = 0; i < signers.length; i += 2) {
    rows.push(new TableRow({ cantSplit: true, children: [signerCell(signers[i]), signerCell(signers[i + 1])] }));
  }
  return [
    new Table({
      rows,
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { ...BORDERLESS, insideHorizontal: NONE, insideVertical: NONE },
    }),
  ];
}

function chartImage(f: Figure, ctx: BlockContext): Paragraph[] {
  const bytes = ctx.charts.get(f.id);
  const img = bytes ? rasterImage(bytes) : null;
  if (!img) return [];
  const size = fitInto(img, { width: CONTENT_WIDTH_PX, height: 800 }, Number.POSITIVE_INFINITY);
  return [
    new Paragraph({ style: 'Caption', keepNext: true, text: f.map ? f.caption : chartCaption(f.caption) }),
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: img.type,
          data: img.data,
          transformation: size,
          altText: { name: f.caption, title: f.caption, description: f.alt ?? f.caption },
        }),
      ],
    }),
  ];
}

/** "Karta: händelser …" → "Tabell: Händelser …" (as the print layer's map figure). */
function mapTableCaption(caption: string): string {
  const rest = caption.replace(/^karta:\s*/i, '');
  return `Tabell: ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
}

/** Under a map's image, as text: the legend (a coloured mark per class), the notes, the attribution. */
function mapLegend(map: MapSpec): Paragraph[] {
  const mark = (item: MapSpec['legend'][number]) =>
    new TextRun({ text: item.radius ? '● ' : '■ ', color: (item.color ?? '#808080').replace('#', ''), size: 22 });
  const items = map.legend.flatMap((item, i) => [
    ...(i > 0 ? [new TextRun({ text: '   ', size: 18 })] : []),
    mark(item),
    new TextRun({ text: item.label, size: 18 }),
  ]);
  const line = (text: string, keepNext = true) =>
    new Paragraph({ keepNext, children: [new TextRun({ text, size: 18 })] });
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: map.legendTitle, bold: true, size: 18 })] }),
    new Paragraph({ keepNext: true, children: items }),
    ...map.notes.map((n) => line(n)),
    line(map.attribution, false),
  ];
}

function figureTable(f: Figure): Table {
  const { head, rows } = f.table;
  const columns = Math.max(head.length, ...rows.map((r) => r.length));
  const align = (c: number) => (f.table.align?.[c] ?? (c === 0 ? 'left' : 'right')) === 'right';
  const cell = (text: string, c: number, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: align(c) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: runs(text, header ? { bold: true } : {}),
        }),
      ],
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
    });
  const pad = (r: string[]) => [...r, ...Array<string>(Math.max(0, columns - r.length)).fill('')];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: pad(head).map((h, c) => cell(h, c, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: pad(r).map((t, c) => cell(t, c, false)) })),
    ],
  });
}

function figure(f: Figure, ctx: BlockContext): FileChild[] {
  const small = (text: string) => new Paragraph({ children: [new TextRun({ text, size: 18 })] });
  const image = chartImage(f, ctx);
  return [
    ...image,
    ...(f.map && image.length > 0 ? mapLegend(f.map) : []),
    new Paragraph({
      style: 'Caption',
      keepNext: true,
      text: f.map ? mapTableCaption(f.caption) : tableCaption(f.caption),
    }),
    figureTable(f),
    ...(f.source ? [small(f.source)] : []),
    ...(f.note ? [small(f.note)] : []),
  ];
}

export function block(b: Block, ctx: BlockContext): FileChild[] {
  switch (b.kind) {
    case 'text':
    case 'slot':
      return paragraphs(b.text);
    case 'note':
      return noteParagraphs(b.text);
    case 'list':
      return list(b.items, b.ordered === true, ctx);
    case 'facts':
      return b.items.map((it) => labelled(it.label, it.value));
    case 'keyFigures':
      return b.items.map((it) => labelled(it.label, it.value, it.note));
    case 'signatures':
      return signatures(b.signers);
    case 'figure':
      return figure(b, ctx);
  }
}

/** A chapter (depth 0: Heading1) or a section (Heading2, deeper Heading3) with everything in it. */
export function section(s: Section, depth: number, ctx: BlockContext): FileChild[] {
  const heading = HEADINGS[Math.min(depth, HEADINGS.length - 1)]!;
  return [
    // A chapter starts on a new page, as in the PDF.
    new Paragraph({ heading, keepNext: true, pageBreakBefore: depth === 0, children: [new TextRun(s.title)] }),
    ...s.blocks.flatMap((b) => block(b, ctx)),
    ...s.sections.flatMap((sub) => section(sub, depth + 1, ctx)),
  ];
}
