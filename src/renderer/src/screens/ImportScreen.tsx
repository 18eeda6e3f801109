import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatInteger } from '../../../shared/format';
import {
  IMPORT_FORMAT_LABELS,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportPreview,
  type ImportReport,
} from '../../../shared/imports';
import { formatLocalDateTime } from '../../../shared/time';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { MappingEditor } from '../components/MappingEditor';
import { ProblemList } from '../components/ProblemList';
import type { Source } from '../../../shared/domain';
import { ApiCallError, call, errorMessage } from '../lib/client';
import { useOp } from '../lib/queries';
import { StatusMessage, type Notice } from '../components/StatusMessage';

const FORMATS: readonly ImportFormat[] = IMPORT_FORMATS;

const count = (n: number, one: string, many: string) => `${formatInteger(n)} ${n === 1 ? one : many}`;

/** What "Ångra denna import" did, in words that match it (nothing to take back is said as such). */
function undoneText(id: number, r: { removed: number; restored: number }): string {
  if (r.removed === 0 && r.restored === 0) {
    return `Import ${id} är ångrad. Den hade inte lagt till eller ändrat något, så inget behövde tas bort eller återställas.`;
  }
  const parts = [
    ...(r.removed > 0 ? [count(r.removed, 'tillagd rad borttagen', 'tillagda rader borttagna')] : []),
    ...(r.restored > 0 ? [count(r.restored, 'ändrad rad återställd', 'ändrade rader återställda')] : []),
  ];
  return `Import ${id} är ångrad: ${parts.join(', ')}.`;
}

