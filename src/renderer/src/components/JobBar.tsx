import type { JobProgress } from '../../../shared/domain';
import { formatInteger } from '../../../shared/format';
import { call } from '../lib/client';

/** Progress of long-running work (seeding, exports, imports and reading a file to import), announced to screen readers. */
export function JobBar({ jobs }: { jobs: JobProgress[] }) {
  if (jobs.length === 0) return null;
  return (
    <div className="jobs" role="status" aria-live="polite">
      {jobs.map((j) => {
        const pct = j.total > 0 ? Math.round((100 * j.done) / j.total) : 0;
        return (
          <div key={j.jobId} className={j.error ? 'job job-error' : 'job'} data-testid="job">
            <span className="job-label">{j.error ?? j.label}</span>
            {!j.error && (
              <>
                <progress max={100} value={pct} aria-label={j.label} />
                <span className="job-count">
                  {formatInteger(j.done)} av {formatInteger(j.total)} ({pct} %)
                </span>
                {(j.kind === 'import' || j.kind === 'preview') && !j.finished && (
                  <button type="button" className="secondary" onClick={() => void call('imports.cancel', {})}>
                    {j.kind === 'import' ? 'Avbryt import' : 'Avbryt'}
                  </button>
                )}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
