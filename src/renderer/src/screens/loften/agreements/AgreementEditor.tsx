import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Agreement } from '../../../../../shared/agreements';
import type { Kommun, Lpo } from '../../../../../shared/domain';
import { ApiCallError, call, errorMessage } from '../../../lib/client';
import { AgreementFields } from './AgreementFields';
import { FocusAreaFields } from './FocusAreaFields';
import { emptyArea, emptyForm, fromAgreement, toInput, type AgreementForm, type AreaForm } from './form';
import { useOp } from '../../../lib/queries';

/** One agreement, edited and saved explicitly; a refused save marks its fields and keeps the text. */
export function AgreementEditor({
  id,
  notice,
  kommuner,
  lpos,
  onEdit,
  onSaved,
}: {
  id: number | null;
  notice: string;
  kommuner: Kommun[];
  lpos: Lpo[];
  onEdit: () => void;
  onSaved: (a: Agreement) => void;
}) {
  // A new agreement (id null) is not read; its key's 0 is never an id.
  const q = useOp('agreements.get', { id: id ?? 0 }, { enabled: id !== null });
  const [edited, setEdited] = useState<AgreementForm | null>(null);
  const [fresh] = useState(emptyForm);
  const loaded = id === null ? fresh : q.data ? fromAgreement(q.data) : null;
  const form = edited ?? loaded;
  const save = useMutation({
    mutationFn: (f: AgreementForm) => call('agreements.save', toInput(id, f)),
    onSuccess: (a) => {
      setEdited(null);
      onSaved(a);
    },
  });

  if (q.error) return <p className="form-error">{errorMessage(q.error)}</p>;
  if (!form) return <p className="form-info">Hämtar överenskommelsen…</p>;

  const invalid = new Set(
    save.error instanceof ApiCallError ? (save.error.error.details?.issues ?? []).map((i) => i.field) : [],
  );
  const bad = (field: string) => (invalid.has(field) ? true : undefined);
  const set = <K extends keyof AgreementForm>(key: K, value: AgreementForm[K]) => {
    setEdited({ ...form, [key]: value });
    onEdit();
  };
  const areas = form.focusAreas;
  const setArea = (i: number, patch: Partial<AreaForm>) =>
    set(
      'focusAreas',
      areas.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    );
  const move = (i: number, by: -1 | 1) => {
    const next = [...areas];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    set('focusAreas', next);
  };
  const dirty = edited !== null && JSON.stringify(edited) !== JSON.stringify(loaded);

  return (
    <form
      className="agreement-form"
      aria-labelledby="agreement-heading"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form);
      }}
    >
      <h3 id="agreement-heading">{id === null ? 'Ny samverkansöverenskommelse' : form.title || 'Utan rubrik'}</h3>
      <AgreementFields form={form} kommuner={kommuner} lpos={lpos} bad={bad} set={set} />

      <h4>Fokusområden</h4>
      {areas.length === 0 && <p className="form-info">Inga fokusområden ännu.</p>}
      <ol className="focus-areas">
        {areas.map((a, i) => (
          <li key={a.key}>
            <FocusAreaFields
              area={a}
              index={i}
              count={areas.length}
              bad={bad}
              onChange={(patch) => setArea(i, patch)}
              onMove={(by) => move(i, by)}
              onRemove={() =>
                set(
                  'focusAreas',
                  areas.filter((_, j) => j !== i),
                )
              }
            />
          </li>
        ))}
      </ol>
      <div className="actions left">
        <button type="button" className="secondary" onClick={() => set('focusAreas', [...areas, emptyArea()])}>
          Lägg till fokusområde
        </button>
      </div>
      {save.error && (
        <p className="form-error" role="alert">
          {errorMessage(save.error)}
        </p>
      )}
      <div className="actions left">
        <button type="submit" disabled={save.isPending}>
          Spara
        </button>
        {edited !== null && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setEdited(null);
              save.reset();
            }}
          >
            Ångra ändringarna
          </button>
        )}
        {dirty && <span className="muted">Ändringar som inte är sparade.</span>}
        <span className="agreement-notice" role="status">
          {notice}
        </span>
      </div>
    </form>
  );
}
