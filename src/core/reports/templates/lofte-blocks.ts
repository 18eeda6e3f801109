/**
 * Blocks the löfte templates share: the note for a period past the latest data, a löfte's state and
 * decision in words, its progress and effect check as tables (the löfte screen's numbers and words), and
 * åtgärder as the åtgärdsplan lists them. Incident counts go through the publication rule (`input.counts`).
 */
import type { Block, Figure } from '../../../shared/report';
import { formatDecimal1, formatInteger } from '../../../shared/format';
import { CADENCE_LABELS, LOFTE_STATE_LABELS, RESPONSIBLE_LABELS, type LofteActivity } from '../../../shared/lofte';
import { EFFECT_LABELS, type ActivityProgress, type BucketDto } from '../../../shared/lofte-api';
import { formatSurveyValue } from '../../../shared/survey';
import { MEASURE_STATUS_LABELS, measureProblem, type Measure } from '../../../shared/walks';
import { localDay } from '../../../shared/time';
import { minDay } from '../../../shared/calendar';
import type { AgreementFocusArea } from '../../../shared/agreements';
import { longDay, periodLabel } from '../common';
import type { EvidenceEffect, ReportLofte } from './lofte-data';
import type { TemplateInput } from './types';

export function fig(
  id: string,
  caption: string,
  head: string[],
  rows: string[][],
  extra: { source?: string; note?: string; align?: ('left' | 'right')[] } = {},
): Figure {
  const { align, ...rest } = extra;
  return { kind: 'figure', id, caption, table: { head, rows, ...(align ? { align } : {}) }, ...rest };
}

/** The period runs past the latest data: say so, and that incidents are compared over complete periods only. */
export function incompleteNote(input: TemplateInput): Block[] {
  const { asOf, sel } = input;
  if (asOf !== null && asOf >= sel.to) return [];
  const data =
    asOf === null
      ? 'Det finns ännu inga händelsedata.'
      : `Händelsedata finns till och med ${longDay(asOf)}, före periodens slut (${longDay(sel.to)}).`;
  return [
    {
      kind: 'note',
      text:
        `Perioden är inte slut. ${data} Händelser jämförs bara över perioder med data (lika många dagar i ` +
        `perioden före). Utförda aktiviteter räknas till och med ${longDay(minDay(input.ctx.today, sel.to))}.`,
    },
  ];
}

/** "Beslutad", "Utkast (version 2)". */
export function stateText(l: ReportLofte): string {
  return `${LOFTE_STATE_LABELS[l.lofte.state]} (version ${l.lofte.version})`;
}

/** "2 december 2016, KS 2016-12-01 § 5" or "Inte beslutat". */
export function decisionText(l: ReportLofte): string {
  if (!l.decision) return 'Inte beslutat';
  const day = longDay(localDay(l.decision.savedAt));
  return `${day}${l.decision.protocolRef ? `, ${l.decision.protocolRef}` : ''} (version ${l.decision.version})`;
}

export const lofteFacts = (l: ReportLofte): { label: string; value: string }[] => [
  { label: 'Kommun', value: l.kommun.name },
  { label: 'Period', value: periodLabel(l.lofte.periodFrom, l.lofte.periodTo) },
  { label: 'Läge', value: stateText(l) },
  { label: 'Beslutat', value: decisionText(l) },
  ...(l.focus ? [{ label: 'Fokusområde', value: `${l.focus.area.title} (${l.focus.agreement.title})` }] : []),
];

/** "Polisen", "Klippanbostäder", "Ej angivet". */
export function responsibleText(a: LofteActivity): string {
  if (a.responsible === 'partner') return a.partner.trim() || 'Namngiven partner';
  return a.responsible ? RESPONSIBLE_LABELS[a.responsible] : 'Ej angivet';
}

/** "minst 2 per månad", as the löfte screen words a target. */
export function targetText(a: LofteActivity): string {
  return `${a.quantity ? `minst ${a.quantity}` : 'antal saknas'} ${a.cadence ? CADENCE_LABELS[a.cadence] : 'takt saknas'}`;
}

/** The löfte screen's word for an activity's state (FollowUp: "enligt plan" / "efter plan"). */
export function scheduleWord(l: ReportLofte, asOfDay: string, p: ActivityProgress): string {
  if (!p.schedule) return 'Kan inte mätas (antal eller takt saknas)';
  if (asOfDay < l.lofte.periodFrom) return 'Kommande';
  return p.schedule.behind ? 'Efter plan' : 'Enligt plan';
}

