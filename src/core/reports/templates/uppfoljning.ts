/**
 * Uppföljning (kvartalsrapport, årsuppföljning, slutrapport) of a kommun's medborgarlöften active in the
 * period, or of one löfte: each löfte's targets against what was done (the löfte screen's numbers:
 * `activityProgress` through the report's last day or today), its åtgärder, its effect goal against the
 * figures (`effectChecks`: survey before and after, incidents before and after with the Poisson test);
 * the trygghetsvandringar's åtgärder and their status. A text slot per löfte and one for the whole.
 */
import { AppError } from '../../../shared/errors';
import { formatCount, formatInteger } from '../../../shared/format';
import { FOLLOW_UP_LABELS, type Block, type FollowUpKind, type Section } from '../../../shared/report';
import { LOFTE_STATE_LABELS } from '../../../shared/lofte';
import type { Measure } from '../../../shared/walks';
import type { Granularity } from '../../lofte/progress';
import { longDay, periodLabel, section, slot } from '../common';
import {
  effectFigure,
  incompleteNote,
  lofteFacts,
  measureFigure,
  measureTally,
  progressFigure,
  stretchFigure,
} from './lofte-blocks';
import {
  effectOf,
  lofteName,
  loftenIn,
  measuresOf,
  progressDay,
  progressOf,
  selectedLofte,
  undecidedIn,
  type ReportLofte,
} from './lofte-data';
import { walkChapter } from './lofte-walks';
import type { TemplateBuilder, TemplateInput } from './types';

/** The stretches each report shows its activities in. */
const STRETCH: Record<FollowUpKind, { by: Granularity; noun: string }> = {
  kvartalsrapport: { by: 'manad', noun: 'månad' },
  arsuppfoljning: { by: 'kvartal', noun: 'kvartal' },
  slutrapport: { by: 'kvartal', noun: 'kvartal' },
};

interface Followed {
  l: ReportLofte;
  progress: ReturnType<typeof progressOf>;
  effects: ReturnType<typeof effectOf>;
  measures: Measure[];
}

function followed(input: TemplateInput, l: ReportLofte, by: Granularity, asOfDay: string): Followed {
  return {
    l,
    progress: progressOf(input, l, by, asOfDay),
    effects: effectOf(input, l),
    measures: measuresOf(input, { kommunIds: [l.kommun.id] }).filter((m) => m.lofteId === l.lofte.id),
  };
}

const onPlan = (f: Followed) => f.progress.filter((p) => p.schedule && !p.schedule.behind).length;
const behind = (f: Followed) => f.progress.filter((p) => p.schedule?.behind).length;

function summary(input: TemplateInput, label: string, items: Followed[], undecided: ReportLofte[]): Section {
  const { sel, area } = input;
  const asOfDay = progressDay(input);
  const blocks: Block[] = [...incompleteNote(input)];
  if (items.length === 0) {
    blocks.push({
      kind: 'text',
      text: `Det finns inga beslutade medborgarlöften för ${area.name} under ${periodLabel(sel.from, sel.to)}.`,
    });
  } else {
    const measurable = items.reduce((s, f) => s + onPlan(f) + behind(f), 0);
    blocks.push(
      {
        kind: 'text',
        text: `${label} av ${formatCount(items.length, 'medborgarlöfte', 'medborgarlöften')} för ${area.name}, ${periodLabel(sel.from, sel.to)}.`,
      },
      {
        kind: 'keyFigures',
        items: [
          { label: 'Löften som följs upp', value: formatInteger(items.length) },
          {
            label: 'Aktiviteter enligt plan',
            value: `${formatInteger(items.reduce((s, f) => s + onPlan(f), 0))} av ${formatInteger(measurable)}`,
          },
          { label: 'Aktiviteter efter plan', value: formatInteger(items.reduce((s, f) => s + behind(f), 0)) },
        ],
      },
      {
        kind: 'figure',
        id: 'oversikt',
        caption: `Medborgarlöftena: aktiviteter enligt och efter plan till och med ${longDay(asOfDay)}`,
        table: {
          head: ['Löfte', 'Kommun', 'Period', 'Läge', 'Enligt plan', 'Efter plan', 'Åtgärder'],
          rows: items.map((f) => [
            lofteName(f.l),
            f.l.kommun.name,
            periodLabel(f.l.lofte.periodFrom, f.l.lofte.periodTo),
            LOFTE_STATE_LABELS[f.l.lofte.state],
            formatInteger(onPlan(f)),
            formatInteger(behind(f)),
            measureTally(f.measures),
          ]),
          align: ['left', 'left', 'left', 'left', 'right', 'right', 'left'],
        },
      },
    );
  }
  if (undecided.length > 0) {
    blocks.push({
      kind: 'note',
      text: `Inte beslutade och därför inte med: ${undecided.map((l) => `"${lofteName(l)}" (${l.kommun.name})`).join(', ')}.`,
    });
  }
  blocks.push(slot(input.ctx, 'sammanfattning', 'Sammanfattning: hur arbetet har gått, vad som behöver ändras.'));
  return section('sammanfattning', 'Sammanfattning', blocks);
}

