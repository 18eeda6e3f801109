/**
 * The åtgärdsplan (the plan's åtgärder under their problems, as `measures.list` has them) and the
 * samverkansöverenskommelse (the agreement as `agreements.get` has it, chosen by id or by area and period).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { LOFTE_STATE_LABELS } from '../../src/shared/lofte';
import { MEASURE_STATUS_LABELS, measureProblem } from '../../src/shared/walks';
import type { ReportSelection } from '../../src/shared/report';
import { longDay } from '../../src/core/reports/common';
import { allBlocks, buildFor, demoWorkspace, documentText } from '../helpers/report';
import type { TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
beforeAll(async () => {
  t = await demoWorkspace();
}, 120_000);
afterAll(() => t.close());

const YEAR = { from: '2026-01-01', to: '2026-12-31' } as const;
const KLIPPAN = { kind: 'kommun', kommunCode: '1276' } as const;

async function kommunId(scbCode: string): Promise<number> {
  return (await t.call('reference.get', {})).kommuner.find((k) => k.scbCode === scbCode)!.id;
}

function buildError(sel: ReportSelection): AppError {
  try {
    buildFor(t, sel);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('Dokumentet byggdes men skulle ha nekats');
}

describe('åtgärdsplan', () => {
  it('varje åtgärd i planen under sitt problem, med ansvarig, datum, status och löfte', async () => {
    const klippan = await kommunId('1276');
    const plan = await t.call('measures.list', { kommunIds: [klippan], inPlan: true });
    expect(plan.length).toBeGreaterThan(2);
    const doc = buildFor(t, { template: 'atgardsplan', area: KLIPPAN, ...YEAR });
    expect(doc.title).toBe('Åtgärdsplan 2026 – Klippans kommun');
    expect(doc.chapters.map((c) => c.title)).toEqual(['Problem och åtgärder']);
    expect(documentText(doc)).toContain('ska kommunen utifrån sin lägesbild besluta om en åtgärdsplan');
    const problems = doc.chapters[0]!.sections;
    expect(problems.map((s) => s.title)).toEqual([...new Set(plan.map(measureProblem))]);
    // Every åtgärd of the plan exactly once, under its own problem, with the plan's columns.
    const printed = problems.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'figure' ? b.table.rows.map((r) => [s.title, ...r]) : [])),
    );
    expect(printed).toEqual(
      expect.arrayContaining(
        plan.map((m) => [
          measureProblem(m),
          m.what,
          m.responsible,
          m.dueDay,
          expect.stringMatching(new RegExp(`^${MEASURE_STATUS_LABELS[m.status]}${m.overdue ? ', försenad' : ''}`)),
          m.lofteTitle ?? '',
          m.walkTitle ? `${m.walkTitle} (${m.walkDay})` : 'Åtgärdsplanen',
        ]),
      ),
    );
    expect(printed).toHaveLength(plan.length);
    expect(plan.some((m) => m.overdue)).toBe(true);
    const late = doc.chapters[0]!.blocks.find((b) => b.kind === 'keyFigures');
    expect(late?.kind === 'keyFigures' && late.items).toEqual([
      { label: 'Problem', value: String(problems.length) },
      { label: 'Åtgärder', value: String(plan.length) },
      { label: 'Försenade', value: String(plan.filter((m) => m.overdue).length) },
    ]);
    // Stable keys: a slot and a figure per problem, by the problem's words.
    const keys = allBlocks(doc).flatMap((b) => (b.kind === 'slot' ? [b.key] : b.kind === 'figure' ? [b.id] : []));
    expect(keys).toContain('problem-nedskrapning-i-centrum');
    expect(keys).toContain('atgarder-nedskrapning-i-centrum');
    // Åtgärder outside the plan are not in it.
    const outside = (await t.call('measures.list', { kommunIds: [klippan] })).filter((m) => !m.inPlan);
    expect(outside.length).toBeGreaterThan(0);
    for (const m of outside) expect(documentText(doc)).not.toContain(m.what);
  });

  it('ett lokalpolisområde får ett kapitel per kommun', () => {
    const doc = buildFor(t, { template: 'atgardsplan', area: { kind: 'lpo', lpo: 'Klippan' }, ...YEAR });
    expect(doc.chapters.map((c) => c.title)).toEqual([
      'Inledning',
      'Bjuvs kommun',
      'Klippans kommun',
      'Perstorps kommun',
      'Svalövs kommun',
      'Åstorps kommun',
    ]);
    expect(doc.chapters[2]!.sections.length).toBeGreaterThan(0);
    expect(documentText(doc)).toContain('Bjuvs kommuns åtgärdsplan har inga åtgärder än.');
    // Ids carry the kommun, so two kommuner's problems never collide.
    expect(allBlocks(doc).some((b) => b.kind === 'figure' && b.id === '1276-atgarder-nedskrapning-i-centrum')).toBe(
      true,
    );
  });
});

describe('samverkansöverenskommelse', () => {
  it('den som gäller kommunen och perioden: parter, fokusområden med orsaksanalys, löften och underskrifter', async () => {
    const klippan = await kommunId('1276');
    const summary = (await t.call('agreements.list', {})).find(
      (a) => a.kommunIds.includes(klippan) && a.periodTo >= '2026-12-31',
    )!;
    const agreement = await t.call('agreements.get', { id: summary.id });
    const doc = buildFor(t, { template: 'overenskommelse', area: KLIPPAN, ...YEAR });
    expect(doc.title).toBe(agreement.title);
    expect(doc.chapters.map((c) => c.title)).toEqual(['Parter och period', 'Fokusområden', 'Underskrifter']);
    const text = documentText(doc);
    expect(text).toContain('Parter: Polisen, lokalpolisområde Klippan, och Klippans kommun');
    expect(text).toContain(`Undertecknad: ${longDay(agreement.signedOn!)}`);
    const areas = doc.chapters[1]!.sections;
    expect(areas.map((s) => s.title)).toEqual(agreement.focusAreas.map((f, i) => `Fokusområde ${i + 1}: ${f.title}`));
    const loften = await t.call('loften.list', { kommunIds: [klippan] });
    agreement.focusAreas.forEach((f, i) => {
      const facts = areas[i]!.blocks.find((b) => b.kind === 'facts');
      const value = (v: string) => v.trim() || 'Inte angivet';
      expect(facts?.kind === 'facts' && facts.items).toEqual([
        { label: 'Problem', value: value(f.problem) },
        { label: 'Orsaksanalys: brottsutsatt', value: value(f.causeVictim) },
        { label: 'Orsaksanalys: gärningsperson', value: value(f.causeOffender) },
        { label: 'Orsaksanalys: plats', value: value(f.causePlace) },
        { label: 'Orsaksanalys: övrigt', value: value(f.causes) },
        { label: 'Mål', value: value(f.goals) },
        { label: 'Dokumentation och uppföljning', value: value(f.followUp) },
      ]);
      const table = areas[i]!.blocks.find((b) => b.kind === 'figure');
      expect(table?.kind === 'figure' && table.table.rows.map((r) => [r[0], r[3]])).toEqual(
        t
          .sql<{ id: number }>('SELECT id FROM lofte WHERE focus_area_id = ? ORDER BY period_from', f.id)
          .map((r) => loften.find((l) => l.id === r.id)!)
          .map((l) => [l.title, LOFTE_STATE_LABELS[l.state]]),
      );
      expect(f.lofteCount).toBeGreaterThan(0);
    });
    expect(agreement.focusAreas.some((f) => f.causeVictim.trim())).toBe(true);
    const sig = doc.chapters[2]!.blocks[0]!;
    expect(sig).toEqual({
      kind: 'signatures',
      signers: [
        {
          role: 'Lokalpolisområdeschef, lokalpolisområde Klippan',
          name: agreement.signedByLpo,
          date: longDay(agreement.signedOn!),
        },
        {
          role: 'Kommunstyrelsens ordförande, Klippans kommun',
          name: agreement.signedByKommun,
          date: longDay(agreement.signedOn!),
        },
      ],
    });
  });

  it('vald med id; ej undertecknad ger tomma rader; fel kommun, okänt id och ingen överenskommelse nekas', async () => {
    const svalov = await kommunId('1214');
    const proposal = (await t.call('agreements.list', {})).find((a) => a.kommunIds.includes(svalov))!;
    expect(proposal.signedOn).toBeNull();
    const doc = buildFor(t, {
      template: 'overenskommelse',
      area: { kind: 'lpo', lpo: 'Klippan' },
      ...YEAR,
      agreementId: proposal.id,
    });
    expect(doc.title).toBe(proposal.title);
    expect(documentText(doc)).toContain('Undertecknad: Inte undertecknad');
    const sig = doc.chapters[2]!.blocks[0]!;
    expect(sig.kind === 'signatures' && sig.signers.map((s) => [s.name, s.date])).toEqual([
      ['', ''],
      ['', ''],
    ]);

    const wrong = buildError({ template: 'overenskommelse', area: KLIPPAN, ...YEAR, agreementId: proposal.id });
    expect(wrong.code).toBe('validation');
    expect(wrong.message).toContain(`"${proposal.title}"`);
    expect(wrong.message).toContain('gäller inte Klippans kommun');
    const unknown = buildError({ template: 'overenskommelse', area: KLIPPAN, ...YEAR, agreementId: 99_999 });
    expect(unknown.code).toBe('not_found');
    expect(unknown.message).toContain('99999');
    const none = buildError({ template: 'overenskommelse', area: { kind: 'kommun', kommunCode: '1262' }, ...YEAR });
    expect(none.code).toBe('not_found');
    expect(none.message).toBe(
      'Det finns ingen samverkansöverenskommelse för Lommas kommun som gäller 1 januari–31 december 2026. Skapa en under Medborgarlöften → Samverkansöverenskommelser, eller välj en annan period.',
    );
    // Klippan's agreement ends 2026: none covers 2027 for Klippan.
    expect(buildError({ template: 'overenskommelse', area: KLIPPAN, from: '2027-01-01', to: '2027-12-31' }).code).toBe(
      'not_found',
    );
  });
});
