import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dashboard, SavedView, ViewSettings } from '../../../../shared/dashboards';
import { DASHBOARD_LABELS } from '../../../../shared/dashboards';
import { call, errorMessage } from '../../lib/client';
import { invalidateOp, useOp } from '../../lib/queries';
import { StatusMessage, type Notice } from '../../components/StatusMessage';

/** Saved views: name the dashboard as it is now, open one again, or remove one. */
export function SavedViews({
  current,
  onOpen,
}: {
  current: { dashboard: Dashboard; settings: ViewSettings };
  onOpen: (view: SavedView) => void;
}) {
  const queryClient = useQueryClient();
  const views = useOp('views.list', {});
  const [chosen, setChosen] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<Notice | null>(null);
  const save = useMutation({
    mutationFn: () => call('views.save', { name, ...current }),
    onSuccess: (v) => {
      setMessage({ kind: 'info', text: `Vyn "${v.name}" är sparad.` });
      setName('');
      setChosen(v.id);
      void invalidateOp(queryClient, 'views.list');
    },
    onError: (err) => setMessage({ kind: 'error', text: errorMessage(err) }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => call('views.delete', { id }),
    onSuccess: (v) => {
      setMessage({ kind: 'info', text: `Vyn "${v.name}" är borttagen.` });
      setChosen(null);
      void invalidateOp(queryClient, 'views.list');
    },
    onError: (err) => setMessage({ kind: 'error', text: errorMessage(err) }),
  });
  const list = views.data ?? [];
  return (
    <div className="saved-views" role="group" aria-label="Sparade vyer">
      <label className="inline">
        Sparad vy
        <select
          value={chosen ?? ''}
          onChange={(e) => {
            const id = e.target.value ? Number(e.target.value) : null;
            setChosen(id);
            const view = list.find((v) => v.id === id);
            if (view) onOpen(view);
          }}
        >
          <option value="">{list.length ? 'Välj en vy…' : 'Inga sparade vyer'}</option>
          {list.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name} ({DASHBOARD_LABELS[v.dashboard]})
            </option>
          ))}
        </select>
      </label>
      {chosen !== null && (
        <button type="button" className="secondary" onClick={() => remove.mutate(chosen)}>
          Ta bort vyn
        </button>
      )}
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          setMessage(null);
          save.mutate();
        }}
      >
        <label className="inline">
          Namn på vyn
          <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" disabled={save.isPending}>
          Spara vy
        </button>
      </form>
      <StatusMessage notice={message} inline />
    </div>
  );
}
