/**
 * The lägesbild's maps in the PDF (issue 14, "Reports"), as poppler reads it: each map's page has the
 * attribution and the note on what is not drawn as text, and no raster image (the map is vector); the
 * caption, the map and its legend are on the same page. The map pages are rendered to PNG under
 * test-results/report-maps/ to be looked at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrinter, type ChromiumPrinter } from '../../src/host/printer';
import { BOUNDARY_ATTRIBUTION } from '../../src/shared/maps/boundaries';
import type { ReportDocument, ReportSelection } from '../../src/shared/report';
import { KARTA_KOMMUNER, KARTA_PLATSER, ROW_KOMMUN_ONLY } from '../../src/core/reports/templates/lagesbild-karta';
import { buildFor, demoWorkspace, figure } from '../helpers/report';
import type { TestWorkspace } from '../helpers/workspace';

const OUT = path.resolve(__dirname, '../../test-results/report-maps');
const tool = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
/** Whitespace as one plain space (numbers carry no-break spaces; pdftotext may keep or drop them). */
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

const SELECTIONS: Record<string, ReportSelection> = {
  kommun: { template: 'lagesbild', area: { kind: 'kommun', kommunCode: '1276' }, from: '2026-01-01', to: '2026-12-31' },
  lpo: { template: 'lagesbild', area: { kind: 'lpo', lpo: 'Klippan' }, from: '2026-01-01', to: '2026-12-31' },
};

let t: TestWorkspace;
let printer: ChromiumPrinter;

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  t = await demoWorkspace(20_000);
  printer = createChromiumPrinter();
});
afterAll(async () => {
  await printer.close();
  await t.close();
});

/** The 1-based page whose text contains all of `needles`. */
function pageWith(pageTexts: string[], ...needles: string[]): number {
  const i = pageTexts.findIndex((p) => needles.every((n) => p.includes(norm(n))));
  return i + 1;
}

describe.each(Object.keys(SELECTIONS))('lägesbildens kartor i PDF (%s)', (name) => {
  let doc: ReportDocument;
  let file: string;
  let pageTexts: string[];

  beforeAll(async () => {
    doc = buildFor(t, SELECTIONS[name]!);
    file = path.join(OUT, `${name}.pdf`);
    fs.writeFileSync(file, await printer.pdf(doc));
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', file))![1]);
    pageTexts = Array.from({ length: pages }, (_, i) =>
      norm(tool('pdftotext', '-f', String(i + 1), '-l', String(i + 1), file, '-')),
    );
  });

  it.each([KARTA_KOMMUNER, KARTA_PLATSER])('%s: källan, noten och kartan på en sida, som vektor', (id) => {
    const f = figure(doc, id);
    const legend = f.map!.legendTitle;
    // The caption, the legend's title and the attribution on one page: the map block was not split.
    const page = pageWith(pageTexts, f.caption, legend, BOUNDARY_ATTRIBUTION);
    expect(page, `${f.caption} / ${legend}`).toBeGreaterThan(0);
    for (const note of f.map!.notes) expect(pageTexts[page - 1]).toContain(norm(note));
    // No raster image on the page: the map is drawn as vector paths (pdfimages lists only the header line).
    const images = tool('pdfimages', '-list', '-f', String(page), '-l', String(page), file)
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(images).toEqual([]);
    tool('pdftoppm', '-png', '-r', '80', '-f', String(page), '-l', String(page), file, path.join(OUT, `${name}-${id}`));
  });

  it('noten om platser som bara har kommunen har samma N som tabellen', () => {
    const n = figure(doc, KARTA_PLATSER).table.rows.find((r) => r[0] === ROW_KOMMUN_ONLY)![2]!;
    const all = pageTexts.join(' ');
    expect(all).toContain(norm(`${n} händelser har bara kommunen som plats och visas inte som punkter`));
    expect(all).toContain(norm(`${ROW_KOMMUN_ONLY} ${n}`));
  });
});
