/**
 * `npm run seed -- --rows 1000000 --db <file> [--seed N]`: the demo generator at any size, for benchmarks.
 * Refuses to write into an existing file so nobody loses a real database by a typo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/core/db/connection';
import { DEFAULT_DEMO_ROWS, DEFAULT_DEMO_SEED } from '../src/core/demo/generator';
import { seedDemo } from '../src/core/demo/seed';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const rows = Number(arg('rows') ?? DEFAULT_DEMO_ROWS);
  const seed = Number(arg('seed') ?? DEFAULT_DEMO_SEED);
  const file = arg('db');
  if (!file) throw new Error('Ange --db <fil>, t.ex. npm run seed -- --rows 1000000 --db bench/1m.sqlite');
  if (!Number.isInteger(rows) || rows < 1)
    throw new Error(`--rows måste vara ett positivt heltal (fick ${arg('rows')}).`);
  if (fs.existsSync(file)) throw new Error(`Filen finns redan: ${file}. Välj ett nytt namn.`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = openDatabase(file);
  const started = Date.now();
  let lastPct = -1;
  await seedDemo(db, {
    rows,
    seed,
    chunkSize: 20_000,
    onProgress: (done, total) => {
      const pct = Math.floor((100 * done) / total);
      if (pct !== lastPct && pct % 10 === 0) {
        lastPct = pct;
        process.stdout.write(`  ${pct} % (${done} av ${total})\n`);
      }
    },
  });
  db.close();
  console.log(`Klart: ${rows} händelser i ${file} på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((err: unknown) => {
  console.error(`Fel: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
