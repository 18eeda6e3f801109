import type { LofteContent } from '../../../../shared/lofte';
import { LOFTE_LIMITS } from '../../../../shared/lofte';
import type { FocusAreaDto } from '../../../../shared/lofte-api';
import { ActivityRows } from './ActivityRows';
import { TextField } from './fields';
import type { FieldIssues } from './useAutosave';

/** The löfte's text: every field with its limit shown and its refusal beside it. */
export function LofteForm({
  content,
  focusAreaId,
  areas,
  editable,
  issues,
  onChange,
}: {
  content: LofteContent;
  focusAreaId: number | null;
  areas: readonly FocusAreaDto[];
  editable: boolean;
  issues: FieldIssues;
  onChange: (content: LofteContent, focusAreaId: number | null) => void;
}) {
  const set = <K extends keyof LofteContent>(key: K, value: LofteContent[K]) =>
    onChange({ ...content, [key]: value }, focusAreaId);
  // Options name the fokusområde only, grouped under their agreement (a long agreement title and period
  // in every option was cut in the select); the chosen one's agreement and period are shown below it.
  const agreements = [...new Map(areas.map((f) => [f.agreementId, f])).values()];
  const chosen = areas.find((f) => f.id === focusAreaId);
  return (
    <fieldset className="lofte-form" disabled={!editable}>
      <legend className="visually-hidden">Löftets text</legend>
      <TextField
        label="Rubrik"
        value={content.title}
        max={LOFTE_LIMITS.title}
        error={issues.title}
        onChange={(v) => set('title', v)}
      />
      <label className="lofte-select">
        Fokusområde
        <select
          value={focusAreaId ?? ''}
          onChange={(e) => onChange(content, e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">Inget valt</option>
          {agreements.map((a) => (
            <optgroup key={a.agreementId} label={`${a.agreementTitle} (${a.periodFrom} – ${a.periodTo})`}>
              {areas
                .filter((f) => f.agreementId === a.agreementId)
                .map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.title}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {chosen && (
          <span className="field-hint" data-testid="focus-area-agreement">
            Ur {chosen.agreementTitle}, {chosen.periodFrom} – {chosen.periodTo}
          </span>
        )}
      </label>
      <TextField
        label="Problem"
        rows={4}
        value={content.problem}
        max={LOFTE_LIMITS.problem}
        error={issues.problem}
        onChange={(v) => set('problem', v)}
      />
      <ActivityRows
        activities={content.activities}
        issues={issues}
        onChange={(activities) => set('activities', activities)}
      />
      {issues.activities && <p className="field-error">{issues.activities}</p>}
      <TextField
        label="Effektmål"
        rows={2}
        value={content.effectGoal}
        max={LOFTE_LIMITS.effectGoal}
        error={issues.effectGoal}
        onChange={(v) => set('effectGoal', v)}
      />
      <TextField
        label="Så följs löftet upp"
        rows={2}
        value={content.followUp}
        max={LOFTE_LIMITS.followUp}
        error={issues.followUp}
        onChange={(v) => set('followUp', v)}
      />
    </fieldset>
  );
}
