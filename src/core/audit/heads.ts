/**
 * The latest chain head kept outside the database: `<dataDir>/audit-heads.json`, keyed by the database's
 * absolute path. A chain recomputed with SQL, or entries cut from its end, no longer meet it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/types';
import type { ChainHead } from './verify';

export const HEADS_FILE = 'audit-heads.json';

type Heads = Record<string, ChainHead & { recordedAt: string }>;

function readAll(dataDir: string): Heads {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(dataDir, HEADS_FILE), 'utf8')) as unknown;
    return v && typeof v === 'object' ? (v as Heads) : {};
  } catch {
    return {};
  }
}

export function latestHead(db: Db): ChainHead | null {
  return (db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as ChainHead | undefined) ?? null;
}

export function readHead(dataDir: string, dbPath: string): ChainHead | null {
  const h = readAll(dataDir)[path.resolve(dbPath)];
  return h && typeof h.id === 'number' && typeof h.hash === 'string' ? { id: h.id, hash: h.hash } : null;
}

/** Writes the head for one database (atomically: a temporary file renamed over the old one). */
export function recordHead(dataDir: string, dbPath: string, head: ChainHead | null, now = new Date()): void {
  const all = readAll(dataDir);
  const key = path.resolve(dbPath);
  if (head) all[key] = { id: head.id, hash: head.hash, recordedAt: now.toISOString() };
  else delete all[key];
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, HEADS_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(all, null, 2));
  fs.renameSync(tmp, file);
}

/**
 * Keeps one database's head file current: call `sync` after each write. It only moves the head forward along
 * the chain: when the entry the file names is gone or different (a log cut off or recomputed), the file is
 * left as it is, so the check still sees it. A restore, which legitimately goes back, calls `recordHead`.
 */
export class HeadKeeper {
  private known: ChainHead | null | undefined;
  constructor(
    private readonly dataDir: string,
    private readonly dbPath: string,
  ) {}

  /** Forgets the head read from the file (after a restore recorded a new one with `recordHead`). */
  reset(): void {
    this.known = undefined;
  }

  /** Returns false when the database no longer extends the recorded head (nothing is written then). */
  sync(db: Db): boolean {
    if (this.known === undefined) this.known = readHead(this.dataDir, this.dbPath);
    const head = latestHead(db);
    const known = this.known;
    if (known) {
      const at = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(known.id) as string | undefined;
      if (at !== known.hash) return false;
      if (head && head.id === known.id) return true;
    }
    if (!head) return true;
    recordHead(this.dataDir, this.dbPath, head);
    this.known = head;
    return true;
  }
}
