/**
 * The print layer and the Chromium printer on a hand-made document with every block kind: the HTML's
 * semantics (lang, captions, header cells, no printed hints), then the PDF as poppler reads it — tagged
 * with headings in order, tables and figures in the tag tree, A4, the metadata, every font embedded (and
 * only the report's typeface), the long table's header row on every page it runs over, "Sida X av Y" and
 * "Data per …" in the footer, UTKAST on every page of a draft and on none otherwise, the chapters in the
 * outline. Every page is rendered to PNG under test-results/print/ to be looked at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPrintFonts } from '../../src/core/reports/fonts';
import { createChromiumPrinter, type ChromiumPrinter } from '../../src/host/printer';
import { chartsHtml, pageTemplates, renderReportHtml, setPdfMetadata } from '../../src/print';
import type { ReportDocument, Section } from '../../src/shared/report';
import {
  EMPTY_SLOT_HINT,
  LONG_TABLE_HEAD,
  LONG_TABLE_ROWS,
  fixtureDocument,
  longTableCount,
  manySectionsDocument,
  longTablePlace,
} from '../helpers/report-fixture';

const OUT = path.resolve(__dirname, '../../test-results/print');
const tool = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
/** Whitespace as one plain space (numbers carry no-break spaces; pdftotext may keep or drop them). */
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

interface Printed {
  doc: ReportDocument;
  file: string;
  pages: number;
  /** pdftotext -layout of each page, whitespace normalised. */
  pageTexts: string[];
  /** The last line of each page's body (above the footer). */
  lastLines: string[];
}

let printer: ChromiumPrinter;
let final: Printed;
let draft: Printed;

async function print(doc: ReportDocument, name: string): Promise<Printed> {
  const file = path.join(OUT, `${name}.pdf`);
  fs.writeFileSync(file, await printer.pdf(doc));
  const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', file))![1]);
  const raw = Array.from({ length: pages }, (_, i) =>
    tool('pdftotext', '-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'),
  );
  const lastLines = raw.map((t) => {
    const lines = t.split('\n').map((l) => norm(l).trim());
    const footer = lines.findIndex((l) => l.startsWith('Sida '));
    return lines.slice(0, footer).filter(Boolean).at(-1) ?? '';
  });
  // Every page as an image, to be looked at.
  tool('pdftoppm', '-png', '-r', '60', file, path.join(OUT, name));
  return { doc, file, pages, pageTexts: raw.map(norm), lastLines };
}

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  printer = createChromiumPrinter();
  final = await print(fixtureDocument(), 'fastställd');
  draft = await print(fixtureDocument({ draft: true, decided: null }), 'utkast');
});
afterAll(async () => {
  await printer.close();
});

function allSections(doc: ReportDocument): Section[] {
  const out: Section[] = [];
  const walk = (s: Section) => {
    out.push(s);
    s.sections.forEach(walk);
  };
  doc.chapters.forEach(walk);
  return out;
}

