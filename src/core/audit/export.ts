/**
 * The audit log as files: CSV for people (UTF-8 with BOM, semicolons, CRLF, like the register's export), with
 * a last line holding the chain head, so every export also keeps the head outside the database; and JSON
 * for the entries a restore supersedes, kept beside the backups.
 */
import fs from 'node:fs';
import type { Db } from '../db/types';
import { auditObjectLabel } from '../../shared/audit';
import { auditWhere, ROW_COLUMNS, sides, type AuditFilter, type AuditRow } from './list';
import { latestHead } from './heads';
import type { ChainHead } from './verify';

export const AUDIT_CSV_HEADERS = ['Tid', 'Användare', 'Objekt', 'Id', 'Händelse', 'Före', 'Efter', 'Hash'];
const HEAD_LABEL = 'Kedjehuvud';

function csvField(v: string | number): string {
  if (typeof v === 'number') return String(v);
  // Text Excel would run as a formula is shown as text; anything that could break the row is quoted.
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[";\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: (string | number)[]) => cells.map(csvField).join(';') + '\r\n';

/** Writes the entries the filter selects, oldest first; returns how many. */
export function exportAuditCsv(db: Db, file: string, filter: AuditFilter = {}): number {
  const w = auditWhere(filter);
  const fd = fs.openSync(file, 'w');
  let rows = 0;
  try {
    fs.writeSync(fd, '\uFEFF' + line(AUDIT_CSV_HEADERS));
    const it = db.prepare(`SELECT ${ROW_COLUMNS} FROM audit_log ${w.sql} ORDER BY id`).iterate(...w.params);
    let chunk = '';
    for (const r of it as IterableIterator<AuditRow>) {
      const { before, after } = sides(r.content_json);
      chunk += line([r.at, r.actor, auditObjectLabel(r.object_type), r.object_id, r.action, before, after, r.hash]);
      rows++;
      if (chunk.length > 1 << 16) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    const head = latestHead(db);
    chunk += line([HEAD_LABEL, head ? String(head.id) : '0', '', '', '', '', '', head?.hash ?? '']);
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return rows;
}

/** Entries from `fromId` on, with the head they end at, as JSON (what a restore supersedes). */
export function exportEntriesJson(db: Db, fromId: number, file: string, now = new Date()): number {
  const entries = db
    .prepare(
      'SELECT id, at, actor, object_type, object_id, action, content_json, content_hash, prev_hash, hash, erased FROM audit_log WHERE id >= ? ORDER BY id',
    )
    .all(fromId);
  fs.writeFileSync(file, JSON.stringify({ exportedAt: now.toISOString(), head: latestHead(db), entries }, null, 1));
  return entries.length;
}

/** The chain head an export holds (its CSV last line, or a JSON export's `head`); null if there is none. */
export function headFromExport(file: string): ChainHead | null {
  const text = fs.readFileSync(file, 'utf8');
  if (file.toLowerCase().endsWith('.json')) {
    const head = (JSON.parse(text) as { head?: ChainHead | null }).head;
    return head && typeof head.id === 'number' ? { id: head.id, hash: head.hash } : null;
  }
  const last = text.trimEnd().split(/\r?\n/).pop() ?? '';
  const cells = last.split(';');
  if (cells[0] !== HEAD_LABEL) return null;
  const id = Number(cells[1]);
  const hash = cells[7] ?? '';
  return id > 0 && /^[0-9a-f]{64}$/.test(hash) ? { id, hash } : null;
}
