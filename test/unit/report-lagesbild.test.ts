/**
 * The lägesbild template on the demo database: its chapters, and every figure against what the app's ops
 * answer for the same selection (and plain SQL on the incident table for the totals), a period past the
 * latest data, periods without data, an LPO, publication suppression, the user's texts and figures left out.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBlocks, allSections, buildFor, demoWorkspace, documentText, figure } from '../helpers/report';
import type { TestWorkspace } from '../helpers/workspace';
import type { Figure, ReportDocument, ReportSelection } from '../../src/shared/report';
import { VERDICT_LABELS } from '../../src/shared/dashboards';
import { formatDecimal1, formatInteger } from '../../src/shared/format';
import { categoryLabel } from '../../src/shared/taxonomy';
import { formatSurveyValue } from '../../src/shared/survey';
import { MEASURE_STATUS_LABELS, measureProblem } from '../../src/shared/walks';
import { SOURCE_LABELS } from '../../src/shared/domain';
import { addDays, formatLocalDateTime, localDay, localDayStartUtc } from '../../src/shared/time';
import { SUPPRESSED_TEXT, longDay } from '../../src/core/reports/common';

const KLIPPAN = '1276';
const SEL: ReportSelection = {
  template: 'lagesbild',
  area: { kind: 'kommun', kommunCode: KLIPPAN },
  from: '2026-01-01',
  to: '2026-12-31',
};
/** The demo's latest data: the 2026 period is compared up to it, with the same days of 2025. */
const AS_OF = '2026-10-31';

let t: TestWorkspace;
let klippan: number;
let lpoKlippan: number;
let doc: ReportDocument;

beforeAll(async () => {
  t = await demoWorkspace();
  klippan = t.one<number>('SELECT id FROM kommun WHERE scb_code = ?', KLIPPAN);
  lpoKlippan = t.one<number>("SELECT id FROM lpo WHERE name = 'Klippan'");
  doc = buildFor(t, SEL);
}, 120_000);
afterAll(() => t.close());

/** The row whose heading (first cell) is `heading`. */
function row(f: Figure, heading: string): string[] {
  const r = f.table.rows.find((x) => x[0] === heading);
  if (!r) throw new Error(`${f.id}: ingen rad "${heading}" (finns: ${f.table.rows.map((x) => x[0]).join(', ')})`);
  return r;
}

/** A plain count on the incident table over local days. */
function sqlCount(where: string, params: unknown[], fromDay: string, toDay: string): number {
  return t.one<number>(
    `SELECT count(*) FROM incident WHERE ${where} AND occurred_at >= ? AND occurred_at < ?`,
    ...params,
    localDayStartUtc(fromDay),
    localDayStartUtc(addDays(toDay, 1)),
  );
}

const zText = (z: number | null) => (z === null ? '–' : formatDecimal1(z));

