/** Damage found in the open file: the database becomes read-only and the screens are told, in Swedish. */
import { AppError } from '../../shared/errors';
import { integrityCheck, type IntegrityResult } from '../db/integrity';
import { integrityInWorker, type WorkerScript } from '../imports/runner';
import { READ_ONLY_DAMAGED, type DbContext } from './context';

const DAMAGED_READ =
  'Databasfilen är skadad: en del av den kan inte läsas. Den är nu öppnad skrivskyddad; inget har ändrats. Återställ den från en säkerhetskopia under Databas → Säkerhetskopior.';

function markDamaged(ctx: DbContext): void {
  if (ctx.readOnly) return;
  ctx.markReadOnly(READ_ONLY_DAMAGED);
  ctx.committedElsewhere(['database']);
}

/**
 * An error SQLite raised because the file is damaged (a page that cannot be read) becomes a Swedish
 * message, and `ctx` read-only from then on; any other error is returned as it was.
 */
export function damageFrom(err: unknown, ctx: DbContext | null): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return err;
  if (ctx) markDamaged(ctx);
  return new AppError('db_unreadable', DAMAGED_READ);
}

/**
 * `PRAGMA integrity_check` of `ctx`'s file (in the worker when there is one). Damage found makes the context
 * read-only at once (while `stillOpen()`) and tells the screens.
 */
export async function checkIntegrity(
  ctx: DbContext,
  worker: WorkerScript | undefined,
  nativeBinding: string | undefined,
  stillOpen: () => boolean,
): Promise<IntegrityResult> {
  const result = worker
    ? await integrityInWorker({ script: worker, dbPath: ctx.path, nativeBinding })
    : integrityCheck(ctx.path, nativeBinding);
  if (!result.ok && stillOpen()) markDamaged(ctx);
  return result;
}
