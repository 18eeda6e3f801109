/**
 * Annan information: the trygghetsmätning over the years (as `survey.get` reads it: every value with its
 * respondents, response rate and source; published or imported values marked as the app marks them), the
 * EST-lägesbild of the latest complete tertial (as `dashboards.est`, per kommun), and the period's
 * trygghetsvandringar with their observations.
 */
import type { Block, Section } from '../../../shared/report';
import { EST_CYCLE_NOUNS } from '../../../shared/dashboards';
import { formatDecimal1, formatInteger } from '../../../shared/format';
import {
  formatSurveyValue,
  INDICATOR_BY_CODE,
  MOVEMENT_LABELS,
  SURVEY_INDICATORS,
  type SurveyArea,
  type SurveyResult,
} from '../../../shared/survey';
import { categoryLabel, subcategoryLabel } from '../../../shared/taxonomy';
import { comparisonSentences } from '../../../shared/period-text';
import { estLagesbild } from '../../dashboards/est';
import { surveyMovements, surveyResults } from '../../dashboards/survey';
import { section } from '../common';
import {
  changeCells,
  countText,
  figure,
  isSignificant,
  registerSource,
  span,
  type LagesbildData,
} from './lagesbild-data';

/** Survey years shown: the latest this many up to the period's end. */
const SURVEY_YEARS = 6;
/** As the Trygghetsmätning screen: a value whose source is not the demo's invented one is published or imported. */
const published = (r: SurveyResult) => !r.source.startsWith('Exempeldata');

interface NamedArea {
  area: SurveyArea;
  name: string;
}

function surveyAreas(d: LagesbildData): { main: NamedArea; others: NamedArea[] } {
  const lpo = d.input.area.lpo;
  const lpoArea: NamedArea = { area: { kind: 'lpo', id: lpo.id }, name: `LPO ${lpo.name} (hela)` };
  const kommuner = d.kommuner.map((k) => ({ area: { kind: 'kommun' as const, id: k.id }, name: k.name }));
  return d.isLpo ? { main: lpoArea, others: kommuner } : { main: kommuner[0]!, others: [lpoArea] };
}

const sameArea = (a: SurveyArea, b: SurveyArea) => a.kind === b.kind && a.id === b.id;

function trygghet(d: LagesbildData): Block[] {
  const toYear = Number(d.to.slice(0, 4));
  const { main, others } = surveyAreas(d);
  const areas = [main, ...others];
  const all = surveyResults(d.db, 'totalindex').filter((r) => r.year <= toYear);
  const years = [...new Set(all.filter((r) => areas.some((a) => sameArea(a.area, r.area))).map((r) => r.year))]
    .sort((a, b) => a - b)
    .slice(-SURVEY_YEARS);
  if (years.length === 0) {
    return [
      { kind: 'text', text: `Det finns ingen trygghetsmätning för ${d.input.area.name} till och med ${toYear}.` },
    ];
  }
  const cell = (a: NamedArea, y: number) => all.find((r) => r.year === y && sameArea(r.area, a.area));
  const rows: string[][] = [];
  let invented = false;
  for (const y of years) {
    for (const a of areas) {
      const r = cell(a, y);
      if (!r) continue;
      if (!published(r)) invented = true;
      rows.push([
        String(y),
        a.name,
        `${formatSurveyValue('totalindex', r.value)}${published(r) ? ' *' : ''}`,
        r.respondents === null ? 'uppgift saknas' : formatInteger(r.respondents),
        r.responseRate === null ? 'uppgift saknas' : `${formatDecimal1(r.responseRate)} %`,
        r.source,
      ]);
    }
  }
  return [
    figure(
      'trygghet',
      `Trygghetsmätningen: totalindex ${years[0]}–${years.at(-1)}, ${areas.map((a) => a.name).join(', ')}`,
      { head: ['År', 'Område', 'Totalindex', 'Svarande', 'Svarsfrekvens', 'Källa'], rows },
      {
        chart: {
          type: 'lines',
          labels: years.map(String),
          series: areas.map((a) => ({ name: a.name, values: years.map((y) => cell(a, y)?.value ?? null) })),
          unit: 'index 0–6',
        },
        alt: `Linjediagram: totalindex per år ${years[0]}–${years.at(-1)} för ${areas.map((a) => a.name).join(', ')}; lägre är bättre.`,
        source:
          'Källa: Polisens trygghetsmätning (Region Syd), som den finns i Lägesbild; källan för varje värde står i tabellen.',
        note: [
          'Index 0–6 där 0 = praktiskt taget inget problem och 6 = alarmerande; lägre är bättre. LPO:s värde är lokalpolisområdets eget resultat, inte en summa av kommunerna.',
          '* = publicerat eller importerat värde.',
          ...(invented ? ['Värden utan * är påhittade exempeldata, inte mätresultat.'] : []),
        ].join(' '),
      },
    ),
  ];
}

