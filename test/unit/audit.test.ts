/**
 * The audit log ("Ändringslogg"): every kind of change made through the real operations leaves an entry
 * with who and before → after; the chain verifies; entries edited or deleted with SQL on another connection
 * are named (first broken first); a chain recomputed wholesale is caught by the head kept outside the file.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';
import { entryHash, sha256 } from '../../src/core/audit/hash';
import { HeadKeeper, latestHead, readHead, recordHead } from '../../src/core/audit/heads';
import { verifyAudit } from '../../src/core/audit/verify';
import type { AuditEntry } from '../../src/shared/audit';

const FIXTURES = path.resolve(__dirname, '../fixtures/imports');

let t: TestWorkspace;
let klippan: number;

const db = () => t.ws.db().read((r) => r.db);
const lastId = () => t.one<number>('SELECT coalesce(max(id), 0) FROM audit_log');
/** The entries written since `from` (an id), oldest first. */
function since(from: number): AuditEntry[] {
  return db()
    .prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id')
    .all(from)
    .map((r) => {
      const row = r as Record<string, unknown>;
      const c = JSON.parse(row.content_json as string) as { before?: unknown; after?: unknown };
      return {
        id: row.id,
        at: row.at,
        actor: row.actor,
        objectType: row.object_type,
        objectId: row.object_id,
        action: row.action,
        before: c.before as never,
        after: c.after as never,
        erased: row.erased === 1,
        hash: row.hash,
      } as AuditEntry;
    });
}

/** Runs `fn` and returns the entries it wrote. */
async function entriesOf(fn: () => Promise<unknown>): Promise<AuditEntry[]> {
  const from = lastId();
  await fn();
  return since(from);
}

beforeAll(async () => {
  t = testWorkspace({ demoRows: 200 });
  t.ws.openDemo();
  await t.ws.ready();
  klippan = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
});
afterAll(async () => {
  await t.close();
});

const incidentInput = (description: string, subcategory = 'klotter') => ({
  source: 'est' as const,
  category: 'skadegorelse',
  subcategory,
  occurredAt: '2026-06-07T19:30:00Z',
  reportedAt: '2026-06-07T20:00:00Z',
  kommunId: klippan,
  placeName: 'Torget',
  description,
  status: 'ny' as const,
});

