/**
 * Polisens trygghetsmätning: yearly survey results per area (a kommun or a whole LPO) and indicator.
 * Problem items are an index 0–6 (lower is better); other measures are shares in per cent. Every value
 * keeps its number of respondents and response rate when known, and where it came from.
 */

export const INDICATOR_KINDS = ['index', 'andel'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export interface SurveyIndicator {
  code: string;
  label: string;
  kind: IndicatorKind;
  /** Index items: lower is better. Shares: depends on the question. */
  lowerIsBetter: boolean;
  /** Other spellings accepted on import (compared case- and accent-insensitively). */
  aliases?: readonly string[];
}

/** The items named in Skåne reports (DOMAIN.md). Exact current wording is not confirmed. */
export const SURVEY_INDICATORS: readonly SurveyIndicator[] = [
  {
    code: 'totalindex',
    label: 'Totalindex (problemindex)',
    kind: 'index',
    lowerIsBetter: true,
    aliases: ['totalindex', 'problemindex', 'total'],
  },
  { code: 'nedskrapning', label: 'Nedskräpning', kind: 'index', lowerIsBetter: true },
  { code: 'skadegorelse', label: 'Skadegörelse', kind: 'index', lowerIsBetter: true },
  { code: 'berusade', label: 'Berusade personer utomhus', kind: 'index', lowerIsBetter: true },
  { code: 'narkotikapaverkade', label: 'Narkotikapåverkade personer utomhus', kind: 'index', lowerIsBetter: true },
  { code: 'tillhall', label: 'Bostäder som är tillhåll för missbrukare', kind: 'index', lowerIsBetter: true },
  { code: 'brak_slagsmal', label: 'Folk som bråkar och slåss utomhus', kind: 'index', lowerIsBetter: true },
  { code: 'kvinnor_antastas', label: 'Kvinnor som antastas', kind: 'index', lowerIsBetter: true },
  { code: 'ungdomsgang', label: 'Ungdomsgäng som stör ordningen', kind: 'index', lowerIsBetter: true },
  { code: 'fortkorning', label: 'Bilar som kör för fort', kind: 'index', lowerIsBetter: true },
  { code: 'buskorning', label: 'Buskörning med moped/mc', kind: 'index', lowerIsBetter: true },
  { code: 'trafikregler', label: 'Trafikregler respekteras inte', kind: 'index', lowerIsBetter: true },
  { code: 'oro_inbrott', label: 'Oro för inbrott', kind: 'index', lowerIsBetter: true },
  { code: 'oro_overfall', label: 'Oro för överfall/misshandel', kind: 'index', lowerIsBetter: true },
  {
    code: 'otrygg_kvall',
    label: 'Otrygg ute ensam sen kväll (andel)',
    kind: 'andel',
    lowerIsBetter: true,
    aliases: ['otrygg ute ensam sen kväll'],
  },
  {
    code: 'otrygg_buss_tag',
    label: 'Otrygg att åka buss/tåg (andel)',
    kind: 'andel',
    lowerIsBetter: true,
    aliases: ['åka buss/tåg'],
  },
  {
    code: 'polisen_bryr_sig',
    label: 'Polisen bryr sig om lokala problem (andel som instämmer)',
    kind: 'andel',
    lowerIsBetter: false,
    aliases: ['polisen bryr sig om lokala problem'],
  },
];

/** "1,94" for an index, "23,5 %" for a share: Swedish decimals. */
export function formatSurveyValue(indicator: string, value: number): string {
  const share = INDICATOR_BY_CODE.get(indicator)?.kind === 'andel';
  const text = value.toLocaleString('sv-SE', {
    minimumFractionDigits: share ? 1 : 2,
    maximumFractionDigits: share ? 1 : 2,
  });
  return share ? `${text} %` : text;
}

export const INDICATOR_BY_CODE: ReadonlyMap<string, SurveyIndicator> = new Map(
  SURVEY_INDICATORS.map((i) => [i.code, i]),
);

/** The area a value is for: one kommun, or an LPO as a whole (its own published figure, not a sum). */
export type SurveyArea = { kind: 'kommun'; id: number } | { kind: 'lpo'; id: number };

/** One survey value as a parser produces it and the database keeps it. */
export interface SurveyValue {
  year: number;
  area: SurveyArea;
  indicator: string;
  /** Index 0–6 or a share 0–100 (per cent). */
  value: number;
  /** Number who answered; null when the report does not say. */
  respondents: number | null;
  /** Response rate in per cent (0–100); null when unknown. */
  responseRate: number | null;
}

export interface SurveyResult extends SurveyValue {
  id: number;
  /** Where the value comes from, e.g. "Polisen Region Syd, trygghetsmätning 2019" or an import. */
  source: string;
}

/** A movement between an area's two latest surveys of one indicator. */
export interface SurveyMovement {
  area: SurveyArea;
  indicator: string;
  year: number;
  value: number;
  previousYear: number;
  previousValue: number;
  /** For shares with known respondents both years: a two-proportion z; otherwise null (spread unknown). */
  z: number | null;
  /** 'battre' / 'samre' only when the test says so; index movements cannot be tested without the spread. */
  verdict: 'battre' | 'samre' | 'ingen_sakerstalld_forandring' | 'kan_inte_bedomas';
}

export const MOVEMENT_LABELS: Record<SurveyMovement['verdict'], string> = {
  battre: 'Säkerställd förbättring',
  samre: 'Säkerställd försämring',
  ingen_sakerstalld_forandring: 'Ingen säkerställd förändring',
  kan_inte_bedomas: 'Kan inte prövas (spridning saknas)',
};

/** What the Trygghetsmätning dashboard reads for one indicator. */
export interface SurveyData {
  indicator: string;
  /** Indicators the database has values for, with their latest year. */
  present: { indicator: string; latestYear: number; values: number }[];
  results: SurveyResult[];
  movements: SurveyMovement[];
}
