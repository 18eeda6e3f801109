/**
 * One import through the app's import worker, alone in this process so its peak RSS is the import's:
 * `node --import tsx bench/import-child.ts <db> <file> <format> [year]`. Prints one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runImportInWorker } from '../src/core/imports/runner';
import type { ImportFormat } from '../src/core/imports/types';

const [dbPath, file, format, year] = process.argv.slice(2);
/**
 * The worker the desktop app ships (built by `npm run bench`'s build step); the TypeScript source if not built
 * or if LAGESBILD_BENCH_SOURCE is set (to measure the source without building).
 */
const BUILT = path.resolve(__dirname, '../out/main/import-worker.js');
const WORKER =
  fs.existsSync(BUILT) && !process.env.LAGESBILD_BENCH_SOURCE
    ? { path: BUILT }
    : { path: path.resolve(__dirname, '../src/core/imports/worker-entry.ts'), register: 'tsx/cjs' };

/**
 * This process's own peak RSS. On Linux from VmHWM: getrusage's maxRSS survives exec, so a child forked
 * from a large benchmark process would report the parent's size instead of its own.
 */
function peakRssMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

async function main(): Promise<void> {
  const started = performance.now();
  const report = await runImportInWorker({
    script: WORKER,
    dbPath: dbPath!,
    // The benchmark's files are generated (invented populations for every kommun): their warnings are expected.
    file: { path: file!, format: format as ImportFormat, year: year ? Number(year) : undefined, acceptWarnings: true },
  });
  const ms = performance.now() - started;
  const maxRssMb = peakRssMb();
  console.log(JSON.stringify({ added: report.added, updated: report.updated, ms, maxRssMb, worker: WORKER.path }));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