function trygghetIndikatorer(d: LagesbildData): Block[] {
  const toYear = Number(d.to.slice(0, 4));
  const { main } = surveyAreas(d);
  const moves = surveyMovements(
    d.db,
    SURVEY_INDICATORS.map((i) => i.code),
  ).filter((m) => sameArea(m.area, main.area) && m.year <= toYear);
  if (moves.length === 0) return [];
  const order = new Map(SURVEY_INDICATORS.map((i, n) => [i.code, n]));
  moves.sort((a, b) => order.get(a.indicator)! - order.get(b.indicator)!);
  return [
    figure(
      'trygghet-indikatorer',
      `Trygghetsmätningen: senaste förändringen per fråga, ${main.name}`,
      {
        head: ['Fråga', 'Förra mätningen', 'Senaste', 'z', 'Bedömning'],
        rows: moves.map((m) => [
          INDICATOR_BY_CODE.get(m.indicator)?.label ?? m.indicator,
          `${formatSurveyValue(m.indicator, m.previousValue)} (${m.previousYear})`,
          `${formatSurveyValue(m.indicator, m.value)} (${m.year})`,
          m.z === null ? '–' : formatDecimal1(m.z),
          MOVEMENT_LABELS[m.verdict],
        ]),
      },
      {
        source: 'Källa: Polisens trygghetsmätning (Region Syd), som den finns i Lägesbild.',
        note: 'Andelar prövas med ett test för två andelar när antalet svarande finns båda åren (minst 30). Ett index kan inte prövas utan svarens spridning, som rapporterna sällan anger.',
      },
    ),
  ];
}

function est(d: LagesbildData): Block[] {
  if (!d.counted) return [{ kind: 'text', text: 'Perioden börjar efter senaste data: ingen EST-lägesbild.' }];
  const { ctx } = d.input;
  const results = d.kommuner.map((k) => ({
    kommun: k,
    est: estLagesbild(d.db, { kommunId: k.id, cycle: 'tertial', day: d.to, kommunName: k.name }, ctx.now),
  }));
  if (results.every(({ est: e }) => e.total.current + e.total.previous === 0)) {
    return [
      { kind: 'text', text: 'Inga händelser i den senaste hela tertialen eller tertialen före: ingen EST-lägesbild.' },
    ];
  }
  const first = results[0]!.est;
  const periods = `${span(first.comparison.current)} mot ${span(first.previous)}`;
  const blocks: Block[] = [
    {
      kind: 'text',
      text: [
        `EST-lägesbilden för den senaste hela tertialen i perioden: ${periods}.`,
        ...comparisonSentences(first.comparison, EST_CYCLE_NOUNS.tertial),
      ].join(' '),
    },
  ];
  const head = ['Nu', 'Före', 'z', 'Bedömning'];
  if (!d.isLpo) {
    const e = first;
    const ids = [e.kommunId];
    blocks.push(
      figure(
        'est',
        `EST-lägesbild ${results[0]!.kommun.name}: kategorier, ${periods}`,
        {
          head: ['Kategori', ...head],
          rows: [
            ...e.changes.map((c) => [categoryLabel(c.category), ...changeCells(d, c, ids)]),
            ['Alla kategorier', ...changeCells(d, e.total, [])],
          ],
        },
        {
          source: registerSource(d),
          note: 'Som EST-lägesbilden i appen: varje kategori mot tertialen före, samma test.',
        },
      ),
    );
  } else {
    blocks.push(
      figure(
        'est',
        `EST-lägesbild per kommun, ${periods}`,
        {
          head: ['Kommun', ...head, 'Säkerställda förändringar'],
          rows: results.map(({ kommun, est: e }) => [
            kommun.name,
            ...changeCells(d, e.total, []),
            e.changes
              .filter(isSignificant)
              .map((c) => `${categoryLabel(c.category)} ${c.verdict === 'okning' ? 'ökar' : 'minskar'}`)
              .join('; ') || 'inga',
          ]),
        },
        { source: registerSource(d) },
      ),
    );
  }
  const places = results.flatMap(({ kommun, est: e }) => {
    const ids = [e.kommunId];
    const top = e.topPlaces.slice(0, 3).map((p) => `${p.placeName} (${countText(d, p.n, ids)})`);
    const fresh = e.newPlaces.slice(0, 5).map((p) => `${p.placeName} (${countText(d, p.n, ids)})`);
    return [
      `${kommun.name}: flest händelser ${top.length ? top.join(', ') : '–'}; nya platser ${fresh.length ? fresh.join(', ') : 'inga'}${e.newPlaces.length > 5 ? ` och ${e.newPlaces.length - 5} till` : ''}.`,
    ];
  });
  blocks.push({ kind: 'list', items: places });
  return blocks;
}

