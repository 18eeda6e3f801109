/**
 * Capturing changes. Each connection gets TEMP triggers on every audited table (src/core/audit/tables.ts);
 * being TEMP they may call the functions registered here on the connection (who, when, the hashes), and a
 * file opened by another tool (the sqlite3 shell) still works. Each trigger appends one entry in the same
 * statement, so the entry commits or rolls back with the change. Ids are the last id + 1 (no gaps), and the
 * entry's hash covers the previous entry's hash: see hash.ts. The entry's values are computed in a DISTINCT
 * subquery, which SQLite does not flatten: flattened, `audit_now()` would run once for the stored time and
 * again for the hash, and the two could differ by a millisecond.
 *
 * Bulk work (an import, an undo of one, demo data) turns the row triggers off on its connection and logs
 * itself as one entry (`suspendRowAudit`, `logEntry`).
 */
import os from 'node:os';
import type { Db } from '../db/types';
import { rowDiff } from './diff';
import { entryHash, GENESIS, sha256 } from './hash';
import { AUDITED_TABLES, type AuditedTable } from './tables';

export interface AuditOptions {
  /** Who the changes of this connection are recorded as (the local user profile's label). */
  actor?: (() => string) | undefined;
  clock?: (() => Date) | undefined;
}

interface AuditState {
  suspended: number;
  /** The row triggers' DDL: dropped while suspended (a bulk import then pays nothing per row), recreated after. */
  rowTriggers: string;
  actor: () => string;
  clock: () => Date;
}

const states = new WeakMap<Db, AuditState>();

