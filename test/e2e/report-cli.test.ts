/**
 * `npm run report` on the demo database, every template, checked with poppler as a reader of the PDF would
 * meet it: tagged, headings and tables in the tag tree, fonts embedded, the chapters in the outline, and
 * every number of the document's tables in the text. A fastställd report prints the same after an import;
 * personal data stops the CLI unless --mask-pii; bad arguments write nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFDict, PDFName, PDFHexString, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportCli } from '../../scripts/report';
import { createChromiumPrinter } from '../../src/host/printer';
import { formatInteger } from '../../src/shared/format';
import type { ReportDocument, ReportSelection } from '../../src/shared/report';
import { DEMO_NOW, demoWorkspace } from '../helpers/report';
import type { TestWorkspace } from '../helpers/workspace';

const OUT = path.resolve(__dirname, '../../test-results/report-cli');
let t: TestWorkspace;
let printer: ReturnType<typeof createChromiumPrinter>;
let dbFile: string;

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  t = await demoWorkspace(20_000);
  dbFile = t.ws.demoPath();
  printer = createChromiumPrinter();
});
afterAll(async () => {
  await printer.close();
  await t.close();
});

const cli = (args: string[]) => runReportCli([...args, '--db', dbFile], { printer, now: () => DEMO_NOW });
const tool = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
/** Whitespace as one plain space (numbers carry no-break spaces; pdftotext may keep or drop them). */
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

