/**
 * The "Personuppgifter" screen's operations: the retention setting and its run, and "Sök och radera".
 * Every change is one write through the context, so caches and screens refresh.
 */
import type { ChangeKind } from '../../shared/domain';
import { defineOps } from '../api/ops';
import { runRetention } from './run';
import { logEntry, withoutRowAudit } from '../audit/install';
import { privacySettings, setDescriptionYears } from './retention';
import { eraseAuditText, eraseHits, searchAll } from './search';

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

export const privacyOps = defineOps({
  'privacy.settings.get': (ws) => ws.db().read(({ db }) => privacySettings(db, ws.now())),
  'privacy.settings.set': (ws, { descriptionYears }) =>
    ws.writable().write(['reference'], ({ db }) => {
      setDescriptionYears(db, descriptionYears);
      return privacySettings(db, ws.now());
    }),
  'privacy.applyRetention': (ws) => runRetention(ws.writable(), ws.now()),
  'privacy.search': (ws, { term }) => ws.db().read(({ db }) => searchAll(db, term)),
  'privacy.erase': (ws, { term, hits, mode }) =>
    ws.writable().write(ERASE_CHANGES, ({ db }) => {
      // Row entries would keep the erased text in their "before": one entry, without the searched term.
      const result = withoutRowAudit(db, () => eraseHits(db, term, hits, mode));
      logEntry(db, {
        objectType: 'database',
        objectId: 'personuppgifter',
        action: 'rensning',
        content: { after: { text: eraseAuditText(result, mode), poster: result.total } },
      });
      return result;
    }),
});
