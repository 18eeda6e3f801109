import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LOFTE_STATE_LABELS } from '../../../shared/lofte';
import { call, errorMessage } from '../lib/client';
import { useScreenState } from '../lib/screen-state';
import { LofteEditor } from './loften/LofteEditor';
import { KommunSelect } from '../components/KommunSelect';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Agreements, LoftenTabs, type LoftenView } from './loften/Agreements';
import { invalidateOp, useOp } from '../lib/queries';

/** The löfte chosen in the address (#/loften?id=5), e.g. from the Översikt. */
function idFromRoute(): number | null {
  const id = Number(new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('id'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** Medborgarlöften: the list per kommun and period, a new löfte, and the editor with its follow-up. */
export function LoftenScreen() {
  const queryClient = useQueryClient();
  const reference = useOp('reference.get', {});
  const [kommunFilter, setKommunFilter] = useScreenState<number | null>('loften.kommun', null);
  const [selected, setSelected] = useScreenState<number | null>('loften.selected', null);
  const [linked] = useState(idFromRoute);
  const [creating, setCreating] = useState(false);
  const list = useOp('loften.list', kommunFilter ? { kommunIds: [kommunFilter] } : {});
  const chosen = selected ?? linked;
  const kommunName = new Map((reference.data?.kommuner ?? []).map((k) => [k.id, k.name]));
  const refresh = () => void invalidateOp(queryClient, 'loften.list');
  const [view, setView] = useState<LoftenView>('loften');
  // Text the editor could not save (over a limit, refused) is lost if another löfte is opened: ask first.
  const [unsaved, setUnsaved] = useState(false);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const leave = (go: () => void) => {
    if (!unsaved) go();
    else setLeaving(() => go);
  };
  const tabs = <LoftenTabs view={view} onChange={setView} />;
  if (view === 'overenskommelser') {
    return (
      <section className="loften" aria-labelledby="loften-title">
        <h2 id="loften-title">Medborgarlöften</h2>
        {tabs}
        <Agreements />
      </section>
    );
  }

  return (
    <section className="loften" aria-labelledby="loften-title">
      <h2 id="loften-title">Medborgarlöften</h2>
      {tabs}
      <div className="loften-layout">
        <aside className="loften-list" aria-label="Löften">
          <KommunSelect
            label="Visa kommun"
            kommuner={reference.data?.kommuner ?? []}
            value={kommunFilter}
            onChange={setKommunFilter}
            empty="Alla"
          />
          <button type="button" onClick={() => leave(() => setCreating(true))}>
            Nytt löfte
          </button>
          {list.error && <p className="form-error">{errorMessage(list.error)}</p>}
          <ul>
            {(list.data ?? []).map((l) => (
              <li key={l.id}>
                <button
                  type="button"
                  className={l.id === chosen ? 'lofte-item lofte-item-active' : 'lofte-item'}
                  aria-current={l.id === chosen ? 'true' : undefined}
                  onClick={() =>
                    leave(() => {
                      setCreating(false);
                      setSelected(l.id);
                    })
                  }
                >
                  <strong>{l.title || 'Utan rubrik'}</strong>
                  <span>
                    {kommunName.get(l.kommunId)} · {l.periodFrom} – {l.periodTo}
                  </span>
                  <span>
                    <span className={`state state-${l.state}`}>{LOFTE_STATE_LABELS[l.state]}</span>
                    {l.version > 1 && ` · version ${l.version}`}
                    {l.warnings > 0 && l.state === 'utkast' && ` · ${l.warnings} varningar`}
                    {l.behind > 0 && <span className="behind"> · {l.behind} efter plan</span>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {list.data?.length === 0 && <p className="form-info">Inga löften ännu.</p>}
        </aside>
        <div className="loften-main">
          {creating && (
            <NewLofte
              defaultKommun={kommunFilter}
              onCreated={(id) => {
                setCreating(false);
                setSelected(id);
                refresh();
              }}
              onCancel={() => setCreating(false)}
            />
          )}
          {!creating && chosen !== null && (
            <LofteEditor
              key={chosen}
              id={chosen}
              kommunName={kommunName}
              onChanged={refresh}
              onOpen={(id) => setSelected(id)}
              onUnsavedChange={setUnsaved}
            />
          )}
          {leaving && (
            <ConfirmDialog
              title="Texten är inte sparad"
              text="Det du senast skrev i löftet kunde inte sparas (se det som är markerat). Öppnar du något annat försvinner det."
              confirmLabel="Öppna ändå"
              onCancel={() => setLeaving(null)}
              onConfirm={() => {
                const go = leaving;
                setLeaving(null);
                setUnsaved(false);
                go();
              }}
            />
          )}
          {!creating && chosen === null && <p className="form-info">Välj ett löfte i listan eller skapa ett nytt.</p>}
        </div>
      </div>
    </section>
  );
}

function nextYear(): { from: string; to: string } {
  const y = new Date().getFullYear() + 1;
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** A new draft: kommun, period, fokusområde, and what it starts from (a saved view as evidence). */
function NewLofte({
  defaultKommun,
  onCreated,
  onCancel,
}: {
  defaultKommun: number | null;
  onCreated: (id: number) => void;
  onCancel: () => void;
}) {
  const reference = useOp('reference.get', {});
  const views = useOp('views.list', {});
  const focus = useOp('loften.focusAreas', {});
  const [kommunId, setKommunId] = useState<number | null>(defaultKommun);
  const [period, setPeriod] = useState(nextYear);
  const [focusAreaId, setFocusAreaId] = useState<number | ''>('');
  const [viewId, setViewId] = useState<number | ''>('');
  const create = useMutation({
    mutationFn: () =>
      call('loften.create', {
        kommunId: kommunId ?? 0,
        periodFrom: period.from,
        periodTo: period.to,
        ...(focusAreaId !== '' ? { focusAreaId } : {}),
        ...(viewId !== '' ? { evidenceViewId: viewId } : {}),
      }),
    onSuccess: (l) => onCreated(l.id),
  });
  const areas = (focus.data ?? []).filter((f) => kommunId === null || f.kommunIds.includes(kommunId));
  return (
    <form
      className="new-lofte"
      aria-label="Nytt löfte"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <h3>Nytt löfte</h3>
      <KommunSelect
        label="Löftets kommun"
        kommuner={reference.data?.kommuner ?? []}
        value={kommunId}
        onChange={setKommunId}
        empty="Välj kommun…"
      />
      <label>
        Från
        <input type="date" value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
      </label>
      <label>
        Till
        <input type="date" value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
      </label>
      <label>
        Fokusområde
        <select value={focusAreaId} onChange={(e) => setFocusAreaId(e.target.value ? Number(e.target.value) : '')}>
          <option value="">Inget valt</option>
          {areas.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title} ({f.agreementTitle})
            </option>
          ))}
        </select>
      </label>
      <label>
        Underlag: sparad vy
        <select value={viewId} onChange={(e) => setViewId(e.target.value ? Number(e.target.value) : '')}>
          <option value="">Ingen</option>
          {(views.data ?? []).map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {create.error && (
        <p className="form-error" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={create.isPending}>
          Skapa utkast
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
