/**
 * The "Personuppgifter" screen's operations: the retention setting and its run, and "Sök och radera".
 * Every change is one write through the context, so caches and screens refresh.
 */
import type { ChangeKind } from '../../shared/domain';
import type { RetentionCounts } from '../../shared/pii';
import { defineOps } from '../api/ops';
import type { Workspace } from '../app/workspace';
import { applyRetention, privacySettings, purgeTrash, setDescriptionYears } from './retention';
import { eraseHits, searchAll } from './search';

/** Everything a free text may live in: an erasure refreshes every screen that shows one. */
const ERASE_CHANGES: readonly ChangeKind[] = [
  'incidents',
  'imports',
  'loften',
  'agreements',
  'walks',
  'measures',
  'views',
  'reports',
];

/** Retention and the trash purge in one write (what the lead also runs on open and daily). */
export function runRetention(ws: Workspace): RetentionCounts {
  const now = ws.now();
  return ws.writable().write(['incidents'], ({ db }) => {
    const counts = { ...applyRetention(db, now), trashPurged: purgeTrash(db, now) };
    // Audit (src/core/audit, when ready): const line = retentionAuditText(counts); if (line) audit(db, line);
    return counts;
  });
}

export const privacyOps = defineOps({
  'privacy.settings.get': (ws) => ws.db().read(({ db }) => privacySettings(db, ws.now())),
  'privacy.settings.set': (ws, { descriptionYears }) =>
    ws.writable().write(['reference'], ({ db }) => {
      setDescriptionYears(db, descriptionYears);
      return privacySettings(db, ws.now());
    }),
  'privacy.applyRetention': (ws) => runRetention(ws),
  'privacy.search': (ws, { term }) => ws.db().read(({ db }) => searchAll(db, term)),
  'privacy.erase': (ws, { term, hits, mode }) =>
    ws.writable().write(ERASE_CHANGES, ({ db }) => {
      const result = eraseHits(db, term, hits, mode);
      // Audit (src/core/audit, when ready): audit(db, eraseAuditText(result, mode)) — never the term.
      return result;
    }),
});
