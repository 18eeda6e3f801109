/**
 * Kartläggning, part two: where and when. Recurring places and places new in the period (per kommun), the
 * year's months over the years (årshjul, from the month rollup as the Trend dashboard), weekday × hour, and
 * which sources cover which days of the period.
 */
import type { Block, Section } from '../../../shared/report';
import type { TrendPoint } from '../../../shared/dashboards';
import { SOURCE_LABELS } from '../../../shared/domain';
import { formatInteger } from '../../../shared/format';
import { categoryLabel } from '../../../shared/taxonomy';
import { daysInclusive, monthEnd } from '../../../shared/calendar';
import { trend } from '../../dashboards/queries';
import { longDay, MONTH_SHORT, section } from '../common';
import { NEW_PLACE_LOOKBACK_DAYS, newPlaces, placeCounts, type PlaceCount } from '../data/places';
import { WEEKDAYS, weekdayHour } from '../data/when';
import { countText, countValue, figure, registerSource, span, type LagesbildData } from './lagesbild-data';
import { YEARS_BACK } from './lagesbild-omfattning';
import { kartaPlatserBlocks } from './lagesbild-karta';

/** Top places per kommun: ten for one kommun, five each in an LPO (the report stays readable). */
const TOP_KOMMUN = 10;
const TOP_LPO = 5;
/** New places listed per kommun; the rest are counted in a note. */
const NEW_MAX = 15;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const mainCategories = (p: PlaceCount) =>
  p.categories
    .slice(0, 2)
    .map((c) => categoryLabel(c.category))
    .join(', ');

function placeRow(d: LagesbildData, p: PlaceCount): string[] {
  return [...(d.isLpo ? [d.name(p.kommunId)] : []), p.placeName, countText(d, p.n, [p.kommunId]), mainCategories(p)];
}

function platser(d: LagesbildData): Block[] {
  const period = { fromDay: d.from, toDay: d.to };
  const top = d.isLpo ? TOP_LPO : TOP_KOMMUN;
  const perKommun = d.kommuner.map((k) => ({ kommun: k, places: placeCounts(d.db, k.id, d.from, d.to) }));
  const head = [...(d.isLpo ? ['Kommun'] : []), 'Plats', 'Händelser', 'Vanligaste kategorier'];
  const topRows = perKommun.flatMap((x) => x.places.slice(0, top).map((p) => placeRow(d, p)));
  const blocks: Block[] = [];
  if (topRows.length === 0) {
    blocks.push({ kind: 'text', text: `Inga händelser med namngiven plats ${span(period)}.` });
    return blocks;
  }
  const single = perKommun[0]!.places.slice(0, top);
  blocks.push(
    figure(
      'platser',
      `Platser med flest händelser${d.isLpo ? ` (${TOP_LPO} per kommun)` : ''}, ${span(period)}`,
      { head, rows: topRows },
      {
        ...(d.isLpo
          ? {}
          : {
              chart: {
                type: 'bars' as const,
                labels: single.map((p) => p.placeName),
                series: [{ name: 'Händelser', values: single.map((p) => countValue(d, p.n, [p.kommunId])) }],
                unit: 'händelser',
              },
              alt: `Stapeldiagram: de ${single.length} platser i ${d.input.area.shortName} med flest händelser.`,
            }),
        source: registerSource(d),
        note: 'Bara händelser med namngiven plats räknas här; Polisens händelser anger oftast bara kommunen.',
      },
    ),
  );
  const fresh = perKommun.map((x) => ({ kommun: x.kommun, places: newPlaces(d.db, x.kommun.id, d.from, x.places) }));
  const freshRows = fresh.flatMap((x) => x.places.slice(0, NEW_MAX).map((p) => placeRow(d, p)));
  const more = fresh.filter((x) => x.places.length > NEW_MAX);
  const rule = `Ny plats: händelser under perioden men inga de ${NEW_PLACE_LOOKBACK_DAYS} dagarna före periodens början (samma regel som EST-lägesbilden).`;
  if (freshRows.length === 0) {
    blocks.push({ kind: 'text', text: `Inga nya platser. ${rule}` });
  } else {
    blocks.push(
      figure(
        'nya-platser',
        `Nya platser, ${span(period)}`,
        { head, rows: freshRows },
        {
          source: registerSource(d),
          note: [
            rule,
            ...more.map((x) => `${x.kommun.name} har ${formatInteger(x.places.length - NEW_MAX)} nya platser till.`),
          ].join(' '),
        },
      ),
    );
  }
  return blocks;
}

type Coverage = 'whole' | 'part' | 'none';

function monthCoverage(d: LagesbildData, month: string): Coverage {
  const first = `${month}-01`;
  const last = monthEnd(month);
  if (d.firstData === null || d.asOf === null || last < d.firstData || first > d.asOf) return 'none';
  return first < d.firstData || last > d.asOf ? 'part' : 'whole';
}

