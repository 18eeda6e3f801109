/**
 * The public löfte documents: "Till medborgarna" (plain words, one page per kommun, the löfte screen's
 * numbers), small counts printed "färre än 3" for a small kommun, and a decided löfte printed as decided
 * after a new version has changed its text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LofteContent } from '../../src/shared/lofte';
import { formatInteger } from '../../src/shared/format';
import type { ReportSelection } from '../../src/shared/report';
import { allBlocks, buildFor, demoWorkspace, documentText, figure } from '../helpers/report';
import type { TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
beforeAll(async () => {
  t = await demoWorkspace();
}, 120_000);
afterAll(() => t.close());

const RUNNING = 'Ett renare och tryggare Klippans centrum 2026';
const at = (day: string) => new Date(`${day}T12:00:00Z`);

async function lofteId(title: string): Promise<number> {
  const l = (await t.call('loften.list', {})).find((x) => x.title === title);
  if (!l) throw new Error(`Löftet ${title} finns inte`);
  return l.id;
}

async function kommunId(scbCode: string): Promise<number> {
  return (await t.call('reference.get', {})).kommuner.find((k) => k.scbCode === scbCode)!.id;
}

const content = (over: Partial<LofteContent>): LofteContent => ({
  title: 'Testlöfte',
  problem: 'Ett problem.',
  evidence: [],
  activities: [
    {
      key: 'vandring',
      kind: 'Trygghetsvandring',
      quantity: 4,
      cadence: 'period',
      responsible: 'polis',
      partner: '',
      note: '',
    },
  ],
  effectGoal: 'Färre händelser.',
  followUp: 'Lokala Brå varje kvartal.',
  ...over,
});

/** A draft löfte with this content, decided when asked. */
async function lofte(kommun: number, from: string, to: string, c: LofteContent, decide = false): Promise<number> {
  const created = await t.call('loften.create', { kommunId: kommun, periodFrom: from, periodTo: to });
  await t.call('loften.save', { id: created.id, revision: created.revision, content: c });
  if (decide) {
    await t.call('loften.transition', { id: created.id, to: 'for_granskning' });
    await t.call('loften.transition', { id: created.id, to: 'beslutad', protocolRef: 'KS 2025-12-10 § 200' });
  }
  return created.id;
}

/** A day in 2026 and a category with 1–2 incidents in the kommun that day and at most 2 the day before. */
function smallCount(kommun: number): { day: string; category: string; n: number; prev: number } {
  const [row] = t.sql<{ day: string; category: string; n: number; prev: number }>(
    `WITH d AS (SELECT day, category, sum(n) AS n FROM incident_rollup_day
                WHERE kommun_id = ? AND day BETWEEN '2026-01-02' AND '2026-10-31' GROUP BY day, category)
     SELECT a.day, a.category, a.n,
            coalesce((SELECT b.n FROM d b WHERE b.category = a.category AND b.day = date(a.day, '-1 day')), 0) AS prev
     FROM d a WHERE a.n BETWEEN 1 AND 2 AND prev <= 2 ORDER BY a.day DESC LIMIT 1`,
    kommun,
  );
  if (!row) throw new Error('demo: ingen dag med 1–2 händelser');
  return row;
}