describe('en kommun, ett år som pågår', () => {
  it('har kapitlen enligt 4 § i ordning, med sina avsnitt och textfält', () => {
    expect(doc.chapters.map((c) => c.id)).toEqual([
      'sammanfattning',
      'kartlaggning',
      'annan-information',
      'analys',
      'atgardsplan',
      'kallor-och-metod',
    ]);
    expect(doc.chapters.find((c) => c.id === 'kartlaggning')!.sections.map((s) => s.id)).toEqual([
      'kartlaggning-omfattning',
      'kartlaggning-kategorier',
      'kartlaggning-platser',
      'kartlaggning-tid',
      'kartlaggning-kallor',
    ]);
    const slots = allBlocks(doc).flatMap((b) => (b.kind === 'slot' ? [b.key] : []));
    for (const key of ['sammanfattning', 'kartlaggning', 'annan-information', 'analys']) expect(slots).toContain(key);
    const ids = allBlocks(doc).flatMap((b) => (b.kind === 'figure' ? [b.id] : []));
    for (const id of [
      'omfattning',
      'lpo-jamforelse',
      'tidigare-ar',
      'kategorier',
      'platser',
      'arshjul',
      'veckodag-timme',
      'kallor',
      'trygghet',
      'est',
      'vandringar',
      'atgarder',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of allBlocks(doc).filter((b): b is Figure => b.kind === 'figure')) {
      expect(f.caption, f.id).not.toBe('');
      expect(f.source, f.id).toMatch(/^Källa: /);
      for (const r of f.table.rows) expect(r.length, f.id).toBe(f.table.head.length);
      if (f.chart) expect(f.alt, f.id).toBeTruthy();
    }
  });

  it('säger att perioden inte är slut och jämför bara dagar med data, med båda perioderna utskrivna', async () => {
    const notes = allBlocks(doc).filter((b) => b.kind === 'note');
    expect(notes[0]).toEqual({
      kind: 'note',
      text: 'Perioden är inte slut: data per 31 oktober 2026. Jämförelserna gäller bara dagar med data: 1 januari–31 oktober 2026 mot 1 januari–31 oktober 2025.',
    });
    const change = await t.call('dashboards.change', {
      filter: { kommunIds: [klippan], fromDay: SEL.from, toDay: SEL.to },
      compareWith: 'previous',
    });
    expect(change.current).toEqual({ fromDay: SEL.from, toDay: AS_OF });
    expect(change.previous).toEqual({ fromDay: '2025-01-01', toDay: '2025-10-31' });
    expect(figure(doc, 'kategorier').table.head).toEqual([
      'Kategori',
      'Nu (1 januari–31 oktober 2026)',
      'Före (1 januari–31 oktober 2025)',
      'z',
      'Bedömning',
    ]);
    expect(doc.periodIncomplete).toBe(true);
  });

  it('antal och per 1 000 invånare är Jämför kommuners och tabellens', async () => {
    const filter = { kommunIds: [klippan], fromDay: SEL.from, toDay: SEL.to };
    const compare = await t.call('dashboards.compare', { filter });
    const k = compare.rows[0]!;
    const total = sqlCount('kommun_id = ?', [klippan], SEL.from, SEL.to);
    expect(k.total).toBe(total);
    expect(row(figure(doc, 'omfattning'), 'Klippans kommun')).toEqual([
      'Klippans kommun',
      `${formatInteger(k.population!)} (${k.populationYear})`,
      formatInteger(total),
      formatDecimal1(k.per1000!),
    ]);
    const keyFigures = allBlocks(doc).find((b) => b.kind === 'keyFigures');
    expect(keyFigures?.kind === 'keyFigures' && keyFigures.items[0]!.value).toBe(formatInteger(total));

    const lpo = await t.call('dashboards.compare', {
      filter: { lpoIds: [lpoKlippan], fromDay: SEL.from, toDay: SEL.to },
    });
    const jamfor = figure(doc, 'lpo-jamforelse');
    expect(jamfor.table.rows).toHaveLength(lpo.rows.length + 1);
    for (const r of lpo.rows) {
      const name = t.one<string>('SELECT name FROM kommun WHERE id = ?', r.kommunId);
      const cells = row(jamfor, r.kommunId === klippan ? `${name} (denna kommun)` : name);
      expect(cells.slice(2)).toEqual([formatInteger(r.total), formatDecimal1(r.per1000!)]);
    }
    expect(row(jamfor, 'LPO Klippan totalt')[3]).toBe(formatDecimal1(lpo.lpoTotals[0]!.per1000!));
  });

  it('tidigare år: samma dagar, som Jämför kommuner räknar dem', async () => {
    const f = figure(doc, 'tidigare-ar');
    expect(f.table.rows.map((r) => r[0])).toEqual([
      '1 januari–31 oktober 2024',
      '1 januari–31 oktober 2025',
      '1 januari–31 oktober 2026',
    ]);
    const before = await t.call('dashboards.compare', {
      filter: { kommunIds: [klippan], fromDay: '2025-01-01', toDay: '2025-10-31' },
    });
    expect(row(f, '1 januari–31 oktober 2025').slice(1, 3)).toEqual([
      formatInteger(before.rows[0]!.total),
      formatDecimal1(before.rows[0]!.per1000!),
    ]);
    // 2023 has no data before November: those years are not shown as if they had no events.
    expect(f.table.rows.some((r) => r[0]!.endsWith('2023'))).toBe(false);
    // A year with data for only some of the days is left out, and said so.
    const autumn = buildFor(t, { ...SEL, from: '2025-10-01', to: '2025-11-30' });
    const g = figure(autumn, 'tidigare-ar');
    expect(g.table.rows.map((r) => r[0])).toEqual(['1 oktober–30 november 2024', '1 oktober–30 november 2025']);
    expect(g.note).toContain('Data saknas för en del av 1 oktober–30 november 2023; de åren visas inte.');
  });

  it('kategorier: båda antalen, z och bedömningen är Förändringens', async () => {
    const change = await t.call('dashboards.change', {
      filter: { kommunIds: [klippan], fromDay: SEL.from, toDay: SEL.to },
      compareWith: 'previous',
    });
    const f = figure(doc, 'kategorier');
    expect(f.table.rows).toHaveLength(change.rows.length + 1);
    for (const r of change.rows) {
      expect(row(f, categoryLabel(r.category))).toEqual([
        categoryLabel(r.category),
        formatInteger(r.current),
        formatInteger(r.previous),
        zText(r.z),
        VERDICT_LABELS[r.verdict],
      ]);
    }
    const skadegorelse = sqlCount("kommun_id = ? AND category = 'skadegorelse'", [klippan], SEL.from, AS_OF);
    expect(row(f, 'Skadegörelse')[1]).toBe(formatInteger(skadegorelse));
    const total = sqlCount('kommun_id = ?', [klippan], SEL.from, AS_OF);
    expect(row(f, 'Alla kategorier')[1]).toBe(formatInteger(total));
  });

  it('platser, årshjul, veckodag × timme och källor räknar samma händelser som tabellen', async () => {
    const platser = figure(doc, 'platser');
    const [place, n] = platser.table.rows[0]!;
    expect(place).toBe('Klippans station');
    expect(n).toBe(formatInteger(sqlCount('kommun_id = ? AND place_name = ?', [klippan, place], SEL.from, SEL.to)));

    // The period's last day counts: a period ending on the walk's day has its observation at Storgatan.
    const march = buildFor(t, { ...SEL, to: '2026-03-10' });
    expect(row(figure(march, 'nya-platser'), 'Storgatan')[1]).toBe('1');

    const trend = await t.call('dashboards.trend', {
      filter: { kommunIds: [klippan], fromDay: '2025-01-01', toDay: '2025-12-31' },
      by: 'month',
    });
    const june2025 = trend.filter((p) => p.period === '2025-06').reduce((s, p) => s + p.n, 0);
    const arshjul = figure(doc, 'arshjul');
    expect(arshjul.table.head).toEqual(['Månad', '2023', '2024', '2025', '2026']);
    expect(row(arshjul, 'Jun')[3]).toBe(formatInteger(june2025));
    expect(row(arshjul, 'Nov')[4]).toBe('–'); // after the latest data

    const hours = figure(doc, 'veckodag-timme');
    expect(hours.table.rows).toHaveLength(7);
    const sum = hours.table.rows.reduce((s, r) => s + Number(r.at(-1)!.replace(/\s/g, '')), 0);
    expect(sum).toBe(sqlCount('kommun_id = ?', [klippan], SEL.from, SEL.to));
    expect(hours.chart?.series.map((s) => s.values.length)).toEqual(new Array(7).fill(24));
    // Each cell in Swedish time, counted independently from the rows' instants.
    const local = t
      .sql<{ at: string }>(
        'SELECT occurred_at AS at FROM incident WHERE kommun_id = ? AND occurred_at >= ? AND occurred_at < ?',
        klippan,
        localDayStartUtc(SEL.from),
        localDayStartUtc(addDays(SEL.to, 1)),
      )
      .map((r) => formatLocalDateTime(r.at));
    const cell = (weekday: number, fromHour: number) =>
      local.filter((l) => {
        const day = (new Date(`${l.slice(0, 10)}T00:00:00Z`).getUTCDay() + 6) % 7;
        const hour = Number(l.slice(11, 13));
        return day === weekday && hour >= fromHour && hour < fromHour + 3;
      }).length;
    expect(row(hours, 'Lördag')[6]).toBe(formatInteger(cell(5, 15)));
    expect(row(hours, 'Måndag')[1]).toBe(formatInteger(cell(0, 0)));
    expect(hours.chart!.series[4]!.values[22]).toBe(
      local.filter((l) => new Date(`${l.slice(0, 10)}T00:00:00Z`).getUTCDay() === 5 && l.slice(11, 13) === '22').length,
    );

    const kallor = figure(doc, 'kallor');
    const polisen = sqlCount("kommun_id = ? AND source = 'polisens_handelse'", [klippan], SEL.from, SEL.to);
    expect(row(kallor, SOURCE_LABELS.polisens_handelse)[4]).toBe(formatInteger(polisen));
    // Källor och metod: each source's latest day, as the incident table has it.
    for (const source of ['polisens_handelse', 'felanmalan'] as const) {
      const latest = t.one<string>(
        'SELECT max(occurred_at) FROM incident WHERE kommun_id = ? AND source = ? AND occurred_at < ?',
        klippan,
        source,
        localDayStartUtc('2026-11-23'),
      );
      expect(documentText(doc)).toContain(
        `${SOURCE_LABELS[source]} (händelseregistret): senaste händelse ${longDay(localDay(latest))}.`,
      );
    }
  });

  it('trygghetsmätningen: värde, svarande, svarsfrekvens och källa som survey.get, publicerade markerade', async () => {
    const survey = await t.call('survey.get', { indicator: 'totalindex' });
    const own = survey.results.filter((r) => r.area.kind === 'kommun' && r.area.id === klippan && r.year <= 2026);
    const f = figure(doc, 'trygghet');
    const shown = f.table.rows.filter((r) => r[1] === 'Klippan');
    expect(shown.length).toBeGreaterThan(0);
    for (const cells of shown) {
      const r = own.find((x) => String(x.year) === cells[0])!;
      const mark = r.source.startsWith('Exempeldata') ? '' : ' *';
      expect(cells).toEqual([
        String(r.year),
        'Klippan',
        `${formatSurveyValue('totalindex', r.value)}${mark}`,
        r.respondents === null ? 'uppgift saknas' : formatInteger(r.respondents),
        r.responseRate === null ? 'uppgift saknas' : `${formatDecimal1(r.responseRate)} %`,
        r.source,
      ]);
    }
    expect(f.note).toContain('påhittade exempeldata');
    // A published value (Klippan 2017) in a report reaching back to it carries the mark.
    const old = buildFor(t, { ...SEL, from: '2017-01-01', to: '2017-12-31' });
    expect(row(figure(old, 'trygghet'), '2017').join(' ')).toMatch(/2,09 \*/);
  });

  it('EST: den senaste hela tertialen, som dashboards.est', async () => {
    const est = await t.call('dashboards.est', { kommunId: klippan, cycle: 'tertial', day: SEL.to });
    expect(est.comparison.current).toEqual({ fromDay: '2026-05-01', toDay: '2026-08-31' });
    const f = figure(doc, 'est');
    expect(f.caption).toContain('1 maj–31 augusti 2026 mot 1 januari–30 april 2026');
    for (const c of est.changes) {
      expect(row(f, categoryLabel(c.category))).toEqual([
        categoryLabel(c.category),
        formatInteger(c.current),
        formatInteger(c.previous),
        zText(c.z),
        VERDICT_LABELS[c.verdict],
      ]);
    }
    expect(row(f, 'Alla kategorier').slice(1, 3)).toEqual([
      formatInteger(est.total.current),
      formatInteger(est.total.previous),
    ]);
  });

  it('trygghetsvandringar med iakttagelser, och åtgärdsplanen som measures.list', async () => {
    const walks = (await t.call('walks.list', { kommunIds: [klippan] })).filter(
      (w) => w.walkDay >= SEL.from && w.walkDay <= SEL.to,
    );
    expect(figure(doc, 'vandringar').table.rows.map((r) => r[0])).toEqual(walks.map((w) => w.walkDay));
    const details = await t.call('walks.get', { id: walks[0]!.id });
    expect(figure(doc, 'vandringar-iakttagelser').table.rows.map((r) => r[2])).toEqual(
      details.observations.map((o) => o.placeName),
    );

    const measures = (await t.call('measures.list', { kommunIds: [klippan], inPlan: true })).filter(
      (m) =>
        (m.dueDay >= SEL.from && m.dueDay <= SEL.to) ||
        (m.dueDay < SEL.from && (m.status === 'planerad' || m.status === 'pagar')),
    );
    expect(measures.length).toBeGreaterThan(0);
    expect(figure(doc, 'atgarder').table.rows).toEqual(
      measures.map((m) => [
        measureProblem(m),
        m.what,
        m.responsible,
        m.dueDay,
        m.lofteTitle ?? '',
        `${MEASURE_STATUS_LABELS[m.status]}${m.overdue ? ' (försenad)' : ''}`,
      ]),
    );
    // A later half-year: what is still open from before is carried over, what was finished before is not.
    const autumn = figure(buildFor(t, { ...SEL, from: '2026-07-01' }), 'atgarder').table.rows.map((r) => r[1]);
    expect(autumn).toContain('Kameraövervakning av cykelgaraget utreds'); // due 2026-06-30, pågår
    expect(autumn).not.toContain('Byt armaturer vid cykelstället'); // due 2026-04-30, klar
    // Each problem of the plan is a prioritised problem in the Analys, with its orsaksanalys and a text slot.
    const analys = doc.chapters.find((c) => c.id === 'analys')!;
    for (const m of measures) {
      const s = analys.sections.find((x) => x.title === `Åtgärdsplanen: ${measureProblem(m)}`);
      expect(s, measureProblem(m)).toBeDefined();
      const facts = s!.blocks.find((b) => b.kind === 'facts');
      expect(facts?.kind === 'facts' && facts.items.map((i) => i.label)).toEqual(
        expect.arrayContaining(['Brottsutsatt', 'Gärningsperson', 'Plats', 'Övrigt']),
      );
      expect(s!.blocks.some((b) => b.kind === 'slot' && b.key === s!.id.replace(/^analys-/, ''))).toBe(true);
    }
  });

  it('fokusområdena i överenskommelsen som täcker kommunen och perioden är prioriterade problem', async () => {
    const list = await t.call('agreements.list', {});
    const covering = list.filter(
      (a) => a.kommunIds.includes(klippan) && a.periodFrom <= SEL.to && a.periodTo >= SEL.from,
    );
    expect(covering.length).toBeGreaterThan(0);
    const analys = doc.chapters.find((c) => c.id === 'analys')!;
    for (const fa of covering.flatMap((a) => a.focusAreas)) {
      const s = analys.sections.find((x) => x.id === `analys-problem-fa-${fa.id}`);
      expect(s?.title).toBe(`Fokusområde: ${fa.title}`);
      expect(s?.blocks.some((b) => b.kind === 'slot' && b.key === `problem-fa-${fa.id}`)).toBe(true);
    }
    // Svalöv's agreement (2027–2030, another kommun) is not one of Klippan's problems.
    expect(documentText(doc)).not.toContain('Fokusområde: Skadegörelse');
  });
});

describe('publicering, användarens text och figurer som lämnas ute', () => {
  it('en plats med 1–2 händelser i en kommun under 20 000 invånare visas som "färre än 3" bara vid publicering', () => {
    // Storgatan has one event in 2026: the walk's observation.
    expect(sqlCount("kommun_id = ? AND place_name = 'Storgatan'", [klippan], SEL.from, SEL.to)).toBe(1);
    expect(
      t.one<number>('SELECT population FROM population WHERE kommun_id = ? ORDER BY year DESC', klippan),
    ).toBeLessThan(20_000);
    expect(row(figure(doc, 'nya-platser'), 'Storgatan')[1]).toBe('1');
    expect(row(figure(doc, 'platser'), 'Storgatan')[1]).toBe('1');

    const pub = buildFor(t, { ...SEL, publication: true });
    expect(pub.publication).toBe(true);
    expect(row(figure(pub, 'nya-platser'), 'Storgatan')[1]).toBe(SUPPRESSED_TEXT);
    const platser = figure(pub, 'platser');
    expect(row(platser, 'Storgatan')[1]).toBe(SUPPRESSED_TEXT);
    expect(platser.chart!.series[0]!.values[platser.chart!.labels.indexOf('Storgatan')]).toBeNull();
    // Larger counts are printed exactly, and the method chapter states the rule.
    expect(row(platser, 'Klippans station')[1]).toBe(row(figure(doc, 'platser'), 'Klippans station')[1]);
    expect(documentText(pub)).toContain('visas antal på 1–2 för en plats eller en kategori som "färre än 3"');
    expect(documentText(doc)).not.toContain(SUPPRESSED_TEXT);
  });

  it('användarens text står i sitt textfält, och en utelämnad figur finns inte med', () => {
    const fa = doc.chapters
      .find((c) => c.id === 'analys')!
      .sections.find((s) => s.id.startsWith('analys-problem-fa-'))!;
    const problemKey = fa.id.replace(/^analys-/, '');
    const edited = buildFor(t, SEL, {
      texts: { sammanfattning: 'Skadegörelsen vid stationen är vårt största problem.', [problemKey]: 'Unga i grupp.' },
      omitted: ['platser', 'veckodag-timme'],
    });
    const slot = (key: string) => allBlocks(edited).find((b) => b.kind === 'slot' && b.key === key);
    expect(slot('sammanfattning')).toMatchObject({ text: 'Skadegörelsen vid stationen är vårt största problem.' });
    expect(slot(problemKey)).toMatchObject({ text: 'Unga i grupp.' });
    expect(slot('analys')).toMatchObject({ text: '' });
    expect(() => figure(edited, 'platser')).toThrow();
    expect(() => figure(edited, 'veckodag-timme')).toThrow();
    expect(figure(edited, 'nya-platser').id).toBe('nya-platser');
    expect(figure(edited, 'arshjul').id).toBe('arshjul');
  });
});

describe('perioder utan data', () => {
  it('en period efter senaste data: sagt, inget jämförs, inget räknas', () => {
    const later = buildFor(t, { ...SEL, from: '2030-01-01', to: '2030-12-31' });
    const text = documentText(later);
    expect(text).toContain('Perioden är inte slut: data per 31 oktober 2026.');
    expect(text).toContain('Perioden börjar efter senaste data (31 oktober 2026): det finns inget att jämföra.');
    expect(row(figure(later, 'omfattning'), 'Klippans kommun')[2]).toBe('0');
    expect(() => figure(later, 'forandringar')).toThrow();
    expect(() => figure(later, 'kategorier')).toThrow();
    expect(() => figure(later, 'est')).toThrow();
    expect(text).not.toMatch(/Säkerställd (ökning|minskning)/);
  });

  it('en period före första data: inga händelser, och ingen jämförelse med tomma perioder', () => {
    const earlier = buildFor(t, { ...SEL, from: '2015-01-01', to: '2015-12-31' });
    expect(earlier.periodIncomplete).toBe(false);
    expect(row(figure(earlier, 'omfattning'), 'Klippans kommun')[2]).toBe('0');
    expect(documentText(earlier)).toContain(
      'ligger före den första dagen med data (1 november 2023): ingen jämförelse görs.',
    );
    expect(documentText(earlier)).not.toMatch(/Säkerställd (ökning|minskning)/);
  });
});

describe('ett lokalpolisområde', () => {
  const LPO: ReportSelection = {
    template: 'lagesbild',
    area: { kind: 'lpo', lpo: 'Klippan' },
    from: SEL.from,
    to: SEL.to,
  };

  it('visar LPO:s summa och varje kommun per 1 000, platser och EST per kommun', async () => {
    const lpo = buildFor(t, LPO);
    const compare = await t.call('dashboards.compare', {
      filter: { lpoIds: [lpoKlippan], fromDay: SEL.from, toDay: SEL.to },
    });
    const f = figure(lpo, 'omfattning');
    expect(f.table.rows).toHaveLength(1 + compare.rows.length);
    expect(row(f, 'Lokalpolisområde Klippan').slice(2)).toEqual([
      formatInteger(compare.lpoTotals[0]!.total),
      formatDecimal1(compare.lpoTotals[0]!.per1000!),
    ]);
    for (const r of compare.rows) {
      const name = t.one<string>('SELECT name FROM kommun WHERE id = ?', r.kommunId);
      expect(row(f, name).slice(2)).toEqual([formatInteger(r.total), formatDecimal1(r.per1000!)]);
    }
    expect(() => figure(lpo, 'lpo-jamforelse')).toThrow();
    expect(figure(lpo, 'platser').table.head[0]).toBe('Kommun');
    expect(new Set(figure(lpo, 'platser').table.rows.map((r) => r[0])).size).toBe(compare.rows.length);

    const est = figure(lpo, 'est');
    for (const r of compare.rows) {
      const name = t.one<string>('SELECT name FROM kommun WHERE id = ?', r.kommunId);
      const e = await t.call('dashboards.est', { kommunId: r.kommunId, cycle: 'tertial', day: SEL.to });
      expect(row(est, name).slice(1, 5)).toEqual([
        formatInteger(e.total.current),
        formatInteger(e.total.previous),
        zText(e.total.z),
        VERDICT_LABELS[e.total.verdict],
      ]);
    }
    // The Förändring rows over all the LPO's kommuner: every significant one, with its kommun.
    const change = await t.call('dashboards.change', {
      filter: { kommunIds: compare.rows.map((r) => r.kommunId), fromDay: SEL.from, toDay: SEL.to },
      compareWith: 'previous',
    });
    const significant = change.rows.filter((r) => r.verdict === 'okning' || r.verdict === 'minskning');
    expect(significant.length).toBeGreaterThan(0);
    const names = new Map(
      compare.rows.map((r) => [r.kommunId, t.one<string>('SELECT name FROM kommun WHERE id = ?', r.kommunId)]),
    );
    expect(
      figure(lpo, 'forandringar')
        .table.rows.map((r) => r.slice(0, 4).join(' | '))
        .sort(),
    ).toEqual(
      significant
        .map((r) =>
          [names.get(r.kommunId), categoryLabel(r.category), formatInteger(r.current), formatInteger(r.previous)].join(
            ' | ',
          ),
        )
        .sort(),
    );
  });

  it('tre år för fem kommuner: byggs, jämför inte mot år utan data och håller tabellerna korta', () => {
    const started = Date.now();
    const long = buildFor(t, { ...LPO, from: '2024-01-01', to: '2026-12-31' });
    expect(Date.now() - started).toBeLessThan(5_000);
    const text = documentText(long);
    expect(text).toContain('Jämförelseperioden 1 januari 2021–1 november 2023 ligger före den första dagen med data');
    expect(() => figure(long, 'forandringar')).toThrow();
    expect(figure(long, 'kategorier').table.head).toEqual(['Kategori', 'Händelser']);
    expect(figure(long, 'tidigare-ar').table.rows.map((r) => r[0])).toEqual([
      '2024',
      '2025',
      '1 januari–31 oktober 2026',
    ]);
    expect(figure(long, 'arshjul').table.head.length).toBeLessThanOrEqual(6);
    for (const f of allBlocks(long).filter((b): b is Figure => b.kind === 'figure')) {
      expect(f.table.head.length, f.id).toBeLessThanOrEqual(10);
      expect(f.table.rows.length, f.id).toBeLessThanOrEqual(80);
    }
    expect(allSections(long).length).toBeGreaterThan(10);
  });
});

describe('inläst data', () => {
  it('Brå:s anmälda brott per 100 000 visas bredvid länet och hela landet, som i den inlästa filen', async () => {
    expect(documentText(doc)).toContain('Brå:s statistik över anmälda brott per kommun finns inte inläst');
    /** A Swedish number as printed or in Brå's file ("1 487 654", "9 997,7", "..") as a number; null for "..". */
    const num = (s: string) => (s === '..' ? null : Number(s.replace(/["\s\u00a0\u202f]/g, '').replace(',', '.')));
    const cells = (f: Figure, name: string, year: number) => {
      const r = f.table.rows.find((x) => x[0] === name && x[1] === String(year));
      if (!r)
        throw new Error(
          `bra-niva: ingen rad ${name} ${year} (finns: ${f.table.rows.map((x) => x.slice(0, 2).join(' ')).join(', ')})`,
        );
      return { count: num(r[2]!), per100k: num(r[3]!) };
    };

    // 2025: a file with the whole country but no län row.
    const file = t.tmp.file('bra-2025.csv');
    fs.writeFileSync(
      file,
      '\uFEFFKommun;Antal;Per 100 000 inv.\r\nKlippan;1 800;10 161,5\r\nBjuv;1 234;7 719,7\r\nHela landet;1 500 000;14 000\r\n',
    );
    const report = await t.call('imports.commit', { path: file, format: 'bra', year: 2025 });
    expect(report.added).toBe(3);
    let f = figure(buildFor(t, SEL), 'bra-niva');
    expect(f.table.head).toEqual(['Område', 'År', 'Anmälda brott', 'Per 100 000 invånare']);
    expect(f.table.rows).toEqual([
      ['Klippan', '2025', formatInteger(1800), formatDecimal1(10161.5)],
      ['Hela landet', '2025', formatInteger(1_500_000), formatInteger(14000)],
    ]);
    expect(f.caption).toBe('Anmälda brott per 100 000 invånare enligt Brå, Klippans kommun jämfört med hela landet');
    expect(f.note).toContain('Brå:s rader för Skåne län (2025) finns inte inlästa');
    expect(f.note).toContain('bra.se');

    // 2024: Brå's file with Skåne län and Hela landet (tests/fixtures, the real format).
    const fixture = new URL('../fixtures/imports/bra-2024-lan-riket.csv', import.meta.url);
    const withRegions = await t.call('imports.commit', { path: fileURLToPath(fixture), format: 'bra', year: 2024 });
    expect(withRegions.added).toBe(12);
    const inFile = new Map(
      fs
        .readFileSync(fixture, 'utf8')
        .split('\r\n')
        .map((line) => line.split(';'))
        .map(([name, count, per100k]) => [name, { count: num(count ?? ''), per100k: num(per100k ?? '') }]),
    );
    f = figure(buildFor(t, SEL), 'bra-niva');
    expect(f.table.rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
      'Klippan 2024',
      'Skåne län 2024',
      'Hela landet 2024',
      'Klippan 2025',
      'Skåne län 2025',
      'Hela landet 2025',
    ]);
    expect(cells(f, 'Skåne län', 2024)).toEqual(inFile.get('Skåne län'));
    expect(cells(f, 'Hela landet', 2024)).toEqual(inFile.get('Hela landet'));
    expect(cells(f, 'Klippan', 2024)).toEqual(inFile.get('Klippans kommun'));
    expect(cells(f, 'Skåne län', 2024)).toEqual({ count: 201_234, per100k: 14_153.7 });
    expect(row(f, 'Skåne län')).toEqual(['Skåne län', '2024', formatInteger(201_234), formatDecimal1(14_153.7)]);
    expect(f.table.rows[4]).toEqual(['Skåne län', '2025', '–', '–']);
    expect(f.chart?.series.map((x) => [x.name, x.values])).toEqual([
      ['Klippan', [9997.7, 10161.5]],
      ['Skåne län', [14153.7, null]],
      ['Hela landet', [14051, 14000]],
    ]);
    expect(f.caption).toContain('Klippans kommun jämfört med Skåne län och hela landet');
    expect(f.note).toContain('Skåne län (2025) finns inte inlästa');
    expect(f.note).not.toContain('Hela landet (');

    // The LPO: each of its kommuner, Skåne län and Hela landet, the same values; a suppressed kommun is "..".
    const lpo = figure(buildFor(t, { ...SEL, area: { kind: 'lpo', lpo: 'Klippan' } }), 'bra-niva');
    expect(lpo.table.rows.filter((r) => r[1] === '2024').map((r) => r[0])).toEqual([
      'Bjuv',
      'Klippan',
      'Perstorp',
      'Svalöv',
      'Åstorp',
      'Skåne län',
      'Hela landet',
    ]);
    expect(cells(lpo, 'Perstorp', 2024)).toEqual({ count: null, per100k: null });
    expect(cells(lpo, 'Åstorp', 2024)).toEqual(inFile.get('Åstorp'));
    expect(cells(lpo, 'Skåne län', 2024)).toEqual(inFile.get('Skåne län'));
    expect(cells(lpo, 'Hela landet', 2024)).toEqual(inFile.get('Hela landet'));

    // With both years' län and country rows the note no longer points to bra.se.
    fs.writeFileSync(file, '\uFEFFKommun;Antal;Per 100 000 inv.\r\nSkåne län;205 000;14 300,2\r\n');
    const lan2025 = await t.call('imports.commit', { path: file, format: 'bra', year: 2025 });
    f = figure(buildFor(t, SEL), 'bra-niva');
    expect(cells(f, 'Skåne län', 2025)).toEqual({ count: 205_000, per100k: 14_300.2 });
    expect(f.note).not.toContain('bra.se');

    // Undoing the imports removes their län and country rows from the report.
    await t.call('imports.undo', { id: lan2025.importId! });
    await t.call('imports.undo', { id: withRegions.importId! });
    f = figure(buildFor(t, SEL), 'bra-niva');
    expect(f.table.rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(['Klippan 2025', 'Hela landet 2025']);
    expect(f.note).toContain('Skåne län (2025) finns inte inlästa');
  });

  it('ett fokusområdes orsaksanalys i tre delar och övrigt', async () => {
    const saved = await t.call('agreements.save', {
      title: 'Samverkansöverenskommelse Klippan 2026',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      kommunIds: [klippan],
      signedByLpo: '',
      signedByKommun: '',
      signedOn: null,
      focusAreas: [
        {
          title: 'Otrygghet vid stationen',
          problem: 'Skadegörelse och samlingar kvällstid',
          causes: 'Dålig belysning',
          goals: 'Färre anmälningar',
          followUp: 'EST varje månad',
          causeVictim: 'Pendlare',
          causeOffender: 'Unga i grupp',
          causePlace: 'Cykelgaraget',
        },
      ],
    });
    const fa = saved.focusAreas[0]!;
    const withAgreement = buildFor(t, SEL);
    const s = allSections(withAgreement).find((x) => x.id === `analys-problem-fa-${fa.id}`)!;
    const facts = s.blocks.find((b) => b.kind === 'facts');
    const items = facts?.kind === 'facts' ? Object.fromEntries(facts.items.map((i) => [i.label, i.value])) : {};
    expect(items.Problem).toBe('Skadegörelse och samlingar kvällstid');
    expect(items['Övrigt']).toBe('Dålig belysning');
    expect([items.Brottsutsatt, items['Gärningsperson'], items.Plats]).toEqual([
      'Pendlare',
      'Unga i grupp',
      'Cykelgaraget',
    ]);
  });
});