function lofteChapter(input: TemplateInput, f: Followed, stretch: { by: Granularity; noun: string }): Section {
  const { l } = f;
  const id = `lofte-${l.lofte.id}`;
  const asOfDay = progressDay(input);
  const stretches = stretchFigure(
    input,
    `${id}-perioder`,
    `Per ${stretch.noun}, ${periodLabel(input.sel.from, input.sel.to)}: ${lofteName(l)}`,
    l,
    f.progress,
    input.sel.from,
    input.sel.to,
  );
  const notes: Block[] = l.newerDraft
    ? [
        {
          kind: 'note',
          text: `Uppföljningen gäller den beslutade versionen (${l.decision!.version}); en ny version (${l.lofte.version}) utarbetas.`,
        },
      ]
    : [];
  return section(
    id,
    lofteName(l),
    [
      ...notes,
      {
        kind: 'facts',
        items: [...lofteFacts(l), { label: 'Effektmål', value: l.content.effectGoal.trim() || 'Inte angivet' }],
      },
      slot(input.ctx, id, `Bedömning av "${lofteName(l)}": vad som gått bra, vad som inte blev gjort och varför.`),
    ],
    [
      section(`${id}-aktiviteter`, 'Aktiviteter: mål och utfört', [
        progressFigure(`${id}-mal`, l, f.progress, asOfDay),
        ...(stretches ? [stretches] : []),
      ]),
      section(`${id}-atgarder`, 'Åtgärder kopplade till löftet', [
        f.measures.length
          ? measureFigure(`${id}-atgarder-tabell`, `Åtgärder kopplade till ${lofteName(l)}`, f.measures, [
              'what',
              'responsible',
              'due',
              'origin',
              'status',
            ])
          : { kind: 'text', text: 'Inga åtgärder är kopplade till löftet.' },
      ]),
      section(`${id}-effekt`, 'Effekt', [
        f.effects.length
          ? effectFigure(`${id}-effekt-tabell`, `Effektmålet mot underlaget: ${lofteName(l)}`, input, f.effects)
          : { kind: 'text', text: 'Löftet har inget underlag att pröva effektmålet mot.' },
      ]),
    ],
  );
}

function method(input: TemplateInput): Section {
  return section('metod', 'Så har uppföljningen gjorts', [
    {
      kind: 'list',
      items: [
        'Aktiviteter: det som registrerats som utfört i Lägesbild, mot löftets mål i hela aktiviteter. Det som ska vara gjort en dag är den hela delen av målet fördelat jämnt över perioden fram till den dagen; "efter plan" betyder att färre är gjorda än så.',
        'Trygghetsmätningen: senaste mätningen före löftets period mot den första från periodens sista år. En andel prövas med test för två andelar; ett index visar bara riktningen.',
        'Händelser: löftets period mot lika lång period före, med Poissontest (z = √2(√nu − √före); |z| ≥ 1,96 är en säkerställd förändring). Pågår perioden jämförs bara dagar med data.',
        `Uppgifterna är hämtade ${longDay(input.ctx.today)}${input.asOf ? `; händelsedata till och med ${longDay(input.asOf)}` : ''}.`,
      ],
    },
  ]);
}

export const uppfoljning: TemplateBuilder = (input) => {
  const { sel, area } = input;
  const kind = sel.followUpKind ?? 'arsuppfoljning';
  const label = sel.followUpKind ? FOLLOW_UP_LABELS[sel.followUpKind] : 'Uppföljning';
  const one = sel.lofteId !== undefined ? selectedLofte(input, sel.lofteId) : null;
  if (one && one.decision === null) {
    throw new AppError(
      'validation',
      `Löftet "${lofteName(one)}" (id ${one.lofte.id}) är inte beslutat än och har ingen uppföljning.`,
    );
  }
  const loften = one ? [one] : loftenIn(input, sel.from, sel.to, true);
  const asOfDay = progressDay(input);
  const items = loften.map((l) => followed(input, l, STRETCH[kind].by, asOfDay));
  const years =
    sel.from.slice(0, 4) === sel.to.slice(0, 4)
      ? sel.from.slice(0, 4)
      : `${sel.from.slice(0, 4)}–${sel.to.slice(0, 4)}`;
  return {
    subtitle: one
      ? `Uppföljning av medborgarlöftet "${lofteName(one)}", ${one.kommun.name}`
      : `Uppföljning av medborgarlöftena i ${area.name}`,
    defaultTitle: `${label} ${years} – ${area.name}`,
    chapters: [
      summary(input, label, items, one ? [] : undecidedIn(input, sel.from, sel.to)),
      ...items.map((f) => lofteChapter(input, f, STRETCH[kind])),
      walkChapter(input),
      method(input),
    ],
  };
};
