/**
 * The medborgarlöfte and uppföljning templates on the demo data: chapters, the löfte's text as decided or
 * as drafted, and every figure against what the operations say (`loften.get`, `agreements.get`,
 * `measures.list`, `survey.get`, `incidents.page`) for the same löfte and day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityText } from '../../src/shared/diff';
import { AppError } from '../../src/shared/errors';
import { formatInteger } from '../../src/shared/format';
import { EFFECT_LABELS } from '../../src/shared/lofte-api';
import { MEASURE_STATUS_LABELS } from '../../src/shared/walks';
import { formatSurveyValue } from '../../src/shared/survey';
import type { ReportDocument, ReportSelection, Section } from '../../src/shared/report';
import { lofteDetails } from '../../src/core/lofte/service';
import { allBlocks, buildFor, demoWorkspace, documentText, figure } from '../helpers/report';
import type { TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
beforeAll(async () => {
  t = await demoWorkspace();
}, 120_000);
afterAll(() => t.close());

const KLIPPAN = { kind: 'kommun', kommunCode: '1276' } as const;
const KAVLINGE = { kind: 'kommun', kommunCode: '1261' } as const;
const SVALOV = { kind: 'kommun', kommunCode: '1214' } as const;
const RUNNING = 'Ett renare och tryggare Klippans centrum 2026';
const DRAFT = 'Skadegörelse i Teckomatorp';

async function lofteId(title: string): Promise<number> {
  const l = (await t.call('loften.list', {})).find((x) => x.title === title);
  if (!l) throw new Error(`Löftet ${title} finns inte`);
  return l.id;
}

/** The day an operation answered for, as the report's clock (so both count through the same day). */
const at = (day: string) => new Date(`${day}T12:00:00Z`);

