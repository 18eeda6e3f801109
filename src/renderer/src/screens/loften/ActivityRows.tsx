import type { LofteActivity } from '../../../../shared/lofte';
import { CADENCE_LABELS, CADENCES, LOFTE_LIMITS, RESPONSIBLE, RESPONSIBLE_LABELS } from '../../../../shared/lofte';
import { formatInteger } from '../../../../shared/format';
import type { FieldIssues } from './useAutosave';
import { NumberField, TextField } from './fields';

const newActivity = (): LofteActivity => ({
  key: `a${Date.now().toString(36)}`,
  kind: '',
  quantity: null,
  cadence: null,
  responsible: null,
  partner: '',
  note: '',
});

/** The löfte's activities: what, at least how many, how often, who. The name gets the row's full width. */
export function ActivityRows({
  activities,
  issues,
  onChange,
}: {
  activities: LofteActivity[];
  issues: FieldIssues;
  onChange: (activities: LofteActivity[]) => void;
}) {
  const setActivity = (i: number, patch: Partial<LofteActivity>) =>
    onChange(activities.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const full = activities.length >= LOFTE_LIMITS.activities;
  return (
    <fieldset className="activities">
      <legend>Aktiviteter</legend>
      {activities.length === 0 && <p className="form-info">Inga aktiviteter ännu.</p>}
      {activities.map((a, i) => {
        const issue = (field: keyof LofteActivity) => issues[`activities.${i}.${field}`];
        return (
          <div key={a.key} className="lofte-activity" role="group" aria-label={`Aktivitet ${i + 1}`}>
            <TextField
              label="Aktivitet"
              className="lofte-activity-name"
              value={a.kind}
              max={LOFTE_LIMITS.activityKind}
              error={issue('kind')}
              onChange={(kind) => setActivity(i, { kind })}
            />
            <div className="lofte-activity-target">
              <NumberField
                label="Minst antal"
                value={a.quantity}
                min={LOFTE_LIMITS.quantityMin}
                max={LOFTE_LIMITS.quantityMax}
                error={issue('quantity')}
                onChange={(quantity) => setActivity(i, { quantity })}
              />
              <label className="lofte-select">
                Takt
                <select
                  value={a.cadence ?? ''}
                  onChange={(e) => setActivity(i, { cadence: (e.target.value || null) as typeof a.cadence })}
                >
                  <option value="">Välj…</option>
                  {CADENCES.map((c) => (
                    <option key={c} value={c}>
                      {CADENCE_LABELS[c]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="lofte-select">
                Ansvarig
                <select
                  value={a.responsible ?? ''}
                  onChange={(e) => setActivity(i, { responsible: (e.target.value || null) as typeof a.responsible })}
                >
                  <option value="">Välj…</option>
                  {RESPONSIBLE.map((r) => (
                    <option key={r} value={r}>
                      {RESPONSIBLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </label>
              {a.responsible === 'partner' && (
                <TextField
                  label="Partner"
                  value={a.partner}
                  max={LOFTE_LIMITS.partner}
                  error={issue('partner')}
                  onChange={(partner) => setActivity(i, { partner })}
                />
              )}
              <button
                type="button"
                className="secondary"
                aria-label={`Ta bort aktivitet ${i + 1}`}
                onClick={() => onChange(activities.filter((_, j) => j !== i))}
              >
                Ta bort
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="secondary"
        disabled={full}
        onClick={() => onChange([...activities, newActivity()])}
      >
        Lägg till aktivitet
      </button>
      <span className="lofte-counter">
        {' '}
        {formatInteger(activities.length)} / {formatInteger(LOFTE_LIMITS.activities)} aktiviteter
      </span>
    </fieldset>
  );
}
