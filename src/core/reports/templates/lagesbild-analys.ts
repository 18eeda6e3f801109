/**
 * Analys and Åtgärdsplan. The significant changes are the Förändring dashboard's rows (`changeTable`): both
 * counts, z, the verdict, small counts flagged, never a percentage. The prioritised problems are the
 * fokusområden of the samverkansöverenskommelser covering the area and period, and the problems of the
 * kommun's åtgärdsplan (its åtgärder's problems, as the Åtgärdsplan screen shows them); each gets its
 * orsaksanalys in the crime triangle's three parts and a text of the user's own.
 */
import type { Block, Section } from '../../../shared/report';
import { comparisonSentences } from '../../../shared/period-text';
import { formatInteger } from '../../../shared/format';
import { categoryLabel } from '../../../shared/taxonomy';
import { MEASURE_STATUS_LABELS, measureProblem, type Measure } from '../../../shared/walks';
import { getAgreement, listAgreements } from '../../lofte/agreements';
import { section, slot } from '../common';
import {
  anyHidden,
  changeCells,
  comparedText,
  figure,
  isSignificant,
  registerSource,
  span,
  type LagesbildData,
} from './lagesbild-data';

const NOT_GIVEN = 'Ej angiven';

function forandringar(d: LagesbildData): Block[] {
  const c = d.change;
  if (!d.comparable) return [{ kind: 'text', text: d.notComparable ?? '' }];
  const significant = c.rows.filter(isSignificant).sort((a, b) => Math.abs(b.z ?? 0) - Math.abs(a.z ?? 0));
  const judged = c.rows.filter((r) => r.verdict !== 'for_fa').length;
  const intro = [
    `Varje kommun och kategori ${comparedText(d)}.`,
    ...comparisonSentences(c.comparison),
    `${formatInteger(judged)} av ${formatInteger(c.rows.length)} par av kommun och kategori hade tillräckligt många händelser för att bedömas; ${formatInteger(significant.length)} har en säkerställd förändring.`,
  ].join(' ');
  const blocks: Block[] = [{ kind: 'text', text: intro }];
  if (significant.length === 0) return blocks;
  const label = (r: (typeof significant)[number]) =>
    `${categoryLabel(r.category)}${d.isLpo ? ` (${d.name(r.kommunId)})` : ''}`;
  blocks.push(
    figure(
      'forandringar',
      `Säkerställda förändringar, ${comparedText(d)}`,
      {
        head: [
          ...(d.isLpo ? ['Kommun'] : []),
          'Kategori',
          `Nu (${span(c.current)})`,
          `Före (${span(c.previous)})`,
          'z',
          'Bedömning',
        ],
        rows: significant.map((r) => [
          ...(d.isLpo ? [d.name(r.kommunId)] : []),
          categoryLabel(r.category),
          ...changeCells(d, r, [r.kommunId]),
        ]),
      },
      {
        chart: {
          type: 'bars',
          labels: significant.map(label),
          series: [
            {
              name: 'z',
              values: significant.map((r) => (anyHidden(d, [r.current, r.previous], [r.kommunId]) ? null : r.z)),
            },
          ],
          unit: 'z (gräns ±1,96)',
        },
        alt: `Stapeldiagram: z för de ${significant.length} säkerställda förändringarna; positivt är en ökning, negativt en minskning, gränsen är ±1,96.`,
        source: registerSource(d),
        note: 'z = √2(√nu − √före); |z| ≥ 1,96 är en säkerställd förändring. Par med färre än 10 händelser sammanlagt, eller färre än 5 i båda perioderna, bedöms inte.',
      },
    ),
  );
  return blocks;
}

/** A short stable hash (FNV-1a, base 36) so a problem's text key survives reordering. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const given = (s: string) => (s.trim() ? s.trim() : NOT_GIVEN);

/** The measures of the åtgärdsplan that belong to the period: due in it, or still open from before it. */
export function planMeasures(d: LagesbildData): Measure[] {
  return d.input.ctx.r.walks
    .measures({ kommunIds: d.kommunIds, inPlan: true })
    .filter(
      (m) =>
        (m.dueDay >= d.from && m.dueDay <= d.to) ||
        (m.dueDay < d.from && (m.status === 'planerad' || m.status === 'pagar')),
    );
}

function problemSection(d: LagesbildData, id: string, title: string, facts: { label: string; value: string }[]) {
  return section(`analys-problem-${id}`, title, [
    { kind: 'facts', items: facts },
    slot(
      d.input.ctx,
      `problem-${id}`,
      'Orsaksanalys: vilka drabbas, vilka begår brotten, vad gör platsen möjlig – och vilka åtgärder följer av det.',
    ),
  ]);
}

