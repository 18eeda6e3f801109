import { useEffect, useRef, useState } from 'react';
import { PII_LABELS, type PiiDecision, type PiiHit, type PiiKind } from '../../../../shared/report';

const KIND_NAMES: Record<PiiKind, string> = {
  personnummer: 'Personnummer',
  samordningsnummer: 'Samordningsnummer',
  telefonnummer: 'Telefonnummer',
  epost: 'E-postadress',
};

/** How much context core gives either side of a hit: a side this long was cut (shown with "…"). */
const CONTEXT = 40;

interface Choice {
  action: 'mask' | 'keep' | null;
  reason: string;
}

/** The decisions when every hit has one (a kept hit with its reason); else null. */
export function decisionsOf(hits: readonly PiiHit[], choices: ReadonlyMap<string, Choice>): PiiDecision[] | null {
  const out: PiiDecision[] = [];
  for (const h of hits) {
    const c = choices.get(h.id);
    if (c?.action === 'mask') out.push({ id: h.id, action: 'mask' });
    else if (c?.action === 'keep' && c.reason.trim()) out.push({ id: h.id, action: 'keep', reason: c.reason.trim() });
    else return null;
  }
  return out;
}

/**
 * Personal data before export: every hit in the report's text in its context, each masked (replaced by a
 * label such as "[personnummer]") or kept with a reason. Nothing leaves until every hit is decided.
 */
export function PiiReviewDialog({
  hits,
  format,
  onConfirm,
  onCancel,
}: {
  hits: readonly PiiHit[];
  format: 'pdf' | 'docx';
  onConfirm: (decisions: PiiDecision[]) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [choices, setChoices] = useState<Map<string, Choice>>(new Map());
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const choose = (id: string, patch: Partial<Choice>) =>
    setChoices((prev) => {
      const next = new Map(prev);
      next.set(id, { action: null, reason: '', ...prev.get(id), ...patch });
      return next;
    });
  const decisions = decisionsOf(hits, choices);
  const decided = hits.filter((h) => decisionsOf([h], choices) !== null).length;
  const what = format === 'pdf' ? 'PDF:en' : 'Word-filen';

  return (
    <dialog
      ref={ref}
      className="confirm pii-dialog"
      aria-labelledby="pii-title"
      aria-describedby="pii-intro"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="pii-title">Personuppgifter i rapporten</h2>
      <p id="pii-intro">
        {hits.length === 1 ? 'En uppgift' : `${hits.length} uppgifter`} i rapportens text kan vara personuppgifter.
        Maskera varje uppgift eller behåll den med en motivering innan {what} skapas.
      </p>
      <ol className="pii-hits">
        {hits.map((h, i) => {
          const c = choices.get(h.id) ?? { action: null, reason: '' };
          const name = `pii-${i}`;
          const missingReason = c.action === 'keep' && !c.reason.trim();
          return (
            <li key={h.id}>
              <fieldset className="pii-hit">
                <legend>
                  {KIND_NAMES[h.kind]} <span className="muted">i {h.where}</span>
                </legend>
                <p className="pii-context">
                  {h.before.length >= CONTEXT && '…'}
                  {h.before}
                  <mark>{h.match}</mark>
                  {h.after}
                  {h.after.length >= CONTEXT && '…'}
                </p>
                <div className="pii-choice">
                  <label>
                    <input
                      type="radio"
                      name={name}
                      checked={c.action === 'mask'}
                      onChange={() => choose(h.id, { action: 'mask' })}
                    />
                    Maskera <span className="muted">(blir {PII_LABELS[h.kind]})</span>
                  </label>
                  <label>
                    <input
                      type="radio"
                      name={name}
                      checked={c.action === 'keep'}
                      onChange={() => choose(h.id, { action: 'keep' })}
                    />
                    Behåll
                  </label>
                </div>
                {c.action === 'keep' && (
                  <label className="pii-reason">
                    Varför får uppgiften stå kvar?
                    <input
                      value={c.reason}
                      maxLength={500}
                      aria-invalid={missingReason ? true : undefined}
                      onChange={(e) => choose(h.id, { reason: e.target.value })}
                    />
                    {missingReason && (
                      <span className="field-error">Skriv en motivering för att behålla uppgiften.</span>
                    )}
                  </label>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="actions pii-actions">
        <span className="muted pii-count" role="status">
          {decided} av {hits.length} granskade
        </span>
        <button type="button" className="secondary" onClick={onCancel}>
          Avbryt
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => setChoices(new Map(hits.map((h) => [h.id, { action: 'mask' as const, reason: '' }])))}
        >
          Maskera alla
        </button>
        <button type="button" disabled={!decisions} onClick={() => decisions && onConfirm(decisions)}>
          Exportera {format === 'pdf' ? 'PDF' : 'Word'}
        </button>
      </div>
    </dialog>
  );
}