/** Each activity: target for the whole period, due and done through `asOfDay`, on plan or behind. */
export function progressFigure(id: string, l: ReportLofte, progress: ActivityProgress[], asOfDay: string): Figure {
  const through = longDay(asOfDay);
  const rows = progress.map((p) => {
    const a = l.content.activities.find((x) => x.key === p.key)!;
    const s = p.schedule;
    return [
      a.kind.trim() || 'Aktivitet',
      responsibleText(a),
      targetText(a),
      s ? formatInteger(s.total) : '–',
      s ? formatInteger(s.required) : '–',
      formatInteger(s ? s.done : p.done),
      scheduleWord(l, asOfDay, p),
    ];
  });
  return fig(
    id,
    `Mål och utfört till och med ${through}: ${l.content.title.trim() || `löfte ${l.lofte.id}`}`,
    ['Aktivitet', 'Ansvarig', 'Mål', 'Hela perioden', `Att göra t.o.m. ${asOfDay}`, 'Gjort', 'Läge'],
    rows,
    {
      align: ['left', 'left', 'left', 'right', 'right', 'right', 'left'],
      note:
        'Målen är hela aktiviteter: det som ska vara gjort en dag är den hela delen av målet fördelat jämnt över ' +
        'perioden fram till den dagen. Läget jämför allt som gjorts sedan periodens början med det.',
      source: `Källa: löftets uppföljning i Lägesbild (registrerade aktiviteter till och med ${through}).`,
    },
  );
}

/** As FollowUp's stretch rows: "Pågår, efter plan" (running: the stretch holds today, not only the report's end). */
function bucketWord(b: BucketDto, today: string): string {
  if (b.status === 'kommande') return 'Kommande';
  const word = b.status === 'efter_plan' ? 'Efter plan' : 'Enligt plan';
  return b.fromDay <= today && today <= b.toDay ? `Pågår, ${word.toLowerCase()}` : word;
}

/** The stretches (months, quarters) of each activity that overlap from..to; null when there are none. */
export function stretchFigure(
  input: TemplateInput,
  id: string,
  caption: string,
  l: ReportLofte,
  progress: ActivityProgress[],
  from: string,
  to: string,
): Figure | null {
  const rows: string[][] = [];
  for (const p of progress) {
    const a = l.content.activities.find((x) => x.key === p.key)!;
    for (const b of p.buckets) {
      if (b.toDay < from || b.fromDay > to) continue;
      rows.push([
        a.kind.trim() || 'Aktivitet',
        b.label,
        formatInteger(b.target),
        formatInteger(b.done),
        b.status === 'kommande' ? '–' : `${formatInteger(b.doneSoFar)} av ${formatInteger(b.dueSoFar)}`,
        bucketWord(b, input.ctx.today),
      ]);
    }
  }
  if (rows.length === 0) return null;
  return fig(id, caption, ['Aktivitet', 'Period', 'Mål', 'Gjort', 'Hittills gjort av mål', 'Läge'], rows, {
    align: ['left', 'left', 'right', 'right', 'right', 'left'],
  });
}

/** A value before or after, as printed: incident counts through the publication rule. */
export function effectValue(input: TemplateInput, e: EvidenceEffect, side: 'before' | 'after'): string {
  const v = e.check[side];
  if (!v) return '–';
  const value =
    e.check.kind === 'incidents'
      ? input.counts.text(v.value, e.kommunIds)
      : e.evidence.kind === 'survey'
        ? formatSurveyValue(e.evidence.indicator, v.value)
        : formatDecimal1(v.value);
  return `${value} (${v.label})`;
}

/** Whether a check's counts are printed as "färre än 3" (then z, which would reveal them, is not shown). */
export function effectHidden(input: TemplateInput, e: EvidenceEffect): boolean {
  if (e.check.kind !== 'incidents') return false;
  return [e.check.before, e.check.after].some((v) => v !== null && input.counts.hidden(v.value, e.kommunIds));
}

/** The effect goal against the figures, as the löfte screen shows it: before, after, the verdict and z. */
export function effectFigure(id: string, caption: string, input: TemplateInput, effects: EvidenceEffect[]): Figure {
  const rows = effects.map((e) => [
    e.check.label,
    effectValue(input, e, 'before'),
    effectValue(input, e, 'after'),
    `${EFFECT_LABELS[e.check.verdict]}${e.check.z !== null && !effectHidden(input, e) ? ` (z = ${formatDecimal1(e.check.z)})` : ''}`,
  ]);
  const kinds = new Set(effects.map((e) => e.check.kind));
  const notes = [
    ...new Set(effects.map((e) => e.check.note)),
    ...(kinds.has('survey')
      ? ['Trygghetsmätningen: senaste mätningen före löftets period mot den första från periodens sista år.']
      : []),
    ...(kinds.has('incidents')
      ? [
          'Händelser: löftets period mot lika lång period före, med Poissontest (|z| ≥ 1,96 är en säkerställd förändring).',
        ]
      : []),
  ];
  return fig(id, caption, ['Underlag', 'Före', 'Efter', 'Bedömning'], rows, {
    align: ['left', 'right', 'right', 'left'],
    note: notes.join(' '),
  });
}

