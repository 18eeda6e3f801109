import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTable, runBench, type BenchResult } from '../../bench/run';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-bench-smoke-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run bench (röktest i små storlekar)', () => {
  it('skriver results.json med rätt form och en tabell', async () => {
    const out = path.join(dir, 'results.json');
    const logs: string[] = [];
    const results = await runBench({
      sizes: [2000, 6000],
      uiSmallRows: 500,
      dataDir: path.join(dir, 'data'),
      out,
      repeats: 1,
      ui: true,
      log: (m) => logs.push(m),
    });
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchResult[];
    expect(written).toEqual(results);
    for (const r of written) {
      expect(Object.keys(r).slice(0, 8)).toEqual([
        'name',
        'rows',
        'value',
        'unit',
        'baseline',
        'ratio',
        'target',
        'ok',
      ]);
      expect(typeof r.name).toBe('string');
      expect(Number.isInteger(r.rows)).toBe(true);
      expect(r.value === null || r.value > 0).toBe(true);
      if (r.value === null) expect(r.ok).toBe(false);
    }
    const names = new Set(written.map((r) => r.name));
    for (const n of [
      'grid.page.deep_vs_first',
      'grid.page.median_ms',
      'import.throughput',
      'import.peak_rss_mb',
      'import.incidents.throughput',
      'import.incidents.peak_rss_mb',
      'import.bra.file_ms',
      'import.scb.file_ms',
      'dashboard.compare_vs_naive',
      'dashboard.max_ms',
      'ui.first_rows_6k_vs_500',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
    const table = formatTable(written);
    expect(table.split('\n')[0]).toMatch(/^figur\s+rader\s+värde/);
    expect(table).toContain('dashboard.compare_vs_naive');
    const deep = written.find((r) => r.name === 'grid.page.deep_vs_first' && r.rows === 6000)!;
    expect(deep.ratio).toBeCloseTo(deep.value! / deep.baseline!, 1);
    expect(logs.filter((l) => l.startsWith('bygger testdata'))).toHaveLength(3);

    // The next run reuses the datasets instead of building them again.
    const again: string[] = [];
    await runBench({
      sizes: [2000],
      uiSmallRows: 500,
      dataDir: path.join(dir, 'data'),
      out,
      repeats: 1,
      ui: false,
      log: (m) => again.push(m),
    });
    expect(again.filter((l) => l.startsWith('bygger testdata'))).toEqual([]);
  });
});
