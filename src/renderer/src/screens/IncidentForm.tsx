import { useState } from 'react';
import type { Incident, Reference } from '../../../shared/domain';
import { PRECISIONS, PRECISION_LABELS, STATUSES, STATUS_LABELS } from '../../../shared/domain';
import { CATEGORIES } from '../../../shared/taxonomy';
import { piiWarning } from '../../../shared/pii';
import { Field } from '../components/Field';
import { SourceOptions } from '../components/SourceOptions';
import { ApiCallError, call } from '../lib/client';
import { emptyForm, fieldOf, formFromIncident, toInput, type FieldErrors, type FormValues } from '../lib/incident-form';
import { useOp } from '../lib/queries';

interface Props {
  reference: Reference;
  incident: Incident | null;
  onSaved: (incident: Incident) => void;
  onCancel: () => void;
}

/** Create or edit an incident, with inline Swedish validation from the same schema core uses. */
export function IncidentForm({ reference, incident, onSaved, onCancel }: Props) {
  const [values, setValues] = useState<FormValues>(() => (incident ? formFromIncident(incident) : emptyForm()));
  // Personal data in the description: a warning while typing, never a refusal (issue 13).
  const pii = piiWarning(values.description);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const places = useOp('places.list', { kommunId: Number(values.kommunId) }, { enabled: values.kommunId !== '' });
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const subcategories = CATEGORIES.find((c) => c.code === values.category)?.subcategories ?? [];

  async function submit() {
    setFormError(null);
    const parsed = toInput(values);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      setFormError('Rätta de markerade fälten.');
      return;
    }
    setSaving(true);
    try {
      const saved = incident
        ? await call('incidents.update', {
            id: incident.id,
            expectedUpdatedAt: incident.updatedAt,
            input: parsed.input,
          })
        : await call('incidents.create', { input: parsed.input });
      onSaved(saved);
    } catch (err) {
      const apiErr = err instanceof ApiCallError ? err.error : null;
      const next: FieldErrors = {};
      for (const issue of apiErr?.details?.issues ?? []) {
        const f = fieldOf(issue.field);
        if (f) next[f] = issue.message;
      }
      setErrors(next);
      setFormError(apiErr?.message ?? 'Händelsen kunde inte sparas.');
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="incident-form"
      aria-label={incident ? `Redigera händelse ${incident.id}` : 'Ny händelse'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{incident ? `Redigera händelse ${incident.id}` : 'Ny händelse'}</h2>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-grid">
        <Field id="f-source" label="Källa" error={errors.source}>
          {(p) => (
            <select
              {...p}
              value={values.source}
              onChange={(e) => set('source', e.target.value as FormValues['source'])}
            >
              <option value="">Välj…</option>
              <SourceOptions />
            </select>
          )}
        </Field>
        <Field id="f-status" label="Status" error={errors.status}>
          {(p) => (
            <select
              {...p}
              value={values.status}
              onChange={(e) => set('status', e.target.value as FormValues['status'])}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="f-category" label="Kategori" error={errors.category} wide>
          {(p) => (
            <select
              {...p}
              value={values.category}
              onChange={(e) => {
                set('category', e.target.value);
                set('subcategory', '');
              }}
            >
              <option value="">Välj…</option>
              {CATEGORIES.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="f-subcategory" label="Underkategori" error={errors.subcategory} wide>
          {(p) => (
            <select {...p} value={values.subcategory} onChange={(e) => set('subcategory', e.target.value)}>
              <option value="">Välj…</option>
              {subcategories.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="f-occurred" label="Inträffade (svensk tid)" error={errors.occurredLocal}>
          {(p) => (
            <input
              {...p}
              type="datetime-local"
              value={values.occurredLocal}
              onChange={(e) => set('occurredLocal', e.target.value)}
            />
          )}
        </Field>
        <Field id="f-reported" label="Rapporterad (svensk tid)" error={errors.reportedLocal}>
          {(p) => (
            <input
              {...p}
              type="datetime-local"
              value={values.reportedLocal}
              onChange={(e) => set('reportedLocal', e.target.value)}
            />
          )}
        </Field>
        <Field id="f-kommun" label="Kommun" error={errors.kommunId}>
          {(p) => (
            <select {...p} value={values.kommunId} onChange={(e) => set('kommunId', e.target.value)}>
              <option value="">Välj…</option>
              {reference.kommuner.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="f-place" label="Plats" error={errors.placeName}>
          {(p) => (
            <>
              <input
                {...p}
                list="f-place-list"
                value={values.placeName}
                onChange={(e) => set('placeName', e.target.value)}
              />
              <datalist id="f-place-list">
                {(places.data ?? []).map((pl) => (
                  <option key={pl.id} value={pl.name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field id="f-description" label="Beskrivning" error={errors.description} wide>
          {(p) => (
            <textarea {...p} rows={4} value={values.description} onChange={(e) => set('description', e.target.value)} />
          )}
        </Field>
        {pii !== null && (
          <p className="field-warning field-wide" role="status" data-testid="pii-warning">
            {pii}
          </p>
        )}
        <Field id="f-reporter" label="Rapporterande organisation" error={errors.reporterOrg} wide>
          {(p) => <input {...p} value={values.reporterOrg} onChange={(e) => set('reporterOrg', e.target.value)} />}
        </Field>
        <Field id="f-lat" label="Latitud" error={errors.lat}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={values.lat}
              placeholder="56,13"
              onChange={(e) => set('lat', e.target.value)}
            />
          )}
        </Field>
        <Field id="f-lon" label="Longitud" error={errors.lon}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={values.lon}
              placeholder="13,13"
              onChange={(e) => set('lon', e.target.value)}
            />
          )}
        </Field>
        <Field id="f-precision" label="Positionens noggrannhet" error={errors.precision} wide>
          {(p) => (
            <select
              {...p}
              value={values.precision}
              onChange={(e) => set('precision', e.target.value as FormValues['precision'])}
            >
              <option value="">Ingen position</option>
              {PRECISIONS.map((x) => (
                <option key={x} value={x}>
                  {PRECISION_LABELS[x]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Avbryt
        </button>
        <button type="submit" disabled={saving}>
          {saving ? 'Sparar…' : 'Spara'}
        </button>
      </div>
    </form>
  );
}