function buildError(sel: ReportSelection): AppError {
  try {
    buildFor(t, sel);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('Dokumentet byggdes men skulle ha nekats');
}

const sub = (s: Section) => s.sections.map((x) => x.title);
const chapter = (doc: ReportDocument, id: string) => doc.chapters.find((c) => c.id === id)!;

describe('medborgarlöfte', () => {
  it('ett beslutat löfte: problembild med underlag och effekt, fokusområde, åtaganden per ansvarig, underskrifter', async () => {
    const id = await lofteId(RUNNING);
    const details = await t.call('loften.get', { id, by: 'period' });
    const focus = (await t.call('loften.focusAreas', {})).find((f) => f.id === details.lofte.focusAreaId)!;
    const agreement = await t.call('agreements.get', { id: focus.agreementId });
    const area = agreement.focusAreas.find((f) => f.id === focus.id)!;
    const sel: ReportSelection = {
      template: 'medborgarlofte',
      area: KLIPPAN,
      from: '2026-01-01',
      to: '2026-12-31',
      lofteId: id,
    };
    const doc = buildFor(t, sel, {}, at(details.asOfDay));

    expect(doc.title).toBe(RUNNING);
    expect(doc.draft).toBe(false);
    expect(doc.publication).toBe(true);
    expect(doc.chapters.map((c) => c.title)).toEqual([
      'Bakgrund och problembild',
      'Fokusområde',
      'Det här lovar vi',
      'Så följs löftet upp',
      'Underskrifter',
    ]);
    const text = documentText(doc);
    expect(text).toContain(details.lofte.content.problem);
    expect(text).toContain(details.lofte.content.followUp);
    expect(text).toContain(`Effektmål: ${details.lofte.content.effectGoal}`);

    // Activities grouped by who answers for them, each as the löfte screen words it.
    const acts = details.lofte.content.activities;
    const group = (...who: string[]) => acts.filter((a) => who.includes(a.responsible ?? '')).map(activityText);
    const atagande = chapter(doc, 'atagande');
    expect(
      atagande.sections.map((s) => [s.title, s.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []))]),
    ).toEqual([
      ['Polisen åtar sig', group('polis')],
      ['Kommunen åtar sig', group('kommun')],
      ['Tillsammans', group('gemensamt', 'partner')],
    ]);
    // A part without activities of its own still prints, saying so (the demo löfte has none for Polisen alone).
    expect(group('polis')).toEqual([]);
    expect(atagande.sections[0]!.blocks).toEqual([
      { kind: 'text', text: 'Inga aktiviteter med Polisen ensam som ansvarig.' },
    ]);
    expect(group('kommun').length + group('gemensamt', 'partner').length).toBe(acts.length);

    // The fokusområde as the agreement holds it: the orsaksanalys in its parts.
    const facts = chapter(doc, 'fokusomrade').blocks.flatMap((b) => (b.kind === 'facts' ? b.items : []));
    expect(facts).toEqual(
      expect.arrayContaining([
        { label: 'Problem', value: area.problem },
        { label: 'Orsaksanalys: brottsutsatt', value: area.causeVictim },
        { label: 'Orsaksanalys: gärningsperson', value: area.causeOffender },
        { label: 'Orsaksanalys: plats', value: area.causePlace },
        { label: 'Mål', value: area.goals },
      ]),
    );
    expect(text).toContain(agreement.title);

    // Evidence: the last two surveys before the period, as survey.get has them.
    const evidence = details.lofte.content.evidence;
    const underlag = figure(doc, 'underlag');
    for (const [i, e] of evidence.entries()) {
      if (e.kind !== 'survey') throw new Error('demo: survey evidence');
      const survey = await t.call('survey.get', { indicator: e.indicator });
      const values = survey.results
        .filter((r) => r.area.kind === 'kommun' && r.area.id === details.lofte.kommunId && r.year < 2026)
        .sort((a, b) => b.year - a.year)
        .slice(0, 2);
      expect(values.length).toBe(2);
      expect(underlag.table.rows[i]![1]).toBe(
        values.map((v) => `${formatSurveyValue(e.indicator, v.value)} (${v.year})`).join(', '),
      );
    }
    // The effect goal against the figures, as loften.get checks it.
    expect(details.effect.length).toBe(evidence.length);
    expect(figure(doc, 'effekt').table.rows).toEqual(
      details.effect.map((c, i) => {
        const e = evidence[i]!;
        const v = (x: { label: string; value: number } | null) =>
          x && e.kind === 'survey' ? `${formatSurveyValue(e.indicator, x.value)} (${x.label})` : '–';
        return [c.label, v(c.before), v(c.after), EFFECT_LABELS[c.verdict]];
      }),
    );

    // Signed by the agreement's signatories, with lines for the dates.
    const sig = chapter(doc, 'underskrifter').blocks[0]!;
    expect(sig).toEqual({
      kind: 'signatures',
      signers: [
        { role: 'Lokalpolisområdeschef, lokalpolisområde Klippan', name: agreement.signedByLpo, date: '' },
        { role: 'Kommunstyrelsens ordförande, Klippans kommun', name: agreement.signedByKommun, date: '' },
      ],
    });
    expect(agreement.signedByLpo).not.toBe('');
  });

  it('ett utkast skrivs ut med sin nuvarande text, märkt utkast, med underlagets antal som registret räknar dem', async () => {
    const id = await lofteId(DRAFT);
    const before = await t.call('loften.get', { id, by: 'period' });
    const problem = 'Skadegörelsen vid Teckomatorps station har fördubblats sedan juli 2026 enligt EST.';
    await t.call('loften.save', {
      id,
      revision: before.lofte.revision,
      content: { ...before.lofte.content, problem },
    });
    const doc = buildFor(t, {
      template: 'medborgarlofte',
      area: SVALOV,
      from: '2027-01-01',
      to: '2027-12-31',
      lofteId: id,
    });
    expect(doc.draft).toBe(true);
    const texts = chapter(doc, 'bakgrund').blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    expect(texts).toContain(problem);
    expect(texts).not.toContain(before.lofte.content.problem);
    expect(documentText(doc)).toContain('Utkast: löftet är inte beslutat');
    // No effect check before a decision, as on the löfte screen.
    expect(allBlocks(doc).some((b) => b.kind === 'figure' && b.id === 'effekt')).toBe(false);
    expect(sub(chapter(doc, 'atagande'))).toEqual([
      'Polisen åtar sig',
      'Kommunen åtar sig',
      'Tillsammans',
      'Ansvarig inte bestämd',
    ]);
    // The selection's count is the register's.
    const e = before.lofte.content.evidence[0]!;
    if (e.kind !== 'filter') throw new Error('demo: filter evidence');
    const page = await t.call('incidents.page', { filter: e.filter, startRow: 0, endRow: 1 });
    expect(page.total).toBeGreaterThan(2);
    expect(figure(doc, 'underlag').table.rows[0]).toEqual([
      e.label,
      `${formatInteger(page.total)} händelser`,
      '1 maj–31 augusti 2026',
    ]);
    // Unsigned agreement (a proposal): empty names, empty dates.
    const sig = chapter(doc, 'underskrifter').blocks[0]!;
    expect(sig.kind === 'signatures' && sig.signers.map((s) => [s.name, s.date])).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('nekar utan löfte, med ett okänt löfte och med ett löfte i en annan kommun', async () => {
    const base = { template: 'medborgarlofte', area: KLIPPAN, from: '2026-01-01', to: '2026-12-31' } as const;
    const none = buildError(base);
    expect(none.code).toBe('validation');
    expect(none.message).toMatch(/Välj vilket medborgarlöfte/);
    const unknown = buildError({ ...base, lofteId: 99_999 });
    expect(unknown.code).toBe('not_found');
    expect(unknown.message).toContain('99999');
    const other = buildError({ ...base, lofteId: await lofteId(DRAFT) });
    expect(other.code).toBe('validation');
    expect(other.message).toContain(`"${DRAFT}"`);
    expect(other.message).toContain('Svalövs kommun, inte Klippans kommun');
  });
});

describe('uppföljning', () => {
  it('årsuppföljning för en kommun: titel, kapitel per löfte, och samma tal som löftets uppföljning', async () => {
    const id = await lofteId(RUNNING);
    const details = await t.call('loften.get', { id, by: 'period' });
    const quarters = await t.call('loften.get', { id, by: 'kvartal' });
    const sel: ReportSelection = {
      template: 'uppfoljning',
      area: KLIPPAN,
      from: '2026-01-01',
      to: '2026-12-31',
      followUpKind: 'arsuppfoljning',
    };
    const doc = buildFor(t, sel, {}, at(details.asOfDay));
    expect(doc.title).toBe('Årsuppföljning 2026 – Klippans kommun');
    expect(doc.chapters.map((c) => c.title)).toEqual([
      'Sammanfattning',
      RUNNING,
      'Åtgärder från trygghetsvandringar',
      'Så har uppföljningen gjorts',
    ]);
    const slots = allBlocks(doc).flatMap((b) => (b.kind === 'slot' ? [b.key] : []));
    expect(slots).toEqual(['sammanfattning', `lofte-${id}`]);
    // The period runs past the latest data: said in a note.
    expect(chapter(doc, 'sammanfattning').blocks[0]).toMatchObject({
      kind: 'note',
      text: expect.stringContaining('Perioden är inte slut'),
    });

    const acts = details.lofte.content.activities;
    expect(figure(doc, `lofte-${id}-mal`).table.rows).toEqual(
      details.progress.map((p, i) => [
        acts[i]!.kind,
        expect.any(String),
        expect.any(String),
        formatInteger(p.schedule!.total),
        formatInteger(p.schedule!.required),
        formatInteger(p.schedule!.done),
        p.schedule!.behind ? 'Efter plan' : 'Enligt plan',
      ]),
    );
    // The demo's running löfte is behind on its walks.
    expect(details.progress.some((p) => p.schedule?.behind)).toBe(true);
    expect(figure(doc, `lofte-${id}-perioder`).table.rows).toEqual(
      quarters.progress.flatMap((p, i) =>
        p.buckets.map((b) => [
          acts[i]!.kind,
          b.label,
          formatInteger(b.target),
          formatInteger(b.done),
          b.status === 'kommande' ? '–' : `${formatInteger(b.doneSoFar)} av ${formatInteger(b.dueSoFar)}`,
          expect.stringMatching(
            b.status === 'efter_plan' ? /efter plan/i : b.status === 'enligt_plan' ? /enligt plan/i : /Kommande/,
          ),
        ]),
      ),
    );
    const behind = details.progress.filter((p) => p.schedule?.behind).length;
    const measurable = details.progress.filter((p) => p.schedule).length;
    expect(figure(doc, 'oversikt').table.rows).toEqual([
      [
        RUNNING,
        'Klippan',
        '1 januari–31 december 2026',
        'Uppföljning',
        String(measurable - behind),
        String(behind),
        expect.any(String),
      ],
    ]);

    // Åtgärder linked to the löfte, and from the walks, as measures.list has them.
    const measures = await t.call('measures.list', { kommunIds: [details.lofte.kommunId] });
    const linked = measures.filter((m) => m.lofteId === id);
    expect(linked.length).toBeGreaterThan(0);
    expect(figure(doc, `lofte-${id}-atgarder-tabell`).table.rows.map((r) => [r[0], r[1], r[2]])).toEqual(
      linked.map((m) => [m.what, m.responsible, m.dueDay]),
    );
    const fromWalks = measures.filter((m) => m.walkId !== null && (m.walkDay ?? '') >= '2026-01-01');
    expect(figure(doc, 'atgarder').table.rows.map((r) => [r[0], r[5]!.split(/[,:]/)[0]])).toEqual(
      fromWalks.map((m) => [m.what, MEASURE_STATUS_LABELS[m.status]]),
    );
    expect(fromWalks.map((m) => m.status).sort()).toEqual(['avslagen', 'klar', 'pagar']);
    // The effect check, as loften.get has it.
    expect(figure(doc, `lofte-${id}-effekt-tabell`).table.rows.map((r) => [r[0], r[3]])).toEqual(
      details.effect.map((c) => [c.label, EFFECT_LABELS[c.verdict]]),
    );
  });

  it('kvartalsrapport över en avslutad period: räknat till periodens slut, utan anmärkning om data', async () => {
    const id = await lofteId('Medborgarlöfte Kävlinge 2017');
    const sel: ReportSelection = {
      template: 'uppfoljning',
      area: KAVLINGE,
      from: '2017-07-01',
      to: '2017-09-30',
      followUpKind: 'kvartalsrapport',
    };
    const doc = buildFor(t, sel);
    expect(doc.title).toBe('Kvartalsrapport 2017 – Kävlinges kommun');
    expect(allBlocks(doc).some((b) => b.kind === 'note' && b.text.startsWith('Perioden är inte slut'))).toBe(false);
    const atEnd = t.ws.db().read(({ db }) => lofteDetails(db, id, 'manad', at('2017-09-30')));
    const done = (key: string) =>
      t.one<number>(
        "SELECT coalesce(sum(count), 0) FROM activity_log WHERE lofte_id = ? AND activity_key = ? AND day <= '2017-09-30'",
        id,
        key,
      );
    const rows = figure(doc, `lofte-${id}-mal`).table.rows;
    atEnd.progress.forEach((p, i) => {
      expect(rows[i]![4]).toBe(formatInteger(p.schedule!.required));
      expect(rows[i]![5]).toBe(formatInteger(done(p.key)));
    });
    // Per month, only the quarter's months; none of them running (the quarter is over).
    const months = figure(doc, `lofte-${id}-perioder`).table.rows;
    expect([...new Set(months.map((r) => r[1]))]).toEqual(['2017-07', '2017-08', '2017-09']);
    expect(months.some((r) => r[5]!.startsWith('Pågår'))).toBe(false);
  });

  it('ett löfte: bara det; ett utkast har ingen uppföljning; ett löfte i en annan kommun nekas', async () => {
    const id = await lofteId(RUNNING);
    const doc = buildFor(t, {
      template: 'uppfoljning',
      area: { kind: 'lpo', lpo: 'Klippan' },
      from: '2021-01-01',
      to: '2026-12-31',
      lofteId: id,
      followUpKind: 'slutrapport',
    });
    expect(doc.title).toBe('Slutrapport 2021–2026 – Lokalpolisområde Klippan');
    expect(doc.chapters.filter((c) => c.id.startsWith('lofte-')).map((c) => c.title)).toEqual([RUNNING]);
    const all = buildFor(t, {
      template: 'uppfoljning',
      area: { kind: 'lpo', lpo: 'Klippan' },
      from: '2021-01-01',
      to: '2026-12-31',
    });
    expect(all.chapters.filter((c) => c.id.startsWith('lofte-')).map((c) => c.title)).toEqual([
      'Medborgarlöfte Klippan 2021–2022',
      RUNNING,
    ]);
    const draft = buildError({
      template: 'uppfoljning',
      area: SVALOV,
      from: '2027-01-01',
      to: '2027-12-31',
      lofteId: await lofteId(DRAFT),
    });
    expect(draft.code).toBe('validation');
    expect(draft.message).toContain(`"${DRAFT}"`);
    expect(draft.message).toContain('inte beslutat');
    const other = buildError({
      template: 'uppfoljning',
      area: KAVLINGE,
      from: '2026-01-01',
      to: '2026-12-31',
      lofteId: id,
    });
    expect(other.code).toBe('validation');
    expect(other.message).toContain('Klippans kommun, inte Kävlinges kommun');
    const gone = buildError({
      template: 'uppfoljning',
      area: KLIPPAN,
      from: '2026-01-01',
      to: '2026-12-31',
      lofteId: 99_999,
    });
    expect(gone.code).toBe('not_found');
    // The draft of the coming year is named as left out of the kommun's follow-up.
    const svalov = buildFor(t, { template: 'uppfoljning', area: SVALOV, from: '2027-01-01', to: '2027-12-31' });
    expect(documentText(svalov)).toContain(`Inte beslutade och därför inte med: "${DRAFT}" (Svalöv)`);
  });
});
