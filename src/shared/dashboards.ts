/** Dashboard DTOs that cross the boundary: what each dashboard query returns, and saved views. */
import type { IncidentFilter, Source } from './domain';
import { addDays, monthEnd, tertialOf } from './calendar';
import type { SurveyMovement } from './survey';
import type { BehindActivity } from './lofte-api';
import type { Measure } from './walks';

export type ChangeVerdict = 'okning' | 'minskning' | 'ingen_sakerstalld_forandring' | 'for_fa';

export const VERDICT_LABELS: Record<ChangeVerdict, string> = {
  okning: 'Säkerställd ökning',
  minskning: 'Säkerställd minskning',
  ingen_sakerstalld_forandring: 'Ingen säkerställd förändring',
  for_fa: 'För få händelser för att bedöma',
};

export interface ChangeJudgement {
  current: number;
  previous: number;
  /** Null when there are too few events to judge. */
  z: number | null;
  verdict: ChangeVerdict;
}

export interface CompareRow {
  kommunId: number;
  lpoId: number;
  population: number | null;
  populationYear: number | null;
  total: number;
  per1000: number | null;
  byCategory: Record<string, number>;
}

export interface CompareResult {
  rows: CompareRow[];
  /** The same per LPO, over the kommuner selected. */
  lpoTotals: (Omit<CompareRow, 'kommunId'> & { kommunIds: number[] })[];
}

export interface ChangeRow extends ChangeJudgement {
  kommunId: number;
  category: string;
}

export interface ChangeResult {
  /** The comparison period's days. */
  previous: { fromDay: string; toDay: string };
  /** The days counted now: the chosen period, or its first days up to the latest data. */
  current: DayRange;
  comparison: PeriodComparison;
  rows: ChangeRow[];
}

export interface DayRange {
  fromDay: string;
  toDay: string;
}

/**
 * How a period compared was chosen (one rule for every comparison, see core/dashboards/periods.ts):
 * - whole: the period asked for is complete in the data and is compared whole;
 * - earlier_cycle: the cycle asked for runs past the latest data, so the latest complete one is shown;
 * - first_days: the period runs past the latest data, so its days up to it are compared with as many days
 *   from the start of the period it is compared with;
 * - no_data: the period begins after the latest data: nothing to compare.
 */
export type PeriodRule = 'whole' | 'earlier_cycle' | 'first_days' | 'no_data';

/** A source that usually reports (every one of the four weeks before the period) but is silent a week or more in it. */
export interface SourceGap {
  source: Source;
  /** Which of the two compared periods the silence is in. */
  period: 'current' | 'previous';
  fromDay: string;
  toDay: string;
}

export interface PeriodComparison {
  current: DayRange;
  previous: DayRange;
  /** Latest data: the latest day every regularly reporting source has data for; null without data. */
  asOfDay: string | null;
  rule: PeriodRule;
  /** The period asked for, when another was compared (earlier_cycle, first_days, no_data). */
  asked: DayRange | null;
  gaps: SourceGap[];
}

export interface TrendPoint {
  /** "2025-06" (month) or "2025-W23" (ISO week). */
  period: string;
  /** First local day of the period inside the range. */
  fromDay: string;
  toDay: string;
  kommunId: number;
  category: string;
  n: number;
}

export const DASHBOARDS = ['jamfor', 'karta', 'forandring', 'trend', 'est', 'trygghet'] as const;
export type Dashboard = (typeof DASHBOARDS)[number];

export const DASHBOARD_LABELS: Record<Dashboard, string> = {
  jamfor: 'Jämför kommuner',
  karta: 'Karta',
  forandring: 'Förändring',
  trend: 'Trend',
  est: 'EST-lägesbild',
  trygghet: 'Trygghetsmätning',
};

export const TREND_SPLITS = ['summa', 'kommun', 'kategori'] as const;
export type TrendSplit = (typeof TREND_SPLITS)[number];

/** What a saved view restores: the selection and the dashboard's own choices. */
export interface ViewSettings {
  filter: {
    lpoIds?: number[] | undefined;
    kommunIds?: number[] | undefined;
    categories?: string[] | undefined;
    sources?: Source[] | undefined;
    fromDay: string;
    toDay: string;
  };
  compareWith?: 'previous' | 'lastYear' | undefined;
  by?: 'month' | 'week' | undefined;
  /** Trend: one line for the selection, or one per kommun or per category. */
  split?: TrendSplit | undefined;
  /** EST-lägesbild: one kommun's cycle ending on a day. */
  est?: { kommunId: number; cycle: EstCycle; day: string } | undefined;
  /** Trygghetsmätning: the indicator shown. */
  survey?: { indicator: string } | undefined;
  /**
   * The periods on screen when the view was saved (EST and Förändring resolve them from the data), so
   * the view shows, and a löfte cites, exactly those days later. Views saved before this have none.
   */
  periods?: { current: DayRange; previous?: DayRange | undefined } | undefined;
}