describe('till medborgarna', () => {
  it('en sida för kommunen: det vi lovade och det vi gjort, med löftets siffror och utan fackord', async () => {
    const id = await lofteId(RUNNING);
    const details = await t.call('loften.get', { id, by: 'period' });
    const sel: ReportSelection = {
      template: 'medborgare',
      area: { kind: 'kommun', kommunCode: '1276' },
      from: '2026-01-01',
      to: '2026-12-31',
    };
    const doc = buildFor(t, sel, {}, at(details.asOfDay));
    expect(doc.title).toBe('Till medborgarna 2026 – Klippans kommun');
    expect(doc.publication).toBe(true);
    expect(doc.chapters.map((c) => c.title)).toEqual(['Det här lovade vi – det här har vi gjort']);
    expect(doc.chapters[0]!.sections.map((s) => s.title)).toEqual([RUNNING]);
    const rows = figure(doc, `lofte-${id}`).table.rows;
    expect(rows.map((r) => r[1])).toEqual(
      details.progress.map((p) => `${formatInteger(p.schedule!.done)} av ${formatInteger(p.schedule!.total)}`),
    );
    expect(rows.map((r) => r[2])).toEqual(
      details.progress.map((p) =>
        p.schedule!.done >= p.schedule!.total ? 'Klart' : p.schedule!.behind ? 'Vi ligger efter' : 'Som planerat',
      ),
    );
    expect(rows.map((r) => r[0]).join(' ')).toContain('minst 2 i månaden (kommunen)');
    const text = documentText(doc);
    expect(text).toContain('vi väntar på nya siffror');
    expect(text).not.toMatch(/kadens|poisson|z =|säkerställd|takt|per vecka|per månad/i);
    expect(allBlocks(doc).flatMap((b) => (b.kind === 'slot' ? [b.key] : []))).toEqual(['kommun-1276']);
  });

  it('ett lokalpolisområde: en sida per kommun; utkast räknas inte som löften', () => {
    const doc = buildFor(t, {
      template: 'medborgare',
      area: { kind: 'lpo', lpo: 'Kävlinge' },
      from: '2017-01-01',
      to: '2017-12-31',
    });
    expect(doc.chapters.map((c) => c.title)).toEqual([
      'Burlövs kommun',
      'Kävlinges kommun',
      'Lommas kommun',
      'Staffanstorps kommun',
    ]);
    expect(doc.chapters.map((c) => c.sections.map((s) => s.title))).toEqual([
      [],
      ['Medborgarlöfte Kävlinge 2017'],
      [],
      [],
    ]);
    expect(documentText(doc)).toContain(
      'För 1 januari–31 december 2017 finns inget beslutat medborgarlöfte för Lommas kommun.',
    );
    const svalov = buildFor(t, {
      template: 'medborgare',
      area: { kind: 'kommun', kommunCode: '1214' },
      from: '2027-01-01',
      to: '2027-12-31',
    });
    expect(svalov.chapters[0]!.sections).toEqual([]);
    expect(documentText(svalov)).not.toContain('Skadegörelse i Teckomatorp');
  });
});

