/**
 * Översikt, the start page: what needs attention now. The significant changes of the latest reporting
 * complete cycle (kommun × category, the same Poisson test as Förändring), and the latest trygghetsmätning's
 * movements. "Now" is the latest data (periods.ts: the latest day every regularly reporting source has
 * data for), never later than today: a database whose newest events are from last month shows last month,
 * and says so.
 */
import type { Db } from '../db/connection';
import type { DayRange, EstCycle, Overview } from '../../shared/dashboards';
import { localDay } from '../../shared/time';
import { compareCycles, latestDataDay, withGaps } from './periods';
import { groupedCounts, type GroupedCount } from './queries';
import { judgeChange } from './stats';
import { surveyMovements } from './survey';
import { behindSchedule } from '../lofte/service';
import { listMeasures } from '../walks/measures';
import { SURVEY_INDICATORS } from '../../shared/survey';

const OVERVIEW_INDICATORS = SURVEY_INDICATORS.filter((i) => i.code === 'totalindex' || i.kind === 'andel').map(
  (i) => i.code,
);

export { latestDataDay };

/**
 * The latest cycle the data covers to its end. A month or tertial still running is not compared with a
 * whole one (half a month against a whole would always look like a fall): the one before it is shown.
 */
export function latestCompleteCycle(cycle: EstCycle, asOfDay: string): DayRange & { previous: DayRange } {
  const { current, previous } = compareCycles(cycle, asOfDay, asOfDay);
  return { ...current, previous };
}

export function overview(
  db: Db,
  input: { lpoIds?: number[] | undefined; kommunIds?: number[] | undefined; cycle: EstCycle },
  clock = new Date(),
): Overview {
  const today = localDay(clock.toISOString());
  const asOfDay = latestDataDay(db, today);
  const lpoOf = new Map(
    (db.prepare('SELECT id, lpo_id FROM kommun').all() as { id: number; lpo_id: number }[]).map((k) => [
      k.id,
      k.lpo_id,
    ]),
  );
  const inSelection = (area: { kind: 'kommun' | 'lpo'; id: number }) => {
    if (area.kind === 'lpo') return !input.lpoIds?.length || input.lpoIds.includes(area.id);
    const lpo = lpoOf.get(area.id);
    return (
      (!input.kommunIds?.length || input.kommunIds.includes(area.id)) &&
      (!input.lpoIds?.length || (lpo !== undefined && input.lpoIds.includes(lpo)))
    );
  };
  // The totalindex and the shares (only shares can be tested; the other index items could never show here).
  const survey = surveyMovements(db, OVERVIEW_INDICATORS).filter((m) => inSelection(m.area));
  const surveyPart = {
    totalindex: survey.filter((m) => m.indicator === 'totalindex'),
    significant: survey.filter((m) => m.verdict === 'battre' || m.verdict === 'samre'),
  };
  const kommunIds = [...lpoOf.keys()].filter((id) => inSelection({ kind: 'kommun', id }));
  const behind = behindSchedule(db, kommunIds, clock);
  const overdue = listMeasures(db, { kommunIds, overdueOnly: true }, today);
  if (!asOfDay) {
    return {
      asOfDay: null,
      cycle: input.cycle,
      period: null,
      comparison: null,
      changes: [],
      judged: 0,
      survey: surveyPart,
      behind,
      overdue,
    };
  }
  // The same rule as the EST-lägesbild (the latest complete cycle vs the one before), so the two pages agree.
  const selection = { lpoIds: input.lpoIds, kommunIds: input.kommunIds };
  const comparison = withGaps(db, selection, compareCycles(input.cycle, asOfDay, asOfDay));
  const { fromDay, toDay } = comparison.current;
  const previous = comparison.previous;
  const now = groupedCounts(db, { ...selection, fromDay, toDay }, ['kommun_id', 'category']);
  const before = groupedCounts(db, { ...selection, ...previous }, ['kommun_id', 'category']);
  const pairs = new Map<string, { kommunId: number; category: string; current: number; previous: number }>();
  const at = (r: GroupedCount) => {
    const key = `${r.kommun_id}:${r.category}`;
    let hit = pairs.get(key);
    if (!hit) pairs.set(key, (hit = { kommunId: r.kommun_id!, category: r.category!, current: 0, previous: 0 }));
    return hit;
  };
  for (const r of now) at(r).current = r.n;
  for (const r of before) at(r).previous = r.n;
  const judged = [...pairs.values()].map((p) => ({
    kommunId: p.kommunId,
    category: p.category,
    ...judgeChange(p.current, p.previous),
  }));
  const changes = judged
    .filter((r) => r.verdict === 'okning' || r.verdict === 'minskning')
    .sort((a, b) => Math.abs(b.z!) - Math.abs(a.z!) || a.kommunId - b.kommunId);
  return {
    asOfDay,
    cycle: input.cycle,
    period: { fromDay, toDay, previous },
    comparison,
    changes,
    judged: judged.filter((r) => r.verdict !== 'for_fa').length,
    survey: surveyPart,
    behind,
    overdue,
  };
}
