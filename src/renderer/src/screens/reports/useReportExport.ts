import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportResult } from '../../../../shared/domain';
import type { PiiDecision, PiiHit } from '../../../../shared/report';
import type { ReportSource } from '../../../../shared/report-api';
import type { Notice } from '../../components/StatusMessage';
import { ApiCallError, call, errorMessage } from '../../lib/client';

export type ExportFormat = 'pdf' | 'docx';

export type ExportPhase =
  | { kind: 'idle' }
  | { kind: 'scanning'; format: ExportFormat }
  | { kind: 'review'; format: ExportFormat; hits: PiiHit[] }
  | { kind: 'exporting'; format: ExportFormat };

const FORMAT_NAMES: Record<ExportFormat, string> = { pdf: 'PDF', docx: 'Word' };

function download(url: string, fileName: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function reviewed(decisions: readonly PiiDecision[]): string {
  if (decisions.length === 0) return '';
  const masked = decisions.filter((d) => d.action === 'mask').length;
  const kept = decisions.length - masked;
  const parts = [masked ? `${masked} maskerade` : '', kept ? `${kept} behållna med motivering` : ''].filter(Boolean);
  return ` Personuppgifter: ${parts.join(', ')}.`;
}

function doneText(res: ExportResult, decisions: readonly PiiDecision[]): string | null {
  if (res.savedTo) return `Rapporten är sparad: ${res.savedTo}.${reviewed(decisions)}`;
  if (res.downloadUrl) return `Rapporten laddas ned: ${res.fileName}.${reviewed(decisions)}`;
  return null;
}

/**
 * Exportera (PDF or Word): the report is scanned for personal data first; with hits, the review dialog
 * decides each one before the file is made. Desktop: the save dialog, then where the file went; browser
 * host: a download. `prepare` runs first (the editor saves what is on screen) and may stop the export with
 * a message. One export at a time: a second start while one runs (Ctrl+P and the menu) is ignored.
 */
export function useReportExport(source: ReportSource, prepare: () => Promise<string | null>) {
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'idle' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const busy = useRef(false);

  const finish = (next: Notice | null) => {
    busy.current = false;
    setPhase({ kind: 'idle' });
    setNotice(next);
  };

  const produce = async (format: ExportFormat, decisions: PiiDecision[]) => {
    setPhase({ kind: 'exporting', format });
    try {
      const res = await call('reports.export', { source, format, decisions });
      if (res.downloadUrl) download(res.downloadUrl, res.fileName);
      const text = doneText(res, decisions);
      finish({ kind: 'info', text: text ?? 'Ingen fil sparades.' });
    } catch (err) {
      if (err instanceof ApiCallError && err.error.code === 'cancelled')
        finish({ kind: 'info', text: 'Ingen fil sparades.' });
      else finish({ kind: 'error', text: `${FORMAT_NAMES[format]}-filen kunde inte skapas: ${errorMessage(err)}` });
    }
  };

  const start = async (format: ExportFormat) => {
    if (busy.current) return;
    busy.current = true;
    setNotice(null);
    try {
      const stop = await prepare();
      if (stop) return finish({ kind: 'error', text: stop });
      setPhase({ kind: 'scanning', format });
      const hits = await call('reports.pii', { source });
      if (hits.length > 0) setPhase({ kind: 'review', format, hits });
      else await produce(format, []);
    } catch (err) {
      finish({ kind: 'error', text: `Rapporten kunde inte granskas: ${errorMessage(err)}` });
    }
  };

  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });
  /** Stable across renders: the print command and Ctrl+P hold on to it. */
  const startStable = useCallback((format: ExportFormat) => void startRef.current(format), []);

  return {
    phase,
    notice,
    busy: phase.kind !== 'idle',
    start: startStable,
    confirm: (decisions: PiiDecision[]) => {
      if (phase.kind === 'review') void produce(phase.format, decisions);
    },
    cancel: () => finish({ kind: 'info', text: 'Exporten avbröts. Ingen fil skapades.' }),
    /** The last export's message goes when the user does something else. */
    clearNotice: () => setNotice(null),
  };
}
