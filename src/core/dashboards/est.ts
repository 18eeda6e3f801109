/**
 * EST-lägesbild: one kommun, one reporting cycle (1 week, 2 weeks, a month or a tertial ending on a given
 * day): what rose or fell significantly by category, the places with most events, places new this cycle,
 * and a short summary for the EST group's meeting. Counts come from the rollups; places from the incident
 * table through its (kommun_id, occurred_at) index, one kommun and one cycle at a time.
 */
import { LOCATION_SQL } from '../db/incident-query';
import type { Db } from '../db/connection';
import type { DayRange, EstCycle, EstLagesbild } from '../../shared/dashboards';
import { EST_CYCLE_NOUNS, VERDICT_LABELS } from '../../shared/dashboards';
import { formatDecimal1, formatInteger } from '../../shared/format';
import { categoryLabel } from '../../shared/taxonomy';
import { addDays } from '../../shared/calendar';
import { localDay, localDayStartUtc } from '../../shared/time';
import { comparisonSentences, periodText } from '../../shared/period-text';
import { compareCycles, cycleContaining, latestDataDay, periodBefore, pinnedPeriods, withGaps } from './periods';
import { groupedCounts } from './queries';
import { judgeChange } from './stats';

/** Days without events at a place before it counts as new. */
export const NEW_PLACE_LOOKBACK_DAYS = 90;
const TOP_PLACES = 10;

/** The cycle that ends on (or, for month and tertial, contains) `day`, and the one before it. */
export function cycleDays(cycle: EstCycle, day: string): DayRange & { previous: DayRange } {
  const current = cycleContaining(cycle, day);
  return { ...current, previous: periodBefore(current) };
}

/**
 * Events per named place and category in one kommun over the local days from..to (EST, the lägesbild):
 * the maps' "at a named place" (a kommun-precision row is the kommun's, whatever name it carries).
 */
export function placeCategoryCounts(db: Db, kommunId: number, fromDay: string, toDay: string) {
  return db
    .prepare(
      `SELECT place_name, category, count(*) AS n FROM incident
       WHERE kommun_id = ? AND occurred_at >= ? AND occurred_at < ? AND ${LOCATION_SQL.plats}
       GROUP BY place_name, category`,
    )
    .all(kommunId, localDayStartUtc(fromDay), localDayStartUtc(addDays(toDay, 1))) as {
    place_name: string;
    category: string;
    n: number;
  }[];
}

/**
 * The lägesbild of the cycle asked for when the data covers it to its end, else of the latest complete
 * cycle (the same one the Översikt shows); `pinned` periods (a saved view) are shown as they were saved.
 */
export function estLagesbild(
  db: Db,
  input: {
    kommunId: number;
    cycle: EstCycle;
    day: string;
    kommunName: string;
    pinned?: { current: DayRange; previous: DayRange } | undefined;
  },
  clock = new Date(),
): EstLagesbild {
  const asOfDay = latestDataDay(db, localDay(clock.toISOString()));
  const comparison = withGaps(
    db,
    { kommunIds: [input.kommunId] },
    input.pinned ? pinnedPeriods(input.pinned, asOfDay) : compareCycles(input.cycle, input.day, asOfDay),
  );
  const { fromDay, toDay } = comparison.current;
  const previous = comparison.previous;
  const filter = { kommunIds: [input.kommunId] };
  const now = new Map(groupedCounts(db, { ...filter, fromDay, toDay }, ['category']).map((r) => [r.category!, r.n]));
  const before = new Map(groupedCounts(db, { ...filter, ...previous }, ['category']).map((r) => [r.category!, r.n]));
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const total = judgeChange(sum(now), sum(before));
  const rank = (v: string) => (v === 'okning' || v === 'minskning' ? 0 : v === 'ingen_sakerstalld_forandring' ? 1 : 2);
  const changes = [...new Set([...now.keys(), ...before.keys()])]
    .map((category) => ({ category, ...judgeChange(now.get(category) ?? 0, before.get(category) ?? 0) }))
    .sort(
      (a, b) => rank(a.verdict) - rank(b.verdict) || Math.abs(b.z ?? 0) - Math.abs(a.z ?? 0) || b.current - a.current,
    );

  const places = new Map<string, { n: number; categories: Record<string, number> }>();
  for (const r of placeCategoryCounts(db, input.kommunId, fromDay, toDay)) {
    const p = places.get(r.place_name) ?? { n: 0, categories: {} };
    p.n += r.n;
    p.categories[r.category] = r.n;
    places.set(r.place_name, p);
  }
  const byCount = (a: { n: number; placeName: string }, b: { n: number; placeName: string }) =>
    b.n - a.n || a.placeName.localeCompare(b.placeName, 'sv');
  const topPlaces = [...places]
    .map(([placeName, p]) => ({ placeName, ...p }))
    .sort(byCount)
    .slice(0, TOP_PLACES);
  const seenBefore = new Set(
    placeCategoryCounts(db, input.kommunId, addDays(fromDay, -NEW_PLACE_LOOKBACK_DAYS), addDays(fromDay, -1)).map(
      (r) => r.place_name,
    ),
  );
  const newPlaces = [...places]
    .filter(([name]) => !seenBefore.has(name))
    .map(([placeName, p]) => ({ placeName, n: p.n }))
    .sort(byCount);

  const real = changes.filter((c) => c.verdict === 'okning' || c.verdict === 'minskning');
  const change = (c: { current: number; previous: number; z: number | null }) =>
    `${formatInteger(c.current)} mot ${formatInteger(c.previous)}${c.z === null ? '' : `, z = ${formatDecimal1(c.z)}`}`;
  const sentences = [
    `Lägesbild för ${input.kommunName}, ${periodText(comparison.current)} jämfört med ${periodText(previous)}: ${formatInteger(total.current)} händelser mot ${formatInteger(total.previous)} (${VERDICT_LABELS[total.verdict].toLowerCase()}).`,
    ...comparisonSentences(comparison, EST_CYCLE_NOUNS[input.cycle]),
    real.length
      ? `Säkerställda förändringar: ${real.map((c) => `${categoryLabel(c.category)} ${c.verdict === 'okning' ? 'ökar' : 'minskar'} (${change(c)})`).join('; ')}.`
      : 'Ingen kategori har ändrats säkerställt mot perioden före.',
    topPlaces.length
      ? `Flest händelser: ${topPlaces
          .slice(0, 3)
          .map((p) => `${p.placeName} (${formatInteger(p.n)})`)
          .join(', ')}.`
      : 'Inga händelser med namngiven plats.',
    newPlaces.length
      ? `Nya platser (inga händelser de ${NEW_PLACE_LOOKBACK_DAYS} dagarna före): ${newPlaces
          .slice(0, 5)
          .map((p) => `${p.placeName} (${formatInteger(p.n)})`)
          .join(', ')}${newPlaces.length > 5 ? ` och ${newPlaces.length - 5} till` : ''}.`
      : 'Inga nya platser.',
  ];
  return {
    kommunId: input.kommunId,
    cycle: input.cycle,
    fromDay,
    toDay,
    previous,
    total,
    changes,
    topPlaces,
    newPlaces,
    summary: sentences.join(' '),
    comparison,
  };
}
