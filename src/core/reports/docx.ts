/**
 * The editable Word version of a report (issue 12, "Output"), for the tjänsteskrivelse: the same headings,
 * tables and numbers as the PDF, charts as images. A title page, a table of contents (a Word TOC field that
 * Word fills in on opening), the chapters; a header with the area and period (and UTKAST for a draft) and a
 * footer "Sida X av Y · Data per <datum>" on every page.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
  type FileChild,
} from 'docx';
import type { ReportDocument } from '../../shared/report';
import { dataPerLine, decidedLine } from '../../shared/report-text';
import { ORDERED_LIST, section, type BlockContext } from './docx-blocks';
import { fitInto, logoImage } from './docx-image';

/** A4 in twips, with 2.5 cm margins (the PDF's page). */
const PAGE = { width: 11906, height: 16838, margin: 1418 } as const;
const LANGUAGE = 'sv-SE';

function titlePage(doc: ReportDocument): FileChild[] {
  const out: FileChild[] = [];
  const logo = logoImage(doc.logo);
  // An SVG logo has no PNG fallback for Word: the title page is written without it.
  if (logo) {
    const size = fitInto(logo, { width: 220, height: 90 });
    out.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: logo.type,
            data: logo.data,
            transformation: size,
            altText: { name: 'Logotyp', title: 'Logotyp', description: `Logotyp: ${doc.areaName}` },
          }),
        ],
        spacing: { after: 480 },
      }),
    );
  }
  const line = (text: string, opts: { size?: number; bold?: boolean; after?: number } = {}) =>
    new Paragraph({
      children: [new TextRun({ text, size: opts.size, bold: opts.bold })],
      spacing: { after: opts.after ?? 120 },
    });
  out.push(line(doc.areaName, { size: 28, bold: true, after: 720 }));
  if (doc.draft) out.push(line('UTKAST', { bold: true, size: 28 }));
  out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }));
  if (doc.subtitle) out.push(line(doc.subtitle, { size: 28, after: 480 }));
  out.push(line(doc.periodLabel, { size: 24 }));
  if (doc.diarienummer) out.push(line(`Diarienummer: ${doc.diarienummer}`));
  if (doc.decided) out.push(line(decidedLine(doc.decided)));
  out.push(line(dataPerLine(doc)));
  return out;
}

/** The table of contents (each chapter then starts on a new page of its own, as in the PDF). */
function contents(doc: ReportDocument): FileChild[] {
  if (doc.chapters.length === 0) return [];
  return [
    new Paragraph({
      pageBreakBefore: true,
      children: [new TextRun({ text: 'Innehåll', bold: true, size: 32 })],
      spacing: { after: 240 },
    }),
    new TableOfContents('Innehåll', { hyperlink: true, headingStyleRange: '1-3' }),
  ];
}

function header(doc: ReportDocument): Header {
  return new Header({
    children: [
      new Paragraph({
        children: [
          new TextRun({ text: `${doc.areaName} · ${doc.periodLabel}`, size: 18 }),
          ...(doc.draft ? [new TextRun({ text: '   UTKAST', bold: true, size: 18 })] : []),
        ],
      }),
    ],
  });
}

function footer(doc: ReportDocument): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 18,
            children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES, ` · ${dataPerLine(doc)}`],
          }),
        ],
      }),
    ],
  });
}

/** The report as a .docx file. `charts`: each chart as a PNG by figure id (figures without one get none). */
export async function renderDocx(doc: ReportDocument, charts: Map<string, Uint8Array>): Promise<Uint8Array> {
  const ctx: BlockContext = { charts, nextListInstance: 1 };
  const body = doc.chapters.flatMap((s) => section(s, 0, ctx));
  const file = new Document({
    title: doc.title,
    creator: doc.author,
    lastModifiedBy: doc.author,
    subject: doc.subject,
    description: doc.subtitle,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { language: { value: LANGUAGE }, size: 22 } },
        heading1: { paragraph: { keepNext: true, keepLines: true } },
        heading2: { paragraph: { keepNext: true, keepLines: true } },
        heading3: { paragraph: { keepNext: true, keepLines: true } },
      },
    },
    numbering: {
      config: [
        {
          reference: ORDERED_LIST,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        headers: { default: header(doc) },
        footers: { default: footer(doc) },
        children: [...titlePage(doc), ...contents(doc), ...body],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