function arshjul(d: LagesbildData): Block[] {
  const toYear = Number(d.to.slice(0, 4));
  const fromYear = toYear - YEARS_BACK;
  const points: TrendPoint[] = trend(
    d.db,
    { kommunIds: d.kommunIds, fromDay: `${fromYear}-01-01`, toDay: `${toYear}-12-31` },
    'month',
  );
  const byMonth = new Map<string, number>();
  for (const p of points) byMonth.set(p.period, (byMonth.get(p.period) ?? 0) + p.n);
  const months = (y: number) => MONTH_SHORT.map((_, i) => `${y}-${String(i + 1).padStart(2, '0')}`);
  const years: number[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    if (months(y).some((m) => monthCoverage(d, m) !== 'none')) years.push(y);
  }
  if (years.length === 0) return [{ kind: 'text', text: 'Inga data för årshjulet.' }];
  let partly = false;
  const cell = (m: string) => {
    const c = monthCoverage(d, m);
    if (c === 'none') return '–';
    if (c === 'part') partly = true;
    return `${formatInteger(byMonth.get(m) ?? 0)}${c === 'part' ? ' *' : ''}`;
  };
  const rows = MONTH_SHORT.map((label, i) => [capital(label), ...years.map((y) => cell(months(y)[i]!))]);
  return [
    figure(
      'arshjul',
      `Årshjul: händelser per månad ${years[0]}–${years.at(-1)}, ${d.input.area.name}`,
      { head: ['Månad', ...years.map(String)], rows },
      {
        chart: {
          type: 'lines',
          labels: MONTH_SHORT,
          series: years.map((y) => ({
            name: String(y),
            values: months(y).map((m) => (monthCoverage(d, m) === 'none' ? null : (byMonth.get(m) ?? 0))),
          })),
          unit: 'händelser',
        },
        alt: `Linjediagram: händelser per månad, en linje per år ${years[0]}–${years.at(-1)}, så att årets återkommande toppar syns.`,
        source: registerSource(d),
        note: `– = inga data för månaden.${partly ? ' * = data bara för en del av månaden.' : ''}`,
      },
    ),
  ];
}

/** Hours in groups of three for the table (24 columns do not fit A4); the chart has all 24. */
const HOUR_GROUPS = Array.from({ length: 8 }, (_, i) => i * 3);
const hh = (h: number) => String(h).padStart(2, '0');

function veckodagTimme(d: LagesbildData): Block[] {
  const { counts, total } = weekdayHour(d.db, d.kommunIds, d.from, d.to);
  if (total === 0) return [{ kind: 'text', text: `Inga händelser ${span({ fromDay: d.from, toDay: d.to })}.` }];
  const rows = WEEKDAYS.map((w, i) => {
    const day = counts[i]!;
    return [
      capital(w),
      ...HOUR_GROUPS.map((h) => formatInteger(day[h]! + day[h + 1]! + day[h + 2]!)),
      formatInteger(day.reduce((a, b) => a + b, 0)),
    ];
  });
  return [
    figure(
      'veckodag-timme',
      `Händelser per veckodag och tid på dygnet, ${span({ fromDay: d.from, toDay: d.to })}`,
      { head: ['Veckodag', ...HOUR_GROUPS.map((h) => `${hh(h)}–${hh(h + 3)}`), 'Totalt'], rows },
      {
        chart: {
          type: 'heatmap',
          labels: Array.from({ length: 24 }, (_, h) => hh(h)),
          series: WEEKDAYS.map((w, i) => ({ name: capital(w), values: counts[i]! })),
          unit: 'händelser',
        },
        alt: 'Värmekarta: händelser per veckodag (rader) och timme (kolumner); mörkare ruta = fler händelser.',
        source: registerSource(d),
        note: 'Svensk tid. Tabellen slår ihop timmarna tre och tre; diagrammet visar varje timme. Iakttagelser som skrivs in från en trygghetsvandring får vandringens tid (kl. 14, efter mörkrets inbrott kl. 20).',
      },
    ),
  ];
}

function kallor(d: LagesbildData): Block[] {
  if (d.sources.length === 0) return [{ kind: 'text', text: 'Inga källor har händelser under perioden.' }];
  const days = d.counted ? daysInclusive(d.counted.fromDay, d.counted.toDay) : 0;
  return [
    figure(
      'kallor',
      `Källornas täckning, ${span({ fromDay: d.from, toDay: d.to })}`,
      {
        head: ['Källa', 'Första dag', 'Sista dag', 'Dagar med händelser', 'Händelser'],
        rows: d.sources.map((s) => [
          SOURCE_LABELS[s.source],
          s.firstDay,
          s.lastDay,
          formatInteger(s.days),
          formatInteger(s.n),
        ]),
      },
      {
        source: registerSource(d),
        note: `Perioden har ${formatInteger(days)} dagar med data${d.incomplete && d.asOf ? ` (till och med ${longDay(d.asOf)})` : ''}. En källa utan händelser en dag kan ha saknat leverans den dagen; se Källor och metod.`,
      },
    ),
  ];
}

export function monsterSections(d: LagesbildData): Section[] {
  return [
    section('kartlaggning-platser', 'Återkommande och nya platser', [...kartaPlatserBlocks(d), ...platser(d)]),
    section('kartlaggning-tid', 'När händelserna sker', [...arshjul(d), ...veckodagTimme(d)]),
    section('kartlaggning-kallor', 'Källornas täckning', kallor(d)),
  ];
}
