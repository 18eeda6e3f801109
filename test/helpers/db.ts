/** Temporary database files for core tests: a real SQLite file built by the real migrations. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/core/db/connection';
import type { NewIncident } from '../../src/core/db/incident-repo';
import { localDay } from '../../src/shared/time';
import type { SortColumn } from '../../src/shared/domain';

export interface TempDir {
  dir: string;
  file(name: string): string;
  cleanup(): void;
}

export function tempDir(prefix = 'lagesbild-test-'): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name) => path.join(dir, name),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TempDb {
  db: Db;
  path: string;
  dir: TempDir;
  /** Closes the connection (if still open) and removes the folder. */
  cleanup(): void;
}

export function tempDb(name = 'test.sqlite'): TempDb {
  const dir = tempDir();
  const file = dir.file(name);
  const db = openDatabase(file);
  return {
    db,
    path: file,
    dir,
    cleanup: () => {
      if (db.open) db.close();
      dir.cleanup();
    },
  };
}

/** A valid incident for kommunId; override any field. */
export function newIncident(kommunId: number, overrides: Partial<NewIncident> = {}): NewIncident {
  return {
    source: 'est',
    sourceRef: null,
    category: 'skadegorelse',
    subcategory: 'klotter',
    occurredAt: '2025-03-31T21:30:00Z',
    reportedAt: '2025-04-01T07:00:00Z',
    kommunId,
    placeName: '',
    lat: null,
    lon: null,
    precision: null,
    description: 'Klotter på busskuren.',
    reporterOrg: 'Fastighetsavdelningen',
    status: 'ny',
    ...overrides,
  };
}

/** Per (kommun, category, source, local day) counts from the incident table and from the day rollup. */
export function rollupVsTable(db: Db): { table: Map<string, number>; rollup: Map<string, number> } {
  const rows = db.prepare('SELECT kommun_id, category, source, occurred_at FROM incident').all() as {
    kommun_id: number;
    category: string;
    source: string;
    occurred_at: string;
  }[];
  const table = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.kommun_id}|${r.category}|${r.source}|${localDay(r.occurred_at)}`;
    table.set(k, (table.get(k) ?? 0) + 1);
  }
  const rollup = new Map(
    (
      db.prepare('SELECT kommun_id, category, source, day, n FROM incident_rollup_day WHERE n > 0').all() as {
        kommun_id: number;
        category: string;
        source: string;
        day: string;
        n: number;
      }[]
    ).map((r) => [`${r.kommun_id}|${r.category}|${r.source}|${r.day}`, r.n]),
  );
  return { table, rollup };
}

/** The sort keys as the register promises them, written out here rather than taken from the repository. */
export const REFERENCE_KEYS: Record<SortColumn, string[]> = {
  occurredAt: ['occurred_at', 'id'],
  reportedAt: ['reported_at', 'id'],
  lpo: ['lpo_id', 'occurred_at', 'id'],
  kommun: ['kommun_id', 'occurred_at', 'id'],
  placeName: ['place_name', 'occurred_at', 'id'],
  category: ['category', 'occurred_at', 'id'],
  subcategory: ['subcategory', 'occurred_at', 'id'],
  source: ['source', 'occurred_at', 'id'],
  status: ['status', 'occurred_at', 'id'],
  reporterOrg: ['reporter_org', 'occurred_at', 'id'],
  id: ['id'],
};
