/** A real Workspace on a temporary folder, driven through `dispatch` exactly as both bridges drive it. */
import path from 'node:path';
import { dispatch } from '../../src/core/api/dispatch';
import { createHandlers, type Handlers } from '../../src/core/api/handlers';
import { Workspace, type WorkspaceOptions } from '../../src/core/app/workspace';
import type { OpInput, OpName, OpOutput } from '../../src/shared/api';
import type { ApiError } from '../../src/shared/errors';
import { localDayStartUtc, addDays } from '../../src/shared/time';
import type { IncidentFilter } from '../../src/shared/domain';
import { tempDir, type TempDir } from './db';

export const IMPORT_WORKER = {
  path: path.resolve(__dirname, '../../src/core/imports/worker-entry.ts'),
  register: 'tsx/cjs',
};

export interface TestWorkspace {
  ws: Workspace;
  tmp: TempDir;
  handlers: Handlers;
  /** Calls an operation through dispatch; throws with the Swedish message when it fails. */
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>>;
  /** Calls an operation through dispatch and returns its error (fails the test when it succeeds). */
  fail<K extends OpName>(op: K, input: unknown): Promise<ApiError>;
  sql<T = unknown>(query: string, ...params: unknown[]): T[];
  one<T = unknown>(query: string, ...params: unknown[]): T;
  close(): Promise<void>;
}

export function testWorkspace(options: Partial<WorkspaceOptions> & { file?: string } = {}): TestWorkspace {
  const tmp = tempDir();
  const ws = new Workspace({
    dataDir: tmp.file('data'),
    platform: { choosePath: async () => null, exportTarget: async () => null },
    // Automatic backups and the background integrity check only where a test is about them.
    backups: false,
    ...options,
  });
  const handlers = createHandlers(ws);
  const db = () => ws.db().read((r) => r.db);
  const log = (m: string, e: unknown) => {
    throw new Error(`${m}: ${(e as Error).stack ?? String(e)}`);
  };
  return {
    ws,
    tmp,
    handlers,
    async call(op, input) {
      const r = await dispatch(handlers, op, input, log);
      if (!r.ok) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
    async fail(op, input) {
      const r = await dispatch(handlers, op, input, log);
      if (r.ok) throw new Error(`${op} lyckades men skulle ha nekats`);
      return r.error;
    },
    sql: (query, ...params) =>
      db()
        .prepare(query)
        .all(...params) as never,
    one: (query, ...params) =>
      db()
        .prepare(query)
        .pluck()
        .get(...params) as never,
    async close() {
      await ws.close();
      tmp.cleanup();
    },
  };
}

/**
 * The incidents a register filter selects, by a plain query on the table (no rollups, no caches):
 * the independent answer every register count and page must equal.
 */
export function directIds(t: TestWorkspace, f: IncidentFilter): number[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const list = (col: string, values: readonly (string | number)[] | undefined) => {
    if (!values?.length) return;
    where.push(`${col} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  list('kommun_id', f.kommunIds);
  list('lpo_id', f.lpoIds);
  list('category', f.categories);
  list('source', f.sources);
  list('place_name', f.placeNames);
  if (f.fromDay) {
    where.push('occurred_at >= ?');
    params.push(localDayStartUtc(f.fromDay));
  }
  if (f.toDay) {
    where.push('occurred_at < ?');
    params.push(localDayStartUtc(addDays(f.toDay, 1)));
  }
  const sql = `SELECT id FROM incident ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY occurred_at DESC, id DESC`;
  return t.sql<{ id: number }>(sql, ...params).map((r) => r.id);
}
