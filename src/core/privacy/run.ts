/**
 * One retention run: old descriptions cleared, the expired trash purged, the same texts erased from the
 * audit log's earlier entries, and one entry for the run. The Personuppgifter screen runs it, and the app
 * when a database opens and once a day.
 */
import type { RetentionCounts } from '../../shared/pii';
import type { DbContext } from '../app/context';
import { eraseAuditField } from '../audit/erasable';
import { logEntry, withoutRowAudit } from '../audit/install';
import { applyRetention, purgeTrash, retentionAuditText, retentionTargets } from './retention';

export function runRetention(ctx: DbContext, now: Date): RetentionCounts {
  return ctx.write(['incidents'], ({ db }) => {
    const touched = retentionTargets(db, now);
    // One entry in the audit log for the whole run, not one per cleared text (which would keep the text).
    const counts = withoutRowAudit(db, () => ({ ...applyRetention(db, now), trashPurged: purgeTrash(db, now) }));
    eraseAuditField(db, 'incident', touched, 'description');
    const line = retentionAuditText(counts);
    if (line) {
      logEntry(db, {
        objectType: 'database',
        objectId: 'gallring',
        action: 'rensning',
        content: { after: { text: line, ...counts } },
      });
    }
    return counts;
  });
}
