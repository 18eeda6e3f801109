import type { LofteEvidence, SmartCheck } from '../../../../shared/lofte';
import { EFFECT_LABELS, type EffectCheck } from '../../../../shared/lofte-api';
import { formatDecimal1, formatInteger } from '../../../../shared/format';
import { Evidence } from './Evidence';

/** Beside the text: the evidence live, the effect goal against the figures, and the SMART checklist. */
export function LofteSide({
  kommunId,
  evidence,
  evidenceIssue,
  editable,
  effect,
  checks,
  onEvidence,
}: {
  kommunId: number;
  evidence: LofteEvidence[];
  evidenceIssue: string | undefined;
  editable: boolean;
  effect: readonly EffectCheck[];
  checks: readonly SmartCheck[];
  onEvidence: (evidence: LofteEvidence[]) => void;
}) {
  return (
    <aside className="lofte-side" aria-label="Underlag och kontroll">
      <Evidence kommunId={kommunId} evidence={evidence} editable={editable} onChange={onEvidence} />
      {evidenceIssue && <p className="field-error">{evidenceIssue}</p>}
      {effect.length > 0 && (
        <section aria-labelledby="effect-title" className="effect">
          <h4 id="effect-title">Effekt mot underlaget</h4>
          <ul data-testid="effect">
            {effect.map((e, i) => (
              <li key={i}>
                <strong>{e.label}</strong>:{' '}
                {e.before && e.after
                  ? `${formatEffect(e.kind, e.before.value)} (${e.before.label}) → ${formatEffect(e.kind, e.after.value)} (${e.after.label})`
                  : e.before
                    ? `${formatEffect(e.kind, e.before.value)} (${e.before.label}) → ?`
                    : ''}{' '}
                <span className={`effect-${e.verdict}`}>
                  {EFFECT_LABELS[e.verdict]}
                  {e.z !== null && ` (z = ${formatDecimal1(e.z)})`}
                </span>
                <div className="muted">{e.note}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="smart-title" className="smart">
        <h4 id="smart-title">SMART-kontroll</h4>
        <ul data-testid="smart-checklist">
          {checks.map((c) => (
            <li key={c.id} className={c.ok ? 'check-ok' : 'check-warn'}>
              <span aria-hidden="true">{c.ok ? '✓ ' : '⚠ '}</span>
              {c.message}
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}

const formatEffect = (kind: 'survey' | 'incidents', v: number) =>
  kind === 'incidents' ? formatInteger(v) : v.toLocaleString('sv-SE', { maximumFractionDigits: 2 });
