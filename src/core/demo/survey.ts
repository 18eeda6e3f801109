/**
 * Demo trygghetsmätning: the real published totalindex figures (DOMAIN.md, Polisen Region Syd) marked with
 * their source, and plausible values around them for the other years, areas and indicators, marked as
 * invented. Deterministic: the same rows on every machine.
 */
import type { SurveyValue } from '../../shared/survey';
import { SURVEY_INDICATORS } from '../../shared/survey';
import { Random } from './random';

export const SURVEY_YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

export const PUBLISHED_SOURCE = (year: number) => `Polisen Region Syd, trygghetsmätning ${year}: publicerat totalindex`;
export const INVENTED_SOURCE = 'Exempeldata: påhittat värde kring de publicerade';

/** Published totalindex per area and year (DOMAIN.md). LPO figures are the LPO's own, not sums. */
export const PUBLISHED_TOTALINDEX: Record<string, Partial<Record<number, number>>> = {
  'LPO Kävlinge': { 2017: 1.94, 2018: 1.81, 2019: 1.66, 2020: 1.69, 2021: 1.56, 2022: 1.57, 2023: 1.54 },
  Burlöv: { 2019: 2.16, 2020: 2.25 },
  Klippan: { 2016: 2.31, 2017: 2.09 },
  Perstorp: { 2016: 2.53, 2017: 1.87, 2018: 2.59, 2019: 2.53 },
  Bjuv: { 2016: 2.53, 2017: 2.53 },
  Svalöv: { 2019: 2.06, 2020: 2.13 },
};

/** Published sample sizes (DOMAIN.md): sent and answered. */
export const PUBLISHED_SAMPLES: Record<string, Partial<Record<number, { sent: number; answered: number }>>> = {
  'LPO Kävlinge': { 2023: { sent: 2700, answered: 1514 } },
  Perstorp: { 2018: { sent: 600, answered: 329 } },
};

/** A typical level for areas with no published figure, and the offset of a kommun from its LPO's level. */
const TYPICAL_LEVEL: Record<string, number> = {
  Åstorp: 2.3,
  Kävlinge: 1.6,
  Lomma: 1.25,
  Staffanstorp: 1.45,
  'LPO Klippan': 2.3,
};

/** Each problem item relative to the totalindex (the items average about the total). */
const ITEM_FACTOR: Record<string, number> = {
  nedskrapning: 1.35,
  skadegorelse: 1.1,
  berusade: 0.9,
  narkotikapaverkade: 0.8,
  tillhall: 0.55,
  brak_slagsmal: 0.6,
  kvinnor_antastas: 0.45,
  ungdomsgang: 0.85,
  fortkorning: 2.0,
  buskorning: 1.4,
  trafikregler: 1.6,
  oro_inbrott: 1.5,
  oro_overfall: 0.9,
};

/** Stories for the demo: littering rising in Klippan lately (a löfte will aim at it). */
const STORY: Record<string, Partial<Record<string, Partial<Record<number, number>>>>> = {
  Klippan: { nedskrapning: { 2024: 0.45, 2025: 0.7 } },
};

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Totalindex per year for one area: published where known, else interpolated/extended with small noise. */
function totalindexSeries(area: string, rnd: Random, level: number): { year: number; value: number; real: boolean }[] {
  const known = PUBLISHED_TOTALINDEX[area] ?? {};
  const knownYears = Object.keys(known).map(Number);
  return SURVEY_YEARS.map((year) => {
    const real = known[year];
    if (real !== undefined) return { year, value: real, real: true };
    const before = knownYears.filter((y) => y < year).at(-1);
    const after = knownYears.find((y) => y > year);
    let base = level;
    if (before !== undefined && after !== undefined) {
      base = known[before]! + ((known[after]! - known[before]!) * (year - before)) / (after - before);
    } else if (before !== undefined) base = known[before]! - 0.02 * (year - before);
    else if (after !== undefined) base = known[after]! + 0.03 * (after - year);
    else base = level - 0.03 * (year - 2016);
    return { year, value: round(clamp(base + (rnd.next() - 0.5) * 0.16, 0.5, 4), 2), real: false };
  });
}

export interface DemoSurveyRow extends SurveyValue {
  source: string;
}

/**
 * All demo survey values. `areas` names each area ("Klippan", "LPO Kävlinge") with its database id;
 * kommuner carry the name of their LPO.
 */