describe('varje ändring loggas med vem och före → efter', () => {
  it('händelser: skapad, ändrad, borttagen, återställd', async () => {
    let id = 0;
    const created = await entriesOf(async () => {
      id = (await t.call('incidents.create', { input: incidentInput('Klotter på busskuren') })).id;
    });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ objectType: 'incident', objectId: String(id), action: 'skapad' });
    expect(created[0]!.actor).not.toBe('');
    expect(created[0]!.after).toMatchObject({ description: 'Klotter på busskuren', subcategory: 'klotter' });

    const updatedAt = t.one<string>('SELECT updated_at FROM incident WHERE id = ?', id);
    const changed = await entriesOf(() =>
      t.call('incidents.update', {
        id,
        expectedUpdatedAt: updatedAt,
        input: { ...incidentInput('Krossad ruta', 'glaskross'), status: 'hanteras' },
      }),
    );
    expect(changed.map((e) => e.action)).toEqual(['ändrad']);
    expect(changed[0]!.before).toMatchObject({
      description: 'Klotter på busskuren',
      subcategory: 'klotter',
      status: 'ny',
    });
    expect(changed[0]!.after).toMatchObject({
      description: 'Krossad ruta',
      subcategory: 'glaskross',
      status: 'hanteras',
    });
    // Only what changed: the place stayed, so it is not in the entry.
    expect(changed[0]!.after).not.toHaveProperty('place_name');

    const deleted = await entriesOf(() => t.call('incidents.delete', { id }));
    expect(deleted.map((e) => e.action)).toEqual(['borttagen']);
    expect(deleted[0]!.before).toMatchObject({ description: 'Krossad ruta' });
    const restored = await entriesOf(() => t.call('incidents.restore', { id }));
    expect(restored.map((e) => e.action)).toEqual(['återställd']);
  });

  it('trygghetsvandringar, observationer och åtgärder', async () => {
    let walk = 0;
    const w = await entriesOf(async () => {
      walk = (await t.call('walks.save', { kommunId: klippan, title: 'Kvällsvandring', walkDay: '2026-06-10' })).id;
    });
    expect(w).toMatchObject([{ objectType: 'walk', action: 'skapad', after: { title: 'Kvällsvandring' } }]);
    let obs = 0;
    const o = await entriesOf(async () => {
      obs = (await t.call('walks.observe', { walkId: walk, placeName: 'Torget', subcategory: 'belysning' })).id;
    });
    expect(o.map((e) => [e.objectType, e.action])).toContainEqual(['walk_observation', 'skapad']);
    const d = await entriesOf(() => t.call('walks.deleteObservation', { id: obs }));
    expect(d.map((e) => [e.objectType, e.action])).toContainEqual(['walk_observation', 'borttagen']);
    const m = await entriesOf(() =>
      t.call('measures.save', {
        kommunId: klippan,
        walkId: walk,
        what: 'Byt lampor',
        responsible: 'Tekniska',
        dueDay: '2026-09-01',
        status: 'planerad',
      } as never),
    );
    expect(m).toMatchObject([{ objectType: 'measure', action: 'skapad', after: { what: 'Byt lampor' } }]);
  });

  it('löften (innehåll, kommentar, status, aktivitet), överenskommelser och rapporter', async () => {
    const viewId = (
      await t.call('views.save', {
        name: 'Underlag',
        dashboard: 'jamfor',
        settings: { filter: { kommunIds: [klippan], fromDay: '2026-01-01', toDay: '2026-06-30' } },
      })
    ).id;
    let lofte = 0;
    const c = await entriesOf(async () => {
      lofte = (
        await t.call('loften.create', {
          kommunId: klippan,
          periodFrom: '2027-01-01',
          periodTo: '2027-12-31',
          evidenceViewId: viewId,
        })
      ).id;
    });
    expect(c.map((e) => [e.objectType, e.action])).toContainEqual(['lofte', 'skapad']);
    const row = t.sql<{ revision: number; content_json: string }>(
      'SELECT revision, content_json FROM lofte WHERE id = ?',
      lofte,
    )[0]!;
    const content = JSON.parse(row.content_json) as Record<string, unknown>;
    const s = await entriesOf(() =>
      t.call('loften.save', {
        id: lofte,
        revision: row.revision,
        content: { ...content, title: 'Tryggare centrum' },
      } as never),
    );
    const saved = s.find((e) => e.objectType === 'lofte' && e.action === 'ändrad')!;
    // A JSON column shows only its changed keys.
    expect(saved.after).toMatchObject({ content_json: { title: 'Tryggare centrum' } });
    expect(Object.keys((saved.after as unknown as { content_json: object }).content_json)).toEqual(['title']);
    const k = await entriesOf(() => t.call('loften.comment', { id: lofte, body: 'Bra start.' }));
    expect(k).toMatchObject([{ objectType: 'lofte_comment', action: 'skapad', after: { body: 'Bra start.' } }]);
    const tr = await entriesOf(() => t.call('loften.transition', { id: lofte, to: 'for_granskning' }));
    expect(tr.find((e) => e.objectType === 'lofte')).toMatchObject({
      action: 'ändrad',
      before: { state: 'utkast' },
      after: { state: 'for_granskning' },
    });
    const a = await entriesOf(() =>
      t.call('agreements.save', {
        title: 'Överenskommelse 2027',
        periodFrom: '2027-01-01',
        periodTo: '2027-12-31',
        kommunIds: [klippan],
        focusAreas: [{ title: 'Trafik' }],
      }),
    );
    expect(a.map((e) => [e.objectType, e.action])).toEqual(
      expect.arrayContaining([
        ['agreement', 'skapad'],
        ['focus_area', 'skapad'],
      ]),
    );
    const r = await entriesOf(() =>
      t.call('reports.create', {
        selection: {
          template: 'lagesbild',
          area: { kind: 'kommun', kommunCode: '1276' },
          from: '2026-01-01',
          to: '2026-12-31',
        },
      }),
    );
    expect(r).toMatchObject([{ objectType: 'report', action: 'skapad' }]);
  });

  it('en import av N rader ger en post, inte N; att ångra den ger en till', async () => {
    const before = t.one<number>('SELECT count(*) FROM incident');
    let added = 0;
    const imported = await entriesOf(async () => {
      added = (await t.call('imports.commit', { path: path.join(FIXTURES, 'est-export.csv'), skipInvalid: true }))
        .added;
    });
    expect(added).toBeGreaterThan(1);
    expect(t.one<number>('SELECT count(*) FROM incident')).toBe(before + added);
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({
      objectType: 'import',
      action: 'import',
      after: { fil: 'est-export.csv', tillagda: added },
    });
    const undone = await entriesOf(() => t.call('imports.undo', { id: Number(imported[0]!.objectId) }));
    expect(undone).toHaveLength(1);
    expect(undone[0]).toMatchObject({ action: 'ångrad import', after: { fil: 'est-export.csv', borttagna: added } });
  });

  it('kedjan är obruten och listan filtrerar', async () => {
    const check = await t.call('audit.verify', {});
    expect(check.problems).toEqual([]);
    expect(check.summary).toMatch(/^Loggen är obruten: \d+ poster, senaste /);
    const page = await t.call('audit.list', { objectType: 'lofte_comment', limit: 10 });
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.objectType === 'lofte_comment')).toBe(true);
    const text = await t.call('audit.list', { text: 'Kvällsvandring', limit: 10 });
    expect(text.entries.length).toBeGreaterThan(0);
    expect(text.entries.every((e) => `${e.before}${e.after}`.includes('Kvällsvandring'))).toBe(true);
    const paged = await t.call('audit.list', { limit: 2 });
    const next = await t.call('audit.list', { limit: 2, beforeId: paged.nextBeforeId! });
    expect(next.entries[0]!.id).toBeLessThan(paged.entries[1]!.id);
  });
});

