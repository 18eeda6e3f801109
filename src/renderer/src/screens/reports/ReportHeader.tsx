import { TEMPLATE_LABELS } from '../../../../shared/report';
import type { ReportDetails } from '../../../../shared/report-api';
import { decidedLine, incompleteLine } from './model';
import { isSettled, saveStateText, type SaveState } from './useReportAutosave';
import type { ExportFormat } from './useReportExport';

/**
 * A report's title line, where it stands (Utkast, or fastställd by whom with its data date), whether its
 * period has run past the data, what the autosave did, and what can be done: export, fastställ, new version.
 */
export function ReportHeader({
  report,
  title,
  save,
  busy,
  exporting,
  onExport,
  onDecide,
  onNewVersion,
}: {
  report: ReportDetails;
  title: string;
  save: SaveState;
  busy: boolean;
  exporting: boolean;
  onExport: (format: ExportFormat) => void;
  onDecide: () => void;
  onNewVersion: () => void;
}) {
  const locked = report.status === 'faststalld';
  const settled = locked || isSettled(save);
  const decided = decidedLine(report.document);
  const incomplete = incompleteLine(report.document);
  return (
    <header className="report-head">
      <div className="report-head-text">
        <h3 id="report-heading">{title}</h3>
        <p className="report-meta">
          {TEMPLATE_LABELS[report.template]} · {report.areaName} · {report.from} – {report.to} · version{' '}
          {report.version} ·{' '}
          <span className={`state ${locked ? 'state-beslutad' : 'state-utkast'}`} data-testid="report-status">
            {locked ? 'Fastställd' : 'Utkast'}
          </span>
          {report.selection.publication && ' · för publicering'}
        </p>
        {decided && (
          <p className="report-decided" data-testid="report-decided">
            {decided}
          </p>
        )}
        {incomplete && (
          <p className="report-incomplete" data-testid="report-incomplete">
            {incomplete}
          </p>
        )}
        <p className={`autosave autosave-${locked ? 'idle' : save.kind}`} role="status" data-testid="autosave-status">
          {locked ? 'Fastställd och låst: ändras bara genom en ny version.' : saveStateText(save)}
        </p>
      </div>
      <div className="report-head-actions">
        <div className="actions">
          <button type="button" disabled={exporting} onClick={() => onExport('pdf')} aria-keyshortcuts="Control+P">
            Exportera PDF
          </button>
          <button type="button" className="secondary" disabled={exporting} onClick={() => onExport('docx')}>
            Exportera Word
          </button>
          <span className="actions-sep" aria-hidden="true" />
          {locked ? (
            <button type="button" className="secondary" disabled={busy} onClick={onNewVersion}>
              Ny version
            </button>
          ) : (
            <button
              type="button"
              className="secondary"
              disabled={busy || !settled}
              aria-describedby={!settled ? 'report-decide-note' : undefined}
              onClick={onDecide}
            >
              Fastställ…
            </button>
          )}
        </div>
        {!settled && (
          <p className="muted report-decide-note" id="report-decide-note">
            Kan fastställas när texten är sparad.
          </p>
        )}
      </div>
    </header>
  );
}
