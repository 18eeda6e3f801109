import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DatabaseInfo } from '../../../shared/domain';
import { formatInteger } from '../../../shared/format';
import { ApiCallError, call, errorMessage } from '../lib/client';
import { useOp } from '../lib/queries';
import { StatusMessage, type Notice } from '../components/StatusMessage';
import { FoldersPanel } from './database/FoldersPanel';

/** Start screen for files: the open database, open another, create an empty one, recent files. */
export function DatabaseScreen({ onOpened }: { onOpened: () => void }) {
  const queryClient = useQueryClient();
  const info = useOp('app.info', {});
  const recent = useOp('db.recent', {});
  const [path, setPath] = useState('');
  const [message, setMessage] = useState<Notice | null>(null);

  const done = (res: DatabaseInfo) => {
    setMessage({ kind: 'info', text: `Öppnade ${res.fileName}.` });
    void queryClient.invalidateQueries();
    onOpened();
  };
  const fail = (err: unknown) => setMessage({ kind: 'error', text: errorMessage(err) });
  const open = useMutation({ mutationFn: (p: string) => call('db.open', { path: p }), onSuccess: done, onError: fail });
  const create = useMutation({
    mutationFn: (p: string) => call('db.create', { path: p }),
    onSuccess: done,
    onError: fail,
  });
  const demo = useMutation({ mutationFn: () => call('db.openDemo', {}), onSuccess: done, onError: fail });

  async function choose(mode: 'open' | 'create') {
    setMessage(null);
    try {
      const res = await call('db.choosePath', { mode });
      if (res.path) (mode === 'open' ? open : create).mutate(res.path);
    } catch (err) {
      // The browser host has no file dialog: the path field below does the same.
      if (err instanceof ApiCallError && err.error.code === 'unsupported') {
        setMessage({ kind: 'info', text: err.message });
        document.getElementById('db-path')?.focus();
      } else fail(err);
    }
  }

  const pathError = message?.kind === 'error' ? message.text : null;
  return (
    <div className="database-screen">
      <section aria-labelledby="current-db">
        <h2 id="current-db">Öppen databas</h2>
        {info.data && (
          <dl className="facts">
            <div>
              <dt>Fil</dt>
              <dd data-testid="db-path">{info.data.path}</dd>
            </div>
            <div>
              <dt>Innehåll</dt>
              <dd>
                {info.data.incidentCount === null ? 'okänt antal' : formatInteger(info.data.incidentCount)} händelser
                {info.data.isDemo && <span className="demo-label">Exempeldata</span>}
              </dd>
            </div>
            <div>
              <dt>Schemaversion</dt>
              <dd>{info.data.schemaVersion}</dd>
            </div>
          </dl>
        )}
        <div className="actions left">
          <button type="button" onClick={() => void choose('open')}>
            Öppna databasfil…
          </button>
          <button type="button" className="secondary" onClick={() => void choose('create')}>
            Skapa tom databas…
          </button>
          <button type="button" className="secondary" onClick={() => demo.mutate()}>
            Öppna exempeldatabasen
          </button>
        </div>
      </section>
      <section aria-labelledby="by-path">
        <h2 id="by-path">Ange sökväg</h2>
        <form
          className="path-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (path.trim()) open.mutate(path.trim());
            else setMessage({ kind: 'error', text: 'Ange sökvägen till en fil.' });
          }}
        >
          <label htmlFor="db-path">Sökväg till databasfil</label>
          <input
            id="db-path"
            value={path}
            placeholder="/home/namn/lagesbild/kommun.sqlite"
            aria-invalid={pathError ? true : undefined}
            aria-describedby={pathError ? 'db-path-error' : undefined}
            onChange={(e) => setPath(e.target.value)}
          />
          <button type="submit">Öppna</button>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              path.trim()
                ? create.mutate(path.trim())
                : setMessage({ kind: 'error', text: 'Ange sökvägen till den nya filen.' })
            }
          >
            Skapa ny
          </button>
        </form>
        <StatusMessage notice={message} id="db-path-error" />
      </section>
      <FoldersPanel />
      <section aria-labelledby="recent-files">
        <h2 id="recent-files">Senaste filer</h2>
        {recent.data?.length ? (
          <ul className="recent">
            {recent.data.map((r) => (
              <li key={r.path}>
                <button type="button" className="link" onClick={() => open.mutate(r.path)}>
                  {r.path}
                </button>
                <span className="muted"> öppnad {r.openedAt.slice(0, 10)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Inga filer ännu.</p>
        )}
      </section>
    </div>
  );
}
