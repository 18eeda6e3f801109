/**
 * Deterministic demo incidents: about three years, sized by population and a per-kommun rate, with
 * seasonal, weekly and daily rhythm, persistent hotspots and one hotspot that emerges in the last months.
 */
import type { IncidentStatus, Source } from '../../shared/domain';
import { subcategoryLabel } from '../../shared/taxonomy';
import { addDays, weekdayIndex } from '../../shared/calendar';
import { localToUtc, toIsoUtc } from '../../shared/time';
import type { NewIncident } from '../db/incident-repo';
import { DEMO_KOMMUNER, type DemoKommun, type DemoPlace } from './geography';
import {
  CATEGORY_PROFILES,
  EST_REPORTERS,
  HOUR_WEIGHTS,
  REPORTER_BY_SOURCE,
  SEASON_WEIGHTS,
  WEEKDAY_WEIGHTS,
  type CategoryProfile,
} from './profiles';
import { Random, WeightedTable } from './random';

export const DEMO_START_DAY = '2023-11-01';
export const DEMO_END_DAY = '2026-10-31';
export const DEFAULT_DEMO_ROWS = 75_000;
export const DEFAULT_DEMO_SEED = 20_231_101;
/** From this day the emerging hotspot (Teckomatorp, skadegörelse) shows up. */
export const EMERGING_FROM_DAY = '2026-07-01';

interface DayInfo {
  day: string;
  /** UTC offset in hours before 02:00 local and from 03:00 local (they differ on DST change days). */
  offsetEarly: number;
  offsetLate: number;
  springForward: boolean;
}

function offsetAt(day: string, time: string): number | null {
  const utc = localToUtc(`${day}T${time}`);
  if (utc === null) return null;
  const [h, m] = time.split(':').map(Number) as [number, number];
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, mo - 1, d, h, m) - Date.parse(utc)) / 3600_000);
}

function buildDays(): DayInfo[] {
  const days: DayInfo[] = [];
  for (let day = DEMO_START_DAY; day <= DEMO_END_DAY; day = addDays(day, 1)) {
    days.push({
      day,
      offsetEarly: offsetAt(day, '01:00')!,
      offsetLate: offsetAt(day, '12:00')!,
      springForward: localToUtc(`${day}T02:30`) === null,
    });
  }
  return days;
}

export interface GeneratorOptions {
  rows: number;
  seed?: number;
  /** Database id of each demo kommun, by SCB code. */
  kommunIds: ReadonlyMap<string, number>;
}

