/**
 * An import reads its file into a private copy before the write transaction starts: a source that stalls
 * can be cancelled without the database's write lock ever being held, and the copy never outlives the import.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spoolForImport } from '../../src/core/imports/spool';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';

const FIXTURE = path.resolve(__dirname, '../fixtures/imports/est-export.csv');
let tmp: string;
let saved: string | undefined;
let t: TestWorkspace | null = null;

beforeEach(() => {
  saved = process.env.TMPDIR;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spool-test-'));
  process.env.TMPDIR = tmp;
});
afterEach(async () => {
  await t?.close();
  t = null;
  if (saved === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved;
  fs.rmSync(tmp, { recursive: true, force: true });
});

const copies = () => fs.readdirSync(tmp).filter((n) => n.startsWith('lagesbild-import-'));

describe('the import copy', () => {
  it('a read that never ends is cancelled promptly and leaves no copy', async () => {
    const fifo = path.join(tmp, 'natverksresurs.csv');
    execFileSync('mkfifo', [fifo]);
    const controller = new AbortController();
    const started = Date.now();
    const pending = spoolForImport(fifo, controller.signal);
    setTimeout(() => controller.abort(), 200);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(copies()).toEqual([]);
    // Unblock the pending open so the thread pool is free again.
    fs.closeSync(fs.openSync(fifo, 'r+'));
  });

  it('imports from the copy, logs the user’s file name, and removes the copy', async () => {
    t = testWorkspace({ demoRows: 200 });
    t.ws.openDemo();
    await t.ws.ready();
    const report = (await t.call('imports.commit', { path: FIXTURE, skipInvalid: true })) as { importId: number };
    expect(t.one<string>('SELECT file_name FROM import_log WHERE id = ?', report.importId)).toBe('est-export.csv');
    expect(copies()).toEqual([]);
    // Nothing holds the write lock afterwards: another write goes through at once.
    const db = t.ws.db().read((r) => r.db);
    expect(() => db.exec('BEGIN IMMEDIATE; COMMIT')).not.toThrow();
  });
});
