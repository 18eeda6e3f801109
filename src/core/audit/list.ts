/** Reading the audit log: filtered, newest first, paged by id. */
import type { Db } from '../db/types';
import { addDays, localDayStartUtc } from '../../shared/time';
import type { AuditEntry, AuditPage } from '../../shared/audit';

export interface AuditFilter {
  objectType?: string | undefined;
  objectId?: string | undefined;
  actor?: string | undefined;
  /** Local days (Europe/Stockholm), inclusive. */
  fromDay?: string | undefined;
  toDay?: string | undefined;
  /** Found in the entry's content or object id. */
  text?: string | undefined;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  object_type: string;
  object_id: string;
  action: string;
  content_json: string;
  erased: number;
  hash: string;
}

const dayStart = (day: string) => new Date(localDayStartUtc(day)).toISOString();

export function auditWhere(f: AuditFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (f.objectType) add('object_type = ?', f.objectType);
  if (f.objectId) add('object_id = ?', f.objectId);
  if (f.actor) add('actor = ?', f.actor);
  if (f.fromDay) add('at >= ?', dayStart(f.fromDay));
  if (f.toDay) add('at < ?', dayStart(addDays(f.toDay, 1)));
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add(`(content_json LIKE ? ESCAPE '\\' OR object_id = ?)`, like, f.text);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Before and after of an entry's content, each as JSON text. */
export function sides(content: string): { before: string; after: string } {
  try {
    const c = JSON.parse(content) as Record<string, unknown>;
    if ('before' in c || 'after' in c) {
      return {
        before: c.before === undefined ? '' : JSON.stringify(c.before),
        after: c.after === undefined ? '' : JSON.stringify(c.after),
      };
    }
    return { before: '', after: content };
  } catch {
    return { before: '', after: content };
  }
}

export function entryOf(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    objectType: r.object_type,
    objectId: r.object_id,
    action: r.action,
    ...sides(r.content_json),
    erased: r.erased === 1,
    hash: r.hash,
  };
}

export const ROW_COLUMNS = 'id, at, actor, object_type, object_id, action, content_json, erased, hash';

export function listAudit(db: Db, f: AuditFilter & { beforeId?: number | undefined; limit: number }): AuditPage {
  const w = auditWhere(f);
  const clauses = [w.sql.replace(/^WHERE /, ''), f.beforeId ? 'id < ?' : ''].filter(Boolean);
  const rows = db
    .prepare(
      `SELECT ${ROW_COLUMNS} FROM audit_log ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...w.params, ...(f.beforeId ? [f.beforeId] : []), f.limit + 1) as AuditRow[];
  const more = rows.length > f.limit;
  const page = rows.slice(0, f.limit);
  return {
    entries: page.map(entryOf),
    nextBeforeId: more ? page[page.length - 1]!.id : null,
    actors: db.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck().all() as string[],
  };
}
