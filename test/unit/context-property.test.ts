/**
 * Random sequences of writes through `dispatch` — incidents created, updated, deleted and restored, walk
 * observations and their removal, imports and their undo, löfte saves — interleaved with register pages and
 * dashboards for filters viewed earlier. After every step each figure equals a plain query on the tables.
 * Taking out the context's version bump makes this fail (checked): caches would serve the earlier answer.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/api/dispatch';
import { seedGeography } from '../../src/core/demo/seed';
import type { IncidentFilter } from '../../src/shared/domain';
import { CATEGORIES } from '../../src/shared/taxonomy';
import { addDays, localDay, localDayStartUtc } from '../../src/shared/time';
import { directIds, testWorkspace, type TestWorkspace } from '../helpers/workspace';

const DAYS = ['2025-03-29', '2025-03-30', '2025-03-31', '2025-04-01', '2025-04-30', '2025-05-01'];
const PLACES = ['Storgatan', 'Torget', 'Stationen'];
const PAIRS = CATEGORIES.slice(0, 4).flatMap((c) => c.subcategories.slice(0, 2).map((s) => [c.code, s.code] as const));

type Step =
  | { kind: 'create'; kommun: number; day: number; hour: number; pair: number; place: number }
  | { kind: 'update'; pick: number; kommun: number; day: number; pair: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'restore'; pick: number }
  | { kind: 'observe'; walk: number; place: number }
  | { kind: 'unobserve'; pick: number }
  | { kind: 'import'; kommun: number; day: number; rows: number }
  | { kind: 'undo' }
  | { kind: 'lofte'; title: string }
  | { kind: 'view'; filter: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    kommun: fc.nat(2),
    day: fc.nat(DAYS.length - 1),
    hour: fc.nat(23),
    pair: fc.nat(PAIRS.length - 1),
    place: fc.nat(PLACES.length - 1),
  }),
  fc.record({
    kind: fc.constant('update' as const),
    pick: fc.nat(),
    kommun: fc.nat(2),
    day: fc.nat(DAYS.length - 1),
    pair: fc.nat(PAIRS.length - 1),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('observe' as const), walk: fc.nat(1), place: fc.nat(PLACES.length - 1) }),
  fc.record({ kind: fc.constant('unobserve' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('import' as const),
    kommun: fc.nat(2),
    day: fc.nat(DAYS.length - 1),
    rows: fc.integer({ min: 1, max: 3 }),
  }),
  fc.constant({ kind: 'undo' as const }),
  fc.record({ kind: fc.constant('lofte' as const), title: fc.string({ maxLength: 30 }) }),
  fc.record({ kind: fc.constant('view' as const), filter: fc.nat(20) }),
);

describe('det som visas är lika med tabellerna, efter varje skrivning', () => {
  let t: TestWorkspace;
  let kommuner: { id: number; name: string }[];

  beforeAll(() => {
    t = testWorkspace();
  });
  afterAll(async () => t.close());

  /** The filters a user views; each is viewed (and cached) again and again between writes. */
  function filters(): IncidentFilter[] {
    const [a, b, c] = kommuner.map((k) => k.id) as [number, number, number];
    return [
      {},
      { kommunIds: [a] },
      { kommunIds: [b], fromDay: DAYS[2]!, toDay: DAYS[2]! },
      { kommunIds: [a, c], fromDay: DAYS[0]!, toDay: DAYS[3]! },
      { categories: [PAIRS[0]![0]] },
      { sources: ['trygghetsvandring'] },
      { sources: ['est'], kommunIds: [c] },
      { placeNames: ['Torget'] },
      { placeNames: ['Stationen'], kommunIds: [a] },
      { fromDay: DAYS[4]!, toDay: DAYS[5]! },
    ];
  }

  async function expectRegister(filter: IncidentFilter) {
    const direct = directIds(t, filter);
    const page = await t.call('incidents.page', { filter, startRow: 0, endRow: 50 });
    expect({ total: page.total, ids: page.rows.map((r) => r.id) }, JSON.stringify(filter)).toEqual({
      total: direct.length,
      ids: direct.slice(0, 50),
    });
  }

  async function expectDashboards() {
    const filter = { fromDay: DAYS[0]!, toDay: DAYS.at(-1)! };
    const compare = await t.call('dashboards.compare', { filter });
    const naive = new Map(
      t
        .sql<{ kommun_id: number; n: number }>(
          'SELECT kommun_id, count(*) AS n FROM incident WHERE occurred_at >= ? AND occurred_at < ? GROUP BY kommun_id',
          localDayStartUtc(filter.fromDay),
          localDayStartUtc(addDays(filter.toDay, 1)),
        )
        .map((r) => [r.kommun_id, r.n]),
    );
    for (const row of compare.rows) expect(row.total, `kommun ${row.kommunId}`).toBe(naive.get(row.kommunId) ?? 0);
    // The trend per month, kommun and category against the table grouped by local (Stockholm) month.
    const trend = await t.call('dashboards.trend', { filter, by: 'month' });
    const grouped = new Map<string, number>();
    for (const r of t.sql<{ occurred_at: string; kommun_id: number; category: string }>(
      'SELECT occurred_at, kommun_id, category FROM incident WHERE occurred_at >= ? AND occurred_at < ?',
      localDayStartUtc(filter.fromDay),
      localDayStartUtc(addDays(filter.toDay, 1)),
    )) {
      const key = `${localDay(r.occurred_at).slice(0, 7)}|${r.kommun_id}|${r.category}`;
      grouped.set(key, (grouped.get(key) ?? 0) + 1);
    }
    const shown = new Map(
      trend.filter((p) => p.n > 0).map((p) => [`${p.period}|${p.kommunId}|${p.category}`, p.n] as const),
    );
    expect(shown).toEqual(grouped);
    const info = await t.call('app.info', {});
    expect(info.incidentCount).toBe(t.one('SELECT count(*) FROM incident'));
  }

  it('för slumpade följder av skrivningar och visningar', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 25 }), async (steps) => {
        run++;
        t.ws.create(t.tmp.file(`egenskap-${run}.sqlite`));
        t.ws.db().write(['reference'], ({ db }) => seedGeography(db));
        kommuner = t.sql<{ id: number; name: string }>(
          "SELECT id, name FROM kommun WHERE name IN ('Klippan', 'Svalöv', 'Lomma') ORDER BY name",
        );
        const views = filters();
        const walks = [
          await t.call('walks.save', { kommunId: kommuner[0]!.id, title: 'Vandring A', walkDay: DAYS[2]! }),
          await t.call('walks.save', { kommunId: kommuner[1]!.id, title: 'Vandring B', walkDay: DAYS[4]! }),
        ];
        const lofte = await t.call('loften.create', {
          kommunId: kommuner[0]!.id,
          periodFrom: '2025-01-01',
          periodTo: '2025-12-31',
        });
        let revision = lofte.revision;
        let lofteTitle = lofte.content.title;
        const deleted: number[] = [];
        const observations: number[] = [];
        let imports = 0;
        // Every filter is viewed once first, so the later views would come from a cache if one were stale.
        for (const f of views) await expectRegister(f);

        for (const step of steps) {
          const live = t.sql<{ id: number; updated_at: string }>(
            "SELECT id, updated_at FROM incident WHERE source <> 'trygghetsvandring' ORDER BY id",
          );
          switch (step.kind) {
            case 'create': {
              const [category, subcategory] = PAIRS[step.pair]!;
              const at = `${DAYS[step.day]!}T${String(step.hour).padStart(2, '0')}:15:00Z`;
              await t.call('incidents.create', {
                input: {
                  source: 'est',
                  category,
                  subcategory,
                  occurredAt: at,
                  reportedAt: at,
                  kommunId: kommuner[step.kommun]!.id,
                  placeName: PLACES[step.place]!,
                  description: 'Slumpad händelse',
                  status: 'ny',
                },
              });
              break;
            }
            case 'update': {
              const row = live[step.pick % Math.max(1, live.length)];
              if (!row) break;
              const old = await t.call('incidents.get', { id: row.id });
              const [category, subcategory] = PAIRS[step.pair]!;
              await t.call('incidents.update', {
                id: row.id,
                expectedUpdatedAt: row.updated_at,
                input: {
                  source: old.source,
                  category,
                  subcategory,
                  occurredAt: `${DAYS[step.day]!}T22:30:00Z`,
                  reportedAt: `${DAYS[step.day]!}T23:00:00Z`,
                  kommunId: kommuner[step.kommun]!.id,
                  placeName: old.placeName,
                  description: old.description,
                  status: old.status,
                },
              });
              break;
            }
            case 'delete': {
              const row = live[step.pick % Math.max(1, live.length)];
              if (!row) break;
              await t.call('incidents.delete', { id: row.id });
              deleted.push(row.id);
              break;
            }
            case 'restore': {
              if (!deleted.length) break;
              const [id] = deleted.splice(step.pick % deleted.length, 1);
              await t.call('incidents.restore', { id: id! });
              break;
            }
            case 'observe': {
              const o = await t.call('walks.observe', {
                walkId: walks[step.walk]!.id,
                placeName: PLACES[step.place]!,
                subcategory: 'belysning',
              });
              observations.push(o.id);
              break;
            }
            case 'unobserve': {
              if (!observations.length) break;
              const [id] = observations.splice(step.pick % observations.length, 1);
              await t.call('walks.deleteObservation', { id: id! });
              break;
            }
            case 'import': {
              const file = t.tmp.file(`import-${run}-${++imports}.csv`);
              const kommun = kommuner[step.kommun]!.name;
              const lines = Array.from(
                { length: step.rows },
                (_, i) =>
                  `I${run}-${imports}-${i};${DAYS[step.day]!};2${i}:10;${kommun};Torget;Klotter;;Klotter nr ${i}`,
              );
              fs.writeFileSync(
                file,
                `Ärendenummer;Händelsedatum;Tid;Kommun;Plats;Kategori;Underkategori;Beskrivning\r\n${lines.join('\r\n')}\r\n`,
              );
              await t.call('imports.commit', { path: file, format: 'incidents' });
              break;
            }
            case 'undo': {
              const log = (await t.call('imports.log', {})).filter((l) => !l.undoneAt);
              if (!log.length) break;
              // Undo refuses when rows of the import were changed since; that refusal must change nothing.
              await dispatch(t.handlers, 'imports.undo', { id: log[0]!.id });
              break;
            }
            case 'lofte': {
              const content = { ...lofte.content, title: step.title.trim() };
              const saved = await t.call('loften.save', { id: lofte.id, revision, content });
              revision = saved.revision;
              lofteTitle = saved.content.title;
              break;
            }
            case 'view':
              await expectRegister(views[step.filter % views.length]!);
              break;
          }
          await expectRegister(views[run % views.length]!);
        }
        for (const f of views) await expectRegister(f);
        await expectDashboards();
        expect((await t.call('loften.get', { id: lofte.id })).lofte.content.title).toBe(lofteTitle);
      }),
      { numRuns: 40, seed: 11 },
    );
  }, 240_000);
});
