import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportEdits } from '../../../../shared/report';
import type { ReportDetails } from '../../../../shared/report-api';
import { StatusMessage } from '../../components/StatusMessage';
import { Tabs } from '../../components/Tabs';
import { call, errorMessage } from '../../lib/client';
import { invalidateOp, opKey, useOp } from '../../lib/queries';
import { confirmLeave, setUnsaved } from '../../lib/unsaved';
import { refusalText } from '../loften/fields';
import { DecideReportDialog, type Decision } from './DecideReportDialog';
import { defaultTitle, reportHref, type ReportView } from './model';
import { PiiReviewDialog } from './PiiReviewDialog';
import { setPrintHandler } from './print-command';
import { ReportChapters } from './ReportChapters';
import { ReportHeader } from './ReportHeader';
import { ReportPreview } from './ReportPreview';
import { useReportAutosave } from './useReportAutosave';
import { useReportExport } from './useReportExport';

/** Fields shown beside themselves; a refusal of anything else is listed under the header. */
const SHOWN_BESIDE = /^(title|diarienummer|logo)$|^texts\./;

/**
 * One report: its texts and figure choices (autosaved while it is an utkast), the preview page by page,
 * export with the personal-data review (also Ctrl+P and the menu's Skriv ut), fastställ and new versions.
 */
export function ReportEditor({ id, view }: { id: number; view: ReportView }) {
  const queryClient = useQueryClient();
  const q = useOp('reports.get', { id });
  const [edits, setEdits] = useState<ReportEdits | null>(null);
  const [placeholder, setPlaceholder] = useState('');
  const [deciding, setDeciding] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    void invalidateOp(queryClient, 'reports.list');
  }, [queryClient]);
  const autosave = useReportAutosave(id, refresh);
  const report = q.data;
  const locked = report?.status === 'faststalld';
  const refused = autosave.state.kind === 'invalid' || autosave.state.kind === 'error';
  useEffect(() => setUnsaved(refused), [refused]);
  useEffect(() => () => setUnsaved(false), []);

  // Take the stored edits when the report is first read and when it is fastställd; not after each autosave.
  const loadedKey = useRef('');
  const { setRevision } = autosave;
  useEffect(() => {
    if (!report) return;
    const key = `${report.id}:${report.status}`;
    if (loadedKey.current === key) return;
    loadedKey.current = key;
    setRevision(report.revision);
    setEdits(report.edits);
    setPlaceholder(report.edits.title.trim() ? defaultTitle(report.selection, report.areaName) : report.document.title);
  }, [report, setRevision]);

  const exporter = useReportExport({ id }, async () => {
    if (locked || (await autosave.flush())) return null;
    return 'Texten är inte sparad, så rapporten exporterades inte. Rätta det som är markerat och försök igen.';
  });
  const { start } = exporter;

  // Skriv ut / Spara som PDF: the menu's command and Ctrl+P start the PDF export of this report.
  useEffect(() => setPrintHandler(() => start('pdf')), [start]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        start('pdf');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [start]);

  const opened = (r: ReportDetails) => {
    refresh();
    window.location.hash = reportHref(r.id);
  };
  const decide = useMutation({
    mutationFn: async (d: Decision) => {
      if (!(await autosave.flush())) throw new Error('unsaved');
      return call('reports.decide', { id, revision: autosave.getRevision() ?? report!.revision, ...d });
    },
    onSuccess: (r) => {
      setDeciding(false);
      setActionError(null);
      queryClient.setQueryData(opKey('reports.get', { id }), r);
      refresh();
    },
    onError: (err) =>
      setActionError(
        err instanceof Error && err.message === 'unsaved'
          ? 'Texten är inte sparad, så rapporten fastställdes inte. Rätta det som är markerat först.'
          : refusalText(err),
      ),
  });
  const newVersion = useMutation({
    mutationFn: () => call('reports.newVersion', { id }),
    onSuccess: opened,
    onError: (err) => setActionError(refusalText(err)),
  });

  if (q.error) return <p className="form-error">{errorMessage(q.error)}</p>;
  if (!report || !edits) return <p className="form-info">Hämtar…</p>;
  const edit = (next: ReportEdits) => {
    setEdits(next);
    autosave.edit(next);
  };
  const otherIssues = Object.entries(autosave.issues).filter(([key]) => !SHOWN_BESIDE.test(key));
  const setView = (v: ReportView) => {
    // The preview prints what is stored: what is on screen is saved first.
    void autosave.flush().then(() => {
      window.location.hash = reportHref(id, v);
    });
  };

  return (
    <article className="report-editor" aria-labelledby="report-heading">
      <p className="report-back">
        <a href={reportHref(null)} onClick={(e) => !confirmLeave() && e.preventDefault()}>
          ← Alla rapporter
        </a>
      </p>
      <ReportHeader
        report={report}
        title={edits.title.trim() || placeholder}
        save={autosave.state}
        busy={decide.isPending || newVersion.isPending}
        exporting={exporter.busy}
        onExport={start}
        onDecide={() => {
          setActionError(null);
          exporter.clearNotice();
          setDeciding(true);
        }}
        onNewVersion={() => {
          exporter.clearNotice();
          newVersion.mutate();
        }}
      />
      <StatusMessage notice={actionError && !deciding ? { kind: 'error', text: actionError } : null} />
      <StatusMessage notice={exporter.notice} />
      {exporter.phase.kind === 'scanning' && <p className="form-info">Söker efter personuppgifter i texten…</p>}
      {exporter.phase.kind === 'exporting' && <p className="form-info">Skapar filen…</p>}
      {otherIssues.length > 0 && (
        <ul className="form-error">
          {otherIssues.map(([key, message]) => (
            <li key={key}>{message}</li>
          ))}
        </ul>
      )}
      <Tabs
        label="Rapportens vyer"
        tabs={[
          { id: 'redigera', label: locked ? 'Innehåll' : 'Redigera' },
          { id: 'forhandsgranska', label: 'Förhandsgranska' },
        ]}
        value={view}
        onChange={setView}
      />
      {view === 'redigera' ? (
        <ReportChapters
          report={report}
          edits={edits}
          issues={autosave.issues}
          titlePlaceholder={placeholder}
          locked={locked}
          onChange={edit}
        />
      ) : (
        <ReportPreview source={{ id }} />
      )}
      {deciding && (
        <DecideReportDialog
          error={actionError}
          busy={decide.isPending}
          onConfirm={(d) => decide.mutate(d)}
          onCancel={() => setDeciding(false)}
        />
      )}
      {exporter.phase.kind === 'review' && (
        <PiiReviewDialog
          hits={exporter.phase.hits}
          format={exporter.phase.format}
          onConfirm={exporter.confirm}
          onCancel={exporter.cancel}
        />
      )}
    </article>
  );
}
