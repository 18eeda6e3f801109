import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedGeography } from '../../src/core/demo/seed';
import { previewInWorker, runImportInWorker } from '../../src/core/imports/runner';
import { AppError } from '../../src/shared/errors';
import { tempDb, type TempDb } from '../helpers/db';

const SCRIPT = {
  path: path.resolve(__dirname, '../../src/core/imports/worker-entry.ts'),
  register: 'tsx/cjs',
};
const KOMMUNER = ['Klippan', 'Svalöv', 'Lomma', 'Bjuv', 'Perstorp'];

/** A Polisens-händelser file with n events in the demo kommuner. */
function eventsFile(dir: string, n: number): string {
  const events = Array.from({ length: n }, (_, i) => {
    const day = 1 + (i % 28);
    const kommun = KOMMUNER[i % KOMMUNER.length]!;
    return {
      id: 100_000 + i,
      datetime: `2025-05-${String(day).padStart(2, '0')} 12:00:00 +02:00`,
      name: `${String(day).padStart(2, '0')} maj 10.${String(i % 60).padStart(2, '0')}, Stöld, ${kommun}`,
      summary: `Stöld nummer ${i}.`,
      url: `/aktuellt/handelser/${100_000 + i}/`,
      type: 'Stöld',
      location: { name: kommun, gps: '56.0,13.1' },
    };
  });
  const file = path.join(dir, 'stora-filen.json');
  fs.writeFileSync(file, JSON.stringify(events));
  return file;
}

let t: TempDb;
beforeEach(() => {
  t = tempDb();
  seedGeography(t.db);
});
afterEach(() => t.cleanup());

const count = (sql: string) => t.db.prepare(sql).pluck().get() as number;

describe('import i en egen tråd', () => {
  it('importerar med framsteg medan appens egen anslutning kan läsa', async () => {
    const file = eventsFile(t.dir.dir, 12_000);
    const progress: [number, number][] = [];
    const report = await runImportInWorker({
      script: SCRIPT,
      dbPath: t.path,
      file: { path: file },
      onProgress: (done, total) => {
        progress.push([done, total]);
        // The app's own connection still reads while the worker writes (WAL): it sees the old state.
        expect(count('SELECT count(*) FROM incident')).toBe(0);
      },
    });
    expect(report.added).toBe(12_000);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toEqual([12_000, 12_000]);
    expect(progress.map((p) => p[0])).toEqual([...progress.map((p) => p[0])].sort((a, b) => a - b));
    expect(count('SELECT count(*) FROM incident')).toBe(12_000);
  });

  it('avbryter: inget ändras och filen kan importeras efteråt', async () => {
    const file = eventsFile(t.dir.dir, 30_000);
    const controller = new AbortController();
    const run = runImportInWorker({
      script: SCRIPT,
      dbPath: t.path,
      file: { path: file },
      onProgress: () => controller.abort(),
      signal: controller.signal,
    });
    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('cancelled');
    expect((err as AppError).message).toBe('Importen avbröts. Inget har ändrats.');
    // The terminated worker's transaction never committed.
    expect(count('SELECT count(*) FROM incident')).toBe(0);
    expect(count('SELECT count(*) FROM import_log')).toBe(0);
    expect(count('SELECT count(*) FROM incident_rollup_day')).toBe(0);
    const report = await runImportInWorker({ script: SCRIPT, dbPath: t.path, file: { path: file } });
    expect(report.added).toBe(30_000);
  });

  it('för vidare pipelinens svenska fel', async () => {
    const file = path.join(t.dir.dir, 'trasig.json');
    fs.writeFileSync(file, '[{"id": 1');
    const err = await runImportInWorker({ script: SCRIPT, dbPath: t.path, file: { path: file } }).catch(
      (e: unknown) => e,
    );
    expect((err as AppError).code).toBe('validation');
    expect((err as AppError).message).toMatch(/rad 1, kolumn/);
  });

  it('läser och förhandsgranskar en fil i tråden, med framsteg, och kan avbrytas', async () => {
    const file = eventsFile(t.dir.dir, 12_000);
    const progress: number[] = [];
    const preview = await previewInWorker({
      script: SCRIPT,
      dbPath: t.path,
      file: { path: file },
      onProgress: (done) => progress.push(done),
    });
    expect([preview.format, preview.rowCount, preview.sample.length, preview.invalidCount]).toEqual([
      'polisen',
      12_000,
      20,
      0,
    ]);
    expect(preview.sample[0]!.cells[0]).toBe('1');
    expect(progress.at(-1)).toBe(12_000);
    expect(count('SELECT count(*) FROM incident')).toBe(0);

    const controller = new AbortController();
    const err = await previewInWorker({
      script: SCRIPT,
      dbPath: t.path,
      file: { path: file },
      onProgress: () => controller.abort(),
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect([(err as AppError).code, (err as AppError).message]).toEqual(['cancelled', 'Läsningen av filen avbröts.']);
  });
});