/** Choose file → preview → confirm → import report; and the import log with "Ångra denna import". */
export function ImportScreen() {
  const queryClient = useQueryClient();
  const [path, setPath] = useState('');
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [year, setYear] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  /** The user has checked the preview's confirm-warnings (a file that may be cut short) and imports anyway. */
  const [acceptWarnings, setAcceptWarnings] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const [undoId, setUndoId] = useState<number | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [defaultSource, setDefaultSource] = useState<Source>('est');
  const log = useOp('imports.log', {});

  const request = (m = mapping, source = defaultSource) => ({
    path: path.trim(),
    ...(format ? { format } : {}),
    ...(year.trim() ? { year: Number(year) } : {}),
    ...(m ? { mapping: m } : {}),
    defaultSource: source,
  });
  // A cancelled import or preview is the user's choice, not an error.
  const fail = (err: unknown) =>
    setMessage({
      kind: err instanceof ApiCallError && err.error.code === 'cancelled' ? 'info' : 'error',
      text: errorMessage(err),
    });
  const previewMut = useMutation({
    mutationFn: (req: ReturnType<typeof request>) => call('imports.preview', req),
    onMutate: () => {
      setMessage(null);
      setReport(null);
    },
    onSuccess: (p) => {
      setPreview(p);
      setSkipInvalid(false);
      setAcceptWarnings(false);
    },
    onError: fail,
  });
  const commitMut = useMutation({
    mutationFn: () =>
      call('imports.commit', {
        ...request(),
        skipInvalid,
        ...((preview?.confirmWarnings.length ?? 0) > 0 ? { acceptWarnings } : {}),
      }),
    onSuccess: (r) => {
      setReport(r);
      setPreview(null);
      void queryClient.invalidateQueries();
    },
    onError: fail,
  });
  const undoMut = useMutation({
    mutationFn: (id: number) => call('imports.undo', { id }),
    onSuccess: (r, id) => {
      setMessage({ kind: 'info', text: undoneText(id, r) });
      void queryClient.invalidateQueries();
    },
    onError: fail,
  });

  async function choose() {
    try {
      const res = await call('db.choosePath', { mode: 'import' });
      if (res.path) setPath(res.path);
    } catch (err) {
      if (err instanceof ApiCallError && err.error.code === 'unsupported') {
        setMessage({ kind: 'info', text: err.message });
        document.getElementById('import-path')?.focus();
      } else fail(err);
    }
  }

  const mappingMissing = (preview?.mapping?.missing.length ?? 0) > 0;
  const mustConfirm = (preview?.confirmWarnings.length ?? 0) > 0;
  // Nothing to import: no valid rows, or every one is already in the database as it is.
  const nothingToImport = !!preview && !mappingMissing && (preview.nothingNew || preview.rowCount === 0);
  const blocked =
    !!preview &&
    ((preview.invalidCount > 0 && !skipInvalid) ||
      mappingMissing ||
      nothingToImport ||
      (mustConfirm && !acceptWarnings));
  return (
    <div className="import-screen">
      <section aria-labelledby="import-file">
        <h2 id="import-file">Importera fil</h2>
        <form
          className="path-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!path.trim()) setMessage({ kind: 'error', text: 'Ange sökvägen till filen som ska importeras.' });
            else {
              setMapping(null);
              setPreview(null);
              previewMut.mutate(request(null));
            }
          }}
        >
          <label htmlFor="import-path">Fil</label>
          <input
            id="import-path"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/home/namn/handelser.json"
          />
          <button type="button" className="secondary" onClick={() => void choose()}>
            Välj fil…
          </button>
          <label htmlFor="import-format">Format</label>
          <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat | '')}>
            <option value="">Känn igen automatiskt</option>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {IMPORT_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
          <label htmlFor="import-year">År (Brå)</label>
          <input id="import-year" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} size={6} />
          <button type="submit" disabled={previewMut.isPending}>
            Förhandsgranska
          </button>
        </form>
        <StatusMessage notice={message} />
      </section>

      {preview && (
        <section aria-labelledby="import-preview" data-testid="import-preview">
          <h2 id="import-preview">Förhandsgranskning: {preview.fileName}</h2>
          <p>
            {IMPORT_FORMAT_LABELS[preview.format]} · {formatInteger(preview.rowCount)} rader att importera ·{' '}
            {formatInteger(preview.skippedCount)} hoppas över · {formatInteger(preview.invalidCount)} ogiltiga
          </p>
          {preview.mapping && (
            <MappingEditor
              mapping={preview.mapping}
              chosen={mapping}
              defaultSource={defaultSource}
              onChange={(next, source) => {
                setMapping(next);
                setDefaultSource(source);
                // The preview follows the mapping: parse again with the new columns.
                previewMut.mutate(request(next, source));
              }}
            />
          )}
          {mustConfirm && (
            <div className="confirm-warnings" role="alert" data-testid="confirm-warnings">
              <h3>Kontrollera filen innan du importerar</h3>
              <ul>
                {preview.confirmWarnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
              <label className="checkbox">
                <input type="checkbox" checked={acceptWarnings} onChange={(e) => setAcceptWarnings(e.target.checked)} />
                Jag har kontrollerat varningarna och vill importera filen ändå
              </label>
            </div>
          )}
          {preview.alreadyImported && (
            <p className="form-info" role="status">
              Den här filen är redan importerad. Dubbletter läggs inte till igen.
            </p>
          )}
          {nothingToImport && (
            <p className="form-info" role="status" data-testid="nothing-to-import">
              {preview.rowCount === 0
                ? 'Filen har inga rader att importera.'
                : `Inget nytt att importera: ${preview.rowCount === 1 ? 'raden' : `alla ${formatInteger(preview.rowCount)} rader`} finns redan i databasen med samma innehåll.`}
            </p>
          )}
          <ProblemList title="Ogiltiga rader" problems={preview.invalid} total={preview.invalidCount} />
          <ProblemList title="Hoppas över" problems={preview.skipped} total={preview.skippedCount} />
          {preview.warnings.length > 0 && (
            <ul className="warnings">
              {preview.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {preview.piiWarnings && preview.piiWarnings.count > 0 && (
            <div className="warnings" role="status" data-testid="pii-warnings">
              <p>
                {preview.piiWarnings.count === 1
                  ? '1 rad har en beskrivning som ser ut att innehålla personuppgifter'
                  : `${preview.piiWarnings.count} rader har beskrivningar som ser ut att innehålla personuppgifter`}
                . Personuppgifter hör inte hemma i registret; importen går ändå att göra.
              </p>
              <ul>
                {preview.piiWarnings.rows.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          <table className="sample">
            <thead>
              <tr>
                {preview.columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((r) => (
                <tr key={r.row}>
                  {r.cells.map((c, i) => (
                    <td key={i}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {preview.invalidCount > 0 && (
            <label className="checkbox">
              <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
              Hoppa över ogiltiga rader
            </label>
          )}
          <div className="actions left">
            <button type="button" disabled={blocked || commitMut.isPending} onClick={() => commitMut.mutate()}>
              Importera
            </button>
            <button type="button" className="secondary" onClick={() => setPreview(null)}>
              Avbryt
            </button>
          </div>
        </section>
      )}

      {report && (
        <section aria-labelledby="import-report" data-testid="import-report">
          <h2 id="import-report">Importrapport</h2>
          <p>
            Tillagda {formatInteger(report.added)} · uppdaterade {formatInteger(report.updated)} · dubbletter{' '}
            {formatInteger(report.duplicates)} · överhoppade {formatInteger(report.skipped.length)}
          </p>
          <ProblemList title="Överhoppade rader" problems={report.skipped} />
        </section>
      )}

      <section aria-labelledby="import-log">
        <h2 id="import-log">Importlogg</h2>
        {log.data?.length ? (
          <table className="sample" data-testid="import-log">
            <thead>
              <tr>
                <th>Nr</th>
                <th>Fil</th>
                <th>Format</th>
                <th>Tid</th>
                <th>Tillagda</th>
                <th>Uppdaterade</th>
                <th>Dubbletter</th>
                <th>Överhoppade</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((l) => (
                <tr key={l.id}>
                  <td>{l.id}</td>
                  <td>{l.fileName}</td>
                  <td>{IMPORT_FORMAT_LABELS[l.format]}</td>
                  <td>{formatLocalDateTime(l.importedAt)}</td>
                  <td>{l.added}</td>
                  <td>{l.updated}</td>
                  <td>{l.duplicates}</td>
                  <td>{l.skipped}</td>
                  <td>
                    {l.undoneAt ? (
                      `Ångrad ${formatLocalDateTime(l.undoneAt)}`
                    ) : (
                      <button type="button" className="link" onClick={() => setUndoId(l.id)}>
                        Ångra denna import
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">Inga importer ännu.</p>
        )}
      </section>
      {undoId !== null && (
        <ConfirmDialog
          title={`Ångra import ${undoId}?`}
          text="Det importen lade till tas bort och det den ändrade återställs."
          confirmLabel="Ångra importen"
          onCancel={() => setUndoId(null)}
          onConfirm={() => {
            undoMut.mutate(undoId);
            setUndoId(null);
          }}
        />
      )}
    </div>
  );
}
