/**
 * Medborgarlöfte: the document for signing and publishing. Background and problem picture with the
 * evidence's figures (and, once decided, the effect goal against them, as the löfte screen shows it), the
 * fokusområde it belongs to, "Polisen åtar sig / Kommunen åtar sig / Tillsammans" with the measurable
 * activities as the löfte screen words them, how it is followed up, and a signature block. A löfte never
 * decided prints its current text marked UTKAST; a decided one prints the decided version, whatever is
 * being drafted since. Public: incident counts go through the publication rule.
 */
import type { Block, Section } from '../../../shared/report';
import { activityText } from '../../../shared/diff';
import type { LofteActivity, Responsible } from '../../../shared/lofte';
import { kommunLongName, periodLabel, section, slot } from '../common';
import { effectFigure, focusFacts, lofteFacts } from './lofte-blocks';
import { effectOf, lofteName, selectedLofte, type ReportLofte } from './lofte-data';
import { evidenceFigure } from './lofte-evidence';
import type { TemplateBuilder, TemplateInput } from './types';

/** Who takes an activity on, in the order the document lists them. */
/** The three parts always print (`none`: what an empty one says); "Ansvarig inte bestämd" only when used. */
const GROUPS: { id: string; title: string; who: (Responsible | null)[]; none: string | null }[] = [
  {
    id: 'polisen',
    title: 'Polisen åtar sig',
    who: ['polis'],
    none: 'Inga aktiviteter med Polisen ensam som ansvarig.',
  },
  {
    id: 'kommunen',
    title: 'Kommunen åtar sig',
    who: ['kommun'],
    none: 'Inga aktiviteter med kommunen ensam som ansvarig.',
  },
  { id: 'tillsammans', title: 'Tillsammans', who: ['gemensamt', 'partner'], none: 'Inga gemensamma aktiviteter.' },
  { id: 'ansvar-saknas', title: 'Ansvarig inte bestämd', who: [null], none: null },
];

function statusNotes(l: ReportLofte): Block[] {
  if (l.decision === null) {
    return [
      {
        kind: 'note',
        text: `Utkast: löftet är inte beslutat (${l.lofte.state === 'for_granskning' ? 'för granskning' : 'utkast'}, version ${l.lofte.version}). Texten kan ändras före beslut.`,
      },
    ];
  }
  if (l.newerDraft) {
    return [
      {
        kind: 'note',
        text: `Det här är den beslutade versionen (version ${l.decision.version}). En ny version (${l.lofte.version}) är under arbete och ingår inte.`,
      },
    ];
  }
  return [];
}

function background(input: TemplateInput, l: ReportLofte): Section {
  const evidence = evidenceFigure('underlag', input, l);
  const effects = effectOf(input, l);
  return section('bakgrund', 'Bakgrund och problembild', [
    ...statusNotes(l),
    { kind: 'facts', items: lofteFacts(l) },
    { kind: 'text', text: l.content.problem.trim() || 'Problemet är inte beskrivet än.' },
    slot(
      input.ctx,
      'bakgrund',
      'Hur problembilden togs fram: lägesbilden, medborgardialog, EST, polisens underrättelser.',
    ),
    ...(evidence ? [evidence] : [{ kind: 'text' as const, text: 'Löftet har inget underlag kopplat.' }]),
    ...(effects.length ? [effectFigure('effekt', 'Effektmålet mot underlaget', input, effects)] : []),
  ]);
}

function focusChapter(l: ReportLofte): Section {
  if (!l.focus) {
    return section('fokusomrade', 'Fokusområde', [
      { kind: 'text', text: 'Löftet är inte kopplat till något fokusområde i en samverkansöverenskommelse.' },
    ]);
  }
  const { area, agreement } = l.focus;
  const facts = focusFacts(area, true);
  return section('fokusomrade', 'Fokusområde', [
    {
      kind: 'text',
      text: `Löftet hör till fokusområdet "${area.title}" i ${agreement.title} (${periodLabel(agreement.periodFrom, agreement.periodTo)}).`,
    },
    ...(facts.length ? [{ kind: 'facts' as const, items: facts }] : []),
  ]);
}

function commitments(l: ReportLofte): Section {
  const groups = GROUPS.map((g) => ({
    ...g,
    activities: l.content.activities.filter((a: LofteActivity) => g.who.includes(a.responsible)),
  })).filter((g) => g.activities.length > 0 || g.none !== null);
  return section(
    'atagande',
    'Det här lovar vi',
    [
      ...(l.content.activities.length ? [] : [{ kind: 'text' as const, text: 'Löftet har inga aktiviteter än.' }]),
      {
        kind: 'facts',
        items: [{ label: 'Effektmål', value: l.content.effectGoal.trim() || 'Inte angivet' }],
      },
    ],
    // All three parts always print: a signed löfte says plainly when a party has no activity of its own.
    l.content.activities.length === 0
      ? []
      : groups.map((g) =>
          section(`atagande-${g.id}`, g.title, [
            g.activities.length
              ? { kind: 'list', items: g.activities.map(activityText) }
              : { kind: 'text', text: g.none ?? '' },
          ]),
        ),
  );
}

function followUp(l: ReportLofte): Section {
  const blocks: Block[] = [
    { kind: 'text', text: l.content.followUp.trim() || 'Hur löftet följs upp är inte beskrivet än.' },
    {
      kind: 'text',
      text:
        'Varje aktivitet följs upp mot sitt mål i hela aktiviteter: det som ska vara gjort en dag är målet fördelat ' +
        'jämnt över perioden fram till den dagen. Effektmålet prövas mot underlaget när nya siffror finns: nästa ' +
        'trygghetsmätning, och händelserna under perioden mot perioden före.',
    },
  ];
  if (l.focus?.area.followUp.trim()) {
    blocks.push({
      kind: 'facts',
      items: [{ label: 'Fokusområdets uppföljning', value: l.focus.area.followUp.trim() }],
    });
  }
  return section('uppfoljning', 'Så följs löftet upp', blocks);
}

function signatures(input: TemplateInput, l: ReportLofte): Section {
  const lpo = input.area.lpo.name;
  return section('underskrifter', 'Underskrifter', [
    {
      kind: 'signatures',
      signers: [
        {
          role: `Lokalpolisområdeschef, lokalpolisområde ${lpo}`,
          name: l.focus?.agreement.signedByLpo.trim() ?? '',
          date: '',
        },
        {
          role: `Kommunstyrelsens ordförande, ${kommunLongName(l.kommun.name)}`,
          name: l.focus?.agreement.signedByKommun.trim() ?? '',
          date: '',
        },
      ],
    },
  ]);
}

export const medborgarlofte: TemplateBuilder = (input) => {
  const l = selectedLofte(input, input.sel.lofteId);
  return {
    subtitle: `Medborgarlöfte från ${kommunLongName(l.kommun.name)} och Polisen, lokalpolisområde ${input.area.lpo.name}, ${periodLabel(l.lofte.periodFrom, l.lofte.periodTo)}`,
    defaultTitle: lofteName(l),
    period: { from: l.lofte.periodFrom, to: l.lofte.periodTo },
    draft: l.decision === null,
    chapters: [background(input, l), focusChapter(l), commitments(l), followUp(l), signatures(input, l)],
  };
};
