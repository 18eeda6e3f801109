/**
 * The .docx of a report (issue 12, "Output"): a valid Word package with the document's headings in order
 * (chapters Heading1, sections Heading2, deeper Heading3, the title the only Title), every table cell with
 * the same text as the document's tables, header rows that repeat and rows that don't split, the chart as
 * an embedded image with its text alternative, PAGE / NUMPAGES in the footer, the metadata, and nothing of an
 * empty slot's hint.
 */
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/core/reports/docx';
import type { Figure, ReportDocument, Section } from '../../src/shared/report';
import {
  EMPTY_SLOT_HINT,
  chartFigure,
  handDocument,
  longFigure,
  makePng,
  unzip,
  zipText,
} from '../helpers/report-doc-fixture';

// ---------------------------------------------------------------------------------------------------------
// Reading WordprocessingML (flat: no nested tables in what the writer produces)

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of an XML fragment: its w:t elements, joined; a w:br as a newline. */
function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g))
    out += m[1] === undefined ? '\n' : unescape(m[1]);
  return out;
}

interface Para {
  style: string | null;
  text: string;
  xml: string;
}

function paragraphsOf(xml: string): Para[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[0])?.[1] ?? null,
    text: textOf(m[0]),
    xml: m[0],
  }));
}

interface Tbl {
  xml: string;
  rows: { xml: string; cells: string[] }[];
}

function tablesOf(xml: string): Tbl[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => ({
    xml: t[0],
    rows: [...t[0].matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((r) => ({
      xml: r[0],
      cells: [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])),
    })),
  }));
}

function headingsOf(doc: ReportDocument): [string, string][] {
  const out: [string, string][] = [];
  const walk = (s: Section, depth: number) => {
    out.push([`Heading${Math.min(depth + 1, 3)}`, s.title]);
    s.sections.forEach((sub) => walk(sub, depth + 1));
  };
  doc.chapters.forEach((s) => walk(s, 0));
  return out;
}

function figuresOf(doc: ReportDocument): Figure[] {
  const out: Figure[] = [];
  const walk = (s: Section) => {
    for (const b of s.blocks) if (b.kind === 'figure') out.push(b);
    s.sections.forEach(walk);
  };
  doc.chapters.forEach(walk);
  return out;
}

const CHART_PNG = makePng(320, 160);

async function render(doc: ReportDocument, charts = new Map([[chartFigure().id, CHART_PNG]])) {
  const files = unzip(await renderDocx(doc, charts));
  return { files, xml: zipText(files, 'word/document.xml') };
}

