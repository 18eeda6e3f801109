import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, errorMessage } from '../../lib/client';
import { invalidateOp, useOp } from '../../lib/queries';
import { StatusMessage, type Notice } from '../../components/StatusMessage';

/**
 * The folders the browser host may use: the data folder (always) and the ones the user added. Shown only
 * where the platform keeps such a list (on the desktop each file is chosen in a dialog).
 */
export function FoldersPanel() {
  const queryClient = useQueryClient();
  const list = useOp('folders.list', {});
  const [folder, setFolder] = useState('');
  const [message, setMessage] = useState<Notice | null>(null);
  const changed = (text: string) => {
    setMessage({ kind: 'info', text });
    void invalidateOp(queryClient, 'folders.list');
  };
  const fail = (err: unknown) => setMessage({ kind: 'error', text: errorMessage(err) });
  const add = useMutation({
    mutationFn: (p: string) => call('folders.add', { path: p }),
    onSuccess: (_res, p) => {
      setFolder('');
      changed(`Lade till ${p}.`);
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (p: string) => call('folders.remove', { path: p }),
    onSuccess: (_res, p) => changed(`Tog bort ${p}.`),
    onError: fail,
  });

  if (!list.data?.supported) return null;
  const error = message?.kind === 'error' ? message.text : null;
  return (
    <section aria-labelledby="allowed-folders">
      <h2 id="allowed-folders">Mappar Lägesbild får använda</h2>
      <p className="muted">
        I webbläsaren öppnar, skapar och importerar Lägesbild bara filer i de här mapparna (och mappar under dem).
      </p>
      <ul className="recent" aria-label="Tillåtna mappar">
        <li>
          <span>{list.data.dataDir}</span>
          <span className="muted"> datamappen, alltid tillåten</span>
        </li>
        {list.data.folders.map((f) => (
          <li key={f}>
            <span>{f}</span>{' '}
            <button
              type="button"
              className="link"
              aria-label={`Ta bort ${f}`}
              disabled={remove.isPending}
              onClick={() => remove.mutate(f)}
            >
              Ta bort
            </button>
          </li>
        ))}
      </ul>
      <form
        className="path-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (folder.trim()) add.mutate(folder.trim());
          else setMessage({ kind: 'error', text: 'Ange sökvägen till en mapp.' });
        }}
      >
        <label htmlFor="folder-path">Mapp att lägga till</label>
        <input
          id="folder-path"
          value={folder}
          placeholder="/home/namn/lagesbild"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'folder-path-message' : undefined}
          onChange={(e) => setFolder(e.target.value)}
        />
        <button type="submit" disabled={add.isPending}>
          Lägg till
        </button>
      </form>
      <StatusMessage notice={message} id="folder-path-message" />
    </section>
  );
}
