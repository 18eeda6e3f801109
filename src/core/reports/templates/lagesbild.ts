/**
 * The lägesbild (lag 2023:196 4 §) for a kommun or an LPO and a period: Sammanfattning, Kartläggning
 * (extent, development, categories, places, times, sources), Annan information (trygghetsmätning, EST,
 * trygghetsvandringar), Analys (significant changes, the prioritised problems with their orsaksanalys),
 * Åtgärdsplan, and Källor och metod. Every figure comes from the functions the app's screens use, so the
 * report and the screen show the same numbers for the same selection.
 */
import type { Block, Section } from '../../../shared/report';
import { formatCount, formatInteger } from '../../../shared/format';
import { dayDiff } from '../../../shared/calendar';
import { categoryLabel } from '../../../shared/taxonomy';
import { judgeChange } from '../../dashboards/stats';
import { longDay, section, slot } from '../common';
import type { TemplateBuilder } from './types';
import {
  countText,
  isSignificant,
  lagesbildData,
  per1000Text,
  span,
  verdictText,
  zText,
  type LagesbildData,
} from './lagesbild-data';
import { omfattningSections } from './lagesbild-omfattning';
import { monsterSections } from './lagesbild-monster';
import { annanSections } from './lagesbild-annan';
import { analysChapter, atgardsplanChapter } from './lagesbild-analys';
import { metodChapter } from './lagesbild-metod';

export const LAGESBILD_SUBTITLE = 'Lägesbild enligt lag (2023:196) om kommuners ansvar för brottsförebyggande arbete';

/** The caveats that go first: a period still running, a period without data. */
function periodNotes(d: LagesbildData): Block[] {
  const notes: Block[] = [];
  if (d.asOf === null) {
    notes.push({ kind: 'note', text: 'Databasen har inga händelser: det finns inget att redovisa eller jämföra.' });
    return notes;
  }
  if (d.asOf < d.to) {
    const compared = d.comparable
      ? `Jämförelserna gäller bara dagar med data: ${span(d.change.current)} mot ${span(d.change.previous)}.`
      : (d.notComparable ?? '');
    notes.push({ kind: 'note', text: `Perioden är inte slut: data per ${longDay(d.asOf)}. ${compared}` });
  }
  return notes;
}

function totalChange(d: LagesbildData) {
  return judgeChange(
    d.change.rows.reduce((s, r) => s + r.current, 0),
    d.change.rows.reduce((s, r) => s + r.previous, 0),
  );
}

function sammanfattning(d: LagesbildData): Section {
  const period = span({ fromDay: d.from, toDay: d.to });
  const total = totalChange(d);
  const comparable = d.comparable;
  const significant = d.change.rows.filter(isSignificant);
  const up = significant.filter((r) => r.verdict === 'okning');
  const down = significant.filter((r) => r.verdict === 'minskning');
  const keyFigures: Block = {
    kind: 'keyFigures',
    items: [
      {
        label: `Händelser ${period}`,
        value: formatInteger(d.areaCount.total),
        note: d.incomplete && d.asOf ? `till och med ${longDay(d.asOf)}` : undefined,
      },
      {
        label: 'Per 1 000 invånare',
        value: per1000Text(d.areaCount.per1000),
        note:
          [
            ...(d.areaCount.populationYear === null ? [] : [`folkmängd ${d.areaCount.populationYear}`]),
            ...(dayDiff(d.from, d.to) >= 366 ? ['för hela perioden, inte per år'] : []),
          ].join('; ') || undefined,
      },
      comparable
        ? {
            label: `Förändring mot ${span(d.change.previous)}`,
            value: `${formatInteger(total.current)} mot ${formatInteger(total.previous)}`,
            note: `${verdictText(total)}${total.z === null ? '' : ` (z = ${zText(total.z)})`}; ${span(d.change.current)} mot ${span(d.change.previous)}`,
          }
        : {
            label: 'Förändring',
            value: 'Kan inte jämföras',
            note: d.notComparable ?? undefined,
          },
      {
        label: 'Säkerställda förändringar (kommun och kategori)',
        value: comparable
          ? `${formatCount(up.length, 'ökning', 'ökningar')}, ${formatCount(down.length, 'minskning', 'minskningar')}`
          : '–',
      },
    ],
  };
  const name = (r: (typeof significant)[number]) =>
    `${categoryLabel(r.category)}${d.isLpo ? ` i ${d.name(r.kommunId)}` : ''} (${countText(d, r.current, [r.kommunId])} mot ${countText(d, r.previous, [r.kommunId])})`;
  const sentences = [
    `${d.input.area.name} hade ${formatInteger(d.areaCount.total)} registrerade händelser ${period}${
      d.areaCount.per1000 === null ? '' : `, ${per1000Text(d.areaCount.per1000)} per 1 000 invånare`
    }.`,
    ...(comparable
      ? [
          `Mot ${span(d.change.previous)} är det ${formatInteger(total.current)} mot ${formatInteger(total.previous)} händelser: ${verdictText(total).toLowerCase()}.`,
          up.length ? `Säkerställda ökningar: ${up.map(name).join('; ')}.` : 'Ingen kategori har ökat säkerställt.',
          down.length ? `Säkerställda minskningar: ${down.map(name).join('; ')}.` : '',
        ]
      : []),
  ].filter(Boolean);
  return section('sammanfattning', 'Sammanfattning', [
    ...periodNotes(d),
    keyFigures,
    { kind: 'text', text: sentences.join(' ') },
    slot(
      d.input.ctx,
      'sammanfattning',
      'Sammanfatta lägesbilden: de viktigaste problemen, hur de har utvecklats och vilka åtgärder som föreslås.',
    ),
  ]);
}

function kartlaggning(d: LagesbildData): Section {
  return section(
    'kartlaggning',
    'Kartläggning',
    [
      {
        kind: 'text',
        text: `Brottsligheten och otryggheten i ${d.input.area.name} ${span({ fromDay: d.from, toDay: d.to })}: omfattning och utveckling, kategorier, platser och tider, och vilka källor siffrorna bygger på. Siffrorna är händelser registrerade i Lägesbild (polisens händelser, EST-rapporter, tips, felanmälningar och trygghetsvandringar), inte bara anmälda brott.`,
      },
      slot(
        d.input.ctx,
        'kartlaggning',
        'Beskriv vad kartläggningen visar: omfattning, utveckling, platser och tider som sticker ut, och brottslighetens konsekvenser.',
      ),
    ],
    [...omfattningSections(d), ...monsterSections(d)],
  );
}

function annanInformation(d: LagesbildData): Section {
  return section(
    'annan-information',
    'Annan information',
    [
      slot(
        d.input.ctx,
        'annan-information',
        'Annan information av betydelse: medborgardialoger, iakttagelser från skola, socialtjänst, räddningstjänst och näringsliv.',
      ),
    ],
    annanSections(d),
  );
}

export const lagesbild: TemplateBuilder = (input) => {
  const d = lagesbildData(input);
  return {
    subtitle: LAGESBILD_SUBTITLE,
    chapters: [
      sammanfattning(d),
      kartlaggning(d),
      annanInformation(d),
      analysChapter(d),
      atgardsplanChapter(d),
      metodChapter(d),
    ],
  };
};