describe('renderDocx', () => {
  it('writes a valid Word package whose [Content_Types].xml covers every part', async () => {
    const { files } = await render(handDocument());
    const types = zipText(files, '[Content_Types].xml');
    const overrides = new Set([...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]));
    const defaults = new Set([...types.matchAll(/Extension="([^"]+)"/g)].map((m) => m[1]));
    for (const name of files.keys()) {
      if (name === '[Content_Types].xml') continue;
      const ext = name.slice(name.lastIndexOf('.') + 1);
      expect(overrides.has(name) || defaults.has(ext), name).toBe(true);
    }
    for (const part of ['word/document.xml', 'word/styles.xml', 'docProps/core.xml', 'word/numbering.xml']) {
      expect(overrides.has(part), part).toBe(true);
    }
    const rels = zipText(files, 'word/_rels/document.xml.rels');
    for (const m of rels.matchAll(/Target="([^"]+)"/g)) {
      if (!/^https?:/.test(m[1]!)) expect(files.has(`word/${m[1]}`), m[1]).toBe(true);
    }
  });

  it('has the chapters as Heading1 and sections as Heading2/3, in order, and the title as the only Title', async () => {
    const doc = handDocument();
    const { xml } = await render(doc);
    const paras = paragraphsOf(xml);
    const headings = paras.filter((p) => /^Heading\d$/.test(p.style ?? '')).map((p) => [p.style, p.text]);
    expect(headings).toEqual(headingsOf(doc));
    expect(headings).toContainEqual(['Heading3', 'Månad för månad']);
    expect(paras.filter((p) => p.style === 'Title').map((p) => p.text)).toEqual([doc.title]);
    // Title page before the table of contents, the contents before the first chapter.
    const text = paras.map((p) => p.text).join('\n');
    for (const line of [
      doc.areaName,
      doc.subtitle,
      doc.periodLabel,
      'Diarienummer: KS 2026/123',
      'Fastställd 14 december 2026 av Kommunfullmäktige (KF § 140)',
      'Data per 31 oktober 2026',
    ]) {
      expect(text).toContain(line);
      expect(xml.indexOf(line.replace('&', '&amp;'))).toBeLessThan(xml.indexOf('TOC \\h \\o &quot;1-3&quot;'));
    }
    expect(xml.indexOf('docPartGallery w:val="Table of Contents"')).toBeLessThan(xml.indexOf('w:val="Heading1"'));
    // The contents and each chapter start on a new page; sections don't.
    const breaks = paras.filter((p) => p.xml.includes('<w:pageBreakBefore/>')).map((p) => p.text);
    expect(breaks).toEqual(['Innehåll', ...doc.chapters.map((c) => c.title)]);
  });

  it('writes every figure as a captioned table with the same cells as the document, header repeating', async () => {
    const doc = handDocument();
    const { xml } = await render(doc);
    const figures = figuresOf(doc);
    const tables = tablesOf(xml).filter((t) => t.xml.includes('<w:tblHeader/>'));
    expect(tables).toHaveLength(figures.length);
    figures.forEach((f, i) => {
      const t = tables[i]!;
      expect(t.rows.map((r) => r.cells)).toEqual([f.table.head, ...f.table.rows]);
      expect(t.rows[0]!.xml).toContain('<w:tblHeader/>');
      expect(t.rows.slice(1).every((r) => !r.xml.includes('<w:tblHeader/>'))).toBe(true);
      expect(t.rows.every((r) => r.xml.includes('<w:cantSplit/>'))).toBe(true);
      // The caption paragraph (style Caption) is right before its table.
      const at = xml.indexOf(t.xml);
      const before = paragraphsOf(xml.slice(Math.max(0, at - 2000), at)).at(-1)!;
      expect(before).toMatchObject({ style: 'Caption', text: `Tabell: ${f.caption}` });
      if (f.source) expect(textOf(xml.slice(at + t.xml.length, at + t.xml.length + 2000))).toContain(f.source);
    });
    expect(tables[1]!.rows).toHaveLength(121);
    // Numbers right-aligned, the first column left.
    const cellsXml = [...tables[1]!.rows[5]!.xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cellsXml.map((c) => /<w:jc w:val="(\w+)"\/>/.exec(c)?.[1])).toEqual(['left', 'right', 'right', 'right']);
  });

  it('has the same numbers as the document, with å ä ö intact', async () => {
    const doc = handDocument();
    const { xml } = await render(doc);
    const all = textOf(xml);
    const cells = figuresOf(doc).flatMap((f) => [...f.table.head, ...f.table.rows.flat()]);
    const numbers = cells.filter((c) => /\d/.test(c));
    expect(numbers.length).toBeGreaterThan(360);
    for (const n of numbers) expect(all).toContain(n);
    expect(all).toContain('Återkommande platser');
    expect(all).toContain('Örjan Åberg');
  });

  it('embeds the chart as an image with its alt text, and the logo; an SVG logo is left out without error', async () => {
    const doc = handDocument();
    const { files, xml } = await render(doc);
    const media = [...files.keys()].filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    expect(media.some((n) => Buffer.from(files.get(n)!).equals(Buffer.from(CHART_PNG)))).toBe(true);
    const alt = chartFigure().alt!;
    expect(xml).toContain(`descr="${alt}"`);
    // "Diagram: …" above the chart, which comes before the table's caption; scaled to the text width,
    // proportions kept.
    expect(xml.indexOf('Diagram: Händelser per år')).toBeGreaterThan(-1);
    expect(xml.indexOf('Diagram: Händelser per år')).toBeLessThan(xml.indexOf(`descr="${alt}"`));
    expect(xml.indexOf(`descr="${alt}"`)).toBeLessThan(xml.indexOf('Tabell: Händelser per år'));
    const extent =
      /<wp:extent cx="(\d+)" cy="(\d+)"\/><wp:effectExtent[^>]*\/><wp:docPr id="\d+" name="[^"]*" descr="Stapel/.exec(
        xml,
      );
    expect(extent && Number(extent[1]) / Number(extent[2])).toBeCloseTo(2, 2);

    const svg = {
      fileName: 'logga.svg',
      dataUrl: `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`,
    };
    const noLogo = await render(handDocument({ logo: svg }));
    expect([...noLogo.files.keys()].filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
    // A JPEG logo: its size read from the SOF0 marker (120 × 40), embedded as a .jpeg/.jpg part.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
      0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x28, 0x00, 0x78, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9,
    ]);
    const jpegLogo = { fileName: 'logga.jpg', dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}` };
    const withJpeg = await render(handDocument({ logo: jpegLogo }));
    const jpegPart = [...withJpeg.files.keys()].find((n) => /^word\/media\/.*\.jpe?g$/.test(n));
    expect(jpegPart && Buffer.from(withJpeg.files.get(jpegPart)!).equals(jpeg)).toBe(true);
    const logoExtent =
      /<wp:extent cx="(\d+)" cy="(\d+)"\/><wp:effectExtent[^>]*\/><wp:docPr id="\d+" name="Logotyp"/.exec(withJpeg.xml);
    expect(logoExtent && Number(logoExtent[1]) / Number(logoExtent[2])).toBeCloseTo(3, 2);
    const none = await render(handDocument({ logo: null }), new Map());
    expect([...none.files.keys()].filter((n) => n.startsWith('word/media/'))).toEqual([]);
  });

  it('writes the header (area, period, UTKAST for a draft) and the footer with PAGE and NUMPAGES', async () => {
    const { files, xml } = await render(handDocument({ draft: true }));
    const titlePage = paragraphsOf(xml).map((p) => p.text);
    expect(titlePage.indexOf('UTKAST')).toBeGreaterThan(-1);
    expect(titlePage.indexOf('UTKAST')).toBeLessThan(titlePage.indexOf(handDocument().title));
    const header = textOf(zipText(files, 'word/header1.xml'));
    expect(header).toContain('Klippans kommun · 1 januari–31 december 2026');
    expect(header).toContain('UTKAST');
    const footerXml = zipText(files, 'word/footer1.xml');
    expect(footerXml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footerXml).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(textOf(footerXml)).toBe('Sida  av  · Data per 31 oktober 2026');
    const final = await render(handDocument({ draft: false }));
    expect(textOf(zipText(final.files, 'word/header1.xml'))).not.toContain('UTKAST');
  });

  it('sets title, creator, subject and description, Swedish as the language, and fields updated on opening', async () => {
    const doc = handDocument();
    const { files } = await render(doc);
    const core = zipText(files, 'docProps/core.xml');
    expect(core).toContain(`<dc:title>${doc.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${doc.author}</dc:creator>`);
    expect(core).toContain(`<dc:subject>${doc.subject}</dc:subject>`);
    expect(core).toContain(`<dc:description>${doc.subtitle}</dc:description>`);
    expect(zipText(files, 'word/styles.xml')).toContain('<w:lang w:val="sv-SE"/>');
    expect(zipText(files, 'word/settings.xml')).toMatch(/<w:updateFields w:val="(true|1)"\/>|<w:updateFields\/>/);
  });

  it("prints a slot's text but nothing of an empty slot, and every other block", async () => {
    const doc = handDocument();
    const { xml } = await render(doc);
    const paras = paragraphsOf(xml);
    const text = paras.map((p) => p.text);
    expect(xml).not.toContain(EMPTY_SLOT_HINT);
    expect(xml).not.toContain('Sammanfatta läget');
    expect(text).toContain('Vår bedömning: tryggheten ökar i Ödåkra.');
    // Blank lines split paragraphs.
    expect(text).toContain('Första stycket om läget i kommunen.');
    expect(text).toContain('Andra stycket: ökningen är måttlig.');
    // The note boxed and shaded.
    const note = paras.find((p) => p.text === 'Perioden är inte slut: data per 31 oktober 2026.')!;
    expect(note.xml).toContain('<w:pBdr>');
    expect(note.xml).toContain('w:fill="F2F2F2"');
    // Lists: bullets and numbers.
    const item = (t: string) => paras.find((p) => p.text === t)!.xml;
    expect(item('Fredagskvällar')).toContain('<w:numPr>');
    expect(item('Belysning vid stationen')).toContain('<w:numPr>');
    expect(/<w:numId w:val="(\d+)"/.exec(item('Fredagskvällar'))?.[1]).not.toBe(
      /<w:numId w:val="(\d+)"/.exec(item('Belysning vid stationen'))?.[1],
    );
    // Facts and key figures as "Label: value".
    expect(text).toContain('Ansvarig: Samhällsbyggnadsförvaltningen');
    expect(text).toContain('Händelser: 1 073 (jan–okt)');
    // Signatures: role, name, date (or a line for it).
    const all = text.join('\n');
    for (const t of [
      'Lokalpolisområdeschef',
      'Örjan Åberg',
      'Datum: 2026-12-15',
      'Kommunstyrelsens ordförande',
      'Ärla Öst',
    ]) {
      expect(all).toContain(t);
    }
  });

  it('renders a bare document (no chapters, no data, no logo, not decided)', async () => {
    const doc = handDocument({ chapters: [], dataAsOf: null, logo: null, decided: null, diarienummer: '' });
    const { files, xml } = await render(doc, new Map());
    expect(paragraphsOf(xml).filter((p) => p.style === 'Title')).toHaveLength(1);
    expect(xml).not.toContain('Diarienummer');
    expect(xml).not.toContain('Fastställd');
    expect(textOf(zipText(files, 'word/footer1.xml'))).toBe('Sida  av  · Inga data');
    expect(paragraphsOf(xml).map((p) => p.text)).toContain('Inga data');
    expect(xml).not.toContain('Innehåll');
  });

  it('handles a long table of 1 000 rows', async () => {
    const doc = handDocument({
      chapters: [{ id: 'lang', title: 'Lång tabell', blocks: [longFigure(1000)], sections: [] }],
    });
    const { xml } = await render(doc, new Map());
    const [t] = tablesOf(xml);
    expect(t!.rows).toHaveLength(1001);
    expect(t!.rows.at(-1)!.cells).toEqual(longFigure(1000).table.rows.at(-1));
  });
});
