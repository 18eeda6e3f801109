/**
 * What every chapter of the lägesbild shares: the area's kommuner, the period and the days with data in it,
 * the comparison (periods.ts via `changeTable`, exactly as the Förändring dashboard), the counts per kommun
 * (`compareKommuner`, as Jämför kommuner), and small helpers for figures and wording. Computed once.
 */
import type { Db } from '../../db/connection';
import type { Kommun } from '../../../shared/domain';
import { SOURCE_LABELS } from '../../../shared/domain';
import type { ChangeJudgement, ChangeResult, CompareResult, DayRange } from '../../../shared/dashboards';
import { VERDICT_LABELS } from '../../../shared/dashboards';
import type { ChartSpec, Figure, TableSpec } from '../../../shared/report';
import { formatDecimal1, formatInteger } from '../../../shared/format';
import { minDay } from '../../../shared/calendar';
import { changeTable, compareKommuner } from '../../dashboards/queries';
import { longDay, periodLabel } from '../common';
import { firstDataDay, sourceCoverage, type SourceCoverage } from '../data/sources';
import type { TemplateInput } from './types';

export interface AreaCount {
  total: number;
  per1000: number | null;
  population: number | null;
  populationYear: number | null;
}

export interface LagesbildData {
  input: TemplateInput;
  db: Db;
  kommuner: Kommun[];
  kommunIds: number[];
  isLpo: boolean;
  from: string;
  to: string;
  asOf: string | null;
  /** The period runs past the latest data (or there is none). */
  incomplete: boolean;
  /** The period's days with data: from..min(to, latest data); null when the period begins after it. */
  counted: DayRange | null;
  /** The first day with data for the area's kommuner. */
  firstData: string | null;
  /** Each kommun × category against the period before (Förändring, `dashboards.change`). */
  change: ChangeResult;
  /**
   * Whether the change can be judged: the period has data (periods.ts) and the data reach back over the
   * whole period compared with (a period before the first import would make everything "increase").
   */
  comparable: boolean;
  /** Why not, in a sentence; null when comparable. */
  notComparable: string | null;
  /** Counts per kommun over from..to (Jämför kommuner, `dashboards.compare`). */
  compare: CompareResult;
  /** The area as a whole: the kommun, or the LPO's total row. */
  areaCount: AreaCount;
  sources: SourceCoverage[];
  name: (kommunId: number) => string;
}

