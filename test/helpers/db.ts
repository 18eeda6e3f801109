/** Temporary database files for core tests: a real SQLite file built by the real migrations. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/core/db/connection';
import type { NewIncident } from '../../src/core/db/incident-repo';

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
