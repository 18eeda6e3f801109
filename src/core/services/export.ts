/**
 * Exports of the register's current view. CSV is UTF-8 with BOM, semicolons and CRLF so Swedish Excel
 * opens it as columns with å, ä and ö intact; xlsx is streamed so a million rows never sit in memory.
 */
import fs from 'node:fs';
// exceljs takes ~0.4 s to load: only when a workbook is read or written, not with every import or export.
import type { Incident, IncidentFilter, IncidentSort, Kommun, Lpo } from '../../shared/domain';
import { SOURCE_LABELS, STATUS_LABELS } from '../../shared/domain';
import { categoryLabel, subcategoryLabel } from '../../shared/taxonomy';
import { formatLocalDateTime } from '../../shared/time';
import type { IncidentRepo } from '../db/incident-repo';

export const EXPORT_HEADERS = [
  'Id',
  'Inträffade',
  'Rapporterad',
  'LPO',
  'Kommun',
  'Plats',
  'Kategori',
  'Underkategori',
  'Källa',
  'Status',
  'Beskrivning',
  'Rapporterande organisation',
  'Latitud',
  'Longitud',
] as const;

export function exportRow(i: Incident, kommuner: Map<number, Kommun>, lpos: Map<number, Lpo>): (string | number)[] {
  return [
    i.id,
    formatLocalDateTime(i.occurredAt),
    formatLocalDateTime(i.reportedAt),
    lpos.get(i.lpoId)?.name ?? '',
    kommuner.get(i.kommunId)?.name ?? '',
    i.placeName,
    categoryLabel(i.category),
    subcategoryLabel(i.subcategory),
    SOURCE_LABELS[i.source],
    STATUS_LABELS[i.status],
    i.description,
    i.reporterOrg,
    i.lat ?? '',
    i.lon ?? '',
  ];
}

function csvField(v: string | number): string {
  // Decimal comma for Swedish Excel. Text that Excel would run as a formula gets a leading apostrophe
  // (shown as text, not executed); anything that could break the row is quoted.
  if (typeof v === 'number') return String(v).replace('.', ',');
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[";\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface ExportContext {
  repo: IncidentRepo;
  kommuner: Kommun[];
  lpos: Lpo[];
  onProgress?: (done: number, total: number) => void;
}

export async function exportIncidents(
  ctx: ExportContext,
  filter: IncidentFilter,
  sort: IncidentSort,
  format: 'csv' | 'xlsx',
  outPath: string,
): Promise<number> {
  const kommuner = new Map(ctx.kommuner.map((k) => [k.id, k]));
  const lpos = new Map(ctx.lpos.map((l) => [l.id, l]));
  const total = ctx.repo.count(filter);
  const tmp = `${outPath}.part`;
  let n = 0;
  // Our own stream with an error listener: a failed open (missing folder, no permission, full disk) must
  // reject the export, not hang it while the 'error' event goes unhandled.
  const out = fs.createWriteStream(tmp, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  failed.catch(() => undefined);
  const orFail = <T>(p: Promise<T>): Promise<T> => Promise.race([p, failed]);
  try {
    if (format === 'csv') {
      const write = (s: string) =>
        orFail(out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
      await write('\uFEFF' + EXPORT_HEADERS.join(';') + '\r\n');
      for (const batch of ctx.repo.batches(filter, sort)) {
        await write(batch.map((i) => exportRow(i, kommuner, lpos).map(csvField).join(';') + '\r\n').join(''));
        n += batch.length;
        ctx.onProgress?.(n, total);
      }
      await orFail(
        new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve()))),
      );
    } else {
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
      const ws = wb.addWorksheet('Händelser');
      ws.columns = EXPORT_HEADERS.map((h) => ({ header: h, width: h === 'Beskrivning' ? 60 : 18 }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      for (const batch of ctx.repo.batches(filter, sort)) {
        for (const i of batch) ws.addRow(exportRow(i, kommuner, lpos)).commit();
        n += batch.length;
        ctx.onProgress?.(n, total);
        await orFail(new Promise((r) => setImmediate(r)));
      }
      ws.commit();
      await orFail(wb.commit());
    }
    // Only a complete file gets the real name: an interrupted export never leaves a half file behind.
    fs.renameSync(tmp, outPath);
  } catch (err) {
    // Close the file before removing it (Windows cannot remove an open file).
    if (!out.closed) {
      out.destroy();
      await new Promise<void>((r) => out.once('close', () => r()));
    }
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  ctx.onProgress?.(n, total);
  return n;
}
