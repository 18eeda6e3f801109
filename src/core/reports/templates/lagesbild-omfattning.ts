/**
 * Kartläggning, part one: the extent and its development. Incidents and the rate per 1 000 inhabitants for
 * the area (Jämför kommuner), beside the LPO's other kommuner and the same days of earlier years; Brå's
 * reported crimes per 100 000 where imported; each category against the period before (Förändring).
 */
import type { Block, Section } from '../../../shared/report';
import { formatDecimal1, formatInteger } from '../../../shared/format';
import { addMonths, dayDiff } from '../../../shared/calendar';
import { categoryLabel } from '../../../shared/taxonomy';
import { compareKommuner } from '../../dashboards/queries';
import { judgeChange } from '../../dashboards/stats';
import { longDay, section } from '../common';
import { braComparison } from '../data/bra';
import { kartaKommunerBlocks } from './lagesbild-karta';
import {
  changeCells,
  comparedText,
  countText,
  countValue,
  figure,
  per1000Text,
  populationText,
  registerSource,
  span,
  type AreaCount,
  type LagesbildData,
} from './lagesbild-data';
import type { DayRange } from '../../../shared/dashboards';

/** Earlier years in "tidigare år" and Brå's series. */
export const YEARS_BACK = 4;

function omfattning(d: LagesbildData): Block[] {
  const head = ['Område', 'Invånare (år)', 'Händelser', 'Per 1 000 invånare'];
  const areaName = d.input.area.name;
  const rows = [
    [
      areaName,
      populationText(d.areaCount.population, d.areaCount.populationYear),
      formatInteger(d.areaCount.total),
      per1000Text(d.areaCount.per1000),
    ],
  ];
  if (d.isLpo) {
    for (const r of d.compare.rows) {
      rows.push([
        d.name(r.kommunId),
        populationText(r.population, r.populationYear),
        formatInteger(r.total),
        per1000Text(r.per1000),
      ]);
    }
  }
  const chart = d.isLpo
    ? {
        type: 'bars' as const,
        labels: d.compare.rows.map((r) => d.name(r.kommunId)),
        series: [{ name: 'Per 1 000 invånare', values: d.compare.rows.map((r) => r.per1000) }],
        unit: 'per 1 000 invånare',
      }
    : undefined;
  return [
    figure(
      'omfattning',
      `Händelser ${span({ fromDay: d.from, toDay: d.to })}, ${areaName}`,
      { head, rows },
      {
        ...(chart ? { chart, alt: `Stapeldiagram: händelser per 1 000 invånare per kommun i ${areaName}.` } : {}),
        source: `${registerSource(d)} Befolkning: SCB.`,
        ...(d.incomplete && d.asOf
          ? { note: `Perioden är inte slut: händelser till och med ${longDay(d.asOf)}.` }
          : {}),
      },
    ),
  ];
}

function lpoJamforelse(d: LagesbildData): Block[] {
  if (d.isLpo) return [];
  const lpo = d.input.area.lpo;
  const res = compareKommuner(d.db, { lpoIds: [lpo.id], fromDay: d.from, toDay: d.to });
  const total = res.lpoTotals[0];
  const chosen = new Set(d.kommunIds);
  const rows = res.rows.map((r) => [
    `${d.name(r.kommunId)}${chosen.has(r.kommunId) ? ' (denna kommun)' : ''}`,
    populationText(r.population, r.populationYear),
    formatInteger(r.total),
    per1000Text(r.per1000),
  ]);
  if (total) {
    rows.push([
      `LPO ${lpo.name} totalt`,
      populationText(total.population, total.populationYear),
      formatInteger(total.total),
      per1000Text(total.per1000),
    ]);
  }
  return [
    figure(
      'lpo-jamforelse',
      `Händelser per 1 000 invånare i lokalpolisområde ${lpo.name}, ${span({ fromDay: d.from, toDay: d.to })}`,
      { head: ['Kommun', 'Invånare (år)', 'Händelser', 'Per 1 000 invånare'], rows },
      {
        chart: {
          type: 'bars',
          labels: res.rows.map((r) => d.name(r.kommunId)),
          series: [{ name: 'Per 1 000 invånare', values: res.rows.map((r) => r.per1000) }],
          unit: 'per 1 000 invånare',
        },
        alt: `Stapeldiagram: händelser per 1 000 invånare i lokalpolisområdets kommuner; ${d.input.area.shortName} jämförs med de andra.`,
        source: `${registerSource(d)} Befolkning: SCB.`,
      },
    ),
  ];
}

