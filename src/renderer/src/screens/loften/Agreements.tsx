import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { lofteCount, type Agreement, type AgreementInput } from '../../../../shared/agreements';
import type { Kommun, Lpo } from '../../../../shared/domain';
import { ApiCallError, call, errorMessage } from '../../lib/client';
import { useScreenState } from '../../lib/screen-state';
import { Tabs } from '../../components/Tabs';

export type LoftenView = 'loften' | 'overenskommelser';

const VIEWS: { id: LoftenView; label: string }[] = [
  { id: 'loften', label: 'Löften' },
  { id: 'overenskommelser', label: 'Samverkansöverenskommelser' },
];

/** The two halves of the Medborgarlöften screen. */
export function LoftenTabs({ view, onChange }: { view: LoftenView; onChange: (v: LoftenView) => void }) {
  return <Tabs label="Löften och överenskommelser" tabs={VIEWS} value={view} onChange={onChange} />;
}

/** A fokusområde in the form: `key` for React, `id` once saved. */
interface AreaForm {
  key: string;
  id?: number;
  title: string;
  problem: string;
  causes: string;
  goals: string;
  followUp: string;
  lofteCount: number;
}

interface AgreementForm {
  title: string;
  periodFrom: string;
  periodTo: string;
  kommunIds: number[];
  signedByLpo: string;
  signedByKommun: string;
  /** '' while unsigned. */
  signedOn: string;
  focusAreas: AreaForm[];
}

let nextKey = 0;
const newKey = () => `nytt-${++nextKey}`;

const emptyArea = (): AreaForm => ({
  key: newKey(),
  title: '',
  problem: '',
  causes: '',
  goals: '',
  followUp: '',
  lofteCount: 0,
});

function emptyForm(): AgreementForm {
  const y = new Date().getFullYear() + 1;
  return {
    title: '',
    periodFrom: `${y}-01-01`,
    periodTo: `${y + 3}-12-31`,
    kommunIds: [],
    signedByLpo: '',
    signedByKommun: '',
    signedOn: '',
    focusAreas: [emptyArea()],
  };
}

const fromAgreement = (a: Agreement): AgreementForm => ({
  title: a.title,
  periodFrom: a.periodFrom,
  periodTo: a.periodTo,
  kommunIds: a.kommunIds,
  signedByLpo: a.signedByLpo,
  signedByKommun: a.signedByKommun,
  signedOn: a.signedOn ?? '',
  focusAreas: a.focusAreas.map((f) => ({
    key: `id-${f.id}`,
    id: f.id,
    title: f.title,
    problem: f.problem,
    causes: f.causes,
    goals: f.goals,
    followUp: f.followUp,
    lofteCount: f.lofteCount,
  })),
});

const toInput = (id: number | null, f: AgreementForm): AgreementInput => ({
  ...(id !== null ? { id } : {}),
  title: f.title,
  periodFrom: f.periodFrom,
  periodTo: f.periodTo,
  kommunIds: f.kommunIds,
  signedByLpo: f.signedByLpo,
  signedByKommun: f.signedByKommun,
  signedOn: f.signedOn || null,
  focusAreas: f.focusAreas.map((a) => ({
    ...(a.id !== undefined ? { id: a.id } : {}),
    title: a.title,
    problem: a.problem,
    causes: a.causes,
    goals: a.goals,
    followUp: a.followUp,
  })),
});