/** Yields `rows` incidents; the same options always yield the same rows in the same order. */
export function* generateDemoIncidents(options: GeneratorOptions): Generator<NewIncident> {
  const rng = new Random(options.seed ?? DEFAULT_DEMO_SEED);
  const days = buildDays();
  const kommunTable = new WeightedTable(
    DEMO_KOMMUNER,
    DEMO_KOMMUNER.map((k) => k.population20241231 * k.rate),
  );
  const categoryTable = new WeightedTable(
    CATEGORY_PROFILES,
    CATEGORY_PROFILES.map((c) => c.weight),
  );
  const dayTables = new Map<string, WeightedTable<DayInfo>>();
  const dayTableFor = (c: CategoryProfile) => {
    const key = `${c.season}:${c.weekend}`;
    let t = dayTables.get(key);
    if (!t) {
      const weekday = c.weekend ? WEEKDAY_WEIGHTS.weekend : WEEKDAY_WEIGHTS.flat;
      t = new WeightedTable(
        days,
        days.map((d) => SEASON_WEIGHTS[c.season][Number(d.day.slice(5, 7)) - 1]! * weekday[weekdayIndex(d.day)]!),
      );
      dayTables.set(key, t);
    }
    return t;
  };
  const hourTables = new Map(
    Object.entries(HOUR_WEIGHTS).map(([k, w]) => [
      k,
      new WeightedTable(
        w.map((_, i) => i),
        w,
      ),
    ]),
  );
  const subTables = new Map(
    CATEGORY_PROFILES.map((c) => [
      c.category,
      new WeightedTable(
        c.subcategories.map((s) => s[0]),
        c.subcategories.map((s) => s[1]),
      ),
    ]),
  );
  const sourceTables = new Map(
    CATEGORY_PROFILES.map((c) => [
      c.category,
      new WeightedTable(
        c.sources.map((s) => s[0]),
        c.sources.map((s) => s[1]),
      ),
    ]),
  );
  const placeTables = new Map<string, WeightedTable<DemoPlace>>();
  const placeTableFor = (k: DemoKommun, emerging: boolean) => {
    const key = `${k.scbCode}:${emerging}`;
    let t = placeTables.get(key);
    if (!t) {
      t = new WeightedTable(
        k.places,
        k.places.map((p) => (emerging && p.name === 'Teckomatorp' ? p.weight * 12 : p.weight)),
      );
      placeTables.set(key, t);
    }
    return t;
  };
  const lastRecentDay = addDays(DEMO_END_DAY, -90);
  let policeRef = 0;

  for (let i = 0; i < options.rows; i++) {
    const kommun = kommunTable.draw(rng);
    const profile = categoryTable.draw(rng);
    const dayInfo = dayTableFor(profile).draw(rng);
    let hour = hourTables.get(profile.hours)!.draw(rng);
    if (hour === 2 && dayInfo.springForward) hour = 3;
    const minute = rng.int(60);
    const offset = hour < 2 || (hour === 2 && !dayInfo.springForward) ? dayInfo.offsetEarly : dayInfo.offsetLate;
    const [y, mo, d] = dayInfo.day.split('-').map(Number) as [number, number, number];
    const occurredMs = Date.UTC(y, mo - 1, d, hour, minute, rng.int(60)) - offset * 3600_000;

    const subcategory = subTables.get(profile.category)!.draw(rng);
    const source: Source = sourceTables.get(profile.category)!.draw(rng);
    const emerging = profile.category === 'skadegorelse' && dayInfo.day >= EMERGING_FROM_DAY;
    const place = placeTableFor(kommun, emerging).draw(rng);
    const withoutPlace = source === 'polisens_handelse' || (source === 'polisanmalan' && rng.next() < 0.15);

    let lat: number | null = null;
    let lon: number | null = null;
    let precision: NewIncident['precision'] = null;
    if (source === 'polisens_handelse') {
      // The public feed only gives the kommun's centre.
      lat = kommun.lat;
      lon = kommun.lon;
      precision = 'kommun';
    } else if (!withoutPlace && source === 'est') {
      lat = Math.round((place.lat + (rng.next() - 0.5) * 0.004) * 1e5) / 1e5;
      lon = Math.round((place.lon + (rng.next() - 0.5) * 0.004) * 1e5) / 1e5;
      precision = 'exact';
    } else if (!withoutPlace) {
      lat = place.lat;
      lon = place.lon;
      precision = 'place';
    }

    const delayMinutes =
      source === 'polisens_handelse'
        ? 30 + rng.int(150)
        : source === 'polisanmalan'
          ? rng.int(48 * 60)
          : rng.int(72 * 60);
    const placeName = withoutPlace ? '' : place.name;
    const where = placeName || kommun.name;
    const detail = rng.pick(profile.details);
    let status: IncidentStatus;
    if (dayInfo.day < lastRecentDay) status = rng.next() < 0.7 ? 'avslutad' : 'atgardad';
    else status = rng.pick(['ny', 'hanteras', 'atgardad'] as const);

    yield {
      source,
      sourceRef: source === 'polisens_handelse' ? `exempel-${++policeRef}` : null,
      category: profile.category,
      subcategory,
      occurredAt: toIsoUtc(occurredMs),
      reportedAt: toIsoUtc(occurredMs + delayMinutes * 60_000),
      kommunId: options.kommunIds.get(kommun.scbCode)!,
      placeName,
      lat,
      lon,
      precision,
      description: `${subcategoryLabel(subcategory)}, ${where}. ${detail}`,
      reporterOrg: source === 'est' ? rng.pick(EST_REPORTERS) : REPORTER_BY_SOURCE[source],
      status,
    };
  }
}