function areaCountFor(d: LagesbildData, range: DayRange): { area: AreaCount; perKommun: Map<number, number | null> } {
  const res = compareKommuner(d.db, { kommunIds: d.kommunIds, ...range });
  const row = d.isLpo ? res.lpoTotals[0] : res.rows[0];
  return {
    area: {
      total: row?.total ?? 0,
      per1000: row?.per1000 ?? null,
      population: row?.population ?? null,
      populationYear: row?.populationYear ?? null,
    },
    perKommun: new Map(res.rows.map((r) => [r.kommunId, r.per1000])),
  };
}

/** The periods of "tidigare år": the same days in up to four earlier years, or each calendar year of a long period. */
function earlierPeriods(d: LagesbildData): { ranges: DayRange[]; left: string[]; sameDays: boolean } {
  const counted = d.counted!;
  if (dayDiff(counted.fromDay, counted.toDay) >= 366) {
    const ranges: DayRange[] = [];
    for (let y = Number(counted.fromDay.slice(0, 4)); y <= Number(counted.toDay.slice(0, 4)); y++) {
      const fromDay = `${y}-01-01` < counted.fromDay ? counted.fromDay : `${y}-01-01`;
      const toDay = `${y}-12-31` > counted.toDay ? counted.toDay : `${y}-12-31`;
      ranges.push({ fromDay, toDay });
    }
    return { ranges, left: [], sameDays: false };
  }
  const ranges: DayRange[] = [counted];
  const left: string[] = [];
  for (let k = 1; k <= YEARS_BACK; k++) {
    const r = { fromDay: addMonths(counted.fromDay, -12 * k), toDay: addMonths(counted.toDay, -12 * k) };
    if (d.firstData !== null && d.firstData <= r.fromDay) ranges.unshift(r);
    else if (d.firstData !== null && d.firstData <= r.toDay) left.push(span(r));
  }
  return { ranges, left, sameDays: true };
}

/** "1 januari–31 oktober": the days of a period without its year. */
const daysWithoutYear = (r: DayRange) =>
  `${longDay(r.fromDay).replace(/ \d{4}$/, '')}–${longDay(r.toDay).replace(/ \d{4}$/, '')}`;

function tidigareAr(d: LagesbildData): Block[] {
  if (!d.counted) return [];
  const { ranges, left, sameDays } = earlierPeriods(d);
  const results = ranges.map((r) => ({ range: r, ...areaCountFor(d, r) }));
  const label = (r: DayRange) =>
    r.fromDay.endsWith('-01-01') && r.toDay.endsWith('-12-31') && r.fromDay.slice(0, 4) === r.toDay.slice(0, 4)
      ? r.fromDay.slice(0, 4)
      : span(r);
  const head = d.isLpo
    ? ['Period', 'Händelser', 'Per 1 000 invånare', ...d.kommuner.map((k) => `${k.name} per 1 000`)]
    : ['Period', 'Händelser', 'Per 1 000 invånare', 'Invånare (år)'];
  const rows = results.map((x) => [
    label(x.range),
    formatInteger(x.area.total),
    per1000Text(x.area.per1000),
    ...(d.isLpo
      ? d.kommuner.map((k) => per1000Text(x.perKommun.get(k.id) ?? null))
      : [populationText(x.area.population, x.area.populationYear)]),
  ]);
  const series = d.isLpo
    ? [
        { name: d.input.area.shortName, values: results.map((x) => x.area.per1000) },
        ...d.kommuner.map((k) => ({ name: k.name, values: results.map((x) => x.perKommun.get(k.id) ?? null) })),
      ]
    : [{ name: d.input.area.shortName, values: results.map((x) => x.area.per1000) }];
  const notes = [
    sameDays
      ? `Samma dagar varje år (${daysWithoutYear(d.counted)}), så att åren går att jämföra.`
      : 'Varje kalenderår av perioden (första och sista året kan vara delår).',
    ...(d.incomplete ? [`Perioden är inte slut: den räknas till och med ${longDay(d.counted.toDay)}.`] : []),
    ...(left.length ? [`Data saknas för en del av ${left.join(', ')}; de åren visas inte.`] : []),
    'Befolkningen är den för året perioden slutar i (eller närmast tidigare år som finns).',
  ];
  return [
    figure(
      'tidigare-ar',
      `Händelser samma period tidigare år, ${d.input.area.name}`,
      { head, rows },
      {
        chart: { type: 'bars', labels: results.map((x) => label(x.range)), series, unit: 'per 1 000 invånare' },
        alt: `Stapeldiagram: händelser per 1 000 invånare samma period ${results.length} år${d.isLpo ? ', för lokalpolisområdet och varje kommun' : ''}.`,
        source: `${registerSource(d)} Befolkning: SCB.`,
        note: notes.join(' '),
      },
    ),
  ];
}

