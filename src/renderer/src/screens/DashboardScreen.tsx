import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type {
  ChangeJudgement,
  ChangeRow,
  Dashboard,
  EstCycle,
  SavedView,
  TrendPoint,
  ViewSettings,
} from '../../../shared/dashboards';
import { DASHBOARD_LABELS, EST_CYCLE_LABELS, EST_CYCLES, VERDICT_LABELS } from '../../../shared/dashboards';
import type { IncidentFilter, Kommun } from '../../../shared/domain';
import { formatDecimal1, formatInteger } from '../../../shared/format';
import { CATEGORIES, categoryLabel } from '../../../shared/taxonomy';
import { call, errorMessage } from '../lib/client';
import { openRegister } from '../lib/route';

/** Okabe–Ito: distinguishable with every common colour-vision deficiency. */
const BLUE = '#0072B2';
const ORANGE = '#E69F00';
const GREY = '#8c8c8c';

type Tab = 'jamfor' | 'forandring' | 'trend' | 'est';
const TABS: { id: Tab; label: string }[] = [
  { id: 'jamfor', label: 'Jämför kommuner' },
  { id: 'forandring', label: 'Förändring' },
  { id: 'trend', label: 'Trend' },
  { id: 'est', label: 'EST-lägesbild' },
];

type Period = { fromDay: string; toDay: string };
type Selection = IncidentFilter & Period;

/** The last twelve whole months before today. */
function defaultPeriod(today = new Date()): Period {
  const first = new Date(Date.UTC(today.getFullYear() - 1, today.getMonth(), 1));
  const last = new Date(Date.UTC(today.getFullYear(), today.getMonth(), 0));
  return { fromDay: first.toISOString().slice(0, 10), toDay: last.toISOString().slice(0, 10) };
}

const per1000Text = (v: number | null) => (v === null ? 'saknas' : formatDecimal1(v));

