/**
 * EST-lägesbild: one kommun, one reporting cycle (1 week, 2 weeks, a month or a tertial ending on a given
 * day): what rose or fell significantly by category, the places with most events, places new this cycle,
 * and a short summary for the EST group's meeting. Counts come from the rollups; places from the incident
 * table through its (kommun_id, occurred_at) index, one kommun and one cycle at a time.
 */
import type { Db } from '../db/connection';
import type { EstCycle, EstLagesbild } from '../../shared/dashboards';
import { VERDICT_LABELS } from '../../shared/dashboards';
import { formatDecimal1, formatInteger } from '../../shared/format';
import { categoryLabel } from '../../shared/taxonomy';
import { addDays, localDayStartUtc } from '../../shared/time';
import { groupedCounts } from './queries';
import { judgeChange } from './stats';

/** Days without events at a place before it counts as new. */
export const NEW_PLACE_LOOKBACK_DAYS = 90;
const TOP_PLACES = 10;

/** The cycle that ends on (or, for month and tertial, contains) `day`, and the one before it. */
export function cycleDays(
  cycle: EstCycle,
  day: string,
): { fromDay: string; toDay: string; previous: { fromDay: string; toDay: string } } {
  if (cycle === 'vecka' || cycle === 'tvaveckor') {
    const days = cycle === 'vecka' ? 7 : 14;
    const fromDay = addDays(day, -(days - 1));
    return { fromDay, toDay: day, previous: { fromDay: addDays(fromDay, -days), toDay: addDays(fromDay, -1) } };
  }
  const [y, m] = day.split('-').map(Number) as [number, number];
  const span = cycle === 'manad' ? 1 : 4;
  const firstMonth = cycle === 'manad' ? m : Math.floor((m - 1) / 4) * 4 + 1;
  const start = (year: number, month: number) => {
    const d = new Date(Date.UTC(year, month - 1, 1));
    return d.toISOString().slice(0, 10);
  };
  const fromDay = start(y, firstMonth);
  const toDay = addDays(start(y, firstMonth + span), -1);
  const prevFrom = start(y, firstMonth - span);
  return { fromDay, toDay, previous: { fromDay: prevFrom, toDay: addDays(fromDay, -1) } };
}

function placeCounts(db: Db, kommunId: number, fromDay: string, toDay: string) {
  return db
    .prepare(
      `SELECT place_name, category, count(*) AS n FROM incident
       WHERE kommun_id = ? AND occurred_at >= ? AND occurred_at < ? AND place_name <> ''
       GROUP BY place_name, category`,
    )
    .all(kommunId, localDayStartUtc(fromDay), localDayStartUtc(addDays(toDay, 1))) as {
    place_name: string;
    category: string;
    n: number;
  }[];
}

export function estLagesbild(
  db: Db,
  input: { kommunId: number; cycle: EstCycle; day: string; kommunName: string },
): EstLagesbild {
  const { fromDay, toDay, previous } = cycleDays(input.cycle, input.day);
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
  for (const r of placeCounts(db, input.kommunId, fromDay, toDay)) {
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
    placeCounts(db, input.kommunId, addDays(fromDay, -NEW_PLACE_LOOKBACK_DAYS), addDays(fromDay, -1)).map(
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
    `Lägesbild för ${input.kommunName}, ${fromDay} – ${toDay}: ${formatInteger(total.current)} händelser mot ${formatInteger(total.previous)} perioden före (${VERDICT_LABELS[total.verdict].toLowerCase()}).`,
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
  };
}
