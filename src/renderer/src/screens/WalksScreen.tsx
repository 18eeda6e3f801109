import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { subcategoryLabel } from '../../../shared/taxonomy';
import type { Measure, MeasureStatus, Walk } from '../../../shared/walks';
import { MEASURE_STATUS_LABELS, MEASURE_STATUSES, WALK_OBSERVATION_KINDS } from '../../../shared/walks';
import { call, errorMessage } from '../lib/client';
import { openRegister } from '../lib/route';
import { useScreenState } from '../lib/screen-state';
import { KommunSelect } from '../components/KommunSelect';
import { Tabs } from '../components/Tabs';

type Tab = 'vandringar' | 'atgardsplan' | 'forsenade';

/** Trygghetsvandringar with their observations and protokoll of åtgärder; the åtgärdsplan; overdue åtgärder. */
export function WalksScreen() {
  const reference = useQuery({ queryKey: ['reference'], queryFn: () => call('reference.get', {}) });
  const [tab, setTab] = useScreenState<Tab>('walks.tab', 'vandringar');
  const [kommunId, setKommunId] = useScreenState<number | null>('walks.kommun', null);
  const kommuner = reference.data?.kommuner ?? [];
  const kommunName = new Map(kommuner.map((k) => [k.id, k.name]));
  return (
    <section className="walks" aria-labelledby="walks-title">
      <h2 id="walks-title">Trygghetsvandringar och åtgärder</h2>
      <div className="filters" role="group" aria-label="Urval">
        <KommunSelect label="Kommun" kommuner={kommuner} value={kommunId} onChange={setKommunId} empty="Alla" />
      </div>
      <Tabs
        label="Vandringar och åtgärder"
        tabs={[
          { id: 'vandringar', label: 'Trygghetsvandringar' },
          { id: 'atgardsplan', label: 'Åtgärdsplan' },
          { id: 'forsenade', label: 'Försenade åtgärder' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'vandringar' && <Walks kommunId={kommunId} kommunName={kommunName} />}
      {tab === 'atgardsplan' &&
        (kommunId === null ? (
          <p className="form-info">Välj en kommun: åtgärdsplanen är kommunens.</p>
        ) : (
          <Plan kommunId={kommunId} kommunName={kommunName.get(kommunId) ?? ''} />
        ))}
      {tab === 'forsenade' && <Overdue kommunId={kommunId} kommunName={kommunName} />}
    </section>
  );
}

const lines = (text: string) =>
  text
    .split(/\n/)
    .map((s) => s.trim())
    .filter(Boolean);

function Walks({ kommunId, kommunName }: { kommunId: number | null; kommunName: Map<number, string> }) {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['walks.list', kommunId],
    queryFn: () => call('walks.list', kommunId ? { kommunIds: [kommunId] } : {}),
  });
  const [selected, setSelected] = useScreenState<number | 'ny' | null>('walks.selected', null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['walks.list'] });
    void queryClient.invalidateQueries({ queryKey: ['walks.get'] });
    void queryClient.invalidateQueries({ queryKey: ['measures.list'] });
  };
  return (
    <div className="loften-layout">
      <aside className="loften-list" aria-label="Vandringar">
        <button type="button" onClick={() => setSelected('ny')}>
          Ny vandring
        </button>
        <ul>
          {(list.data ?? []).map((w) => (
            <li key={w.id}>
              <button
                type="button"
                className={w.id === selected ? 'lofte-item lofte-item-active' : 'lofte-item'}
                onClick={() => setSelected(w.id)}
              >
                <strong>{w.title}</strong>
                <span>
                  {kommunName.get(w.kommunId)} · {w.walkDay}
                  {w.afterDark ? ' · efter mörkrets inbrott' : ''}
                </span>
                <span>
                  {w.observations} iakttagelser · {w.measures} åtgärder
                  {w.overdue > 0 && <span className="behind"> · {w.overdue} försenade</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {list.data?.length === 0 && <p className="form-info">Inga vandringar ännu.</p>}
      </aside>
      <div className="loften-main">
        {selected === 'ny' && (
          <WalkForm
            walk={null}
            defaultKommun={kommunId}
            onSaved={(w) => {
              refresh();
              setSelected(w.id);
            }}
          />
        )}
        {typeof selected === 'number' && <WalkDetailsView key={selected} id={selected} onChanged={refresh} />}
        {selected === null && <p className="form-info">Välj en vandring eller planera en ny.</p>}
      </div>
    </div>
  );
}

function WalkForm({
  walk,
  defaultKommun,
  onSaved,
}: {
  walk: Walk | null;
  defaultKommun: number | null;
  onSaved: (w: Walk) => void;
}) {
  const reference = useQuery({ queryKey: ['reference'], queryFn: () => call('reference.get', {}) });
  const [kommunId, setKommunId] = useState<number | null>(walk?.kommunId ?? defaultKommun);
  const [title, setTitle] = useState(walk?.title ?? '');
  const [walkDay, setWalkDay] = useState(walk?.walkDay ?? new Date().toISOString().slice(0, 10));
  const [afterDark, setAfterDark] = useState(walk?.afterDark ?? false);
  const [route, setRoute] = useState(walk?.route ?? '');
  const [places, setPlaces] = useState((walk?.places ?? []).join('\n'));
  const [invited, setInvited] = useState((walk?.invited ?? []).join('\n'));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      call('walks.save', {
        ...(walk ? { id: walk.id } : {}),
        kommunId: kommunId ?? 0,
        title,
        walkDay,
        afterDark,
        route,
        places: lines(places),
        invited: lines(invited),
      }),
    onSuccess: (w) => {
      setSaved(true);
      onSaved(w);
    },
  });
  return (
    <form
      className="walk-form"
      aria-label={walk ? 'Vandringens plan' : 'Ny vandring'}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate();
      }}
    >
      <KommunSelect
        label="Vandringens kommun"
        kommuner={reference.data?.kommuner ?? []}
        value={kommunId}
        onChange={setKommunId}
        empty="Välj kommun…"
      />
      <label>
        Namn
        <input aria-label="Namn" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Datum
        <input aria-label="Datum" type="date" value={walkDay} onChange={(e) => setWalkDay(e.target.value)} />
      </label>
      <label className="inline">
        <input type="checkbox" checked={afterDark} onChange={(e) => setAfterDark(e.target.checked)} />
        Efter mörkrets inbrott
      </label>
      <label>
        Rutt
        <input aria-label="Rutt" value={route} maxLength={2000} onChange={(e) => setRoute(e.target.value)} />
      </label>
      <label>
        Platser (en per rad)
        <textarea aria-label="Platser" rows={3} value={places} onChange={(e) => setPlaces(e.target.value)} />
      </label>
      <label>
        Inbjudna organisationer (en per rad)
        <textarea aria-label="Inbjudna" rows={3} value={invited} onChange={(e) => setInvited(e.target.value)} />
      </label>
      {save.error && (
        <p className="form-error" role="alert">
          {errorMessage(save.error)}
        </p>
      )}
      {saved && !save.isPending && (
        <p className="form-info" role="status">
          Vandringen är sparad.
        </p>
      )}
      <button type="submit" disabled={save.isPending}>
        Spara vandringen
      </button>
    </form>
  );
}

