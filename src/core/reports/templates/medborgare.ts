/**
 * Till medborgarna: one page per kommun and year in plain Swedish, "Det här lovade vi – det här har vi
 * gjort". For each decided löfte active in the period: what was promised, in plain words, and how many of
 * each activity were done against the promise (the löfte screen's numbers); the effect goal and what the
 * figures say so far, without the statistics' words. An LPO gets one chapter (page) per kommun. Public:
 * incident counts go through the publication rule.
 */
import type { Kommun } from '../../../shared/domain';
import { formatInteger } from '../../../shared/format';
import type { LofteActivity } from '../../../shared/lofte';
import type { ActivityProgress, EffectCheck } from '../../../shared/lofte-api';
import type { Block, Section } from '../../../shared/report';
import { kommunLongName, longDay, periodLabel, section, slot } from '../common';
import { effectValue, fig } from './lofte-blocks';
import {
  effectOf,
  lofteName,
  loftenIn,
  progressDay,
  progressOf,
  type EvidenceEffect,
  type ReportLofte,
} from './lofte-data';
import type { TemplateBuilder, TemplateInput } from './types';

const PER: Record<NonNullable<LofteActivity['cadence']>, string> = {
  vecka: 'i veckan',
  manad: 'i månaden',
  period: 'under löftets tid',
};

function who(a: LofteActivity): string {
  if (a.responsible === 'polis') return 'polisen';
  if (a.responsible === 'kommun') return 'kommunen';
  if (a.responsible === 'gemensamt') return 'polisen och kommunen tillsammans';
  if (a.responsible === 'partner') return a.partner.trim() || 'en samarbetspartner';
  return '';
}

/** "Trafikinsats, minst 1 i veckan (polisen)". */
function promise(a: LofteActivity): string {
  const amount = a.quantity && a.cadence ? `, minst ${formatInteger(a.quantity)} ${PER[a.cadence]}` : '';
  const by = who(a);
  return `${a.kind.trim() || 'Aktivitet'}${amount}${by ? ` (${by})` : ''}`;
}

function howItGoes(l: ReportLofte, asOfDay: string, p: ActivityProgress): string {
  if (!p.schedule) return '–';
  if (asOfDay < l.lofte.periodFrom) return 'Har inte börjat än';
  if (p.schedule.done >= p.schedule.total) return 'Klart';
  return p.schedule.behind ? 'Vi ligger efter' : 'Som planerat';
}

const PLAIN_VERDICT: Record<EffectCheck['verdict'], string> = {
  battre: 'det har blivit tydligt bättre',
  samre: 'det har blivit tydligt sämre',
  ingen_sakerstalld_forandring: 'ingen tydlig förändring',
  kan_inte_bedomas: '',
  for_fa: 'för få händelser för att säga något',
  vantar: 'vi väntar på nya siffror',
};

/** "Nedskräpning, Klippan (trygghetsmätning): 3,28 (2025), nu 3,02 (2026): lägre än förut." */
function effectSentence(input: TemplateInput, e: EvidenceEffect): string {
  const { before, after, verdict } = e.check;
  const direction =
    before && after
      ? after.value < before.value
        ? 'lägre än förut'
        : after.value > before.value
          ? 'högre än förut'
          : 'som förut'
      : '';
  const said = verdict === 'kan_inte_bedomas' ? direction : PLAIN_VERDICT[verdict];
  const values = [
    before ? `före: ${effectValue(input, e, 'before')}` : '',
    after ? `efter: ${effectValue(input, e, 'after')}` : '',
  ].filter(Boolean);
  return `${e.check.label}${values.length ? `, ${values.join(', ')}` : ''}${said ? ` – ${said}` : ''}.`;
}

function lofteSection(input: TemplateInput, k: Kommun, l: ReportLofte): Section {
  const asOfDay = progressDay(input);
  const progress = progressOf(input, l, 'period', asOfDay);
  const effects = effectOf(input, l);
  const rows = progress.map((p) => {
    const a = l.content.activities.find((x) => x.key === p.key)!;
    const s = p.schedule;
    return [
      promise(a),
      s ? `${formatInteger(s.done)} av ${formatInteger(s.total)}` : `${formatInteger(p.done)} gjorda`,
      howItGoes(l, asOfDay, p),
    ];
  });
  const blocks: Block[] = [
    {
      kind: 'text',
      text: `${periodLabel(l.lofte.periodFrom, l.lofte.periodTo)}. ${l.content.problem.trim()}`.trim(),
    },
    fig(
      `lofte-${l.lofte.id}`,
      `Det här lovade vi – det här har vi gjort till och med ${longDay(asOfDay)}`,
      ['Det här lovade vi', 'Gjort', 'Hur det går'],
      rows,
      {
        align: ['left', 'right', 'left'],
      },
    ),
  ];
  if (l.content.effectGoal.trim()) {
    blocks.push({ kind: 'text', text: `Målet: ${l.content.effectGoal.trim()}` });
  }
  if (effects.length) {
    blocks.push({ kind: 'list', items: effects.map((e) => effectSentence(input, e)) });
  }
  return section(`kommun-${k.scbCode}-lofte-${l.lofte.id}`, lofteName(l), blocks);
}

function kommunPage(input: TemplateInput, k: Kommun, loften: ReportLofte[], single: boolean): Section {
  const { sel } = input;
  const asOfDay = progressDay(input);
  const name = kommunLongName(k.name);
  const blocks: Block[] = [
    {
      kind: 'text',
      text: `Varje år lovar polisen och ${name} invånarna att göra konkreta saker för att det ska bli tryggare. Här är vad vi lovade för ${periodLabel(sel.from, sel.to)} och vad vi har gjort.`,
    },
  ];
  if (asOfDay < sel.to) {
    blocks.push({
      kind: 'note',
      text: `Perioden är inte slut: det vi har gjort räknas till och med ${longDay(asOfDay)}.`,
    });
  }
  blocks.push(slot(input.ctx, `kommun-${k.scbCode}`, `Några meningar till invånarna i ${name}, utan fackord.`));
  if (loften.length === 0) {
    blocks.push({
      kind: 'text',
      text: `För ${periodLabel(sel.from, sel.to)} finns inget beslutat medborgarlöfte för ${name}.`,
    });
  }
  return section(
    `kommun-${k.scbCode}`,
    single ? 'Det här lovade vi – det här har vi gjort' : name,
    blocks,
    loften.map((l) => lofteSection(input, k, l)),
  );
}

export const medborgare: TemplateBuilder = (input) => {
  const loften = loftenIn(input, input.sel.from, input.sel.to, true);
  const single = input.area.kind === 'kommun';
  return {
    subtitle: 'Det här lovade vi – det här har vi gjort',
    chapters: input.area.kommuner.map((k) =>
      kommunPage(
        input,
        k,
        loften.filter((l) => l.kommun.id === k.id),
        single,
      ),
    ),
  };
};
