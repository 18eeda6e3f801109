import { useState } from 'react';
import type { Lofte, LofteState } from '../../../../shared/lofte';
import { isEditable, LOFTE_STATE_LABELS, LOFTE_TRANSITIONS } from '../../../../shared/lofte';
import { DecideDialog } from './DecideDialog';
import { isSettled, saveStateText, type SaveState } from './useAutosave';

/**
 * The löfte's title line, what the autosave did, and the state changes. A state change is offered only when
 * what is on screen is stored: never while a save is pending, on its way, or refused.
 */
export function LofteHeader({
  lofte,
  title,
  kommun,
  save,
  warnings,
  busy,
  actionError,
  onTransition,
  onNewVersion,
  onCopy,
}: {
  lofte: Lofte;
  title: string;
  kommun: string;
  save: SaveState;
  /** The SMART checklist's warnings now, listed before a decision. */
  warnings: readonly string[];
  busy: boolean;
  actionError: string | null;
  onTransition: (to: LofteState, protocolRef?: string) => void;
  onNewVersion: () => void;
  onCopy: () => void;
}) {
  const [deciding, setDeciding] = useState(false);
  const editable = isEditable(lofte.state);
  const settled = !editable || isSettled(save);
  const steps = LOFTE_TRANSITIONS.filter((t) => t.from === lofte.state);
  return (
    <header className="lofte-head">
      <h3 id="lofte-heading">{title || 'Löfte utan rubrik'}</h3>
      <p>
        {kommun} · {lofte.periodFrom} – {lofte.periodTo} · version {lofte.version} ·{' '}
        <span className={`state state-${lofte.state}`} data-testid="lofte-state">
          {LOFTE_STATE_LABELS[lofte.state]}
        </span>
      </p>
      <p className={`autosave autosave-${save.kind}`} role="status" data-testid="autosave-status">
        {editable ? saveStateText(save) : 'Låst: ändras bara genom en ny version.'}
      </p>
      <div
        className="actions"
        role="group"
        aria-label="Tillstånd"
        aria-describedby={!settled && steps.length > 0 ? 'lofte-state-note' : undefined}
      >
        {steps.map((t) => (
          <button
            key={t.to}
            type="button"
            className={t.to === 'utkast' ? 'secondary' : undefined}
            disabled={busy || !settled}
            onClick={() => (t.to === 'beslutad' ? setDeciding(true) : onTransition(t.to))}
          >
            {t.label}
          </button>
        ))}
        {(lofte.state === 'beslutad' || lofte.state === 'uppfoljning') && (
          <button type="button" className="secondary" disabled={busy} onClick={onNewVersion}>
            Ny version
          </button>
        )}
        <button type="button" className="secondary" disabled={busy || !settled} onClick={onCopy}>
          Ny period från detta löfte
        </button>
      </div>
      {!settled && steps.length > 0 && (
        <p className="muted" id="lofte-state-note" data-testid="state-note">
          {save.kind === 'invalid' || save.kind === 'error'
            ? 'Tillståndet kan ändras när texten är sparad: rätta det som inte kunde sparas först.'
            : 'Tillståndet kan ändras när texten är sparad.'}
        </p>
      )}
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      )}
      {deciding && (
        <DecideDialog
          warnings={warnings}
          onCancel={() => setDeciding(false)}
          onConfirm={(protocolRef) => {
            setDeciding(false);
            onTransition('beslutad', protocolRef);
          }}
        />
      )}
    </header>
  );
}