/** "Klar", "Pågår, försenad", "Avslagen: Marken är privat …". */
export function measureStatusText(m: Measure): string {
  const base = MEASURE_STATUS_LABELS[m.status];
  if (m.status === 'avslagen' && m.declineReason) return `${base}: ${m.declineReason}`;
  return m.overdue ? `${base}, försenad` : base;
}

/** Where an åtgärd came from: its walk, or written straight into the plan. */
export const measureOrigin = (m: Measure): string =>
  m.walkTitle ? `${m.walkTitle} (${m.walkDay ?? ''})` : 'Åtgärdsplanen';

export type MeasureColumn = 'problem' | 'what' | 'responsible' | 'due' | 'lofte' | 'origin' | 'status';
const MEASURE_HEAD: Record<MeasureColumn, string> = {
  problem: 'Problem',
  what: 'Åtgärd',
  responsible: 'Ansvarig',
  due: 'Klart senast',
  lofte: 'Löfte',
  origin: 'Från',
  status: 'Status',
};
const measureCell = (m: Measure, c: MeasureColumn): string =>
  c === 'problem'
    ? measureProblem(m)
    : c === 'what'
      ? m.what
      : c === 'responsible'
        ? m.responsible
        : c === 'due'
          ? m.dueDay
          : c === 'lofte'
            ? (m.lofteTitle ?? '')
            : c === 'origin'
              ? measureOrigin(m)
              : measureStatusText(m);

/** Åtgärder as a table, in the columns asked for (the first is each row's heading). */
export function measureFigure(id: string, caption: string, measures: Measure[], columns: MeasureColumn[]): Figure {
  return fig(
    id,
    caption,
    columns.map((c) => MEASURE_HEAD[c]),
    measures.map((m) => columns.map((c) => measureCell(m, c))),
    { align: columns.map(() => 'left') },
  );
}

/** "3 klara, 1 pågår (1 försenad), 1 avslagen". */
export function measureTally(measures: Measure[]): string {
  if (measures.length === 0) return 'inga åtgärder';
  const n = (pred: (m: Measure) => boolean) => measures.filter(pred).length;
  const parts = [
    [n((m) => m.status === 'klar'), 'klar', 'klara'],
    [n((m) => m.status === 'pagar'), 'pågår', 'pågår'],
    [n((m) => m.status === 'planerad'), 'planerad', 'planerade'],
    [n((m) => m.status === 'avslagen'), 'avslagen', 'avslagna'],
  ] as const;
  const text = parts
    .filter(([k]) => k > 0)
    .map(([k, one, many]) => `${formatInteger(k)} ${k === 1 ? one : many}`)
    .join(', ');
  const late = n((m) => m.overdue);
  return late > 0 ? `${text} (${formatInteger(late)} ${late === 1 ? 'försenad' : 'försenade'})` : text;
}

/**
 * A fokusområde's parts as label–value pairs: problem, the orsaksanalys in the crime triangle's three parts
 * (brottsutsatt, gärningsperson, plats) and "övrigt", goals, follow-up — as the agreement form labels them.
 * `skipEmpty`: parts not written are left out (a published document), else they say "Inte angivet" (a
 * document for signing shows what is missing).
 */
export function focusFacts(area: AgreementFocusArea, skipEmpty = false): { label: string; value: string }[] {
  return [
    { label: 'Problem', value: area.problem },
    { label: 'Orsaksanalys: brottsutsatt', value: area.causeVictim },
    { label: 'Orsaksanalys: gärningsperson', value: area.causeOffender },
    { label: 'Orsaksanalys: plats', value: area.causePlace },
    { label: 'Orsaksanalys: övrigt', value: area.causes },
    { label: 'Mål', value: area.goals },
    { label: 'Dokumentation och uppföljning', value: area.followUp },
  ]
    .filter((f) => !skipEmpty || f.value.trim())
    .map((f) => ({ label: f.label, value: f.value.trim() || 'Inte angivet' }));
}
