import { LOFTE_STATE_LABELS } from '../../../../shared/lofte';
import { Field } from '../../components/Field';
import { useOp } from '../../lib/queries';
import { areaFromValue, areaKommuner, type FieldIssues } from './model';
import { usesAgreement, usesLofte, type NewReportForm } from './new-report';

/**
 * What a template needs besides area and period: the löfte of a Medborgarlöfte (required) or of an
 * Uppföljning (optional: else all of the kommun's löften), the agreement of a Samverkansöverenskommelse
 * (optional: else the one covering the area and period). Only the area's löften and agreements are offered.
 */
export function TemplateFields({
  form,
  issues,
  onChange,
}: {
  form: NewReportForm;
  issues: FieldIssues;
  onChange: (patch: Partial<NewReportForm>) => void;
}) {
  const reference = useOp('reference.get', {});
  const kommuner = areaKommuner(areaFromValue(form.area), reference.data?.kommuner ?? [], reference.data?.lpos ?? []);
  const ids = kommuner.map((k) => k.id);
  const showLofte = usesLofte(form.template);
  const showAgreement = usesAgreement(form.template);
  const loften = useOp('loften.list', { kommunIds: ids }, { enabled: showLofte && ids.length > 0 });
  const agreements = useOp('agreements.list', {}, { enabled: showAgreement });
  const name = new Map(kommuner.map((k) => [k.id, k.name]));

  if (showLofte) {
    const required = form.template === 'medborgarlofte';
    return (
      <Field id="report-lofte" label={required ? 'Medborgarlöfte' : 'Löfte (valfritt)'} error={issues.lofteId} wide>
        {(p) => (
          <select
            {...p}
            value={form.lofteId ?? ''}
            disabled={ids.length === 0}
            onChange={(e) => onChange({ lofteId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">
              {ids.length === 0
                ? 'Välj kommun eller lokalpolisområde först'
                : required
                  ? 'Välj löfte…'
                  : 'Alla löften i perioden'}
            </option>
            {(loften.data ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.title || 'Utan rubrik'} ({name.get(l.kommunId)}, {l.periodFrom} – {l.periodTo},{' '}
                {LOFTE_STATE_LABELS[l.state].toLowerCase()})
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  if (showAgreement) {
    const own = (agreements.data ?? []).filter((a) => ids.length === 0 || a.kommunIds.some((k) => ids.includes(k)));
    return (
      <Field id="report-agreement" label="Överenskommelse (valfritt)" error={issues.agreementId} wide>
        {(p) => (
          <select
            {...p}
            value={form.agreementId ?? ''}
            onChange={(e) => onChange({ agreementId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">Den som gäller området och perioden</option>
            {own.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title} ({a.periodFrom} – {a.periodTo})
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  return null;
}
