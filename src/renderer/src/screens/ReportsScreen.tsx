import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { invalidateOp, useOp } from '../lib/queries';
import { NewReportDialog } from './reports/NewReportDialog';
import { ReportEditor } from './reports/ReportEditor';
import { ReportList } from './reports/ReportList';
import { reportHref, reportTarget } from './reports/model';
import './reports/reports.css';

/**
 * Rapporter: documents for kommunfullmäktige and the public (lägesbild, medborgarlöfte, uppföljning …),
 * listed per kommun and year; one report's editor and preview at `#/rapporter?id=N`.
 */
export function ReportsScreen() {
  const queryClient = useQueryClient();
  const reference = useOp('reference.get', {});
  const [target, setTarget] = useState(() => reportTarget());
  const [creating, setCreating] = useState<{ area: string } | null>(null);
  useEffect(() => {
    const onHash = () => setTarget(reportTarget());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <section className="reports" aria-labelledby="reports-title">
      <h2 id="reports-title">Rapporter</h2>
      {target.id === null ? (
        <ReportList
          onNew={(kommunId) => {
            const k = reference.data?.kommuner.find((x) => x.id === kommunId);
            setCreating({ area: k ? `k:${k.scbCode}` : '' });
          }}
        />
      ) : (
        <ReportEditor key={target.id} id={target.id} view={target.view} />
      )}
      {creating && (
        <NewReportDialog
          initialArea={creating.area}
          onCancel={() => setCreating(null)}
          onCreated={(id) => {
            setCreating(null);
            void invalidateOp(queryClient, 'reports.list');
            window.location.hash = reportHref(id);
          }}
        />
      )}
    </section>
  );
}
