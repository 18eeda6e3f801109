/**
 * Every operation of the contract, called through `dispatch` as both bridges call it, on a real demo
 * database: each answers with a value of the right shape, and the list below must name every operation
 * (a new one without a case here fails the first test).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_NAMES, type OpInput, type OpName } from '../../src/shared/api';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';
import { createChromiumPrinter } from '../../src/host/printer';
import { HostFolders } from '../../src/host/folders';

const FIXTURES = path.resolve(__dirname, '../fixtures/imports');

let t: TestWorkspace;
let klippan: number;
let printer: ReturnType<typeof createChromiumPrinter>;
const ids: Record<string, number> = {};
let backupName = '';

type Case<K extends OpName> = {
  input: () => OpInput<K> | Promise<OpInput<K>>;
  check: (value: unknown) => void;
};
type Cases = { [K in OpName]: Case<K> };

const isArray = (v: unknown) => expect(Array.isArray(v)).toBe(true);
const has =
  (...keys: string[]) =>
  (v: unknown) => {
    for (const k of keys) expect(v as object, k).toHaveProperty(k);
  };

/** In the order they run: later cases use what earlier ones made. */
const CASES: Cases = {
  'app.info': { input: () => ({}), check: (v) => expect((v as { incidentCount: number }).incidentCount).toBe(2000) },
  'reference.get': { input: () => ({}), check: has('kommuner', 'lpos') },
  'places.list': { input: () => ({ kommunId: klippan }), check: isArray },
  'incidents.page': {
    input: () => ({ filter: { kommunIds: [klippan] }, startRow: 0, endRow: 10 }),
    check: (v) => expect((v as { rows: unknown[] }).rows).toHaveLength(10),
  },
  'incidents.get': { input: () => ({ id: 1 }), check: has('id', 'occurredAt') },
  'incidents.create': {
    input: () => ({
      input: {
        source: 'est',
        category: 'skadegorelse',
        subcategory: 'klotter',
        occurredAt: '2026-06-07T19:30:00Z',
        reportedAt: '2026-06-07T20:00:00Z',
        kommunId: klippan,
        placeName: 'Torget',
        description: 'Klotter på busskuren',
        status: 'ny',
      },
    }),
    check: (v) => (ids.incident = (v as { id: number }).id),
  },
  'incidents.update': {
    input: () => {
      const row = t.sql<{ updated_at: string }>('SELECT updated_at FROM incident WHERE id = ?', ids.incident)[0]!;
      return {
        id: ids.incident!,
        expectedUpdatedAt: row.updated_at,
        input: {
          source: 'est',
          category: 'skadegorelse',
          subcategory: 'glaskross',
          occurredAt: '2026-06-07T19:30:00Z',
          reportedAt: '2026-06-07T20:00:00Z',
          kommunId: klippan,
          placeName: 'Torget',
          description: 'Krossad ruta',
          status: 'hanteras',
        },
      };
    },
    check: (v) => expect((v as { subcategory: string }).subcategory).toBe('glaskross'),
  },
  'incidents.delete': { input: () => ({ id: ids.incident! }), check: has('id') },
  'incidents.restore': { input: () => ({ id: ids.incident! }), check: has('id') },
  'incidents.export': {
    input: () => ({ format: 'csv' }),
    check: (v) => {
      const r = v as { rows: number; savedTo: string };
      expect(r.rows).toBe(t.one<number>('SELECT count(*) FROM incident'));
      expect(fs.existsSync(r.savedTo)).toBe(true);
    },
  },
  'db.recent': { input: () => ({}), check: isArray },
  'db.choosePath': { input: () => ({ mode: 'open' }), check: (v) => expect(v).toEqual({ path: null }) },
  'backups.overview': { input: () => ({}), check: has('dir', 'settings', 'backups', 'dbBytes') },
  'backups.saveSettings': {
    input: () => ({ dir: null, daily: 7, beforeChange: 4, sizeFactor: 5 }),
    check: (v) => expect((v as { settings: { beforeChange: number } }).settings.beforeChange).toBe(4),
  },
  'backups.create': {
    input: () => ({}),
    check: (v) => {
      const file = (v as { path: string }).path;
      expect(fs.existsSync(file)).toBe(true);
      backupName = path.basename(file);
    },
  },
  'backups.restore': {
    input: () => ({ name: backupName }),
    check: (v) => expect((v as { incidentCount: number }).incidentCount).toBeGreaterThan(0),
  },
  'db.checkIntegrity': { input: () => ({}), check: (v) => expect(v).toEqual({ ok: true, problems: [] }) },
  'folders.list': { input: () => ({}), check: (v) => expect(v).toMatchObject({ supported: false, folders: [] }) },
  'folders.add': {
    // The browser host's folder list on this workspace (the test platform has none: list said unsupported).
    input: () => (Object.assign(t.ws.platform, { folders: new HostFolders(t.ws.options.dataDir) }), { path: FIXTURES }),
    check: (v) => expect(v).toMatchObject({ supported: true, folders: [fs.realpathSync(FIXTURES)] }),
  },
  'folders.remove': {
    input: () => ({ path: fs.realpathSync(FIXTURES) }),
    check: (v) => expect(v).toMatchObject({ supported: true, folders: [] }),
  },
  'jobs.list': { input: () => ({}), check: isArray },
  'imports.preview': {
    input: () => ({ path: path.join(FIXTURES, 'est-export.csv') }),
    check: (v) => expect((v as { rowCount: number }).rowCount).toBeGreaterThan(0),
  },
  'imports.commit': {
    input: () => ({ path: path.join(FIXTURES, 'est-export.csv'), skipInvalid: true }),
    check: (v) => expect((v as { added: number }).added).toBeGreaterThan(0),
  },
  'imports.cancel': { input: () => ({}), check: (v) => expect(v).toEqual({ cancelled: false }) },
  'imports.log': { input: () => ({}), check: (v) => (ids.import = (v as { id: number }[])[0]!.id) },
  'imports.undo': {
    input: () => ({ id: ids.import! }),
    check: (v) => expect((v as { removed: number }).removed).toBeGreaterThan(0),
  },
  'walks.save': {
    input: () => ({ kommunId: klippan, title: 'Kvällsvandring', walkDay: '2026-06-10' }),
    check: (v) => (ids.walk = (v as { id: number }).id),
  },
  'walks.list': { input: () => ({ kommunIds: [klippan] }), check: isArray },
  'walks.get': { input: () => ({ id: ids.walk! }), check: has('walk', 'observations') },
  'walks.observe': {
    input: () => ({ walkId: ids.walk!, placeName: 'Torget', subcategory: 'belysning' }),
    check: (v) => (ids.observation = (v as { id: number }).id),
  },
  'walks.deleteObservation': { input: () => ({ id: ids.observation! }), check: has('id') },
  'measures.save': {
    input: () => ({ kommunId: klippan, walkId: ids.walk!, what: 'Byt lampor', responsible: 'Teknik' }),
    check: has('id', 'dueDay'),
  },
  'measures.list': { input: () => ({ kommunIds: [klippan] }), check: isArray },
  'dashboards.compare': {
    input: () => ({ filter: { fromDay: '2026-01-01', toDay: '2026-06-30' } }),
    check: has('rows', 'lpoTotals'),
  },
  'maps.places': {
    input: () => ({ filter: { fromDay: '2026-01-01', toDay: '2026-06-30' } }),
    check: has('places', 'withoutPosition', 'kommuner', 'totals'),
  },
  'maps.hotspots': {
    input: () => ({ filter: { fromDay: '2026-01-01', toDay: '2026-06-30' } }),
    check: has('cells', 'tested', 'method'),
  },
  'places.setPosition': {
    input: () => ({ kommunId: klippan, name: 'Ny plats', lat: 56.13, lon: 13.13 }),
    check: has('place', 'previous'),
  },
  'dashboards.change': {
    input: () => ({ filter: { fromDay: '2026-05-01', toDay: '2026-06-30' } }),
    check: has('rows', 'previous'),
  },
  'dashboards.trend': {
    input: () => ({ filter: { fromDay: '2026-01-01', toDay: '2026-06-30' }, by: 'month' }),
    check: isArray,
  },
  'dashboards.est': {
    input: () => ({ kommunId: klippan, cycle: 'manad', day: '2026-06-30' }),
    check: has('changes', 'summary'),
  },
  'overview.get': { input: () => ({}), check: has('changes', 'survey') },
  'survey.get': { input: () => ({}), check: has('results', 'movements') },
  'views.save': {
    input: () => ({
      name: 'Klippan första halvåret',
      dashboard: 'jamfor',
      settings: { filter: { kommunIds: [klippan], fromDay: '2026-01-01', toDay: '2026-06-30' } },
    }),
    check: (v) => (ids.view = (v as { id: number }).id),
  },
  'views.list': { input: () => ({}), check: isArray },
  'loften.list': { input: () => ({}), check: isArray },
  'loften.focusAreas': { input: () => ({}), check: isArray },
  'loften.create': {
    input: () => ({ kommunId: klippan, periodFrom: '2027-01-01', periodTo: '2027-12-31', evidenceViewId: ids.view! }),
    check: (v) => (ids.lofte = (v as { id: number }).id),
  },
  'loften.get': { input: () => ({ id: ids.lofte! }), check: has('lofte', 'checklist', 'history') },
  'loften.save': {
    input: () => {
      const row = t.sql<{ revision: number; content_json: string }>(
        'SELECT revision, content_json FROM lofte WHERE id = ?',
        ids.lofte,
      )[0]!;
      const content = JSON.parse(row.content_json) as Record<string, unknown>;
      return { id: ids.lofte!, revision: row.revision, content: { ...content, title: 'Tryggare centrum' } } as never;
    },
    check: (v) => expect((v as { content: { title: string } }).content.title).toBe('Tryggare centrum'),
  },
  'loften.comment': { input: () => ({ id: ids.lofte!, body: 'Bra start.' }), check: has('author', 'body') },
  'loften.transition': {
    input: () => ({ id: ids.lofte!, to: 'for_granskning' }),
    check: (v) => expect((v as { state: string }).state).toBe('for_granskning'),
  },
  'loften.log': {
    input: () => {
      const row = t.sql<{ id: number; content_json: string }>(
        "SELECT id, content_json FROM lofte WHERE state IN ('beslutad', 'uppfoljning') AND period_from <= '2026-06-01' AND period_to >= '2026-06-01' LIMIT 1",
      )[0]!;
      const key = (JSON.parse(row.content_json) as { activities: { key: string }[] }).activities[0]!.key;
      return { id: row.id, activityKey: key, day: '2026-06-01', count: 1 };
    },
    check: (v) => (ids.log = (v as { id: number }).id),
  },
  'loften.deleteLog': { input: () => ({ logId: ids.log! }), check: has('id') },
  'loften.newVersion': {
    input: () => ({
      id: t.one<number>("SELECT id FROM lofte WHERE state IN ('beslutad', 'uppfoljning') ORDER BY id LIMIT 1"),
    }),
    check: has('id', 'version'),
  },
  'agreements.list': { input: () => ({}), check: isArray },
  'agreements.get': {
    input: () => ({ id: t.one<number>('SELECT id FROM agreement LIMIT 1') }),
    check: has('id', 'focusAreas'),
  },
  'agreements.save': {
    input: () => ({
      title: 'Överenskommelse 2027',
      periodFrom: '2027-01-01',
      periodTo: '2027-12-31',
      kommunIds: [klippan],
      focusAreas: [{ title: 'Trafik' }],
    }),
    check: has('id', 'focusAreas'),
  },
  'views.delete': { input: () => ({ id: ids.view! }), check: has('id') },
  'profile.get': { input: () => ({}), check: (v) => expect(v).toMatchObject({ profile: null }) },
  'profile.save': {
    input: () => ({ name: 'Anna Andersson', organisation: 'Klippans kommun', role: 'samordnare' }),
    check: (v) => expect(v).toMatchObject({ author: { name: 'Anna Andersson' } }),
  },
  'reports.create': {
    input: () => ({
      selection: {
        template: 'lagesbild',
        area: { kind: 'kommun', kommunCode: '1276' },
        from: '2026-01-01',
        to: '2026-12-31',
      },
    }),
    check: (v) => {
      expect(v).toMatchObject({ title: 'Lägesbild 2026 – Klippans kommun', status: 'utkast', version: 1 });
      ids.report = (v as { id: number }).id;
    },
  },
  'reports.list': {
    input: () => ({ kommunIds: [klippan], year: 2026 }),
    check: (v) => expect((v as { id: number }[]).map((r) => r.id)).toContain(ids.report),
  },
  'reports.get': { input: () => ({ id: ids.report! }), check: has('document', 'figures', 'slots', 'revision') },
  'reports.document': {
    input: () => ({ source: { id: ids.report! } }),
    check: (v) => expect((v as { document: { chapters: unknown[] } }).document.chapters.length).toBeGreaterThan(0),
  },
  'reports.save': {
    input: () => ({
      id: ids.report!,
      revision: t.one<number>('SELECT revision FROM report WHERE id = ?', ids.report),
      edits: { texts: { sammanfattning: 'Läget är i stort sett oförändrat.' } },
    }),
    check: (v) =>
      expect(
        (v as { slots: { key: string; text: string }[] }).slots.find((s) => s.key === 'sammanfattning')?.text,
      ).toBe('Läget är i stort sett oförändrat.'),
  },
  'reports.pii': { input: () => ({ source: { id: ids.report! } }), check: (v) => expect(v).toEqual([]) },
  'reports.preview': {
    input: () => ({ source: { id: ids.report! } }),
    check: (v) => {
      const p = v as { pdfBase64: string; pages: number };
      expect(Buffer.from(p.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      expect(p.pages).toBeGreaterThan(1);
    },
  },
  'reports.export': {
    input: () => ({ source: { id: ids.report! }, format: 'docx' }),
    check: (v) =>
      expect(
        fs
          .readFileSync((v as { savedTo: string }).savedTo)
          .subarray(0, 2)
          .toString(),
      ).toBe('PK'),
  },
  'reports.decide': {
    input: () => ({
      id: ids.report!,
      revision: t.one<number>('SELECT revision FROM report WHERE id = ?', ids.report),
      decidedBy: 'Kommunfullmäktige',
      decidedOn: '2026-11-20',
      protocolRef: 'KF § 112',
    }),
    check: (v) => expect(v).toMatchObject({ status: 'faststalld', decided: { protocolRef: 'KF § 112' } }),
  },
  'reports.newVersion': {
    input: () => ({ id: ids.report! }),
    check: (v) => expect(v).toMatchObject({ status: 'utkast', version: 2, previousId: ids.report }),
  },
  'audit.list': {
    input: () => ({ objectType: 'report', limit: 5 }),
    check: (v) => expect((v as { entries: unknown[] }).entries.length).toBeGreaterThan(0),
  },
  'audit.verify': { input: () => ({}), check: (v) => expect(v).toMatchObject({ ok: true, problems: [] }) },
  'audit.export': { input: () => ({}), check: (v) => expect((v as { rows: number }).rows).toBeGreaterThan(0) },
  'privacy.settings.get': { input: () => ({}), check: has('descriptionYears', 'pending', 'trashExpired') },
  'privacy.settings.set': { input: () => ({ descriptionYears: null }), check: has('descriptionYears') },
  'privacy.applyRetention': { input: () => ({}), check: (v) => expect(v).toMatchObject({ descriptions: 0 }) },
  'privacy.search': { input: () => ({ term: 'Klotter' }), check: has('groups', 'total') },
  'privacy.erase': {
    input: () => ({ term: 'Zqxwv', mode: 'mask', hits: [{ source: 'incident', id: 1, field: 'description' }] }),
    check: (v) => expect(v).toMatchObject({ total: 0 }),
  },
  'db.create': { input: () => ({ path: t.tmp.file('ny.sqlite') }), check: has('path', 'schemaVersion') },
  'db.open': { input: () => ({ path: t.ws.demoPath() }), check: has('path') },
  'db.openDemo': { input: () => ({}), check: (v) => expect(v).toMatchObject({ isDemo: true }) },
};

describe('varje operation genom dispatch', () => {
  beforeAll(async () => {
    printer = createChromiumPrinter();
    t = testWorkspace({
      demoRows: 2000,
      platform: {
        choosePath: async () => null,
        exportTarget: async (fileName) => ({ path: t.tmp.file(fileName), downloadUrl: null }),
        printer,
      },
    });
    t.ws.openDemo();
    await t.ws.ready();
    klippan = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
  });
  afterAll(async () => {
    await t.close();
    await printer.close();
  });

  it('listan nedan täcker hela kontraktet', () => {
    expect(Object.keys(CASES).sort()).toEqual([...OP_NAMES].sort());
  });

  for (const name of Object.keys(CASES) as OpName[]) {
    it(name, async () => {
      const c = CASES[name] as Case<OpName>;
      const value = await t.call(name, await c.input());
      c.check(value);
    });
  }

  it('en kommentar utan namn bär profilens namn', async () => {
    const comment = await t.call('loften.comment', { id: ids.lofte!, body: 'Efter profilen.' });
    expect(comment.author).toContain('Anna Andersson');
  });
});