/** A rate as Brå's file has it: "14 123", "9 997,7". */
const per100kText = (v: number): string => (Number.isInteger(v) ? formatInteger(v) : formatDecimal1(v));

/** "Brå:s rader för Skåne län (2024) och Hela landet (2023, 2024) finns inte inlästa; …", or '' when none is missing. */
function missingRegions(missing: readonly { name: string; year: number }[]): string {
  if (missing.length === 0) return '';
  const byName = new Map<string, number[]>();
  for (const m of missing) byName.set(m.name, [...(byName.get(m.name) ?? []), m.year]);
  const list = [...byName].map(([name, years]) => `${name} (${years.join(', ')})`).join(' och ');
  return `Brå:s rader för ${list} finns inte inlästa; läs in Brå-filen med raderna för län och hela landet, eller jämför på bra.se.`;
}

/** Brå's reported crimes for the area's kommuner beside their län and Hela landet, per year. */
function braNiva(d: LagesbildData): Block[] {
  const toYear = Number(d.to.slice(0, 4));
  const fromYear = toYear - YEARS_BACK;
  const kommuner = [...d.kommuner].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const bra = braComparison(d.db, kommuner, fromYear, toYear);
  if (bra.years.length === 0) {
    return [
      {
        kind: 'text',
        text: `Brå:s statistik över anmälda brott per kommun finns inte inläst för ${d.input.area.name} åren ${fromYear}–${toYear}. Den kan läsas in under Import (Brå, anmälda brott per kommun).`,
      },
    ];
  }
  const { years } = bra;
  // Regions without any imported value in these years are left out (the note says so); kommuner never are.
  const areas = bra.areas.filter((a) => a.kind === 'kommun' || years.some((y) => a.values.has(y)));
  const rows = years.flatMap((y) =>
    areas.map((a) => {
      const v = a.values.get(y);
      if (!v) return [a.name, String(y), '–', '–'];
      return [
        a.name,
        String(y),
        v.count === null ? '..' : formatInteger(v.count),
        v.per100k === null ? '..' : per100kText(v.per100k),
      ];
    }),
  );
  const first = years[0]!;
  const last = years.at(-1)!;
  const yearsText = first === last ? `år ${first}` : `år ${first}–${last}`;
  const chart =
    years.length === 1
      ? {
          type: 'bars' as const,
          labels: areas.map((a) => a.name),
          series: [{ name: String(first), values: areas.map((a) => a.values.get(first)?.per100k ?? null) }],
          unit: 'per 100 000 invånare',
        }
      : {
          type: 'lines' as const,
          labels: years.map(String),
          series: areas.map((a) => ({ name: a.name, values: years.map((y) => a.values.get(y)?.per100k ?? null) })),
          unit: 'per 100 000 invånare',
        };
  const compared = areas.filter((a) => a.kind !== 'kommun').map((a) => (a.kind === 'riket' ? 'hela landet' : a.name));
  return [
    figure(
      'bra-niva',
      `Anmälda brott per 100 000 invånare enligt Brå, ${d.input.area.name}${compared.length ? ` jämfört med ${compared.join(' och ')}` : ''}`,
      { head: ['Område', 'År', 'Anmälda brott', 'Per 100 000 invånare'], rows },
      {
        chart,
        alt:
          years.length === 1
            ? `Stapeldiagram: anmälda brott per 100 000 invånare ${first} för ${areas.map((a) => a.name).join(', ')}.`
            : `Linjediagram: anmälda brott per 100 000 invånare per år ${first}–${last} för ${areas.map((a) => a.name).join(', ')}.`,
        source: `Källa: Brå, anmälda brott per kommun, län och hela landet (inläst i Lägesbild), ${yearsText}.`,
        note: [missingRegions(bra.missing), '".." = uppgiften redovisas inte av Brå; – = inte inläst.']
          .filter(Boolean)
          .join(' '),
      },
    ),
  ];
}