function WalkDetailsView({ id, onChanged }: { id: number; onChanged: () => void }) {
  const q = useQuery({ queryKey: ['walks.get', id], queryFn: () => call('walks.get', { id }) });
  const loften = useQuery({ queryKey: ['loften.list', null], queryFn: () => call('loften.list', {}) });
  const [placeName, setPlaceName] = useState('');
  const [subcategory, setSubcategory] = useState<string>(WALK_OBSERVATION_KINDS[0]);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const observe = useMutation({
    mutationFn: () => call('walks.observe', { walkId: id, placeName, subcategory, note }),
    onSuccess: (o) => {
      setNote('');
      setMessage({ kind: 'info', text: `Iakttagelsen är sparad och finns i registret som händelse ${o.incidentId}.` });
      onChanged();
    },
    onError: (err) => setMessage({ kind: 'error', text: errorMessage(err) }),
  });
  const removeObs = useMutation({
    mutationFn: (obsId: number) => call('walks.deleteObservation', { id: obsId }),
    onSuccess: () => {
      setMessage({ kind: 'info', text: 'Iakttagelsen är borttagen; händelsen ligger i papperskorgen.' });
      onChanged();
    },
  });
  if (!q.data) return <p className="form-info">{q.error ? errorMessage(q.error) : 'Hämtar vandringen…'}</p>;
  const { walk, observations, measures } = q.data;
  const kommunLoften = (loften.data ?? []).filter((l) => l.kommunId === walk.kommunId);
  return (
    <article className="walk" aria-labelledby="walk-heading">
      <h3 id="walk-heading">{walk.title}</h3>
      <WalkForm walk={walk} defaultKommun={walk.kommunId} onSaved={onChanged} />
      <section aria-labelledby="obs-title">
        <h4 id="obs-title">Iakttagelser per plats</h4>
        {observations.length > 0 && (
          <table className="data-table" aria-label="Iakttagelser">
            <thead>
              <tr>
                <th scope="col">Plats</th>
                <th scope="col">Iakttagelse</th>
                <th scope="col">Anteckning</th>
                <th scope="col">Händelse</th>
                <th scope="col">
                  <span className="visually-hidden">Ta bort</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {observations.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.placeName}</th>
                  <td>{subcategoryLabel(o.subcategory)}</td>
                  <td>{o.note}</td>
                  <td>
                    {o.incidentId === null ? (
                      'borttagen'
                    ) : (
                      <button
                        type="button"
                        className="link"
                        onClick={() =>
                          openRegister({
                            kommunIds: [walk.kommunId],
                            placeNames: [o.placeName],
                            sources: ['trygghetsvandring'],
                            fromDay: walk.walkDay,
                            toDay: walk.walkDay,
                          })
                        }
                      >
                        Visa i registret
                      </button>
                    )}
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => removeObs.mutate(o.id)}>
                      Ta bort
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form
          className="log-form"
          aria-label="Ny iakttagelse"
          onSubmit={(e) => {
            e.preventDefault();
            setMessage(null);
            observe.mutate();
          }}
        >
          <label>
            Plats
            <input
              aria-label="Plats"
              list="walk-places"
              value={placeName}
              maxLength={200}
              onChange={(e) => setPlaceName(e.target.value)}
            />
            <datalist id="walk-places">
              {walk.places.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
          </label>
          <label>
            Vad
            <select aria-label="Vad" value={subcategory} onChange={(e) => setSubcategory(e.target.value)}>
              {WALK_OBSERVATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {subcategoryLabel(k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Anteckning
            <input aria-label="Anteckning" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" disabled={observe.isPending}>
            Lägg till iakttagelse
          </button>
        </form>
        {message && (
          <p
            className={message.kind === 'error' ? 'form-error' : 'form-info'}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
      </section>
      <section aria-labelledby="measures-title">
        <h4 id="measures-title">Protokoll: åtgärder</h4>
        <MeasureTable measures={measures} loften={kommunLoften} onChanged={onChanged} />
        <NewMeasure
          kommunId={walk.kommunId}
          walkId={walk.id}
          observations={observations.map((o) => ({
            id: o.id,
            label: `${o.placeName}: ${subcategoryLabel(o.subcategory)}`,
          }))}
          loften={kommunLoften}
          onSaved={onChanged}
        />
      </section>
    </article>
  );
}

type LofteOption = { id: number; title: string };

/** Åtgärder with their status editable in place; a declined one asks for the reason. */
function MeasureTable({
  measures,
  loften,
  onChanged,
  showProblem = false,
}: {
  measures: Measure[];
  loften: LofteOption[];
  onChanged: () => void;
  showProblem?: boolean;
}) {
  if (measures.length === 0) return <p className="form-info">Inga åtgärder.</p>;
  return (
    <table className="data-table measures" aria-label="Åtgärder">
      <thead>
        <tr>
          {showProblem && <th scope="col">Problem</th>}
          <th scope="col">Åtgärd</th>
          <th scope="col">Ansvarig</th>
          <th scope="col">Klart senast</th>
          <th scope="col">Löfte</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {measures.map((m) => (
          <MeasureRowEditor
            key={`${m.id}-${m.updatedAt}`}
            measure={m}
            loften={loften}
            onChanged={onChanged}
            showProblem={showProblem}
          />
        ))}
      </tbody>
    </table>
  );
}

function MeasureRowEditor({
  measure: m,
  loften,
  onChanged,
  showProblem,
}: {
  measure: Measure;
  loften: LofteOption[];
  onChanged: () => void;
  showProblem: boolean;
}) {
  const views = useQuery({
    queryKey: ['views.list'],
    queryFn: () => call('views.list', {}),
    enabled: m.viewId !== null,
  });
  const view = views.data?.find((v) => v.id === m.viewId);
  const [status, setStatus] = useState<MeasureStatus>(m.status);
  const [reason, setReason] = useState(m.declineReason);
  const save = useMutation({
    mutationFn: () => call('measures.save', { ...m, status, declineReason: reason }),
    onSuccess: onChanged,
  });
  const dirty = status !== m.status || reason !== m.declineReason;
  return (
    <tr className={m.overdue ? 'measure-overdue' : undefined}>
      {showProblem && (
        <td>
          {m.problem}
          {m.viewId !== null && (
            <div>
              <a href={`#/lagesbild?vy=${m.viewId}`}>{view ? view.name : 'Sparad vy'}</a>
            </div>
          )}
        </td>
      )}
      <th scope="row">{m.what}</th>
      <td>{m.responsible}</td>
      <td>
        {m.dueDay}
        {m.overdue && <strong className="behind"> försenad</strong>}
      </td>
      <td>{loften.find((l) => l.id === m.lofteId)?.title ?? ''}</td>
      <td>
        <select
          aria-label={`Status: ${m.what}`}
          value={status}
          onChange={(e) => setStatus(e.target.value as MeasureStatus)}
        >
          {MEASURE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {MEASURE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        {status === 'avslagen' && m.status !== 'avslagen' && (
          <input
            aria-label={`Skäl: ${m.what}`}
            placeholder="Varför avslogs den?"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        {m.status === 'avslagen' && !dirty && <div className="muted">Skäl: {m.declineReason}</div>}
        {dirty && (
          <button type="button" onClick={() => save.mutate()} disabled={save.isPending}>
            Spara
          </button>
        )}
        {save.error && (
          <div className="form-error" role="alert">
            {errorMessage(save.error)}
          </div>
        )}
      </td>
    </tr>
  );
}

function NewMeasure({
  kommunId,
  walkId,
  observations,
  loften,
  onSaved,
  inPlan = false,
}: {
  kommunId: number;
  walkId?: number;
  observations?: { id: number; label: string }[];
  loften: LofteOption[];
  onSaved: () => void;
  inPlan?: boolean;
}) {
  const [problem, setProblem] = useState('');
  const [what, setWhat] = useState('');
  const [responsible, setResponsible] = useState('');
  const [dueDay, setDueDay] = useState('');
  const [observationId, setObservationId] = useState<number | ''>('');
  const [lofteId, setLofteId] = useState<number | ''>('');
  const [viewId, setViewId] = useState<number | ''>('');
  const views = useQuery({ queryKey: ['views.list'], queryFn: () => call('views.list', {}), enabled: inPlan });
  const save = useMutation({
    mutationFn: () =>
      call('measures.save', {
        kommunId,
        ...(walkId ? { walkId } : {}),
        ...(observationId !== '' ? { observationId } : {}),
        ...(lofteId !== '' ? { lofteId } : {}),
        ...(viewId !== '' ? { viewId } : {}),
        problem,
        what,
        responsible,
        ...(dueDay ? { dueDay } : {}),
        status: 'planerad',
        inPlan,
      }),
    onSuccess: () => {
      setWhat('');
      setProblem('');
      setResponsible('');
      setDueDay('');
      setViewId('');
      onSaved();
    },
  });
  return (
    <form
      className="log-form"
      aria-label="Ny åtgärd"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {inPlan && (
        <label>
          Problem i lägesbilden
          <input aria-label="Problem i lägesbilden" value={problem} onChange={(e) => setProblem(e.target.value)} />
        </label>
      )}
      {inPlan && (
        <label>
          Underlag
          <select
            aria-label="Underlag: sparad vy"
            value={viewId}
            onChange={(e) => setViewId(e.target.value ? Number(e.target.value) : '')}
          >
            <option value="">Ingen sparad vy</option>
            {(views.data ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Åtgärd
        <input aria-label="Åtgärd" value={what} maxLength={1000} onChange={(e) => setWhat(e.target.value)} />
      </label>
      <label>
        Ansvarig
        <input
          aria-label="Ansvarig"
          value={responsible}
          maxLength={200}
          onChange={(e) => setResponsible(e.target.value)}
        />
      </label>
      <label>
        Klart senast
        <input aria-label="Klart senast" type="date" value={dueDay} onChange={(e) => setDueDay(e.target.value)} />
      </label>
      {observations && observations.length > 0 && (
        <label>
          Iakttagelse
          <select
            value={observationId}
            onChange={(e) => setObservationId(e.target.value ? Number(e.target.value) : '')}
          >
            <option value="">Ingen</option>
            {observations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Löfte
        <select
          aria-label="Löfte"
          value={lofteId}
          onChange={(e) => setLofteId(e.target.value ? Number(e.target.value) : '')}
        >
          <option value="">Inget</option>
          {loften.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={save.isPending}>
        Lägg till åtgärd
      </button>
      {!dueDay && <span className="muted">Utan datum: sex månader {walkId ? 'efter vandringen' : 'från i dag'}.</span>}
      {save.error && (
        <p className="form-error" role="alert">
          {errorMessage(save.error)}
        </p>
      )}
    </form>
  );
}

/** The kommun's åtgärdsplan (lag 2023:196): measures linked to the lägesbild's problems and to löften. */
function Plan({ kommunId, kommunName }: { kommunId: number; kommunName: string }) {
  const queryClient = useQueryClient();
  const q = useQuery({
    queryKey: ['measures.list', 'plan', kommunId],
    queryFn: () => call('measures.list', { kommunIds: [kommunId], inPlan: true }),
  });
  const loften = useQuery({ queryKey: ['loften.list', null], queryFn: () => call('loften.list', {}) });
  const kommunLoften = (loften.data ?? []).filter((l) => l.kommunId === kommunId);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['measures.list'] });
  return (
    <div className="dashboard-panel" data-testid="atgardsplan">
      <h3>Åtgärdsplan för {kommunName}</h3>
      <p className="form-info">
        Kommunens åtgärdsplan enligt lagen om kommuners ansvar för brottsförebyggande arbete (2023:196): åtgärder
        kopplade till lägesbildens problem och till medborgarlöftena, med ansvarig och datum.
      </p>
      <MeasureTable measures={q.data ?? []} loften={kommunLoften} onChanged={refresh} showProblem />
      <NewMeasure kommunId={kommunId} loften={kommunLoften} onSaved={refresh} inPlan />
    </div>
  );
}

function Overdue({ kommunId, kommunName }: { kommunId: number | null; kommunName: Map<number, string> }) {
  const queryClient = useQueryClient();
  const q = useQuery({
    queryKey: ['measures.list', 'overdue', kommunId],
    queryFn: () => call('measures.list', { ...(kommunId ? { kommunIds: [kommunId] } : {}), overdueOnly: true }),
  });
  const loften = useQuery({ queryKey: ['loften.list', null], queryFn: () => call('loften.list', {}) });
  return (
    <div className="dashboard-panel" data-testid="forsenade">
      <h3>Åtgärder som passerat sitt datum</h3>
      {(q.data ?? []).length === 0 ? (
        <p className="form-info">Inga försenade åtgärder.</p>
      ) : (
        <>
          <p className="form-info">
            {[...new Set((q.data ?? []).map((m) => kommunName.get(m.kommunId)))].join(', ')}: ändra status när åtgärden
            är gjord, eller avslå den med ett skäl.
          </p>
          <MeasureTable
            measures={q.data ?? []}
            loften={loften.data ?? []}
            onChanged={() => void queryClient.invalidateQueries({ queryKey: ['measures.list'] })}
            showProblem
          />
        </>
      )}
    </div>
  );
}
