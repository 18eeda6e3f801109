import { useState, type FormEvent } from 'react';
import { parseCoordinates } from '../../../../shared/maps/coordinates';
import type { Place } from '../../../../shared/domain';
import { call, errorMessage } from '../../lib/client';

export interface PositionSaved {
  name: string;
  place: Place;
  previous: Place | null;
}

/**
 * One place's position as typed or pasted ("55,9586, 13,1253" or "55.9586, 13.1253"): checked here with
 * the same rules the core uses, so a bad entry is refused with a message naming the field and nothing is
 * written.
 */
export function PlacePositionForm(props: {
  kommunId: number;
  name: string;
  inputId: string;
  onSaved(saved: PositionSaved): void;
  /** A message for the field (null clears it). */
  onProblem(message: string | null): void;
}) {
  const { kommunId, name, inputId, onSaved, onProblem } = props;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const label = `Position för ${name}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseCoordinates(text);
    if (!parsed.ok) {
      onProblem(`${label}: ${parsed.message}`);
      return;
    }
    setBusy(true);
    call('places.setPosition', { kommunId, name, lat: parsed.lat, lon: parsed.lon })
      .then((r) => {
        setText('');
        onProblem(null);
        onSaved({ name, ...r });
      })
      .catch((err: unknown) => onProblem(`${label}: ${errorMessage(err)}`))
      .finally(() => setBusy(false));
  };
  return (
    <form className="inline walk-position-form" aria-label={label} onSubmit={submit}>
      <input
        id={inputId}
        type="text"
        inputMode="decimal"
        aria-label={label}
        placeholder="55,9586, 13,1253"
        value={text}
        onChange={(e) => setText(e.target.value)}
        size={18}
      />
      <button type="submit" className="secondary" disabled={busy}>
        Spara
      </button>
    </form>
  );
}
