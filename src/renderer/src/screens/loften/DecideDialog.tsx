import { useEffect, useRef, useState } from 'react';
import { LOFTE_LIMITS } from '../../../../shared/lofte';
import { authorLabel } from '../../../../shared/profile';
import { TextField } from './fields';
import { useOp } from '../../lib/queries';

/**
 * "Besluta": a decision is recorded with who decided, when and (optionally) the protocol reference, and
 * made over SMART warnings only when they are read and confirmed here.
 */
export function DecideDialog({
  warnings,
  onConfirm,
  onCancel,
}: {
  warnings: readonly string[];
  onConfirm: (protocolRef: string) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [protocolRef, setProtocolRef] = useState('');
  // Who the decision is recorded as; the profile may not exist yet (then core records what it knows).
  const profile = useOp('profile.get', {}, { retry: false });
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const tooLong = protocolRef.trim().length > LOFTE_LIMITS.protocolRef;
  return (
    <dialog
      ref={ref}
      className="confirm lofte-decide"
      aria-labelledby="decide-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="decide-title">Besluta löftet</h2>
      {warnings.length > 0 ? (
        <>
          <p>
            SMART-kontrollen varnar för {warnings.length === 1 ? 'en sak' : `${warnings.length} saker`}. Ett beslutat
            löfte ändras bara genom en ny version. Besluta ändå?
          </p>
          <ul className="lofte-decide-warnings" aria-label="Varningar">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>Ett beslutat löfte låses och ändras sedan bara genom en ny version.</p>
      )}
      <TextField
        label="Protokollhänvisning (valfritt)"
        placeholder="t.ex. KS 2026-12-03 § 141"
        value={protocolRef}
        max={LOFTE_LIMITS.protocolRef}
        error={tooLong ? `Protokollhänvisningen får vara högst ${LOFTE_LIMITS.protocolRef} tecken.` : undefined}
        onChange={setProtocolRef}
      />
      {profile.data && <p className="muted">Beslutet registreras av {authorLabel(profile.data.author)}.</p>}
      <div className="actions">
        <button type="button" className="secondary" autoFocus onClick={onCancel}>
          Avbryt
        </button>
        <button type="button" disabled={tooLong} onClick={() => onConfirm(protocolRef.trim())}>
          {warnings.length > 0 ? 'Besluta ändå' : 'Besluta'}
        </button>
      </div>
    </dialog>
  );
}