describe('publicering: små tal', () => {
  it('1–2 händelser i en liten kommun skrivs "färre än 3" i de offentliga dokumenten, men inte i en stor kommun', async () => {
    const perstorp = await kommunId('1275');
    const small = smallCount(perstorp);
    const filter = { kommunIds: [perstorp], categories: [small.category], fromDay: small.day, toDay: small.day };
    expect((await t.call('incidents.page', { filter, startRow: 0, endRow: 1 })).total).toBe(small.n);
    const evidence = [{ kind: 'filter' as const, label: 'Händelser vid stationen', filter }];
    const id = await lofte(perstorp, small.day, small.day, content({ title: 'Perstorps löfte', evidence }), true);

    const area = { kind: 'kommun', kommunCode: '1275' } as const;
    const doc = buildFor(t, { template: 'medborgarlofte', area, from: '2026-01-01', to: '2026-12-31', lofteId: id });
    expect(figure(doc, 'underlag').table.rows[0]![1]).toBe('färre än 3 händelser');
    // The effect check counts the löfte's day against the day before: the same small counts.
    const details = await t.call('loften.get', { id, by: 'period' });
    expect(details.effect[0]!.after!.value).toBe(small.n);
    expect(details.effect[0]!.before!.value).toBe(small.prev);
    const effect = figure(doc, 'effekt').table.rows[0]!;
    expect(effect[2]).toMatch(/^färre än 3 \(/);
    expect(effect[1]).toMatch(small.prev === 0 ? /^0 \(/ : /^färre än 3 \(/);
    expect(documentText(doc)).not.toMatch(new RegExp(`\\b${small.n} händelse`));

    const page = buildFor(t, { template: 'medborgare', area, from: '2026-01-01', to: '2026-12-31' });
    expect(documentText(page)).toContain('efter: färre än 3');
    // Not for publication: the count itself; marked for publication: suppressed again.
    const internal = { template: 'uppfoljning', area, from: '2026-01-01', to: '2026-12-31', lofteId: id } as const;
    expect(figure(buildFor(t, internal), `lofte-${id}-effekt-tabell`).table.rows[0]![2]).toMatch(
      new RegExp(`^${small.n} \\(`),
    );
    expect(
      figure(buildFor(t, { ...internal, publication: true }), `lofte-${id}-effekt-tabell`).table.rows[0]![2],
    ).toMatch(/^färre än 3 \(/);

    // Kävlinge (over 20 000 inhabitants): the same kind of count is printed.
    const kavlinge = await kommunId('1261');
    const big = smallCount(kavlinge);
    const bigFilter = { kommunIds: [kavlinge], categories: [big.category], fromDay: big.day, toDay: big.day };
    const bigId = await lofte(
      kavlinge,
      '2026-01-01',
      '2026-12-31',
      content({ evidence: [{ kind: 'filter', label: 'Ett urval', filter: bigFilter }] }),
    );
    const bigDoc = buildFor(t, {
      template: 'medborgarlofte',
      area: { kind: 'kommun', kommunCode: '1261' },
      from: '2026-01-01',
      to: '2026-12-31',
      lofteId: bigId,
    });
    expect(figure(bigDoc, 'underlag').table.rows[0]![1]).toBe(`${big.n} ${big.n === 1 ? 'händelse' : 'händelser'}`);
  });
});

describe('beslutad version', () => {
  it('ett beslutat löfte som fått en ny version med ändrad text skrivs ut som det beslutades', async () => {
    const bjuv = await kommunId('1260');
    const decided = content({ title: 'Tryggare Billesholm 2026', problem: 'Otrygghet vid Billesholms centrum.' });
    const id = await lofte(bjuv, '2026-01-01', '2026-12-31', decided, true);
    await t.call('loften.log', { id, activityKey: 'vandring', day: '2026-03-01', count: 1, place: '', note: '' });
    const draft = await t.call('loften.newVersion', { id });
    const changed = content({
      title: 'Ändrad titel',
      problem: 'Helt ny problembild.',
      activities: [{ ...decided.activities[0]!, quantity: 10 }],
    });
    await t.call('loften.save', { id, revision: draft.revision, content: changed });
    expect((await t.call('loften.get', { id, by: 'period' })).lofte.content.problem).toBe('Helt ny problembild.');

    const area = { kind: 'kommun', kommunCode: '1260' } as const;
    const doc = buildFor(t, { template: 'medborgarlofte', area, from: '2026-01-01', to: '2026-12-31', lofteId: id });
    expect(doc.draft).toBe(false);
    expect(doc.title).toBe('Tryggare Billesholm 2026');
    const text = documentText(doc);
    expect(text).toContain('Otrygghet vid Billesholms centrum.');
    expect(text).not.toContain('Helt ny problembild.');
    expect(text).toContain('Trygghetsvandring: minst 4 under perioden, ansvar: Polisen');
    expect(text).not.toContain('minst 10');
    expect(text).toContain('KS 2025-12-10 § 200');
    expect(text).toContain('Det här är den beslutade versionen (version 1). En ny version (2) är under arbete');

    // Followed up against the decided target, too.
    const follow = buildFor(t, { template: 'uppfoljning', area, from: '2026-01-01', to: '2026-12-31', lofteId: id });
    expect(figure(follow, `lofte-${id}-mal`).table.rows[0]!.slice(2, 4)).toEqual(['minst 4 under perioden', '4']);
    expect(figure(follow, `lofte-${id}-mal`).table.rows[0]![5]).toBe('1');
    expect(follow.chapters.find((c) => c.id === `lofte-${id}`)!.title).toBe('Tryggare Billesholm 2026');
  });
});