async function outlineTitles(file: string): Promise<string[]> {
  const pdf = await PDFDocument.load(fs.readFileSync(file));
  const titles: string[] = [];
  const walk = (d: PDFDict | undefined) => {
    for (let n = d; n; n = n.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = n.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) titles.push(title.decodeText());
      walk(n.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

describe('utskriftens HTML', () => {
  const fontFaces = loadPrintFonts();
  const doc = fixtureDocument();
  const html = renderReportHtml(doc, { fontFaces });

  it('är ett helt svenskt dokument med rapportens titel och typsnitt', () => {
    expect(html.startsWith('<!DOCTYPE html><html lang="sv">')).toBe(true);
    expect(html).toContain('<title>Lägesbild 2026 – Klippans kommun</title>');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<img class="logo" src="data:image/png;base64,');
    expect(html).toContain('alt="Logotyp"');
    // Four faces in two subsets each, as data URLs: nothing is fetched.
    expect(html.match(/@font-face/g)).toHaveLength(8);
    expect(html).not.toMatch(/src:\s*url\("?(https?:|file:|\/)/);
  });

  it('tabeller med caption, kolumn- och radrubriker; högerställda tal', () => {
    expect(html).toContain('<caption>Tabell: Händelser per plats och år</caption>');
    expect(html).toContain('<th scope="col" class="num">Anmälda händelser</th>');
    expect(html).toContain('<th scope="row">Storgatan 1</th><td class="num">2023</td>');
    const tables = html.match(/<table>/g)!.length;
    expect(tables).toBe(6);
    expect(html.match(/<thead>/g)).toHaveLength(tables);
    expect(html.match(/<caption>/g)).toHaveLength(tables);
    // One row heading per body row.
    expect(html.match(/<th scope="row"/g)!.length).toBeGreaterThanOrEqual(LONG_TABLE_ROWS);
  });

  it('diagram som SVG med titel och beskrivning; rubriker i ordning; tom textruta utan ledtext', () => {
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(5);
    expect(html).toContain('<title>Händelser per år</title><desc>Stapeldiagram: händelser per år 2023–2026');
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(html).toContain('<p>Vår bedömning: tryggheten ökar i Ödåkra och på Åbyplan.</p>');
    expect(html).not.toContain(EMPTY_SLOT_HINT);
    expect(html).not.toContain('Sammanfatta läget med egna ord');
    expect(html).toContain('<dl class="facts">');
    expect(html).toContain('<a href="#kartlaggning-platser">Platser</a>');
  });

  it('en lång rapport börjar varje kapitel på ny sida, en kort låter dem följa på varandra', () => {
    expect(html).toContain('<main class="paged">');
    const short = fixtureDocument({
      chapters: fixtureDocument().chapters.filter((c) => c.id === 'sammanfattning' || c.id === 'atgarder'),
    });
    expect(renderReportHtml(short, { fontFaces: [] })).toContain('<main class="flow">');
  });

  it('sidhuvud och sidfot: område, period, sidnummer, data per, UTKAST bara i utkast', () => {
    const t = pageTemplates(doc, { fontFaces });
    expect(t.headerTemplate).toContain('Klippans kommun');
    expect(t.headerTemplate).toContain('1 januari–31 december 2026');
    expect(t.headerTemplate).not.toContain('UTKAST');
    expect(t.headerTemplate).toMatch(/font-size:\s*[\d.]+pt/);
    // Only the regular face's latin subset: the bars' words need no other (a draft adds bold for UTKAST).
    expect(t.headerTemplate.match(/@font-face/g)).toHaveLength(1);
    expect(pageTemplates({ ...doc, draft: true }, { fontFaces }).headerTemplate.match(/@font-face/g)).toHaveLength(2);
    expect(
      pageTemplates({ ...doc, areaName: 'Łęczyca' }, { fontFaces }).headerTemplate.match(/@font-face/g),
    ).toHaveLength(2);
    expect(t.footerTemplate).toContain(
      'Sida <span class="pageNumber"></span> av <span class="totalPages"></span> · Data per 31 oktober 2026',
    );
    expect(pageTemplates({ ...doc, draft: true }).headerTemplate).toContain('UTKAST');
    expect(pageTemplates({ ...doc, dataAsOf: null }).footerTemplate).toContain(' · Inga data');
    expect(pageTemplates({ ...doc, areaName: 'A <b>&</b>' }).headerTemplate).toContain('A &lt;b&gt;&amp;&lt;/b&gt;');
  });

  it('diagramsidan har ett element per diagram', () => {
    const charts = chartsHtml(doc, fontFaces);
    const ids = [...charts.matchAll(/data-chart-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['utveckling-ar', 'utveckling-manad', 'kategorier', 'forandring', 'veckodag-timme']);
  });
});

describe('PDF genom Chromium', () => {
  it('A4, taggad, med titel, författare, ämne, nyckelord, språk och skapare', async () => {
    const info = tool('pdfinfo', final.file);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    expect(info).toContain('Title:           Lägesbild 2026 – Klippans kommun');
    expect(info).toContain('Author:          Maja Samordnare');
    expect(info).toContain('Subject:         Lägesbild för Klippans kommun, 1 januari–31 december 2026');
    expect(info).toMatch(/Keywords:\s+.*Lägesbild.*Klippans kommun/);
    expect(info).toContain('Creator:         Lägesbild');
    const pdf = await PDFDocument.load(fs.readFileSync(final.file));
    expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('sv-SE');
    expect(pdf.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
  });

  it('taggträdet: H1, H2, H3 i ordning, tabeller med rubrikceller, figurer', () => {
    const struct = tool('pdfinfo', '-struct', final.file);
    const headings = [...struct.matchAll(/^\s*H([1-6])\b/gm)].map((m) => Number(m[1]));
    expect(headings[0]).toBe(1);
    expect(headings.filter((h) => h === 1)).toHaveLength(1);
    for (let i = 1; i < headings.length; i++) expect(headings[i]! - headings[i - 1]!).toBeLessThanOrEqual(1);
    // Innehåll and the four chapters are H2, the six sections H3.
    expect(headings.filter((h) => h === 2)).toHaveLength(1 + final.doc.chapters.length);
    expect(headings.filter((h) => h === 3)).toHaveLength(allSections(final.doc).length - final.doc.chapters.length);
    expect(struct.match(/^\s*Table\b/gm)).toHaveLength(6);
    expect(struct.match(/^\s*TH\b/gm)!.length).toBeGreaterThan(LONG_TABLE_ROWS);
    // The logo and the five charts.
    expect(struct.match(/^\s*Figure\b/gm)!.length).toBeGreaterThanOrEqual(6);
  });

  it('alla typsnitt inbäddade, och bara rapportens (Source Sans 3), även i sidhuvud och sidfot', () => {
    for (const p of [final, draft]) {
      const fonts = tool('pdffonts', p.file).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f, f).toMatch(/^\w{6}\+SourceSans3/);
        expect(f.split(/\s+/).at(-5), f).toBe('yes');
      }
    }
  });

  it('texten: kapitel, å ä ö, den långa tabellens tal, sidfot med sida och data per', () => {
    const text = final.pageTexts.join(' ');
    for (const s of allSections(final.doc)) expect(text, s.title).toContain(s.title);
    expect(text).toContain('Vår bedömning: tryggheten ökar i Ödåkra och på Åbyplan.');
    expect(text).toContain('Fastställd 14 december 2026 av Kommunfullmäktige (KF 2026-12-14 § 140)');
    for (let i = 0; i < LONG_TABLE_ROWS; i++) expect(text).toContain(`${longTablePlace(i)} `);
    for (let i = 0; i < LONG_TABLE_ROWS; i++) expect(text).toContain(norm(longTableCount(i)));
    final.pageTexts.forEach((t, i) => {
      expect(t).toContain(`Sida ${i + 1} av ${final.pages} · Data per 31 oktober 2026`);
      expect(t).toContain('Klippans kommun');
    });
    expect(text).not.toContain(EMPTY_SLOT_HINT);
    expect(text).not.toContain('Sammanfatta läget med egna ord');
  });

  it('den långa tabellen går över flera sidor med rubrikraden överst på varje', () => {
    const pagesWithRows = final.pageTexts
      .map((t, i) =>
        Array.from({ length: LONG_TABLE_ROWS }, (_, r) => longTablePlace(r)).some((p) => t.includes(`${p} `)) ? i : -1,
      )
      .filter((i) => i >= 0);
    expect(pagesWithRows.length).toBeGreaterThanOrEqual(3);
    for (const i of pagesWithRows) {
      const t = final.pageTexts[i]!;
      const head = norm(LONG_TABLE_HEAD.join(' '));
      expect(t, `sida ${i + 1}`).toMatch(new RegExp(head.replace(/ /g, '\\s+')));
      // The header row stands above the page's first row of the table.
      const firstRow = Array.from({ length: LONG_TABLE_ROWS }, (_, r) => t.indexOf(`${longTablePlace(r)} `))
        .filter((x) => x >= 0)
        .sort((a, b) => a - b)[0]!;
      expect(t.indexOf('Anmälda händelser'), `sida ${i + 1}`).toBeLessThan(firstRow);
    }
  });

  it('ingen rubrik står sist på en sida', async () => {
    const many = await print(manySectionsDocument(), 'många-avsnitt');
    expect(many.pages).toBeGreaterThanOrEqual(6);
    for (const p of [final, draft, many]) {
      const titles = new Set(allSections(p.doc).map((s) => s.title));
      // From page 3: page 2 is the table of contents, a list of the titles.
      p.lastLines.forEach((line, i) => {
        if (i >= 2) expect(titles.has(line), `${p.file} sida ${i + 1}: ${line}`).toBe(false);
      });
    }
  });

  it('UTKAST på varje sida i ett utkast, på ingen i en fastställd rapport', () => {
    draft.pageTexts.forEach((t, i) => expect(t, `utkast sida ${i + 1}`).toContain('UTKAST'));
    final.pageTexts.forEach((t, i) => expect(t, `fastställd sida ${i + 1}`).not.toContain('UTKAST'));
    expect(draft.pageTexts[0]).not.toContain('Fastställd');
  });

  it('dokumentöversikten (bokmärken) listar kapitlen och avsnitten', async () => {
    const outline = await outlineTitles(final.file);
    // Each once, in reading order (a heading at the top of a page must not be named twice).
    expect(outline).toEqual([final.doc.title, 'Innehåll', ...allSections(final.doc).map((s) => s.title)]);
  });

  it('metadata skrivs om utan att taggträdet eller översikten ändras', async () => {
    const again = path.join(OUT, 'metadata-igen.pdf');
    const retitled = { ...final.doc, title: 'Ny titel – Åstorp', author: 'Örjan Åberg' };
    fs.writeFileSync(again, await setPdfMetadata(fs.readFileSync(final.file), retitled));
    expect(tool('pdfinfo', again)).toContain('Title:           Ny titel – Åstorp');
    expect(tool('pdfinfo', again)).toMatch(/Tagged:\s+yes/);
    expect(tool('pdfinfo', '-struct', again)).toBe(tool('pdfinfo', '-struct', final.file));
    expect(await outlineTitles(again)).toEqual(await outlineTitles(final.file));
  });

  it('diagrammen som PNG för .docx, i dubbel upplösning', async () => {
    const images = await printer.chartImages(final.doc);
    expect([...images.keys()]).toEqual([
      'utveckling-ar',
      'utveckling-manad',
      'kategorier',
      'forandring',
      'veckodag-timme',
    ]);
    for (const [id, png] of images) {
      fs.writeFileSync(path.join(OUT, `diagram-${id}.png`), png);
      expect(Buffer.from(png.subarray(1, 4)).toString('latin1')).toBe('PNG');
      const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
      // 640 px of chart and its padding, at deviceScaleFactor 2.
      expect(view.getUint32(16), id).toBe(2 * 656);
      expect(view.getUint32(20), id).toBeGreaterThan(200);
    }
    expect((await printer.chartImages({ ...final.doc, chapters: [] })).size).toBe(0);
  });
});
