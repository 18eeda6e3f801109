import type { Dashboard, EstCycle, SavedView, ViewSettings } from '../../../shared/dashboards';
import { MapTab } from './dashboard/MapTab';
import { DASHBOARD_LABELS, DASHBOARDS } from '../../../shared/dashboards';
import { CATEGORIES } from '../../../shared/taxonomy';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useScreenState } from '../lib/screen-state';
import { Change } from './dashboard/Change';
import type { Period, ResolvedPeriods, Selection } from './dashboard/common';
import { Compare } from './dashboard/Compare';
import { Est } from './dashboard/Est';
import { SavedViews } from './dashboard/SavedViews';
import { Survey } from './dashboard/Survey';
import { Trend, type TrendSplit } from './dashboard/Trend';
import { Tabs } from '../components/Tabs';
import { useOp } from '../lib/queries';

type Tab = Dashboard;
const TABS: { id: Tab; label: string }[] = DASHBOARDS.map((id) => ({ id, label: DASHBOARD_LABELS[id] }));

/** The last twelve whole months before today. */
function defaultPeriod(today = new Date()): Period {
  const first = new Date(Date.UTC(today.getFullYear() - 1, today.getMonth(), 1));
  const last = new Date(Date.UTC(today.getFullYear(), today.getMonth(), 0));
  return { fromDay: first.toISOString().slice(0, 10), toDay: last.toISOString().slice(0, 10) };
}