function systemUser(): string {
  try {
    return os.userInfo().username || 'okänd';
  } catch {
    return 'okänd';
  }
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The INSERT of one entry as trigger SQL: the id and previous hash are read from the log in the same
 * statement. `objectId`, `action`, `content` and `actor` are SQL expressions.
 */
function entrySql(objectType: string, objectId: string, action: string, content: string, actor = 'audit_actor()') {
  return `INSERT INTO audit_log (id, at, actor, object_type, object_id, action, content_json, content_hash, prev_hash, hash)
  SELECT e.id, e.at, e.actor, e.ot, e.oid, e.act, e.c, e.ch, e.prev,
         audit_hash(e.prev, e.id, e.at, e.actor, e.ot, e.oid, e.act, e.ch)
  FROM (SELECT DISTINCT l.id + 1 AS id, audit_now() AS at, ${actor} AS actor, ${lit(objectType)} AS ot,
               CAST(${objectId} AS TEXT) AS oid, ${action} AS act, c.c AS c, audit_sha256(c.c) AS ch,
               coalesce((SELECT hash FROM audit_log WHERE id = l.id), ${lit(GENESIS)}) AS prev
        FROM (SELECT coalesce(max(id), 0) AS id FROM audit_log) AS l, (SELECT ${content} AS c) AS c) AS e;`;
}

function columnsOf(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter(Boolean);
}

function rowObject(columns: readonly string[], prefix: 'NEW' | 'OLD'): string {
  return `json_object(${columns.map((c) => `${lit(c)}, ${prefix}.${q(c)}`).join(', ')})`;
}

function tableTriggers(db: Db, t: AuditedTable): string {
  const cols = columnsOf(db, t.table);
  if (cols.length === 0) return '';
  const name = (what: string) => q(`audit_${t.table}_${what}`);
  const on = q(t.table);
  const id = (row: 'NEW' | 'OLD') => `${row}.${q(t.idColumn)}`;
  const changed = cols.map((c) => `OLD.${q(c)} IS NOT NEW.${q(c)}`).join(' OR ');
  const update = `
CREATE TEMP TRIGGER IF NOT EXISTS ${name('update')} AFTER UPDATE ON main.${on} WHEN audit_on() AND (${changed})
BEGIN ${entrySql(t.table, id('NEW'), `'ändrad'`, `audit_diff(${rowObject(cols, 'OLD')}, ${rowObject(cols, 'NEW')})`)} END;`;
  if (!t.trash) {
    return `${update}
CREATE TEMP TRIGGER IF NOT EXISTS ${name('insert')} AFTER INSERT ON main.${on} WHEN audit_on()
BEGIN ${entrySql(t.table, id('NEW'), `'skapad'`, `json_object('after', ${rowObject(cols, 'NEW')})`)} END;
CREATE TEMP TRIGGER IF NOT EXISTS ${name('delete')} AFTER DELETE ON main.${on} WHEN audit_on()
BEGIN ${entrySql(t.table, id('OLD'), `'borttagen'`, `json_object('before', ${rowObject(cols, 'OLD')})`)} END;`;
  }
  // A table with a trash (incidents) changes a row by deleting and inserting it again, and deletes a row by
  // moving it to the trash: a DELETE is held until the INSERT (a change) or the trash row (a deletion) shows.
  const pending = `(SELECT row FROM temp.audit_pending WHERE tbl = ${lit(t.table)} AND id = NEW.${q(t.idColumn)})`;
  const trashPending = `(SELECT row FROM temp.audit_pending WHERE tbl = ${lit(t.table)} AND id = NEW.id)`;
  const restored = `CASE WHEN EXISTS (SELECT 1 FROM main.${q(t.trash)} WHERE id = ${id('NEW')}) THEN 'återställd' ELSE 'skapad' END`;
  const clear = (row: string) => `DELETE FROM temp.audit_pending WHERE tbl = ${lit(t.table)} AND id = ${row};`;
  return `${update}
CREATE TEMP TRIGGER IF NOT EXISTS ${name('hold')} AFTER DELETE ON main.${on} WHEN audit_on()
BEGIN INSERT OR REPLACE INTO temp.audit_pending (tbl, id, row) VALUES (${lit(t.table)}, ${id('OLD')}, ${rowObject(cols, 'OLD')}); END;
CREATE TEMP TRIGGER IF NOT EXISTS ${name('insert')} AFTER INSERT ON main.${on} WHEN audit_on() AND ${pending} IS NULL
BEGIN ${entrySql(t.table, id('NEW'), restored, `json_object('after', ${rowObject(cols, 'NEW')})`)} END;
CREATE TEMP TRIGGER IF NOT EXISTS ${name('replace')} AFTER INSERT ON main.${on} WHEN audit_on() AND ${pending} IS NOT NULL
BEGIN ${entrySql(t.table, id('NEW'), `'ändrad'`, `audit_diff(${pending}, ${rowObject(cols, 'NEW')})`)}
  ${clear(id('NEW'))} END;
CREATE TEMP TRIGGER IF NOT EXISTS ${name('trash')} AFTER INSERT ON main.${q(t.trash)} WHEN audit_on()
BEGIN ${entrySql(t.table, 'NEW.id', `'borttagen'`, `json_object('before', json(coalesce(${trashPending}, NEW.row_json)))`)}
  ${clear('NEW.id')} END;`;
}

/** An import logs itself once, when its log row gets its report (the last write of its transaction). */
function importTriggers(): string {
  const content = `json_object('after', json_object('fil', NEW.file_name, 'format', NEW.format, 'tillagda', NEW.added,
    'uppdaterade', NEW.updated, 'dubbletter', NEW.duplicates, 'hoppade_over', NEW.skipped))`;
  const actor = `coalesce(nullif(NEW.created_by, ''), audit_actor())`;
  return `
CREATE TEMP TRIGGER IF NOT EXISTS audit_import_commit AFTER UPDATE OF report_json ON main.import_log
WHEN OLD.report_json = '{}' AND NEW.report_json <> '{}'
BEGIN ${entrySql('import', 'NEW.id', `'import'`, content, actor)} END;`;
}

/** Registers the functions and creates the triggers on one connection. Idempotent. */
export function installAudit(db: Db, options: AuditOptions = {}): void {
  const state: AuditState = {
    suspended: 0,
    rowTriggers: '',
    actor: options.actor ?? systemUser,
    clock: options.clock ?? (() => new Date()),
  };
  states.set(db, state);
  db.function('audit_on', { deterministic: false }, () => (state.suspended === 0 ? 1 : 0));
  db.function('audit_actor', { deterministic: false }, () => actorOf(state));
  db.function('audit_now', { deterministic: false }, () => state.clock().toISOString());
  db.function('audit_sha256', { deterministic: true }, (text: unknown) => sha256(String(text)));
  db.function('audit_diff', { deterministic: true }, (before: unknown, after: unknown) =>
    rowDiff(String(before), String(after)),
  );
  db.function(
    'audit_hash',
    { deterministic: true },
    (
      prevHash: unknown,
      id: unknown,
      at: unknown,
      actor: unknown,
      ot: unknown,
      oid: unknown,
      act: unknown,
      ch: unknown,
    ) =>
      entryHash({
        prevHash: String(prevHash),
        id: Number(id),
        at: String(at),
        actor: String(actor),
        objectType: String(ot),
        objectId: String(oid),
        action: String(act),
        contentHash: String(ch),
      }),
  );
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS audit_pending (tbl TEXT NOT NULL, id INTEGER NOT NULL, row TEXT NOT NULL, PRIMARY KEY (tbl, id))',
  );
  state.rowTriggers = AUDITED_TABLES.map((t) => tableTriggers(db, t)).join('\n');
  db.exec(state.rowTriggers + importTriggers());
}

