import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  FOLLOW_UP_KINDS,
  FOLLOW_UP_LABELS,
  REPORT_TEMPLATES,
  TEMPLATE_LABELS,
  type ReportSelection,
} from '../../../../shared/report';
import { Field } from '../../components/Field';
import { call, errorMessage } from '../../lib/client';
import { useOp } from '../../lib/queries';
import { LogoField } from './LogoField';
import { areaFromValue, areaName, issuesOfError, defaultTitle, type FieldIssues } from './model';
import { checkForm, initialForm, isPublicTemplate, type NewReportForm } from './new-report';
import { ReportPreview } from './ReportPreview';
import { TemplateFields } from './TemplateFields';

/**
 * Ny rapport: template, kommun or LPO, period, what the template needs (a löfte, a kind of follow-up, an
 * agreement), publication, and the title page. Checked with the op's own rules; each message beside its
 * field. The template's default content can be previewed before anything is stored.
 */
export function NewReportDialog({
  initialArea,
  onCreated,
  onCancel,
}: {
  initialArea: string;
  onCreated: (id: number) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const reference = useOp('reference.get', {});
  const [form, setForm] = useState<NewReportForm>(() => initialForm(initialArea));
  const [issues, setIssues] = useState<FieldIssues>({});
  const [previewing, setPreviewing] = useState<ReportSelection | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const set = (patch: Partial<NewReportForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    // A message goes once its field is fixed; new ones wait for the next attempt.
    if (Object.keys(issues).length) {
      const check = checkForm(next);
      const now = check.ok ? {} : check.issues;
      setIssues(Object.fromEntries(Object.entries(issues).filter(([k]) => k in now)));
    }
  };
  const create = useMutation({
    mutationFn: (input: Extract<ReturnType<typeof checkForm>, { ok: true }>) =>
      call('reports.create', { selection: input.selection, edits: input.edits }),
    onSuccess: (r) => onCreated(r.id),
    onError: (err) => {
      const fields = issuesOfError(err);
      if (fields) setIssues(fields);
    },
  });
  const submit = (preview: boolean) => {
    const check = checkForm(form);
    if (!check.ok) {
      setIssues(check.issues);
      return;
    }
    setIssues({});
    if (preview) setPreviewing(check.selection);
    else create.mutate(check);
  };
  const kommuner = reference.data?.kommuner ?? [];
  const lpos = reference.data?.lpos ?? [];
  const area = areaFromValue(form.area);
  const placeholder = defaultTitle(
    { ...form, followUpKind: form.followUpKind || undefined },
    area ? areaName(area, kommuner) : '…',
  );
  const otherError = create.error && !issuesOfError(create.error) ? errorMessage(create.error) : null;

  return (
    <dialog
      ref={ref}
      className="confirm report-dialog"
      aria-labelledby="new-report-title"
      onCancel={(e) => {
        e.preventDefault();
        if (previewing) setPreviewing(null);
        else onCancel();
      }}
    >
      <h2 id="new-report-title">{previewing ? `Förhandsgranskning: ${placeholder}` : 'Ny rapport'}</h2>
      {previewing ? (
        <div className="report-dialog-preview">
          <p className="muted">Mallens innehåll för urvalet, med dagens data. Inget är sparat ännu.</p>
          <ReportPreview source={{ selection: previewing }} />
          <div className="actions">
            <button type="button" className="secondary" autoFocus onClick={() => setPreviewing(null)}>
              Tillbaka till formuläret
            </button>
          </div>
        </div>
      ) : (
        <form
          aria-label="Ny rapport"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit(false);
          }}
        >
          <div className="form-grid">
            <Field id="report-template" label="Mall" error={issues.template}>
              {(p) => (
                <select
                  {...p}
                  value={form.template}
                  onChange={(e) => set({ template: e.target.value as NewReportForm['template'] })}
                >
                  {REPORT_TEMPLATES.map((t) => (
                    <option key={t} value={t}>
                      {TEMPLATE_LABELS[t]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="report-area" label="Kommun eller lokalpolisområde" error={issues.area}>
              {(p) => (
                <select {...p} value={form.area} onChange={(e) => set({ area: e.target.value, lofteId: null })}>
                  <option value="">Välj…</option>
                  <optgroup label="Kommuner">
                    {kommuner.map((k) => (
                      <option key={k.id} value={`k:${k.scbCode}`}>
                        {k.name}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label="Lokalpolisområden">
                    {lpos.map((l) => (
                      <option key={l.id} value={`l:${l.name}`}>
                        LPO {l.name}
                      </option>
                    ))}
                  </optgroup>
                </select>
              )}
            </Field>
            <Field id="report-from" label="Från" error={issues.from}>
              {(p) => <input {...p} type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} />}
            </Field>
            <Field id="report-to" label="Till" error={issues.to}>
              {(p) => <input {...p} type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} />}
            </Field>
            <TemplateFields form={form} issues={issues} onChange={set} />
            {form.template === 'uppfoljning' && (
              <Field id="report-kind" label="Slag av uppföljning" error={issues.followUpKind}>
                {(p) => (
                  <select
                    {...p}
                    value={form.followUpKind}
                    onChange={(e) => set({ followUpKind: e.target.value as NewReportForm['followUpKind'] })}
                  >
                    <option value="">Uppföljning</option>
                    {FOLLOW_UP_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {FOLLOW_UP_LABELS[k]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <div className="field field-wide">
              {isPublicTemplate(form.template) ? (
                <p className="muted report-public-note">
                  {TEMPLATE_LABELS[form.template]} är till för att publiceras: små tal visas som ”färre än 3”.
                </p>
              ) : (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.publication}
                    onChange={(e) => set({ publication: e.target.checked })}
                  />
                  Publiceras (små tal visas som ”färre än 3”)
                </label>
              )}
            </div>
            <Field id="report-title" label="Rubrik" error={issues.title} wide>
              {(p) => (
                <input
                  {...p}
                  value={form.title}
                  placeholder={placeholder}
                  onChange={(e) => set({ title: e.target.value })}
                />
              )}
            </Field>
            <Field id="report-dnr" label="Diarienummer (valfritt)" error={issues.diarienummer}>
              {(p) => (
                <input
                  {...p}
                  value={form.diarienummer}
                  placeholder="t.ex. KS 2026/123"
                  onChange={(e) => set({ diarienummer: e.target.value })}
                />
              )}
            </Field>
            <div className="field">
              <LogoField logo={form.logo} error={issues.logo} onChange={(logo) => set({ logo })} />
            </div>
          </div>
          {otherError && (
            <p className="form-error" role="alert">
              {otherError}
            </p>
          )}
          <div className="actions">
            <button type="button" className="secondary" onClick={onCancel}>
              Avbryt
            </button>
            <button type="button" className="secondary" onClick={() => submit(true)}>
              Förhandsgranska utan att spara
            </button>
            <button type="submit" disabled={create.isPending}>
              {create.isPending ? 'Skapar…' : 'Skapa rapport'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