/** Another connection, as someone with the file and a SQL tool: the append-only triggers dropped first. */
function tamper(file: string, fn: (raw: Database.Database) => void): void {
  const raw = new Database(file);
  try {
    raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    fn(raw);
  } finally {
    raw.close();
  }
}

describe('manipulering upptäcks', () => {
  it('loggen går inte att ändra eller tömma av misstag', () => {
    expect(() => db().prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/kan inte ändras/);
    expect(() => db().prepare("UPDATE audit_log SET actor = 'x' WHERE id = 1").run()).toThrow(/kan inte ändras/);
  });

  it('en ändrad och en borttagen post namnges, den första först', async () => {
    const file = t.ws.db().path;
    const n = lastId();
    const [edited, removed] = [Math.floor(n / 3), Math.floor((2 * n) / 3)];
    tamper(file, (raw) => {
      raw.prepare(`UPDATE audit_log SET content_json = '{"after":{"description":"annat"}}' WHERE id = ?`).run(edited);
      raw.prepare('DELETE FROM audit_log WHERE id = ?').run(removed);
    });
    const check = await t.call('audit.verify', {});
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.id)).toEqual([edited, removed]);
    expect(check.summary).toContain(`Loggen är bruten vid post ${edited}:`);
    expect(check.problems[1]!.message).toBe(`Post ${removed} saknas: den har tagits bort ur loggen.`);
  });
});

describe('kedjehuvudet utanför databasen', () => {
  let w: TestWorkspace;
  let keeper: HeadKeeper;
  beforeAll(async () => {
    w = testWorkspace({ demoRows: 50 });
    w.ws.openDemo();
    await w.ws.ready();
    keeper = new HeadKeeper(w.ws.options.dataDir, w.ws.db().path);
    const k = w.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
    for (let i = 0; i < 5; i++) {
      await w.call('walks.save', { kommunId: k, title: `Vandring ${i}`, walkDay: '2026-06-10' });
      keeper.sync(w.ws.db().read((r) => r.db));
    }
  });
  afterAll(async () => {
    await w.close();
  });

  it('en kedja omräknad med SQL syns bara mot det sparade huvudet', async () => {
    const wdb = w.ws.db().read((r) => r.db);
    const head = readHead(w.ws.options.dataDir, w.ws.db().path)!;
    expect(head).toEqual(latestHead(wdb));
    tamper(w.ws.db().path, (raw) => {
      raw.function('sha256', (s: unknown) => sha256(String(s)));
      raw.function('entry_hash', { varargs: true }, (...a: unknown[]) =>
        entryHash({
          prevHash: String(a[0]),
          id: Number(a[1]),
          at: String(a[2]),
          actor: String(a[3]),
          objectType: String(a[4]),
          objectId: String(a[5]),
          action: String(a[6]),
          contentHash: String(a[7]),
        }),
      );
      raw
        .prepare(
          `UPDATE audit_log SET content_json = replace(content_json, 'Vandring 2', 'Vandring X') WHERE content_json LIKE '%Vandring 2%'`,
        )
        .run();
      raw.exec('UPDATE audit_log SET content_hash = sha256(content_json)');
      const rows = raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | number>[];
      let prev = '';
      const set = raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
      for (const r of rows) {
        const hash = raw
          .prepare('SELECT entry_hash(?, ?, ?, ?, ?, ?, ?, ?)')
          .pluck()
          .get(prev, r.id, r.at, r.actor, r.object_type, r.object_id, r.action, r.content_hash) as string;
        set.run(prev, hash, r.id);
        prev = hash;
      }
    });
    // The file alone looks whole; against the head kept in the data folder it is not.
    expect(verifyAudit(wdb).ok).toBe(true);
    const check = await w.call('audit.verify', {});
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toEqual({
      id: head.id,
      message: `Post ${head.id} stämmer inte med det sparade kedjehuvudet: loggen har räknats om.`,
    });
    // Later writes do not move the recorded head past the break.
    expect(keeper.sync(wdb)).toBe(false);
    expect(readHead(w.ws.options.dataDir, w.ws.db().path)).toEqual(head);
  });

  it('poster bortklippta i slutet syns mot huvudet', () => {
    const wdb = w.ws.db().read((r) => r.db);
    const head = { id: 10_000, hash: 'f'.repeat(64) };
    const last = latestHead(wdb)!;
    expect(verifyAudit(wdb, head).problems[0]!.message).toBe(
      `Post ${last.id + 1}–10000 saknas: loggen slutar vid post ${last.id}, men post 10000 har funnits.`,
    );
    recordHead(w.ws.options.dataDir, '/annan/fil.sqlite', head);
    expect(readHead(w.ws.options.dataDir, '/annan/fil.sqlite')).toEqual(head);
  });
});
