/**
 * Samverkansöverenskommelse, for signing: the parties, the period, each fokusområde with its problem,
 * orsaksanalys, goals and follow-up, the medborgarlöften under it, and a signature block. The agreement
 * of the selection (`agreementId`), else the one covering the area and the period (`listAgreements`,
 * `getAgreement`, as the Samverkansöverenskommelser screen reads them).
 */
import { AppError } from '../../../shared/errors';
import type { Agreement } from '../../../shared/agreements';
import { LOFTE_STATE_LABELS } from '../../../shared/lofte';
import type { Block, Section } from '../../../shared/report';
import { getAgreement, listAgreements } from '../../lofte/agreements';
import { kommunLongName, longDay, periodLabel, section, slot } from '../common';
import { fig, focusFacts } from './lofte-blocks';
import type { TemplateBuilder, TemplateInput } from './types';

/** The agreement the selection names, or the one covering the area and the period. */
export function chosenAgreement(input: TemplateInput): { agreement: Agreement; others: string[] } {
  const { ctx, sel, area } = input;
  const db = ctx.r.db;
  const ours = (kommunIds: number[]) => kommunIds.some((id) => area.kommuner.some((k) => k.id === id));
  if (sel.agreementId !== undefined) {
    const agreement = getAgreement(db, sel.agreementId);
    if (!ours(agreement.kommunIds)) {
      throw new AppError(
        'validation',
        `Samverkansöverenskommelsen "${agreement.title}" (id ${agreement.id}) gäller inte ${area.name}.`,
      );
    }
    return { agreement, others: [] };
  }
  const candidates = listAgreements(db)
    .filter((a) => ours(a.kommunIds) && a.periodFrom <= sel.to && a.periodTo >= sel.from)
    // The one covering the whole period first, then the latest.
    .sort(
      (a, b) =>
        Number(b.periodFrom <= sel.from && b.periodTo >= sel.to) -
          Number(a.periodFrom <= sel.from && a.periodTo >= sel.to) || b.periodFrom.localeCompare(a.periodFrom),
    );
  const first = candidates[0];
  if (!first) {
    throw new AppError(
      'not_found',
      `Det finns ingen samverkansöverenskommelse för ${area.name} som gäller ${periodLabel(sel.from, sel.to)}. Skapa en under Medborgarlöften → Samverkansöverenskommelser, eller välj en annan period.`,
    );
  }
  return { agreement: getAgreement(db, first.id), others: candidates.slice(1).map((a) => a.title) };
}

function kommunNames(input: TemplateInput, ids: number[]): string[] {
  const all = input.ctx.r.reference.kommuner();
  return ids.map((id) => kommunLongName(all.find((k) => k.id === id)?.name ?? `kommun ${id}`));
}

function parties(input: TemplateInput, a: Agreement, others: string[]): Section {
  const kommuner = kommunNames(input, a.kommunIds);
  const blocks: Block[] = [
    {
      kind: 'facts',
      items: [
        { label: 'Parter', value: `Polisen, lokalpolisområde ${input.area.lpo.name}, och ${kommuner.join(', ')}` },
        { label: 'Period', value: periodLabel(a.periodFrom, a.periodTo) },
        { label: 'Undertecknad', value: a.signedOn ? longDay(a.signedOn) : 'Inte undertecknad' },
        { label: 'Fokusområden', value: String(a.focusAreas.length) },
      ],
    },
    {
      kind: 'text',
      text:
        'Överenskommelsen anger de problem parterna prioriterar (fokusområden), deras troliga orsaker ' +
        '(orsaksanalys), avgränsade och mätbara mål, hur arbetet dokumenteras och hur det följs upp. ' +
        'Medborgarlöftena är dess offentliga del: konkreta aktiviteter som polisen och kommunen lovar invånarna.',
    },
  ];
  if (others.length) {
    blocks.push({ kind: 'note', text: `Fler överenskommelser gäller delar av perioden: ${others.join(', ')}.` });
  }
  blocks.push(slot(input.ctx, 'sammanfattning', 'Inledning: varför parterna samverkar och vad de vill uppnå.'));
  return section('parter', 'Parter och period', blocks);
}

function focusSections(input: TemplateInput, a: Agreement): Section {
  const loften = input.ctx.r.loften.list(a.kommunIds);
  const kommun = new Map(input.ctx.r.reference.kommuner().map((k) => [k.id, k.name]));
  const subs = a.focusAreas.map((f, i) => {
    const under = loften.filter((l) => l.focusAreaId === f.id).sort((x, y) => x.periodFrom.localeCompare(y.periodFrom));
    const id = `fokus-${f.id}`;
    return section(id, `Fokusområde ${i + 1}: ${f.title}`, [
      { kind: 'facts', items: focusFacts(f) },
      under.length
        ? fig(
            `${id}-loften`,
            `Medborgarlöften under ${f.title}`,
            ['Löfte', 'Kommun', 'Period', 'Läge'],
            under.map((l) => [
              l.content.title.trim() || `Löfte ${l.id}`,
              kommun.get(l.kommunId) ?? '',
              periodLabel(l.periodFrom, l.periodTo),
              LOFTE_STATE_LABELS[l.state],
            ]),
            { align: ['left', 'left', 'left', 'left'] },
          )
        : { kind: 'text', text: 'Inga medborgarlöften under fokusområdet än.' },
    ]);
  });
  return section(
    'fokusomraden',
    'Fokusområden',
    subs.length ? [] : [{ kind: 'text', text: 'Överenskommelsen har inga fokusområden än.' }],
    subs,
  );
}

function signatures(input: TemplateInput, a: Agreement): Section {
  const kommuner = kommunNames(input, a.kommunIds);
  const date = a.signedOn ? longDay(a.signedOn) : '';
  return section('underskrifter', 'Underskrifter', [
    {
      kind: 'signatures',
      signers: [
        {
          role: `Lokalpolisområdeschef, lokalpolisområde ${input.area.lpo.name}`,
          name: a.signedByLpo.trim(),
          date,
        },
        {
          role: `Kommunstyrelsens ordförande${kommuner.length === 1 ? `, ${kommuner[0]}` : ''}`,
          name: a.signedByKommun.trim(),
          date,
        },
      ],
    },
  ]);
}

export const overenskommelse: TemplateBuilder = (input) => {
  const { agreement, others } = chosenAgreement(input);
  const kommuner = kommunNames(input, agreement.kommunIds);
  return {
    subtitle: `Samverkansöverenskommelse mellan Polisen, lokalpolisområde ${input.area.lpo.name}, och ${kommuner.join(', ')}, ${periodLabel(agreement.periodFrom, agreement.periodTo)}`,
    defaultTitle: agreement.title,
    period: { from: agreement.periodFrom, to: agreement.periodTo },
    chapters: [parties(input, agreement, others), focusSections(input, agreement), signatures(input, agreement)],
  };
};
