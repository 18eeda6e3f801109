/**
 * The raw baseline for the workbook import: `node --import tsx bench/xlsx-child.ts <file.xlsx>` streams every
 * row of every sheet through exceljs's WorkbookReader (shared strings cached, styles read for dates) and
 * does nothing with them. Prints one JSON line: rows, ms and this process's peak RSS.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';

/** This process's own peak RSS (VmHWM on Linux; see import-child.ts). */
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
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2]!, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  for await (const sheet of reader) for await (const row of sheet) if (row.hasValues) rows++;
  console.log(JSON.stringify({ rows, ms: performance.now() - started, maxRssMb: peakRssMb() }));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