/** Samverkansöverenskommelser: the list and the editor of one (explicit saving). */
export function Agreements() {
  const queryClient = useQueryClient();
  const reference = useQuery({ queryKey: ['reference'], queryFn: () => call('reference.get', {}) });
  const list = useQuery({ queryKey: ['agreements.list'], queryFn: () => call('agreements.list', {}) });
  const [selected, setSelected] = useScreenState<number | 'ny' | null>('agreements.selected', null);
  const [notice, setNotice] = useState('');
  // A new editor for every choice in the list, but not when a new agreement is saved and gets its id.
  const [editorKey, setEditorKey] = useState(0);
  const kommuner = reference.data?.kommuner ?? [];
  const kommunName = new Map(kommuner.map((k) => [k.id, k.name]));
  const choose = (id: number | 'ny') => {
    setNotice('');
    setSelected(id);
    setEditorKey((k) => k + 1);
  };

  const saved = (a: Agreement) => {
    queryClient.setQueryData(['agreements.get', a.id], a);
    void queryClient.invalidateQueries({ queryKey: ['agreements.list'] });
    void queryClient.invalidateQueries({ queryKey: ['loften.focusAreas'] });
    setNotice(`Överenskommelsen "${a.title}" är sparad.`);
    setSelected(a.id);
  };

  return (
    <div className="loften-layout agreements">
      <aside className="loften-list" aria-label="Samverkansöverenskommelser">
        <button type="button" onClick={() => choose('ny')}>
          Ny överenskommelse
        </button>
        {list.error && (
          <p className="form-error" role="alert">
            {errorMessage(list.error)}
          </p>
        )}
        <ul>
          {(list.data ?? []).map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className={a.id === selected ? 'lofte-item lofte-item-active' : 'lofte-item'}
                aria-current={a.id === selected ? 'true' : undefined}
                onClick={() => choose(a.id)}
              >
                <strong>{a.title}</strong>
                <span>
                  {a.kommunIds.map((k) => kommunName.get(k)).join(', ')} · {a.periodFrom} – {a.periodTo}
                </span>
                <span>
                  {a.signedOn ? `Undertecknad ${a.signedOn}` : 'Inte undertecknad'} · {a.focusAreas.length}{' '}
                  {a.focusAreas.length === 1 ? 'fokusområde' : 'fokusområden'}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {list.data?.length === 0 && <p className="form-info">Inga överenskommelser ännu.</p>}
      </aside>
      <div className="loften-main">
        {selected === null && <p className="form-info">Välj en överenskommelse i listan eller skapa en ny.</p>}
        {selected !== null && (
          <AgreementEditor
            key={editorKey}
            id={selected === 'ny' ? null : selected}
            notice={notice}
            kommuner={kommuner}
            lpos={reference.data?.lpos ?? []}
            onEdit={() => setNotice('')}
            onSaved={saved}
          />
        )}
      </div>
    </div>
  );
}

function AgreementEditor({
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
  const q = useQuery({
    queryKey: ['agreements.get', id],
    queryFn: () => call('agreements.get', { id: id! }),
    enabled: id !== null,
  });
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
  const edit = (next: AgreementForm) => {
    setEdited(next);
    onEdit();
  };
  const set = <K extends keyof AgreementForm>(key: K, value: AgreementForm[K]) => edit({ ...form, [key]: value });
  const setArea = (i: number, patch: Partial<AreaForm>) =>
    set(
      'focusAreas',
      form.focusAreas.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    );
  const move = (i: number, by: -1 | 1) => {
    const areas = [...form.focusAreas];
    [areas[i], areas[i + by]] = [areas[i + by]!, areas[i]!];
    set('focusAreas', areas);
  };
  const toggleKommun = (k: number, on: boolean) =>
    set('kommunIds', on ? [...form.kommunIds, k] : form.kommunIds.filter((x) => x !== k));
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
      <div className="agreement-grid">
        <label className="wide">
          Rubrik
          <input
            aria-label="Rubrik"
            value={form.title}
            maxLength={200}
            aria-invalid={bad('title')}
            onChange={(e) => set('title', e.target.value)}
          />
        </label>
        <label>
          Från
          <input
            aria-label="Från"
            type="date"
            value={form.periodFrom}
            aria-invalid={bad('periodFrom')}
            onChange={(e) => set('periodFrom', e.target.value)}
          />
        </label>
        <label>
          Till
          <input
            aria-label="Till"
            type="date"
            value={form.periodTo}
            aria-invalid={bad('periodTo')}
            onChange={(e) => set('periodTo', e.target.value)}
          />
        </label>
        <fieldset className={bad('kommunIds') ? 'wide agreement-kommuner invalid' : 'wide agreement-kommuner'}>
          <legend>Kommuner</legend>
          {lpos.map((lpo) => (
            <div key={lpo.id} className="agreement-lpo">
              <span className="muted">LPO {lpo.name}</span>
              {kommuner
                .filter((k) => k.lpoId === lpo.id)
                .map((k) => (
                  <label key={k.id} className="check">
                    <input
                      type="checkbox"
                      aria-label={k.name}
                      checked={form.kommunIds.includes(k.id)}
                      onChange={(e) => toggleKommun(k.id, e.target.checked)}
                    />
                    {k.name}
                  </label>
                ))}
            </div>
          ))}
        </fieldset>
        <label>
          Undertecknad av (LPO-chef)
          <input
            aria-label="Undertecknad av (LPO-chef)"
            value={form.signedByLpo}
            maxLength={200}
            onChange={(e) => set('signedByLpo', e.target.value)}
          />
        </label>
        <label>
          Undertecknad av (KSO)
          <input
            aria-label="Undertecknad av (KSO)"
            value={form.signedByKommun}
            maxLength={200}
            onChange={(e) => set('signedByKommun', e.target.value)}
          />
        </label>
        <label>
          Datum för underskrift
          <input
            aria-label="Datum för underskrift"
            type="date"
            value={form.signedOn}
            aria-invalid={bad('signedOn')}
            onChange={(e) => set('signedOn', e.target.value)}
          />
        </label>
      </div>

      <h4>Fokusområden</h4>
      {form.focusAreas.length === 0 && <p className="form-info">Inga fokusområden ännu.</p>}
      <ol className="focus-areas">
        {form.focusAreas.map((a, i) => (
          <li key={a.key}>
            <fieldset className="focus-area">
              <legend>Fokusområde {i + 1}</legend>
              <label className="wide">
                Fokusområde
                <input
                  aria-label="Fokusområde"
                  value={a.title}
                  maxLength={200}
                  aria-invalid={bad(`focusAreas.${i}.title`)}
                  onChange={(e) => setArea(i, { title: e.target.value })}
                />
              </label>
              <label>
                Problem
                <textarea
                  aria-label="Problem"
                  rows={3}
                  value={a.problem}
                  onChange={(e) => setArea(i, { problem: e.target.value })}
                />
              </label>
              <label>
                Trolig orsak (orsaksanalys)
                <textarea
                  aria-label="Trolig orsak (orsaksanalys)"
                  rows={3}
                  value={a.causes}
                  onChange={(e) => setArea(i, { causes: e.target.value })}
                />
              </label>
              <label>
                Mätbara mål
                <textarea
                  aria-label="Mätbara mål"
                  rows={3}
                  value={a.goals}
                  onChange={(e) => setArea(i, { goals: e.target.value })}
                />
              </label>
              <label>
                Dokumentation och uppföljning
                <textarea
                  aria-label="Dokumentation och uppföljning"
                  rows={3}
                  value={a.followUp}
                  onChange={(e) => setArea(i, { followUp: e.target.value })}
                />
              </label>
              <div className="focus-area-foot wide">
                <span className="muted">
                  {a.id === undefined
                    ? 'Nytt: sparas när du trycker Spara.'
                    : a.lofteCount > 0
                      ? `Används av ${lofteCount(a.lofteCount)}.`
                      : 'Inga löften ännu.'}
                </span>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Flytta upp fokusområde ${i + 1}`}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  Flytta upp
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Flytta ner fokusområde ${i + 1}`}
                  disabled={i === form.focusAreas.length - 1}
                  onClick={() => move(i, 1)}
                >
                  Flytta ner
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Ta bort fokusområde ${i + 1}`}
                  onClick={() =>
                    set(
                      'focusAreas',
                      form.focusAreas.filter((_, j) => j !== i),
                    )
                  }
                >
                  Ta bort
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="actions left">
        <button
          type="button"
          className="secondary"
          onClick={() => set('focusAreas', [...form.focusAreas, emptyArea()])}
        >
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