export interface SavedView {
  id: number;
  name: string;
  dashboard: Dashboard;
  settings: ViewSettings;
  createdAt: string;
  updatedAt: string;
}

export const EST_CYCLES = ['vecka', 'tvaveckor', 'manad', 'tertial'] as const;
export type EstCycle = (typeof EST_CYCLES)[number];

export const EST_CYCLE_LABELS: Record<EstCycle, string> = {
  vecka: '1 vecka',
  tvaveckor: '2 veckor',
  manad: 'Månad',
  tertial: 'Tertial',
};

/** A cycle in definite form, for sentences ("tertialen 2026-09-01 – 2026-12-31 är inte slut …"). */
export const EST_CYCLE_NOUNS: Record<EstCycle, string> = {
  vecka: 'veckan',
  tvaveckor: 'tvåveckorsperioden',
  manad: 'månaden',
  tertial: 'tertialen',
};

/** One kommun's lägesbild for one reporting cycle. */
export interface EstLagesbild {
  kommunId: number;
  cycle: EstCycle;
  fromDay: string;
  toDay: string;
  previous: { fromDay: string; toDay: string };
  total: ChangeJudgement;
  /** Every category with events in either cycle; significant ones first. */
  changes: (ChangeJudgement & { category: string })[];
  /** The named places with most events this cycle. */
  topPlaces: { placeName: string; n: number; categories: Record<string, number> }[];
  /** Places with events this cycle and none in the 90 days before it. */
  newPlaces: { placeName: string; n: number }[];
  /** The cycle's lägesbild in a few Swedish sentences, for the group to discuss. */
  summary: string;
  /** Both periods, why these, the latest data and any source silent in them. */
  comparison: PeriodComparison;
}

/** Översikt: what needs attention now, for the selection. */
export interface Overview {
  /** Latest data (not after today; see PeriodComparison.asOfDay); null for an empty database. */
  asOfDay: string | null;
  cycle: EstCycle;
  period: { fromDay: string; toDay: string; previous: { fromDay: string; toDay: string } } | null;
  /** The same periods with the rule that chose them and sources silent in them; null without data. */
  comparison: PeriodComparison | null;
  /** Kommun × category pairs with a significant change this cycle, largest |z| first. */
  changes: ChangeRow[];
  /** How many pairs had enough events to be judged at all. */
  judged: number;
  survey: {
    /** Each area's latest totalindex against its previous survey. */
    totalindex: SurveyMovement[];
    /** Share indicators whose latest change is significant. */
    significant: SurveyMovement[];
  };
  /** Activities of decided löften behind schedule today. */
  behind: BehindActivity[];
  /** Åtgärder (from walks or the åtgärdsplan) past their date and not done. */
  overdue: Measure[];
}

/** The reporting cycle ending on `day` (a week, two weeks) or containing it (a month, a tertial). */
export function cycleContaining(cycle: EstCycle, day: string): DayRange {
  if (cycle === 'vecka' || cycle === 'tvaveckor') {
    return { fromDay: addDays(day, -(cycle === 'vecka' ? 6 : 13)), toDay: day };
  }
  if (cycle === 'manad') return { fromDay: `${day.slice(0, 7)}-01`, toDay: monthEnd(day) };
  return tertialOf(day);
}

/**
 * The rows behind a saved view's main figure, as its screen showed them when it was saved: the periods
 * stored with the view; for an EST view, its kommun's events (every category). A view saved before periods
 * were stored shows what its screen showed then: an EST view the cycle containing its day, any other its
 * filter's dates.
 */
export function viewFigureFilter(v: { dashboard: Dashboard; settings: ViewSettings }): IncidentFilter & DayRange {
  const f = v.settings.filter;
  const est = v.dashboard === 'est' ? v.settings.est : undefined;
  const period = v.settings.periods?.current ?? (est ? cycleContaining(est.cycle, est.day) : f);
  const dims: IncidentFilter = est
    ? { kommunIds: [est.kommunId] }
    : { lpoIds: f.lpoIds, kommunIds: f.kommunIds, categories: f.categories, sources: f.sources };
  const defined = Object.fromEntries(Object.entries(dims).filter(([, x]) => x !== undefined)) as IncidentFilter;
  return { ...defined, fromDay: period.fromDay, toDay: period.toDay };
}
