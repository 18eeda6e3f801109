import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Walk } from '../../../../shared/walks';
import { call, errorMessage } from '../../lib/client';
import { KommunSelect } from '../../components/KommunSelect';
import { lines } from './queries';
import { useOp } from '../../lib/queries';

/** A walk's plan: kommun, name, day, route, places and who is invited. */
export function WalkForm({
  walk,
  defaultKommun,
  onSaved,
}: {
  walk: Walk | null;
  defaultKommun: number | null;
  onSaved: (w: Walk) => void;
}) {
  const reference = useOp('reference.get', {});
  const [kommunId, setKommunId] = useState<number | null>(walk?.kommunId ?? defaultKommun);
  const [title, setTitle] = useState(walk?.title ?? '');
  const [walkDay, setWalkDay] = useState(walk?.walkDay ?? new Date().toISOString().slice(0, 10));
  const [afterDark, setAfterDark] = useState(walk?.afterDark ?? false);
  const [route, setRoute] = useState(walk?.route ?? '');
  const [places, setPlaces] = useState((walk?.places ?? []).join('\n'));
  const [invited, setInvited] = useState((walk?.invited ?? []).join('\n'));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      call('walks.save', {
        ...(walk ? { id: walk.id } : {}),
        kommunId: kommunId ?? 0,
        title,
        walkDay,
        afterDark,
        route,
        places: lines(places),
        invited: lines(invited),
      }),
    onSuccess: (w) => {
      setSaved(true);
      onSaved(w);
    },
  });
  return (
    <form
      className="walk-form"
      aria-label={walk ? 'Vandringens plan' : 'Ny vandring'}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate();
      }}
    >
      <KommunSelect
        label="Vandringens kommun"
        kommuner={reference.data?.kommuner ?? []}
        value={kommunId}
        onChange={setKommunId}
        empty="Välj kommun…"
      />
      <label>
        Namn
        <input aria-label="Namn" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Datum
        <input aria-label="Datum" type="date" value={walkDay} onChange={(e) => setWalkDay(e.target.value)} />
      </label>
      <label className="inline">
        <input type="checkbox" checked={afterDark} onChange={(e) => setAfterDark(e.target.checked)} />
        Efter mörkrets inbrott
      </label>
      <label>
        Rutt
        <input aria-label="Rutt" value={route} maxLength={2000} onChange={(e) => setRoute(e.target.value)} />
      </label>
      <label>
        Platser (en per rad)
        <textarea aria-label="Platser" rows={3} value={places} onChange={(e) => setPlaces(e.target.value)} />
      </label>
      <label>
        Inbjudna organisationer (en per rad)
        <textarea aria-label="Inbjudna" rows={3} value={invited} onChange={(e) => setInvited(e.target.value)} />
      </label>
      {save.error && (
        <p className="form-error" role="alert">
          {errorMessage(save.error)}
        </p>
      )}
      {saved && !save.isPending && (
        <p className="form-info" role="status">
          Vandringen är sparad.
        </p>
      )}
      <button type="submit" disabled={save.isPending}>
        Spara vandringen
      </button>
    </form>
  );
}