export function DashboardScreen() {
  const reference = useQuery({ queryKey: ['reference'], queryFn: () => call('reference.get', {}) });
  const [tab, setTab] = useState<Tab>('jamfor');
  const [lpoId, setLpoId] = useState<number | null>(null);
  const [kommunId, setKommunId] = useState<number | null>(null);
  const [category, setCategory] = useState('');
  const [period, setPeriod] = useState<Period>(() => defaultPeriod());
  const [compareWith, setCompareWith] = useState<'previous' | 'lastYear'>('previous');
  const [by, setBy] = useState<'month' | 'week'>('month');
  const lpos = reference.data?.lpos ?? [];
  const lpo = lpoId ?? lpos[0]?.id ?? null;
  const kommuner = (reference.data?.kommuner ?? []).filter((k) => k.lpoId === lpo);
  const names = new Map((reference.data?.kommuner ?? []).map((k) => [k.id, k.name]));
  const periodError = period.fromDay > period.toDay ? 'Till-datum måste vara samma som eller efter från-datum.' : null;

  const selection: Selection | null =
    lpo === null || periodError
      ? null
      : {
          ...period,
          ...(kommunId ? { kommunIds: [kommunId] } : { lpoIds: [lpo] }),
          ...(category ? { categories: [category] } : {}),
        };

  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">Lägesbild</h2>
      <div className="filters" role="group" aria-label="Urval">
        <label>
          Lokalpolisområde
          <select
            value={lpo ?? ''}
            onChange={(e) => {
              setLpoId(Number(e.target.value));
              setKommunId(null);
            }}
          >
            {lpos.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kommun
          <select
            aria-label="Kommun"
            value={kommunId ?? ''}
            onChange={(e) => setKommunId(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">Alla i LPO</option>
            {kommuner.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kategori
          <select aria-label="Kategori" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">Alla</option>
            {CATEGORIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Från
          <input
            type="date"
            value={period.fromDay}
            onChange={(e) => e.target.value && setPeriod({ ...period, fromDay: e.target.value })}
          />
        </label>
        <label>
          Till
          <input
            type="date"
            value={period.toDay}
            aria-invalid={periodError ? true : undefined}
            onChange={(e) => e.target.value && setPeriod({ ...period, toDay: e.target.value })}
          />
        </label>
      </div>
      {periodError && (
        <p className="form-error" role="alert">
          {periodError}
        </p>
      )}
      {selection && tab !== 'est' && (
        <SavedViews
          // EST-lägesbild is one kommun's cycle, not a selection: it is not saved as a view (yet).
          current={{ dashboard: tab, settings: { filter: selection, compareWith, by } }}
          onOpen={(v) => {
            const f = v.settings.filter;
            const kommun = f.kommunIds?.[0] ?? null;
            const lpoOfKommun = reference.data?.kommuner.find((k) => k.id === kommun)?.lpoId;
            setTab(v.dashboard);
            setLpoId(f.lpoIds?.[0] ?? lpoOfKommun ?? null);
            setKommunId(kommun);
            setCategory(f.categories?.[0] ?? '');
            setPeriod({ fromDay: f.fromDay, toDay: f.toDay });
            setCompareWith(v.settings.compareWith ?? 'previous');
            setBy(v.settings.by ?? 'month');
          }}
        />
      )}
      <div className="tabs" role="tablist" aria-label="Instrumentpaneler">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'tab tab-active' : 'tab'}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {selection && tab === 'jamfor' && <Compare selection={selection} kommuner={kommuner} names={names} />}
      {selection && tab === 'forandring' && (
        <Change selection={selection} names={names} compareWith={compareWith} setCompareWith={setCompareWith} />
      )}
      {selection && tab === 'trend' && <Trend selection={selection} by={by} setBy={setBy} />}
      {selection && tab === 'est' && (kommunId ?? kommuner[0]?.id) && (
        <Est kommunId={(kommunId ?? kommuner[0]?.id)!} day={period.toDay} names={names} />
      )}
    </section>
  );
}

function Status({ loading, error, empty }: { loading: boolean; error: unknown; empty: boolean }) {
  if (loading) return <p className="form-info">Hämtar siffrorna…</p>;
  if (error) return <p className="form-error">{errorMessage(error)}</p>;
  if (empty) return <p className="form-info">Inga händelser i urvalet.</p>;
  return null;
}

/** Drill-down: the register with exactly the rows behind a figure. */
const drill = (selection: Selection, narrower: IncidentFilter) => () => openRegister({ ...selection, ...narrower });

function Compare({
  selection,
  kommuner,
  names,
}: {
  selection: Selection;
  kommuner: Kommun[];
  names: Map<number, string>;
}) {
  const q = useQuery({
    queryKey: ['dashboards.compare', selection],
    queryFn: () => call('dashboards.compare', { filter: selection }),
  });
  const rows = q.data?.rows ?? [];
  const lpoTotal = q.data?.lpoTotals[0];
  const categories = [...new Set(rows.flatMap((r) => Object.keys(r.byCategory)))].sort();
  const data = rows.map((r) => ({ ...r, name: names.get(r.kommunId) ?? '', value: r.per1000 ?? 0 }));
  const base = { ...selection, lpoIds: undefined, kommunIds: undefined };
  return (
    <div className="dashboard-panel" data-testid="dashboard-jamfor">
      <h3>Händelser per 1 000 invånare</h3>
      <Status loading={q.isLoading} error={q.error} empty={!!q.data && rows.every((r) => r.total === 0)} />
      {q.data && (
        <>
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={300}>
              <BarChart data={data} margin={{ top: 16, right: 96, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" />
                <YAxis tickFormatter={(v: number) => formatDecimal1(v)} />
                <Tooltip
                  formatter={(_v, _n, item) => {
                    const r = item.payload as (typeof data)[number];
                    return [`${per1000Text(r.per1000)} per 1 000 inv. (${formatInteger(r.total)} händelser)`, r.name];
                  }}
                />
                {lpoTotal?.per1000 != null && (
                  <ReferenceLine
                    y={lpoTotal.per1000}
                    stroke={ORANGE}
                    strokeDasharray="6 3"
                    label={{
                      value: `Hela urvalet ${per1000Text(lpoTotal.per1000)}`,
                      position: 'right',
                      fill: '#7a5200',
                    }}
                  />
                )}
                <Bar
                  dataKey="value"
                  fill={BLUE}
                  isAnimationActive={false}
                  cursor="pointer"
                  onClick={(d) => {
                    const id = (d as unknown as { kommunId?: number }).kommunId;
                    if (id) openRegister({ ...base, kommunIds: [id] });
                  }}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="table-scroll">
            <table className="data-table" aria-label="Jämför kommuner">
              <thead>
                <tr>
                  <th scope="col">Kommun</th>
                  <th scope="col">Folkmängd</th>
                  <th scope="col">Händelser</th>
                  <th scope="col">Per 1 000 inv.</th>
                  {categories.map((c) => (
                    <th key={c} scope="col">
                      {categoryLabel(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.kommunId}>
                    <th scope="row">{names.get(r.kommunId)}</th>
                    <td>{r.population === null ? 'saknas' : `${formatInteger(r.population)} (${r.populationYear})`}</td>
                    <td>
                      <button type="button" className="link" onClick={drill(base, { kommunIds: [r.kommunId] })}>
                        {formatInteger(r.total)}
                      </button>
                    </td>
                    <td>{per1000Text(r.per1000)}</td>
                    {categories.map((c) => (
                      <td key={c}>
                        <button
                          type="button"
                          className="link"
                          onClick={drill(base, { kommunIds: [r.kommunId], categories: [c] })}
                        >
                          {formatInteger(r.byCategory[c] ?? 0)}
                        </button>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {lpoTotal && rows.length > 1 && (
                <tfoot>
                  <tr>
                    <th scope="row">Hela urvalet</th>
                    <td>{lpoTotal.population === null ? 'saknas' : formatInteger(lpoTotal.population)}</td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={drill(base, { kommunIds: kommuner.map((k) => k.id) })}
                      >
                        {formatInteger(lpoTotal.total)}
                      </button>
                    </td>
                    <td>{per1000Text(lpoTotal.per1000)}</td>
                    {categories.map((c) => (
                      <td key={c}>{formatInteger(lpoTotal.byCategory[c] ?? 0)}</td>
                    ))}
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        </>
      )}
    </div>
  );
}

const VERDICT_MARK: Record<ChangeRow['verdict'], string> = {
  okning: '▲',
  minskning: '▼',
  ingen_sakerstalld_forandring: '–',
  for_fa: '?',
};

/** The z and the verdict in words (with a mark that does not rely on colour). */
function VerdictCells({ judgement: j }: { judgement: ChangeJudgement }) {
  return (
    <>
      <td>{j.z === null ? '–' : formatDecimal1(j.z)}</td>
      <td>
        <span aria-hidden="true">{VERDICT_MARK[j.verdict]} </span>
        {VERDICT_LABELS[j.verdict]}
      </td>
    </>
  );
}

function Change({
  selection,
  names,
  compareWith,
  setCompareWith,
}: {
  selection: Selection;
  names: Map<number, string>;
  compareWith: 'previous' | 'lastYear';
  setCompareWith: (c: 'previous' | 'lastYear') => void;
}) {
  const q = useQuery({
    queryKey: ['dashboards.change', selection, compareWith],
    queryFn: () => call('dashboards.change', { filter: selection, compareWith }),
  });
  const rows = useMemo(
    () =>
      [...(q.data?.rows ?? [])].sort(
        (a, b) => Math.abs(b.z ?? 0) - Math.abs(a.z ?? 0) || b.current - a.current || a.kommunId - b.kommunId,
      ),
    [q.data],
  );
  const prev = q.data?.previous;
  const base = { ...selection, lpoIds: undefined, kommunIds: undefined };
  return (
    <div className="dashboard-panel" data-testid="dashboard-forandring">
      <h3>Förändring mot {compareWith === 'previous' ? 'perioden före' : 'samma period förra året'}</h3>
      <label className="inline">
        Jämför med
        <select
          aria-label="Jämför med"
          value={compareWith}
          onChange={(e) => setCompareWith(e.target.value as typeof compareWith)}
        >
          <option value="previous">Lika lång period före</option>
          <option value="lastYear">Samma period förra året</option>
        </select>
      </label>
      <p className="form-info">
        Förändringen prövas med ett Poisson-test, z = 2(√nu − √förra). |z| ≥ 1,96 räknas som en säkerställd förändring.
        Med färre än 10 händelser sammanlagt går det inte att bedöma.
      </p>
      <Status loading={q.isLoading} error={q.error} empty={!!q.data && rows.length === 0} />
      {q.data && rows.length > 0 && (
        <table className="data-table" aria-label="Förändring per kommun och kategori">
          <thead>
            <tr>
              <th scope="col">Kommun</th>
              <th scope="col">Kategori</th>
              <th scope="col">
                Nu ({selection.fromDay} – {selection.toDay})
              </th>
              <th scope="col">
                Förra ({prev?.fromDay} – {prev?.toDay})
              </th>
              <th scope="col">z</th>
              <th scope="col">Bedömning</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kommunId}-${r.category}`} className={`verdict-${r.verdict}`}>
                <th scope="row">{names.get(r.kommunId)}</th>
                <td>{categoryLabel(r.category)}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={drill(base, { kommunIds: [r.kommunId], categories: [r.category] })}
                  >
                    {formatInteger(r.current)}
                  </button>
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={drill(base, { kommunIds: [r.kommunId], categories: [r.category], ...prev })}
                  >
                    {formatInteger(r.previous)}
                  </button>
                </td>
                <VerdictCells judgement={r} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The period one year earlier: "2025-06" → "2024-06", "2025-W07" → "2024-W07". */
const yearBefore = (period: string) => `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;

function Trend({
  selection,
  by,
  setBy,
}: {
  selection: Selection;
  by: 'month' | 'week';
  setBy: (b: 'month' | 'week') => void;
}) {
  const lastYear = {
    ...selection,
    fromDay: `${Number(selection.fromDay.slice(0, 4)) - 1}${selection.fromDay.slice(4).replace('-02-29', '-02-28')}`,
    toDay: `${Number(selection.toDay.slice(0, 4)) - 1}${selection.toDay.slice(4).replace('-02-29', '-02-28')}`,
  };
  const now = useQuery({
    queryKey: ['dashboards.trend', selection, by],
    queryFn: () => call('dashboards.trend', { filter: selection, by }),
  });
  const before = useQuery({
    queryKey: ['dashboards.trend', lastYear, by],
    queryFn: () => call('dashboards.trend', { filter: lastYear, by }),
  });
  const data = useMemo(() => {
    const sum = (points: TrendPoint[] | undefined) => {
      const m = new Map<string, { n: number; fromDay: string; toDay: string }>();
      for (const p of points ?? []) {
        const hit = m.get(p.period);
        if (hit) {
          hit.n += p.n;
          if (p.fromDay < hit.fromDay) hit.fromDay = p.fromDay;
          if (p.toDay > hit.toDay) hit.toDay = p.toDay;
        } else m.set(p.period, { n: p.n, fromDay: p.fromDay, toDay: p.toDay });
      }
      return m;
    };
    const cur = sum(now.data);
    const prev = sum(before.data);
    return [...cur.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, v]) => ({ period, ...v, previous: prev.get(yearBefore(period))?.n ?? 0 }));
  }, [now.data, before.data]);
  const open = (point: { fromDay: string; toDay: string } | undefined) =>
    point && openRegister({ ...selection, fromDay: point.fromDay, toDay: point.toDay });
  return (
    <div className="dashboard-panel" data-testid="dashboard-trend">
      <h3>Händelser per {by === 'month' ? 'månad' : 'ISO-vecka'}, förra året i grått</h3>
      <label className="inline">
        Per
        <select aria-label="Tidsindelning" value={by} onChange={(e) => setBy(e.target.value as typeof by)}>
          <option value="month">Månad</option>
          <option value="week">Vecka (ISO)</option>
        </select>
      </label>
      <Status loading={now.isLoading} error={now.error ?? before.error} empty={!!now.data && data.length === 0} />
      {now.data && data.length > 0 && (
        <>
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={300}>
              <LineChart
                data={data}
                margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
                onClick={(e) => {
                  const i = Number((e as { activeTooltipIndex?: number | string } | null)?.activeTooltipIndex);
                  if (Number.isInteger(i)) open(data[i]);
                }}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="period" />
                <YAxis allowDecimals={false} />
                <Tooltip formatter={(v) => formatInteger(Number(v))} />
                <Legend />
                <Line
                  name="Förra året"
                  dataKey="previous"
                  stroke={GREY}
                  strokeOpacity={0.6}
                  strokeDasharray="4 3"
                  dot={false}
                  isAnimationActive={false}
                />
                <Line name="Perioden" dataKey="n" stroke={BLUE} strokeWidth={2} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <table className="data-table" aria-label="Trend">
            <thead>
              <tr>
                <th scope="col">{by === 'month' ? 'Månad' : 'Vecka'}</th>
                <th scope="col">Händelser</th>
                <th scope="col">Förra året</th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.period}>
                  <th scope="row">{d.period}</th>
                  <td>
                    <button type="button" className="link" onClick={() => open(d)}>
                      {formatInteger(d.n)}
                    </button>
                  </td>
                  <td>{formatInteger(d.previous)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** Saved views: name the dashboard as it is now, open one again, or remove one. */
function SavedViews({
  current,
  onOpen,
}: {
  current: { dashboard: Dashboard; settings: ViewSettings };
  onOpen: (view: SavedView) => void;
}) {
  const queryClient = useQueryClient();
  const views = useQuery({ queryKey: ['views.list'], queryFn: () => call('views.list', {}) });
  const [chosen, setChosen] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const save = useMutation({
    mutationFn: () => call('views.save', { name, ...current }),
    onSuccess: (v) => {
      setMessage({ kind: 'info', text: `Vyn "${v.name}" är sparad.` });
      setName('');
      setChosen(v.id);
      void queryClient.invalidateQueries({ queryKey: ['views.list'] });
    },
    onError: (err) => setMessage({ kind: 'error', text: errorMessage(err) }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => call('views.delete', { id }),
    onSuccess: (v) => {
      setMessage({ kind: 'info', text: `Vyn "${v.name}" är borttagen.` });
      setChosen(null);
      void queryClient.invalidateQueries({ queryKey: ['views.list'] });
    },
    onError: (err) => setMessage({ kind: 'error', text: errorMessage(err) }),
  });
  const list = views.data ?? [];
  return (
    <div className="saved-views" role="group" aria-label="Sparade vyer">
      <label className="inline">
        Sparad vy
        <select
          value={chosen ?? ''}
          onChange={(e) => {
            const id = e.target.value ? Number(e.target.value) : null;
            setChosen(id);
            const view = list.find((v) => v.id === id);
            if (view) onOpen(view);
          }}
        >
          <option value="">{list.length ? 'Välj en vy…' : 'Inga sparade vyer'}</option>
          {list.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name} ({DASHBOARD_LABELS[v.dashboard]})
            </option>
          ))}
        </select>
      </label>
      {chosen !== null && (
        <button type="button" className="secondary" onClick={() => remove.mutate(chosen)}>
          Ta bort vyn
        </button>
      )}
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          setMessage(null);
          save.mutate();
        }}
      >
        <label className="inline">
          Namn på vyn
          <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" disabled={save.isPending}>
          Spara vy
        </button>
      </form>
      {message && (
        <span
          className={message.kind === 'error' ? 'form-error' : 'form-info'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </span>
      )}
    </div>
  );
}

/** One kommun's lägesbild for a reporting cycle ending on the period's last day. */
function Est({ kommunId, day, names }: { kommunId: number; day: string; names: Map<number, string> }) {
  const [cycle, setCycle] = useState<EstCycle>('tertial');
  const [copied, setCopied] = useState(false);
  const q = useQuery({
    queryKey: ['dashboards.est', kommunId, cycle, day],
    queryFn: () => call('dashboards.est', { kommunId, cycle, day }),
  });
  const l = q.data;
  const base = (narrower: IncidentFilter) => () =>
    l && openRegister({ kommunIds: [kommunId], fromDay: l.fromDay, toDay: l.toDay, ...narrower });
  return (
    <div className="dashboard-panel" data-testid="dashboard-est">
      <h3>EST-lägesbild för {names.get(kommunId)}</h3>
      <label className="inline">
        Cykel
        <select aria-label="Cykel" value={cycle} onChange={(e) => setCycle(e.target.value as EstCycle)}>
          {EST_CYCLES.map((c) => (
            <option key={c} value={c}>
              {EST_CYCLE_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <span className="form-info">Cykeln som slutar {day} (välj kommun och Till-datum ovan).</span>
      <Status loading={q.isLoading} error={q.error} empty={false} />
      {l && (
        <>
          <div className="est-summary" role="region" aria-label="Sammanfattning">
            <p data-testid="est-summary">{l.summary}</p>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(l.summary).then(() => setCopied(true));
              }}
            >
              {copied ? 'Kopierad' : 'Kopiera sammanfattningen'}
            </button>
          </div>
          <table className="data-table" aria-label="Förändring per kategori">
            <thead>
              <tr>
                <th scope="col">Kategori</th>
                <th scope="col">
                  Nu ({l.fromDay} – {l.toDay})
                </th>
                <th scope="col">
                  Förra ({l.previous.fromDay} – {l.previous.toDay})
                </th>
                <th scope="col">z</th>
                <th scope="col">Bedömning</th>
              </tr>
            </thead>
            <tbody>
              {l.changes.map((c) => (
                <tr key={c.category} className={`verdict-${c.verdict}`}>
                  <th scope="row">{categoryLabel(c.category)}</th>
                  <td>
                    <button type="button" className="link" onClick={base({ categories: [c.category] })}>
                      {formatInteger(c.current)}
                    </button>
                  </td>
                  <td>{formatInteger(c.previous)}</td>
                  <VerdictCells judgement={c} />
                </tr>
              ))}
            </tbody>
          </table>
          <div className="est-places">
            <table className="data-table" aria-label="Platser med flest händelser">
              <thead>
                <tr>
                  <th scope="col">Plats</th>
                  <th scope="col">Händelser</th>
                  <th scope="col">Mest</th>
                </tr>
              </thead>
              <tbody>
                {l.topPlaces.map((p) => {
                  const [top] = Object.entries(p.categories).sort((a, b) => b[1] - a[1]);
                  return (
                    <tr key={p.placeName}>
                      <th scope="row">
                        {p.placeName}
                        {l.newPlaces.some((n) => n.placeName === p.placeName) && <span className="badge-new"> ny</span>}
                      </th>
                      <td>{formatInteger(p.n)}</td>
                      <td>{top ? categoryLabel(top[0]) : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div>
              <h4>Nya platser denna cykel</h4>
              {l.newPlaces.length === 0 ? (
                <p className="form-info">Inga.</p>
              ) : (
                <ul aria-label="Nya platser">
                  {l.newPlaces.map((p) => (
                    <li key={p.placeName}>
                      {p.placeName} ({formatInteger(p.n)})
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </>
      )}
    </div>
  );
}
