import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { subcategoryLabel } from '../../../../shared/taxonomy';
import { WALK_OBSERVATION_KINDS, type Walk, type WalkObservation } from '../../../../shared/walks';
import { call, errorMessage } from '../../lib/client';
import { openRegister } from '../../lib/route';
import { StatusMessage, type Notice } from '../../components/StatusMessage';

/** What the walkers saw, per place: each observation is an incident in the register. */
export function Observations({
  walk,
  observations,
  onChanged,
}: {
  walk: Walk;
  observations: WalkObservation[];
  onChanged: () => void;
}) {
  const [placeName, setPlaceName] = useState('');
  const [subcategory, setSubcategory] = useState<string>(WALK_OBSERVATION_KINDS[0]);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<Notice | null>(null);
  const observe = useMutation({
    mutationFn: () => call('walks.observe', { walkId: walk.id, placeName, subcategory, note }),
    onSuccess: (o) => {
      setNote('');
      setMessage({ kind: 'info', text: `Iakttagelsen är sparad och finns i registret som händelse ${o.incidentId}.` });
      onChanged();
    },
    onError: (err) => setMessage({ kind: 'error', text: errorMessage(err) }),
  });
  const remove = useMutation({
    mutationFn: (obsId: number) => call('walks.deleteObservation', { id: obsId }),
    onSuccess: () => {
      setMessage({ kind: 'info', text: 'Iakttagelsen är borttagen; händelsen ligger i papperskorgen.' });
      onChanged();
    },
  });
  return (
    <section aria-labelledby="obs-title">
      <h4 id="obs-title">Iakttagelser per plats</h4>
      {observations.length > 0 && (
        <table className="data-table" aria-label="Iakttagelser">
          <thead>
            <tr>
              <th scope="col">Plats</th>
              <th scope="col">Iakttagelse</th>
              <th scope="col">Anteckning</th>
              <th scope="col">Händelse</th>
              <th scope="col">
                <span className="visually-hidden">Ta bort</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {observations.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.placeName}</th>
                <td>{subcategoryLabel(o.subcategory)}</td>
                <td>{o.note}</td>
                <td>
                  {o.incidentId === null ? (
                    'borttagen'
                  ) : (
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        openRegister({
                          kommunIds: [walk.kommunId],
                          placeNames: [o.placeName],
                          sources: ['trygghetsvandring'],
                          fromDay: walk.walkDay,
                          toDay: walk.walkDay,
                        })
                      }
                    >
                      Visa i registret
                    </button>
                  )}
                </td>
                <td>
                  <button type="button" className="link" onClick={() => remove.mutate(o.id)}>
                    Ta bort
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="log-form"
        aria-label="Ny iakttagelse"
        onSubmit={(e) => {
          e.preventDefault();
          setMessage(null);
          observe.mutate();
        }}
      >
        <label>
          Plats
          <input
            aria-label="Plats"
            list="walk-places"
            value={placeName}
            maxLength={200}
            onChange={(e) => setPlaceName(e.target.value)}
          />
          <datalist id="walk-places">
            {walk.places.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </label>
        <label>
          Vad
          <select aria-label="Vad" value={subcategory} onChange={(e) => setSubcategory(e.target.value)}>
            {WALK_OBSERVATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {subcategoryLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Anteckning
          <input aria-label="Anteckning" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" disabled={observe.isPending}>
          Lägg till iakttagelse
        </button>
      </form>
      <StatusMessage notice={message} />
    </section>
  );
}
