/**
 * Åtgärdsplan (lag 2023:196: the kommun decides it): the åtgärder in the kommun's plan as the Åtgärdsplan
 * screen lists them (`measures.list` with `inPlan`), grouped under the problem each answers (the problem in
 * words, else the walk observation it came from: `measureProblem`), with owner, date, status and löfte.
 * An LPO gets one chapter per kommun.
 */
import type { Kommun } from '../../../shared/domain';
import { formatInteger } from '../../../shared/format';
import type { Block, Section } from '../../../shared/report';
import { measureProblem, type Measure } from '../../../shared/walks';
import { kommunLongName, longDay, section, slot } from '../common';
import { measureFigure, measureTally } from './lofte-blocks';
import { measuresOf } from './lofte-data';
import type { TemplateBuilder, TemplateInput } from './types';

/** "Nedskräpning i centrum" → "nedskrapning-i-centrum": a stable id for a problem's figure and slot. */
export function slug(text: string): string {
  const s = text
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || 'problem';
}

interface Problem {
  id: string;
  title: string;
  measures: Measure[];
}

/** The plan's åtgärder under their problems, in the order the plan lists them (by date). */
export function problemsOf(measures: Measure[]): Problem[] {
  const byTitle = new Map<string, Measure[]>();
  for (const m of measures) {
    const title = measureProblem(m) || 'Problem inte angivet';
    byTitle.set(title, [...(byTitle.get(title) ?? []), m]);
  }
  const used = new Map<string, number>();
  return [...byTitle].map(([title, list]) => {
    const base = slug(title);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { id: n === 1 ? base : `${base}-${n}`, title, measures: list };
  });
}

function problemSection(input: TemplateInput, prefix: string, p: Problem): Section {
  const views = [...new Set(p.measures.flatMap((m) => (m.viewName ? [m.viewName] : [])))];
  const loften = [...new Set(p.measures.flatMap((m) => (m.lofteTitle ? [m.lofteTitle] : [])))];
  const facts = [
    ...(views.length ? [{ label: 'I lägesbilden', value: views.map((v) => `${v} (sparad vy)`).join(', ') }] : []),
    ...(loften.length ? [{ label: 'Medborgarlöfte', value: loften.join(', ') }] : []),
    { label: 'Åtgärder', value: measureTally(p.measures) },
  ];
  const id = `${prefix}problem-${p.id}`;
  return section(id, p.title, [
    { kind: 'facts', items: facts },
    measureFigure(`${prefix}atgarder-${p.id}`, `Åtgärder: ${p.title}`, p.measures, [
      'what',
      'responsible',
      'due',
      'status',
      'lofte',
      'origin',
    ]),
    slot(input.ctx, id, `Varför åtgärderna väntas påverka problemet "${p.title}" (orsaksanalys).`),
  ]);
}

function kommunChapter(input: TemplateInput, k: Kommun, single: boolean): Section {
  const measures = measuresOf(input, { kommunIds: [k.id], inPlan: true });
  const problems = problemsOf(measures);
  const prefix = single ? '' : `${k.scbCode}-`;
  const late = measures.filter((m) => m.overdue).length;
  const blocks: Block[] = measures.length
    ? [
        {
          kind: 'keyFigures',
          items: [
            { label: 'Problem', value: formatInteger(problems.length) },
            { label: 'Åtgärder', value: formatInteger(measures.length) },
            { label: 'Försenade', value: formatInteger(late) },
          ],
        },
        { kind: 'text', text: `Åtgärderna i planen: ${measureTally(measures)}.` },
      ]
    : [{ kind: 'text', text: `${kommunLongName(k.name)}s åtgärdsplan har inga åtgärder än.` }];
  return section(
    single ? 'problem' : `kommun-${k.scbCode}`,
    single ? 'Problem och åtgärder' : kommunLongName(k.name),
    blocks,
    problems.map((p) => problemSection(input, prefix, p)),
  );
}

function introBlocks(input: TemplateInput): Block[] {
  return [
    {
      kind: 'text',
      text:
        `Enligt lagen (2023:196) om kommuners ansvar för brottsförebyggande arbete ska kommunen utifrån sin ` +
        `lägesbild besluta om en åtgärdsplan. Planen kopplar varje åtgärd till det problem i lägesbilden den ska ` +
        `påverka, och till medborgarlöften, med ansvarig och datum. Åtgärder från trygghetsvandringar förs in ` +
        `från vandringens protokoll.`,
    },
    {
      kind: 'note',
      text: `Planen som den ser ut ${longDay(input.ctx.today)}: alla åtgärder i åtgärdsplanen, med status den dagen.`,
    },
    slot(
      input.ctx,
      'sammanfattning',
      'Sammanfattning: de viktigaste problemen och åtgärderna, och hur planen följs upp.',
    ),
  ];
}

export const atgardsplan: TemplateBuilder = (input) => {
  const { area } = input;
  const subtitle = `Åtgärdsplan enligt lag (2023:196) om kommuners ansvar för brottsförebyggande arbete – ${area.name}`;
  if (area.kind === 'kommun') {
    // A short document: the introduction opens the one chapter.
    const only = kommunChapter(input, area.kommuner[0]!, true);
    return { subtitle, chapters: [{ ...only, blocks: [...introBlocks(input), ...only.blocks] }] };
  }
  return {
    subtitle,
    chapters: [
      section('inledning', 'Inledning', introBlocks(input)),
      ...area.kommuner.map((k) => kommunChapter(input, k, false)),
    ],
  };
};