export function lagesbildData(input: TemplateInput): LagesbildData {
  const { ctx, sel, area, asOf } = input;
  const db = ctx.r.db;
  const kommunIds = area.kommuner.map((k) => k.id);
  const filter = { kommunIds, fromDay: sel.from, toDay: sel.to };
  const change = changeTable(db, filter, 'previous', { clock: ctx.now });
  const compare = compareKommuner(db, filter);
  const row = area.kind === 'kommun' ? compare.rows[0] : compare.lpoTotals[0];
  const areaCount: AreaCount = {
    total: row?.total ?? 0,
    per1000: row?.per1000 ?? null,
    population: row?.population ?? null,
    populationYear: row?.populationYear ?? null,
  };
  const names = new Map(area.lpo.kommuner.map((k) => [k.id, k.name]));
  const firstData = firstDataDay(db, kommunIds);
  const notComparable =
    change.comparison.rule === 'no_data'
      ? `Perioden börjar efter senaste data (${asOf === null ? 'inga data' : longDay(asOf)}): det finns inget att jämföra.`
      : firstData === null || firstData > change.previous.fromDay
        ? `Jämförelseperioden ${span(change.previous)} ligger före den första dagen med data${firstData ? ` (${longDay(firstData)})` : ''}: ingen jämförelse görs.`
        : null;
  return {
    input,
    db,
    kommuner: area.kommuner,
    kommunIds,
    isLpo: area.kind === 'lpo',
    from: sel.from,
    to: sel.to,
    asOf,
    incomplete: asOf === null || asOf < sel.to,
    counted: asOf !== null && asOf >= sel.from ? { fromDay: sel.from, toDay: minDay(sel.to, asOf) } : null,
    firstData,
    change,
    comparable: notComparable === null,
    notComparable,
    compare,
    areaCount,
    sources: sourceCoverage(db, kommunIds, sel.from, sel.to),
    name: (id) => names.get(id) ?? `kommun ${id}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Wording

/** "1 januari–31 oktober 2026". */
export const span = (p: DayRange): string => periodLabel(p.fromDay, p.toDay);

export const per1000Text = (v: number | null): string => (v === null ? 'saknas' : formatDecimal1(v));

export const zText = (z: number | null): string => (z === null ? '–' : formatDecimal1(z));

export const verdictText = (j: ChangeJudgement): string => VERDICT_LABELS[j.verdict];

export const isSignificant = (j: ChangeJudgement): boolean => j.verdict === 'okning' || j.verdict === 'minskning';

export const populationText = (population: number | null, year: number | null): string =>
  population === null ? 'saknas' : `${formatInteger(population)}${year === null ? '' : ` (${year})`}`;

/** The as-of phrase for source lines: "data per 31 oktober 2026". */
export function dataPer(d: LagesbildData): string {
  return d.asOf === null ? 'inga data ännu' : `data per ${longDay(d.asOf)}`;
}

/** "Källa: händelseregistret i Lägesbild (Polisens händelse, EST-rapport), data per 31 oktober 2026." */
export function registerSource(d: LagesbildData): string {
  const labels = d.sources.map((s) => SOURCE_LABELS[s.source]);
  return `Källa: händelseregistret i Lägesbild${labels.length ? ` (${labels.join(', ')})` : ''}, ${dataPer(d)}.`;
}

/** The compared periods in one phrase: "1 januari–31 oktober 2026 mot 1 januari–31 oktober 2025". */
export function comparedText(d: LagesbildData): string {
  return `${span(d.change.current)} mot ${span(d.change.previous)}`;
}

// ---------------------------------------------------------------------------------------------------
// Figures

/** Words, not numbers: columns printed left-aligned wherever a table has them. */
const TEXT_COLUMNS = new Set([
  'Kommun',
  'Område',
  'Plats',
  'Vanligaste kategorier',
  'Kategori',
  'Bedömning',
  'Källa',
  'Vandring',
  'Rutt',
  'Iakttagelse',
  'Anteckning',
  'Säkerställda förändringar',
  'Problem',
  'Åtgärd',
  'Ansvarig',
  'Löfte',
  'Status',
  'Fråga',
]);

export function figure(
  id: string,
  caption: string,
  table: TableSpec,
  extra: { chart?: ChartSpec; alt?: string; source?: string; note?: string } = {},
): Figure {
  const align = table.head.map((h, i) => (i === 0 || TEXT_COLUMNS.has(h) ? ('left' as const) : ('right' as const)));
  return { kind: 'figure', id, caption, table: { align, ...table }, ...extra };
}

/** Counts for a place or a category in one kommun, or summed over several (never suppressed). */
export function countText(d: LagesbildData, n: number, kommunIds: readonly number[] = d.kommunIds): string {
  return d.input.counts.text(n, kommunIds);
}

export function countValue(d: LagesbildData, n: number, kommunIds: readonly number[] = d.kommunIds): number | null {
  return d.input.counts.value(n, kommunIds);
}

/** Whether any of these counts is printed as "färre än 3" (then z, which would reveal it, is not shown). */
export function anyHidden(d: LagesbildData, counts: readonly number[], kommunIds: readonly number[]): boolean {
  return counts.some((n) => d.input.counts.hidden(n, kommunIds));
}

/** Verdict, z and both counts: what a change row shows. */
export function changeCells(d: LagesbildData, j: ChangeJudgement, kommunIds: readonly number[]): string[] {
  const hidden = anyHidden(d, [j.current, j.previous], kommunIds);
  return [
    countText(d, j.current, kommunIds),
    countText(d, j.previous, kommunIds),
    hidden ? '–' : zText(j.z),
    verdictText(j),
  ];
}