/** Without a comparison: the period's events per category, as Jämför kommuner counts them. */
function kategorierUtanJamforelse(d: LagesbildData): Block[] {
  const sums = new Map<string, number>();
  for (const r of d.compare.rows) {
    for (const [c, n] of Object.entries(r.byCategory)) sums.set(c, (sums.get(c) ?? 0) + n);
  }
  const list = [...sums].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const period = { fromDay: d.from, toDay: d.to };
  const blocks: Block[] = [{ kind: 'text', text: d.notComparable ?? '' }];
  if (list.length === 0) return blocks;
  blocks.push(
    figure(
      'kategorier',
      `Händelser per kategori, ${span(period)}`,
      {
        head: ['Kategori', 'Händelser'],
        rows: [
          ...list.map(([c, n]) => [categoryLabel(c), countText(d, n)]),
          ['Alla kategorier', formatInteger(d.areaCount.total)],
        ],
      },
      {
        chart: {
          type: 'bars',
          labels: list.map(([c]) => categoryLabel(c)),
          series: [{ name: span(period), values: list.map(([, n]) => countValue(d, n)) }],
          unit: 'händelser',
        },
        alt: `Stapeldiagram: händelser per kategori ${span(period)}.`,
        source: registerSource(d),
      },
    ),
  );
  return blocks;
}

function kategorier(d: LagesbildData): Block[] {
  if (!d.comparable) return kategorierUtanJamforelse(d);
  const sums = new Map<string, { current: number; previous: number }>();
  for (const r of d.change.rows) {
    const s = sums.get(r.category) ?? { current: 0, previous: 0 };
    s.current += r.current;
    s.previous += r.previous;
    sums.set(r.category, s);
  }
  const list = [...sums]
    .map(([category, s]) => ({ category, ...judgeChange(s.current, s.previous) }))
    .sort((a, b) => b.current - a.current || categoryLabel(a.category).localeCompare(categoryLabel(b.category), 'sv'));
  const all = judgeChange(
    list.reduce((s, c) => s + c.current, 0),
    list.reduce((s, c) => s + c.previous, 0),
  );
  const { current, previous } = d.change;
  return [
    figure(
      'kategorier',
      `Händelser per kategori, ${comparedText(d)}`,
      {
        head: ['Kategori', `Nu (${span(current)})`, `Före (${span(previous)})`, 'z', 'Bedömning'],
        rows: [
          ...list.map((c) => [categoryLabel(c.category), ...changeCells(d, c, d.kommunIds)]),
          ['Alla kategorier', ...changeCells(d, all, [])],
        ],
      },
      {
        chart: {
          type: 'bars',
          labels: list.map((c) => categoryLabel(c.category)),
          series: [
            { name: span(previous), values: list.map((c) => countValue(d, c.previous)) },
            { name: span(current), values: list.map((c) => countValue(d, c.current)) },
          ],
          unit: 'händelser',
        },
        alt: `Stapeldiagram: händelser per kategori ${span(current)} jämfört med ${span(previous)}.`,
        source: registerSource(d),
        note: 'Förändringen prövas med z = √2(√nu − √före); |z| ≥ 1,96 är en säkerställd förändring. Under 10 händelser sammanlagt, eller färre än 5 i båda perioderna, bedöms inte ("för få händelser").',
      },
    ),
  ];
}

export function omfattningSections(d: LagesbildData): Section[] {
  return [
    section('kartlaggning-omfattning', 'Omfattning och utveckling', [
      ...omfattning(d),
      ...lpoJamforelse(d),
      ...kartaKommunerBlocks(d),
      ...tidigareAr(d),
      ...braNiva(d),
    ]),
    section('kartlaggning-kategorier', 'Händelser per kategori', kategorier(d)),
  ];
}