function actorOf(state: AuditState): string {
  try {
    return state.actor() || 'okänd';
  } catch {
    return 'okänd';
  }
}

/** Turns the row triggers of this connection off until the returned function is called (bulk work). */
export function suspendRowAudit(db: Db): () => void {
  const state = states.get(db);
  if (!state) return () => {};
  if (state.suspended++ === 0) dropRowTriggers(db);
  let resumed = false;
  return () => {
    if (resumed) return;
    resumed = true;
    if (--state.suspended === 0) db.exec(state.rowTriggers);
  };
}

/** The row triggers (all but the import's own entry), dropped from this connection's temp schema. */
function dropRowTriggers(db: Db): void {
  const names = db
    .prepare(
      "SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'audit%' AND name <> 'audit_import_commit'",
    )
    .pluck()
    .all() as string[];
  for (const name of names) db.exec(`DROP TRIGGER temp."${name.replace(/"/g, '""')}"`);
}

export function withoutRowAudit<T>(db: Db, fn: () => T): T {
  const resume = suspendRowAudit(db);
  try {
    return fn();
  } finally {
    resume();
  }
}

export interface NewEntry {
  objectType: string;
  objectId: string | number;
  action: string;
  /** Before → after: `{ before?: {...}, after?: {...} }`, or any other JSON object. */
  content: Record<string, unknown>;
  /** Who, when not the connection's user. */
  actor?: string | undefined;
}

/** Appends one entry (inside the caller's transaction, if any). Returns its id and hash. */
export function logEntry(db: Db, entry: NewEntry): { id: number; hash: string } {
  const state = states.get(db);
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  const content = JSON.stringify(entry.content);
  const fields = {
    prevHash: last?.hash ?? GENESIS,
    id: (last?.id ?? 0) + 1,
    at: (state?.clock() ?? new Date()).toISOString(),
    actor: entry.actor || (state ? actorOf(state) : systemUser()),
    objectType: entry.objectType,
    objectId: String(entry.objectId),
    action: entry.action,
    contentHash: sha256(content),
  };
  const hash = entryHash(fields);
  db.prepare(
    `INSERT INTO audit_log (id, at, actor, object_type, object_id, action, content_json, content_hash, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    fields.id,
    fields.at,
    fields.actor,
    fields.objectType,
    fields.objectId,
    fields.action,
    content,
    fields.contentHash,
    fields.prevHash,
    hash,
  );
  return { id: fields.id, hash };
}