/** A saved view opened from elsewhere (a löfte's evidence): #/lagesbild?vy=12. */
function viewFromRoute(): number | null {
  const id = Number(new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('vy'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** A dashboard opened from elsewhere (e.g. Översikt's link): #/lagesbild?flik=trygghet opens that tab. */
function tabFromRoute(): Tab | null {
  const tab = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('flik');
  return (DASHBOARDS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : null;
}

export function DashboardScreen() {
  const reference = useOp('reference.get', {});
  const [remembered, setTab] = useScreenState<Tab>('lagesbild.tab', 'jamfor');
  const [linked] = useState(tabFromRoute);
  const [followLink, setFollowLink] = useState(true);
  const tab = followLink && linked ? linked : remembered;
  /**
   * A saved view's periods (EST, Förändring): shown as saved until the user changes the selection. Every
   * setter below that changes what is compared lets go of them first.
   */
  const [pinned, setPinned] = useState<{ tab: Tab; periods: ResolvedPeriods } | null>(null);
  /** The periods the EST or Förändring panel shows now, saved with a view. */
  const [resolved, setResolved] = useState<{ tab: Tab; periods: ResolvedPeriods } | null>(null);
  const unpinning =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setPinned(null);
      set(v);
    };
  const chooseTab = (t: Tab) => {
    setFollowLink(false);
    setPinned(null);
    setTab(t);
  };
  const [cycle, setCycleRaw] = useScreenState<EstCycle>('lagesbild.cycle', 'tertial');
  const [indicator, setIndicator] = useScreenState('lagesbild.indicator', 'totalindex');
  const [split, setSplit] = useScreenState<TrendSplit>('lagesbild.split', 'summa');
  const [lpoId, setLpoIdRaw] = useScreenState<number | null>('lagesbild.lpoId', null);
  const [kommunId, setKommunIdRaw] = useScreenState<number | null>('lagesbild.kommunId', null);
  const [category, setCategoryRaw] = useScreenState('lagesbild.category', '');
  const [period, setPeriodRaw] = useScreenState<Period>('lagesbild.period', () => defaultPeriod());
  const [compareWith, setCompareWithRaw] = useScreenState<'previous' | 'lastYear'>('lagesbild.compareWith', 'previous');
  const setCycle = unpinning(setCycleRaw);
  const setLpoId = unpinning(setLpoIdRaw);
  const setKommunId = unpinning(setKommunIdRaw);
  const setCategory = unpinning(setCategoryRaw);
  const setPeriod = unpinning(setPeriodRaw);
  const setCompareWith = unpinning(setCompareWithRaw);
  const onEstResolved = useCallback((periods: ResolvedPeriods) => setResolved({ tab: 'est', periods }), []);
  const onChangeResolved = useCallback((periods: ResolvedPeriods) => setResolved({ tab: 'forandring', periods }), []);
  const [by, setBy] = useScreenState<'month' | 'week'>('lagesbild.by', 'month');
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

  const applyView = (v: SavedView) => {
    const f = v.settings.filter;
    const kommun = v.settings.est?.kommunId ?? f.kommunIds?.[0] ?? null;
    const lpoOfKommun = reference.data?.kommuner.find((k) => k.id === kommun)?.lpoId;
    chooseTab(v.dashboard);
    setLpoId(f.lpoIds?.[0] ?? lpoOfKommun ?? null);
    setKommunId(kommun);
    setCategory(f.categories?.[0] ?? '');
    setPeriod({ fromDay: f.fromDay, toDay: v.settings.est?.day ?? f.toDay });
    setCompareWith(v.settings.compareWith ?? 'previous');
    setBy(v.settings.by ?? 'month');
    setSplit(v.settings.split ?? 'summa');
    setCycle(v.settings.est?.cycle ?? 'tertial');
    setIndicator(v.settings.survey?.indicator ?? 'totalindex');
    // After the setters above (each lets go of pinned periods): the view's own periods, as saved.
    const saved = v.settings.periods;
    setPinned(
      saved?.previous && (v.dashboard === 'est' || v.dashboard === 'forandring')
        ? { tab: v.dashboard, periods: { current: saved.current, previous: saved.previous } }
        : null,
    );
  };
  const pinnedHere = pinned?.tab === tab ? pinned.periods : null;
  // #/lagesbild?vy=12 (a löfte's evidence): open that saved view once the views are read.
  const [linkedView] = useState(viewFromRoute);
  const views = useOp('views.list', {}, { enabled: linkedView !== null });
  const applied = useRef(false);
  useEffect(() => {
    const v = views.data?.find((x) => x.id === linkedView);
    if (v && reference.data && !applied.current) {
      applied.current = true;
      applyView(v);
    }
  });
  const estKommun = kommunId ?? kommuner[0]?.id ?? null;
  /** What a saved view of the dashboard as it is now restores. */
  const viewSettings = (sel: Selection): ViewSettings => ({
    filter: sel,
    compareWith,
    by,
    split,
    ...(tab === 'est' && estKommun !== null ? { est: { kommunId: estKommun, cycle, day: sel.toDay } } : {}),
    ...(tab === 'trygghet' ? { survey: { indicator } } : {}),
    // What EST and Förändring resolved from the data, so the view shows (and a löfte cites) these days.
    ...(resolved?.tab === tab ? { periods: resolved.periods } : {}),
  });

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
          <select
            aria-label="Kategori"
            value={category}
            // EST-lägesbild shows every category; the survey has none.
            disabled={tab === 'est' || tab === 'trygghet'}
            onChange={(e) => setCategory(e.target.value)}
          >
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
            disabled={tab === 'est' || tab === 'trygghet'}
            value={period.fromDay}
            onChange={(e) => e.target.value && setPeriod({ ...period, fromDay: e.target.value })}
          />
        </label>
        <label>
          Till
          <input
            type="date"
            disabled={tab === 'trygghet'}
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
      {selection && <SavedViews current={{ dashboard: tab, settings: viewSettings(selection) }} onOpen={applyView} />}
      <Tabs label="Instrumentpaneler" tabs={TABS} value={tab} onChange={chooseTab} />
      {selection && tab === 'jamfor' && <Compare selection={selection} kommuner={kommuner} names={names} />}
      {selection && tab === 'karta' && <MapTab selection={selection} kommuner={kommuner} />}
      {selection && tab === 'forandring' && (
        <Change
          selection={selection}
          names={names}
          compareWith={compareWith}
          setCompareWith={setCompareWith}
          pinned={pinnedHere}
          onResolved={onChangeResolved}
        />
      )}
      {selection && tab === 'trend' && (
        <Trend selection={selection} by={by} setBy={setBy} split={split} setSplit={setSplit} names={names} />
      )}
      {selection && tab === 'est' && estKommun !== null && (
        <Est
          kommunId={estKommun}
          day={period.toDay}
          names={names}
          cycle={cycle}
          setCycle={setCycle}
          pinned={pinnedHere}
          onResolved={onEstResolved}
        />
      )}
      {tab === 'trygghet' && lpo !== null && (
        <Survey
          lpoId={lpo}
          lpoName={lpos.find((l) => l.id === lpo)?.name ?? ''}
          kommuner={kommunId ? kommuner.filter((k) => k.id === kommunId) : kommuner}
          indicator={indicator}
          setIndicator={setIndicator}
        />
      )}
    </section>
  );
}