async function outlineTitles(file: string): Promise<string[]> {
  const pdf = await PDFDocument.load(fs.readFileSync(file));
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  const walk = (d: PDFDict | undefined) => {
    for (let n = d; n; n = n.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = n.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) titles.push(title.decodeText());
      walk(n.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

/** Cells that are numbers ("1 073", "12,4", "−3"): they must be in the PDF text exactly. */
function numericCells(doc: ReportDocument): string[] {
  const cells: string[] = [];
  const walk = (s: ReportDocument['chapters'][number]) => {
    for (const b of s.blocks) {
      if (b.kind !== 'figure') continue;
      for (const row of b.table.rows)
        for (const c of row.slice(1)) if (/^[−+-]?\d[\d\s\u00a0\u202f]*(,\d+)?$/.test(c)) cells.push(norm(c));
    }
    s.sections.forEach(walk);
  };
  doc.chapters.forEach(walk);
  return cells;
}

async function documentOf(selection: ReportSelection): Promise<ReportDocument> {
  return (await t.call('reports.document', { source: { selection } })).document;
}

async function checkPdf(file: string, doc: ReportDocument): Promise<string> {
  const info = tool('pdfinfo', file);
  expect(info).toMatch(/Tagged:\s+yes/);
  expect(info).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
  expect(
    info
      .split('\n')
      .find((l) => l.startsWith('Title:'))
      ?.replace(/^Title:\s+/, ''),
  ).toBe(doc.title);
  const struct = tool('pdfinfo', '-struct', file);
  // Headings in order: one H1 (the title) first, then no level skipped on the way down.
  const levels = [...struct.matchAll(/^\s*H([1-6]) /gm)].map((m) => Number(m[1]));
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  expect(levels).toContain(2);
  levels.forEach((l, i) => i > 0 && expect(l, `rubrik ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1));
  // Figures are real tables: a Table with header cells (and charts as Figure elements with their text).
  const figures = numericCells(doc).length;
  if (figures > 0) expect(struct).toMatch(/^\s*Table\b[\s\S]*^\s*TH\b/m);
  const fonts = tool('pdffonts', file).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f, f).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  const fontsEmbedded = fonts.map((f) => f.split(/\s+/).at(-5));
  expect(new Set(fontsEmbedded)).toEqual(new Set(['yes']));
  const text = norm(tool('pdftotext', '-layout', file, '-'));
  for (const c of doc.chapters) expect(text, c.title).toContain(norm(c.title));
  for (const n of numericCells(doc)) expect(text, n).toContain(n);
  const outline = await outlineTitles(file);
  for (const c of doc.chapters) expect(outline).toContain(c.title);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(text).toContain(`Sida ${pages} av ${pages}`);
  return text;
}

describe('npm run report: varje mall på exempeldata', () => {
  const klippan2026 = { area: { kind: 'kommun', kommunCode: '1276' }, from: '2026-01-01', to: '2026-12-31' } as const;
  const args2026 = ['--kommun', '1276', '--from', '2026-01-01', '--to', '2026-12-31'];

  it('lägesbild: taggad PDF med kapitel, tabeller och appens siffror', async () => {
    const file = path.join(OUT, 'lagesbild.pdf');
    const r = await cli(['--template', 'lagesbild', ...args2026, '--out', file]);
    expect(r.stdout).toContain('Rapporten sparades');
    expect(r.code).toBe(0);
    const doc = await documentOf({ template: 'lagesbild', ...klippan2026 });
    const text = await checkPdf(file, doc);
    expect(tool('pdfinfo', '-struct', file)).toMatch(/\bTable\b[\s\S]*\bTH\b/);
    // The kommun's count in the period, as Lägesbild's comparison screen shows it.
    const klippanId = t.one<number>("SELECT id FROM kommun WHERE scb_code = '1276'");
    const compare = await t.call('dashboards.compare', {
      filter: { kommunIds: [klippanId], fromDay: '2026-01-01', toDay: '2026-12-31' },
    });
    const row = compare.rows.find((x) => x.kommunId === klippanId)!;
    expect(text).toContain(norm(formatInteger(row.total)));
    expect(text).toContain('Data per 31 oktober 2026');
  });

  const others: [string, string[], ReportSelection][] = [
    ['uppfoljning', args2026, { template: 'uppfoljning', ...klippan2026 }],
    ['medborgare', args2026, { template: 'medborgare', ...klippan2026 }],
    ['atgardsplan', args2026, { template: 'atgardsplan', ...klippan2026 }],
    ['overenskommelse', args2026, { template: 'overenskommelse', ...klippan2026 }],
  ];
  for (const [template, args, selection] of others) {
    it(`${template}: taggad PDF med kapitel och appens siffror`, async () => {
      const file = path.join(OUT, `${template}.pdf`);
      const r = await cli(['--template', template, ...args, '--out', file]);
      expect(r.stdout).toContain('Rapporten sparades');
      await checkPdf(file, await documentOf(selection));
    });
  }

  it('medborgarlöfte: ett beslutat löfte, kommunen från löftet', async () => {
    const lofteId = t.one<number>(
      "SELECT id FROM lofte WHERE kommun_id = (SELECT id FROM kommun WHERE scb_code = '1276') AND period_from = '2026-01-01'",
    );
    const file = path.join(OUT, 'medborgarlofte.pdf');
    const r = await cli(['--template', 'medborgarlofte', '--lofte', String(lofteId), '--out', file]);
    expect(r.stdout).toContain('Rapporten sparades');
    const doc = await documentOf({ template: 'medborgarlofte', lofteId, ...klippan2026 });
    await checkPdf(file, doc);
  });

  it('lägesbild och uppföljning som redigerbar .docx med samma rubriker och tal', async () => {
    for (const template of ['lagesbild', 'uppfoljning'] as const) {
      const file = path.join(OUT, `${template}.docx`);
      const r = await cli(['--template', template, ...args2026, '--format', 'docx', '--out', file]);
      expect(r.stdout).toContain('Rapporten sparades');
      expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
      const xml = tool('unzip', '-p', file, 'word/document.xml');
      const text = norm(
        xml
          .replace(/<w:tab\/>/g, ' ')
          .replace(/<[^>]+>/g, '')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'"),
      );
      const doc = await documentOf({ template, ...klippan2026 });
      for (const c of doc.chapters) expect(text, c.title).toContain(norm(c.title));
      for (const n of numericCells(doc)) expect(text, n).toContain(n);
    }
  });
});

describe('npm run report: fastställd, personuppgifter, felaktiga argument, lång rapport', () => {
  const selection: ReportSelection = {
    template: 'lagesbild',
    area: { kind: 'kommun', kommunCode: '1276' },
    from: '2026-01-01',
    to: '2026-12-31',
  };

  const klippan2026Args = ['--kommun', '1276', '--from', '2026-01-01', '--to', '2026-12-31'];

  it('en fastställd rapport skrivs ut likadant efter en import som ändrat data', async () => {
    const created = await t.call('reports.create', { selection });
    const decided = await t.call('reports.decide', {
      id: created.id,
      revision: created.revision,
      decidedBy: 'Kommunfullmäktige',
      decidedOn: '2026-11-20',
      protocolRef: 'KF § 112',
    });
    const before = path.join(OUT, 'faststalld-fore.pdf');
    expect((await cli(['--report', String(decided.id), '--out', before])).code).toBe(0);
    const draftBefore = path.join(OUT, 'utkast-fore.pdf');
    expect((await cli(['--template', 'lagesbild', ...klippan2026Args, '--out', draftBefore])).code).toBe(0);

    // An import of 40 EST reports in Klippan in March 2026.
    const csv = path.join(OUT, 'est-klippan-2026.csv');
    const lines = [
      'Ärendenummer;Händelsedatum;Tid;Kommun;Plats;Kategori;Underkategori;Beskrivning;Rapporterande organisation;Latitud;Longitud;Status',
    ];
    for (let i = 0; i < 40; i++)
      lines.push(
        `EST-9${String(i).padStart(3, '0')};2026-03-${String(1 + (i % 28)).padStart(2, '0')};22:15;Klippan;Järnvägsstationen;Klotter;;Klotter på väggen;Klippans kommun;;;Ny`,
      );
    fs.writeFileSync(csv, `${lines.join('\r\n')}\r\n`);
    const report = await t.call('imports.commit', { path: csv });
    expect(report.added).toBe(40);

    const after = path.join(OUT, 'faststalld-efter.pdf');
    expect((await cli(['--report', String(decided.id), '--out', after])).code).toBe(0);
    const text = (f: string) => tool('pdftotext', '-layout', f, '-');
    expect(text(after)).toBe(text(before));
    expect(text(after)).toContain('KF § 112');
    // The default content is computed from today's data: it moved (so the comparison above could fail).
    const draftAfter = path.join(OUT, 'utkast-efter.pdf');
    expect((await cli(['--template', 'lagesbild', ...klippan2026Args, '--out', draftAfter])).code).toBe(0);
    expect(text(draftAfter)).not.toBe(text(draftBefore));
  });

  it('personuppgifter: CLI nekar utan --mask-pii och skriver ingen av dem med', async () => {
    const created = await t.call('reports.create', { selection });
    await t.call('reports.save', {
      id: created.id,
      revision: created.revision,
      edits: {
        texts: {
          sammanfattning:
            'Anmälaren 811218-9876 nås på 070-123 45 67. Flera boende har hört av sig om samma sak under hösten, ' +
            'och kommunen har svarat alla. Ärendet 811218-9875 är ett löpnummer, inte ett personnummer.',
        },
      },
    });
    const file = path.join(OUT, 'pii.pdf');
    const refused = await cli(['--report', String(created.id), '--out', file]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('811218-9876');
    expect(refused.stdout).toContain('070-123 45 67');
    expect(refused.stdout).not.toContain('811218-9875');
    expect(fs.existsSync(file)).toBe(false);

    const masked = await cli(['--report', String(created.id), '--mask-pii', '--out', file]);
    expect(masked.code).toBe(0);
    const text = tool('pdftotext', '-layout', file, '-');
    expect(text).toContain('[personnummer]');
    expect(text).toContain('[telefonnummer]');
    expect(text).not.toContain('9876');
    expect(text).not.toMatch(/123\s?45\s?67/);
    expect(text).toContain('811218-9875');
  });

  it('felaktiga argument: svenskt meddelande, exit 1, ingen fil', async () => {
    const file = path.join(OUT, 'fel.pdf');
    const cases: [string[], RegExp][] = [
      [['--template', 'arsrapport', '--kommun', '1276'], /okänd mall "arsrapport"/],
      [['--template', 'lagesbild', '--kommun', '12'], /fyrsiffriga kommunkod/],
      [['--template', 'lagesbild', '--kommun', '9999'], /Kommunkoden 9999 finns inte/],
      [['--template', 'lagesbild', '--lpo', 'Malmö'], /Lokalpolisområdet "Malmö" finns inte/],
      [['--template', 'lagesbild', '--kommun', '1276', '--from', '2026-13-01'], /--from ska vara ett datum/],
      [['--template', 'lagesbild', '--kommun', '1276', '--from', '2026-06-01', '--to', '2026-01-01'], /ligger efter/],
      [['--template', 'medborgarlofte', '--kommun', '1276'], /kräver --lofte/],
      [['--template', 'medborgarlofte', '--lofte', '999999'], /finns inte/],
      [['--report', '999999'], /Rapporten finns inte/],
      [['--template', 'lagesbild', '--kommun', '1276', '--format', 'odt'], /okänt format "odt"/],
      [['--template', 'lagesbild', '--kommun', '1276', '--färg', 'blå'], /okänd flagga "--färg"/],
    ];
    for (const [args, message] of cases) {
      const r = await cli([...args, '--out', file]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout, args.join(' ')).toMatch(message);
      expect(r.stdout).toMatch(/^Rapporten skapades inte: /);
      expect(fs.existsSync(file)).toBe(false);
    }
    const noOut = await runReportCli(['--template', 'lagesbild', '--kommun', '1276', '--db', dbFile], { printer });
    expect(noOut).toMatchObject({ code: 1 });
    expect(noOut.stdout).toContain('ange --out');
  });

  it('en lång rapport (LPO med fem kommuner, tre år) bryts rent över sidorna', async () => {
    const file = path.join(OUT, 'lpo-tre-ar.pdf');
    const r = await cli([
      '--template',
      'lagesbild',
      '--lpo',
      'Klippan',
      '--from',
      '2024-01-01',
      '--to',
      '2026-12-31',
      '--out',
      file,
    ]);
    expect(r.stdout).toContain('Rapporten sparades');
    const doc = await documentOf({
      ...selection,
      area: { kind: 'lpo', lpo: 'Klippan' },
      from: '2024-01-01',
      to: '2026-12-31',
    });
    await checkPdf(file, doc);
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', file))![1]);
    expect(pages).toBeGreaterThan(8);
    for (let p = 1; p <= pages; p++) {
      const page = norm(tool('pdftotext', '-layout', '-f', String(p), '-l', String(p), file, '-'));
      expect(page, `sida ${p}`).toContain(`Sida ${p} av ${pages}`);
    }
    // Every page as an image, for a person to look at (test-results/report-cli/lpo-*.png).
    tool('pdftoppm', '-png', '-r', '50', file, path.join(OUT, 'lpo'));
    expect(fs.readdirSync(OUT).filter((f) => f.startsWith('lpo') && f.endsWith('.png'))).toHaveLength(pages);
  });
});