function problems(d: LagesbildData): Section[] {
  const db = d.db;
  const out: Section[] = [];
  const agreements = listAgreements(db).filter(
    (a) => a.periodFrom <= d.to && a.periodTo >= d.from && a.kommunIds.some((k) => d.kommunIds.includes(k)),
  );
  for (const summary of agreements) {
    const a = getAgreement(db, summary.id);
    for (const fa of a.focusAreas) {
      out.push(
        problemSection(d, `fa-${fa.id}`, `Fokusområde: ${fa.title}`, [
          { label: 'Överenskommelse', value: `${a.title} (${a.periodFrom} – ${a.periodTo})` },
          { label: 'Problem', value: given(fa.problem) },
          { label: 'Brottsutsatt', value: given(fa.causeVictim) },
          { label: 'Gärningsperson', value: given(fa.causeOffender) },
          { label: 'Plats', value: given(fa.causePlace) },
          { label: 'Övrigt', value: given(fa.causes) },
          { label: 'Mål', value: given(fa.goals) },
          { label: 'Uppföljning', value: given(fa.followUp) },
        ]),
      );
    }
  }
  const groups = new Map<string, { kommunId: number; problem: string; measures: Measure[] }>();
  for (const m of planMeasures(d)) {
    const problem = measureProblem(m) || m.viewName || m.lofteTitle || '';
    const key = `${m.kommunId}\u0001${problem}`;
    const g = groups.get(key) ?? { kommunId: m.kommunId, problem, measures: [] };
    g.measures.push(m);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const scb = d.kommuner.find((k) => k.id === g.kommunId)?.scbCode ?? String(g.kommunId);
    const places = [
      ...new Set(
        g.measures
          .map((m) => m.observationLabel?.slice(0, m.observationLabel.lastIndexOf(': ')))
          .filter((p): p is string => !!p),
      ),
    ];
    const views = [...new Set(g.measures.map((m) => m.viewName).filter((v): v is string => !!v))];
    const loften = [...new Set(g.measures.map((m) => m.lofteTitle).filter((v): v is string => !!v))];
    out.push(
      problemSection(d, `plan-${scb}-${hash(g.problem)}`, `Åtgärdsplanen: ${g.problem || 'problem utan rubrik'}`, [
        ...(d.isLpo ? [{ label: 'Kommun', value: d.name(g.kommunId) }] : []),
        ...(views.length ? [{ label: 'Underlag', value: `Sparad vy: ${views.join(', ')}` }] : []),
        ...(loften.length ? [{ label: 'Löfte', value: loften.join(', ') }] : []),
        { label: 'Brottsutsatt', value: NOT_GIVEN },
        { label: 'Gärningsperson', value: NOT_GIVEN },
        { label: 'Plats', value: places.length ? places.join(', ') : NOT_GIVEN },
        { label: 'Övrigt', value: NOT_GIVEN },
        {
          label: 'Åtgärder',
          value: g.measures.map((m) => `${m.what} (${MEASURE_STATUS_LABELS[m.status].toLowerCase()})`).join('; '),
        },
      ]),
    );
  }
  return out;
}

export function analysChapter(d: LagesbildData): Section {
  const list = problems(d);
  return section(
    'analys',
    'Analys',
    [
      {
        kind: 'text',
        text: list.length
          ? `Prioriterade problem: ${list.length} (fokusområden i samverkansöverenskommelsen och problem i åtgärdsplanen). Varje problem har sin orsaksanalys i tre delar – brottsutsatt, gärningsperson och plats – och övrigt.`
          : 'Ingen samverkansöverenskommelse eller åtgärdsplan med problem omfattar området och perioden.',
      },
      slot(
        d.input.ctx,
        'analys',
        'Analysera kartläggningen: var problemen är störst, hur läget är jämfört med andra och över tid, och vilka problem som prioriteras och varför.',
      ),
    ],
    [section('analys-forandringar', 'Säkerställda förändringar', forandringar(d)), ...list],
  );
}

export function atgardsplanChapter(d: LagesbildData): Section {
  const measures = planMeasures(d);
  const rule = `Åtgärder i åtgärdsplanen med datum ${span({ fromDay: d.from, toDay: d.to })}, och åtgärder från tidigare som ännu inte är klara. Status per ${d.input.ctx.today}.`;
  const blocks: Block[] = [{ kind: 'text', text: rule }];
  if (measures.length === 0) {
    blocks.push({ kind: 'text', text: 'Åtgärdsplanen har inga sådana åtgärder.' });
  } else {
    blocks.push(
      figure(
        'atgarder',
        `Åtgärdsplan, ${d.input.area.name}`,
        {
          head: [...(d.isLpo ? ['Kommun'] : []), 'Problem', 'Åtgärd', 'Ansvarig', 'Klart senast', 'Löfte', 'Status'],
          rows: measures.map((m) => [
            ...(d.isLpo ? [d.name(m.kommunId)] : []),
            measureProblem(m),
            m.what,
            m.responsible,
            m.dueDay,
            m.lofteTitle ?? '',
            `${MEASURE_STATUS_LABELS[m.status]}${m.overdue ? ' (försenad)' : ''}${m.status === 'avslagen' && m.declineReason ? `: ${m.declineReason}` : ''}`,
          ]),
        },
        { source: `Källa: åtgärdsplanen i Lägesbild, per ${d.input.ctx.today}.` },
      ),
    );
  }
  blocks.push(
    slot(
      d.input.ctx,
      'atgardsplan',
      'Kommentera åtgärdsplanen: hur åtgärderna följer av orsaksanalysen och vad som behöver beslutas.',
    ),
  );
  return section('atgardsplan', 'Åtgärdsplan', blocks);
}
