/**
 * Källor och metod: every source with the latest day it has data for, the population, Brå and the survey
 * with their years, and how the rates, the change test and the compared periods are worked out; in a
 * published document, the rule that hides small counts.
 */
import type { Block, Section } from '../../../shared/report';
import { SOURCE_LABELS } from '../../../shared/domain';
import { formatInteger } from '../../../shared/format';
import { MIN_EVENTS_TO_JUDGE, MIN_LARGER_PERIOD } from '../../dashboards/stats';
import { SMALL_KOMMUN_POPULATION, SUPPRESS_BELOW, SUPPRESSED_TEXT, longDay, section } from '../common';
import { latestPerSource } from '../data/sources';
import { comparedText, type LagesbildData } from './lagesbild-data';

function sourceList(d: LagesbildData): string[] {
  const { ctx } = d.input;
  const latest = latestPerSource(d.db, d.kommunIds, ctx.today);
  const items = [...latest].map(
    ([source, day]) => `${SOURCE_LABELS[source]} (händelseregistret): senaste händelse ${longDay(day)}.`,
  );
  if (items.length === 0) items.push('Händelseregistret har inga händelser för området.');
  const population = d.db
    .prepare(
      `SELECT year, ref_date AS refDate, source FROM population WHERE kommun_id IN (${d.kommunIds.map(() => '?').join(', ')})
       AND year = ? LIMIT 1`,
    )
    .get(...d.kommunIds, d.areaCount.populationYear ?? -1) as
    { year: number; refDate: string; source: string } | undefined;
  items.push(
    population
      ? `Folkmängd: ${population.source || 'SCB'}, per ${population.refDate} (år ${population.year}).`
      : 'Folkmängd: saknas för området.',
  );
  const bra = d.db
    .prepare(`SELECT max(year) FROM bra_reported_crime WHERE kommun_id IN (${d.kommunIds.map(() => '?').join(', ')})`)
    .pluck()
    .get(...d.kommunIds) as number | null;
  items.push(
    bra === null ? 'Brå, anmälda brott: inte inläst.' : `Brå, anmälda brott per kommun: senast inläst år ${bra}.`,
  );
  const survey = d.db
    .prepare(
      `SELECT max(year) FROM survey_result WHERE kommun_id IN (${d.kommunIds.map(() => '?').join(', ')}) OR lpo_id = ?`,
    )
    .pluck()
    .get(...d.kommunIds, d.input.area.lpo.id) as number | null;
  items.push(
    survey === null
      ? 'Polisens trygghetsmätning: inga resultat inlästa.'
      : `Polisens trygghetsmätning (Region Syd): senaste mätning ${survey}.`,
  );
  items.push(
    `Trygghetsvandringar, samverkansöverenskommelser och åtgärdsplan: som de är registrerade i Lägesbild ${longDay(ctx.today)}.`,
  );
  return items;
}

export function metodChapter(d: LagesbildData): Section {
  const asOf = d.asOf;
  const blocks: Block[] = [
    {
      kind: 'text',
      text: `Senaste data: ${asOf === null ? 'inga data' : longDay(asOf)} – den senaste dagen som alla källor som rapporterat varje vecka de fyra veckorna före har data för. Jämförelser görs bara med data till och med den dagen.`,
    },
    { kind: 'list', items: sourceList(d) },
    {
      kind: 'text',
      text: [
        'Händelser per 1 000 invånare = antal händelser × 1 000 / folkmängden. Folkmängden är SCB:s för året perioden slutar i, eller närmast tidigare år som finns i databasen; för ett lokalpolisområde summan av dess kommuner.',
        `En förändring mellan två perioder prövas som ett Poisson-test på rottransformerade antal: z = √2(√nu − √före). Varje antals kvadratrot har variansen ungefär ¼, så skillnaden av två har ½; z är då ungefär normalfördelad när inget har ändrats. |z| ≥ 1,96 kallas en säkerställd ökning eller minskning (5 % nivå). Med färre än ${formatInteger(MIN_EVENTS_TO_JUDGE)} händelser i de två perioderna tillsammans, eller färre än ${formatInteger(MIN_LARGER_PERIOD)} i båda, görs ingen bedömning ("för få händelser för att bedöma"). Båda antalen visas alltid, aldrig bara en procentsats.`,
        `Jämförda perioder: perioden mot lika lång period närmast före (${d.comparable ? comparedText(d) : `ingen jämförelse: ${d.notComparable ?? ''}`}). En period som går förbi senaste data jämförs med sina dagar fram till senaste data mot lika många dagar från början av perioden före. EST-lägesbilden visar den senaste hela tertialen mot tertialen före.`,
        'Trygghetsmätningens index 0–6 kan inte prövas utan svarens spridning; andelar prövas med ett test för två andelar när antalet svarande är känt båda åren (minst 30).',
      ].join('\n\n'),
    },
  ];
  if (d.input.counts.publication) {
    blocks.push({
      kind: 'text',
      text: `Dokumentet är avsett för publicering: i kommuner med färre än ${formatInteger(SMALL_KOMMUN_POPULATION)} invånare visas antal på 1–${SUPPRESS_BELOW - 1} för en plats eller en kategori som "${SUPPRESSED_TEXT}", som Brå gör, så att ingen enskild händelse kan pekas ut. Summor över flera kommuner visas alltid.`,
    });
  }
  return section('kallor-och-metod', 'Källor och metod', blocks);
}
