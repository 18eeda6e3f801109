/**
 * "Kontrollera loggen": every entry is recomputed. Its content against its content hash (unless its personal
 * data was erased, which a logged "rensning" must account for), its own hash, its link to the entry before,
 * and no id missing. With the chain head kept outside the database (the data folder, an export), a chain
 * recomputed wholesale or cut off at the end is caught too. Problems are named by entry, first one first.
 */
import type { Db } from '../db/types';
import { entryHash, GENESIS, sha256 } from './hash';
import type { AuditRow } from './list';
import { formatLocalDateTime } from '../../shared/time';

export interface ChainHead {
  id: number;
  hash: string;
}

export interface AuditProblem {
  /** The entry that is broken (or missing). */
  id: number;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  last: { id: number; at: string; hash: string } | null;
  /** Whether a chain head kept outside the database was compared. */
  headChecked: boolean;
  problems: AuditProblem[];
}

/** A stored entry with the two hashes the chain is made of. */
type Row = AuditRow & { content_hash: string; prev_hash: string };

/** Entries whose erasure a "rensning" entry records. */
function erasedBy(row: Row): number[] {
  if (row.action !== 'rensning') return [];
  try {
    const ids = (JSON.parse(row.content_json) as { entries?: unknown }).entries;
    return Array.isArray(ids) ? ids.filter((n): n is number => typeof n === 'number') : [];
  } catch {
    return [];
  }
}

export function verifyAudit(db: Db, head?: ChainHead | null): VerifyResult {
  const problems: AuditProblem[] = [];
  const erased = new Set<number>();
  const accounted = new Set<number>();
  let prev: Row | null = null;
  let count = 0;
  let headHash: string | null = null;
  const rows = db
    .prepare(
      'SELECT id, at, actor, object_type, object_id, action, content_json, content_hash, prev_hash, hash, erased FROM audit_log ORDER BY id',
    )
    .iterate() as IterableIterator<Row>;
  for (const row of rows) {
    count++;
    const expectedId = (prev?.id ?? 0) + 1;
    const gap = row.id !== expectedId;
    if (gap) {
      const missing = row.id - 1 === expectedId ? `${expectedId}` : `${expectedId}–${row.id - 1}`;
      problems.push({ id: expectedId, message: `Post ${missing} saknas: den har tagits bort ur loggen.` });
    }
    if (row.erased) erased.add(row.id);
    else if (sha256(row.content_json) !== row.content_hash) {
      problems.push({ id: row.id, message: `Post ${row.id} har ändrats: innehållet stämmer inte med dess hash.` });
    }
    const own = entryHash({
      prevHash: row.prev_hash,
      id: row.id,
      at: row.at,
      actor: row.actor,
      objectType: row.object_type,
      objectId: row.object_id,
      action: row.action,
      contentHash: row.content_hash,
    });
    if (own !== row.hash) {
      problems.push({
        id: row.id,
        message: `Post ${row.id} har ändrats: tid, användare, objekt, händelse eller hash stämmer inte.`,
      });
    } else if (!gap && row.prev_hash !== (prev?.hash ?? GENESIS)) {
      const before = prev?.id ?? row.id;
      problems.push({
        id: before,
        message: `Post ${before} har ändrats eller bytts ut: post ${row.id} pekar på en annan hash.`,
      });
    }
    for (const id of erasedBy(row)) accounted.add(id);
    if (head && row.id === head.id) headHash = row.hash;
    prev = row;
  }
  for (const id of erased) {
    if (!accounted.has(id)) {
      problems.push({ id, message: `Post ${id} är markerad som rensad, men ingen rensning av den är loggad.` });
    }
  }
  if (head) {
    if (headHash === null) {
      const lastId = prev?.id ?? 0;
      problems.push({
        id: head.id,
        message:
          head.id > lastId
            ? `Post ${lastId + 1}–${head.id} saknas: loggen slutar vid post ${lastId}, men post ${head.id} har funnits.`
            : `Post ${head.id} saknas: den har tagits bort ur loggen.`,
      });
    } else if (headHash !== head.hash) {
      problems.push({
        id: head.id,
        message: `Post ${head.id} stämmer inte med det sparade kedjehuvudet: loggen har räknats om.`,
      });
    }
  }
  problems.sort((a, b) => a.id - b.id);
  return {
    ok: problems.length === 0,
    count,
    last: prev ? { id: prev.id, at: prev.at, hash: prev.hash } : null,
    headChecked: !!head,
    problems,
  };
}

/** The result as one Swedish line (the CLI, the screen's summary). */
export function verifySummary(r: VerifyResult): string {
  const first = r.problems[0];
  if (first) {
    const more = r.problems.length > 1 ? ` (${r.problems.length} fel totalt)` : '';
    return `Loggen är bruten vid post ${first.id}: ${first.message}${more}`;
  }
  if (!r.last) return 'Loggen är tom.';
  const against = r.headChecked ? ', stämmer med det sparade kedjehuvudet' : '';
  return `Loggen är obruten: ${r.count} poster, senaste ${formatLocalDateTime(r.last.at)} (post ${r.last.id})${against}.`;
}