export function demoSurvey(
  kommuner: readonly { id: number; name: string; lpo: string }[],
  lpos: readonly { id: number; name: string }[],
  seed = 2016,
): DemoSurveyRow[] {
  const rnd = new Random(seed);
  const rows: DemoSurveyRow[] = [];
  const kommunIndex = new Map<string, { year: number; value: number; respondents: number }[]>();
  const emit = (
    area: SurveyValue['area'],
    name: string,
    series: { year: number; value: number; real: boolean }[],
    sample: (year: number) => { respondents: number | null; responseRate: number | null },
  ) => {
    for (const t of series) {
      const s = sample(t.year);
      // A published figure carries only the sample size that was published with it (often none).
      const published = PUBLISHED_SAMPLES[name]?.[t.year];
      const real = published
        ? { respondents: published.answered, responseRate: round((100 * published.answered) / published.sent, 1) }
        : { respondents: null, responseRate: null };
      rows.push({
        year: t.year,
        area,
        indicator: 'totalindex',
        value: t.value,
        ...(t.real ? real : s),
        source: t.real ? PUBLISHED_SOURCE(t.year) : INVENTED_SOURCE,
      });
      for (const ind of SURVEY_INDICATORS) {
        if (ind.code === 'totalindex') continue;
        const story = STORY[name]?.[ind.code]?.[t.year] ?? 0;
        const noise = rnd.next() - 0.5;
        const value =
          ind.kind === 'index'
            ? round(clamp(t.value * ITEM_FACTOR[ind.code]! + story + noise * 0.3, 0, 6), 2)
            : ind.code === 'polisen_bryr_sig'
              ? round(clamp(46 - 6 * (t.value - 1.5) + noise * 6, 0, 100), 1)
              : ind.code === 'otrygg_kvall'
                ? round(clamp(12 + 9 * (t.value - 1.5) + noise * 4, 0, 100), 1)
                : round(clamp(4 + 3 * (t.value - 1.5) + noise * 2, 0, 100), 1);
        rows.push({ year: t.year, area, indicator: ind.code, value, ...s, source: INVENTED_SOURCE });
      }
    }
  };
  for (const k of kommuner) {
    const lpoName = `LPO ${k.lpo}`;
    const lpoKnown = PUBLISHED_TOTALINDEX[lpoName];
    // Kävlinge's kommuner sit around their LPO's published level; the others around their own.
    const level = TYPICAL_LEVEL[k.name] ?? (lpoKnown ? 1.7 : 2.2);
    const series = totalindexSeries(k.name, rnd, level);
    const samples = new Map<number, { respondents: number; responseRate: number }>();
    for (const t of series) {
      const published = PUBLISHED_SAMPLES[k.name]?.[t.year];
      const sent = published?.sent ?? 600;
      const answered = published?.answered ?? Math.round(sent * (0.45 + rnd.next() * 0.15));
      samples.set(t.year, { respondents: answered, responseRate: round((100 * answered) / sent, 1) });
    }
    kommunIndex.set(
      k.name,
      series.map((t) => ({ ...t, respondents: samples.get(t.year)!.respondents })),
    );
    emit({ kind: 'kommun', id: k.id }, k.name, series, (year) => samples.get(year)!);
  }
  for (const lpo of lpos) {
    const name = `LPO ${lpo.name}`;
    const members = kommuner.filter((k) => k.lpo === lpo.name).map((k) => kommunIndex.get(k.name) ?? []);
    // Without a published figure the LPO's value is its kommuner's, weighted by respondents.
    const weighted = SURVEY_YEARS.map((year) => {
      let sum = 0;
      let n = 0;
      for (const m of members) {
        const hit = m.find((t) => t.year === year);
        if (hit) {
          sum += hit.value * hit.respondents;
          n += hit.respondents;
        }
      }
      return { year, value: n ? round(sum / n, 2) : (TYPICAL_LEVEL[name] ?? 2), n };
    });
    const known = PUBLISHED_TOTALINDEX[name] ?? {};
    const series = weighted.map((w) => ({
      year: w.year,
      value: known[w.year] ?? w.value,
      real: known[w.year] !== undefined,
    }));
    emit({ kind: 'lpo', id: lpo.id }, name, series, (year) => {
      const published = PUBLISHED_SAMPLES[name]?.[year];
      if (published)
        return { respondents: published.answered, responseRate: round((100 * published.answered) / published.sent, 1) };
      const n = weighted.find((w) => w.year === year)!.n;
      const sent = 600 * members.length;
      return { respondents: n, responseRate: round((100 * n) / sent, 1) };
    });
  }
  return rows;
}