function vandringar(d: LagesbildData): Block[] {
  const { r } = d.input.ctx;
  const walks = r.walks
    .list(d.kommunIds)
    .filter((w) => w.walkDay >= d.from && w.walkDay <= d.to)
    .sort((a, b) => a.walkDay.localeCompare(b.walkDay) || a.id - b.id);
  if (walks.length === 0) {
    return [
      { kind: 'text', text: `Inga trygghetsvandringar är registrerade ${span({ fromDay: d.from, toDay: d.to })}.` },
    ];
  }
  const kommunCol = d.isLpo ? ['Kommun'] : [];
  const blocks: Block[] = [
    figure(
      'vandringar',
      `Trygghetsvandringar, ${span({ fromDay: d.from, toDay: d.to })}`,
      {
        head: ['Datum', ...kommunCol, 'Vandring', 'Rutt', 'Iakttagelser', 'Åtgärder (försenade)'],
        rows: walks.map((w) => [
          w.walkDay,
          ...(d.isLpo ? [d.name(w.kommunId)] : []),
          `${w.title}${w.afterDark ? ' (efter mörkrets inbrott)' : ''}`,
          w.route,
          formatInteger(w.observations),
          `${formatInteger(w.measures)} (${formatInteger(w.overdue)})`,
        ]),
      },
      { source: 'Källa: trygghetsvandringar registrerade i Lägesbild.' },
    ),
  ];
  const observations = walks.flatMap((w) =>
    r.walks
      .details(w.id)
      .observations.map((o) => [w.walkDay, w.title, o.placeName, subcategoryLabel(o.subcategory), o.note]),
  );
  if (observations.length > 0) {
    blocks.push(
      figure(
        'vandringar-iakttagelser',
        `Iakttagelser från trygghetsvandringarna, ${span({ fromDay: d.from, toDay: d.to })}`,
        { head: ['Datum', 'Vandring', 'Plats', 'Iakttagelse', 'Anteckning'], rows: observations },
        {
          source: 'Källa: vandringarnas protokoll i Lägesbild.',
          note: 'Varje iakttagelse räknas också som en händelse (källa Trygghetsvandring) i kartläggningen.',
        },
      ),
    );
  }
  return blocks;
}

export function annanSections(d: LagesbildData): Section[] {
  return [
    section('annan-trygghet', 'Trygghetsmätningen', [...trygghet(d), ...trygghetIndikatorer(d)]),
    section('annan-est', 'EST – effektiv samordning för trygghet', est(d)),
    section('annan-vandringar', 'Trygghetsvandringar', vandringar(d)),
  ];
}
