/**
 * Personal data (issue 13): the warning at import, retention of descriptions, the trash purge, and
 * "Sök och radera" over every free text — afterwards no text column of any table holds the term.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { seedGeography } from '../../src/core/demo/seed';
import { piiWarning } from '../../src/shared/pii';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';

/** The text with a personnummer that passes the Luhn check (19850101-1236 does not: no hit). */
const SVEN = 'Sven Svensson 19850101-1236, 070-123 45 67, sven@example.se';
const NOW = new Date('2026-06-15T10:00:00Z');

let t: TestWorkspace | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function fresh(): TestWorkspace {
  const w = testWorkspace({ clock: () => NOW });
  w.ws.create(w.tmp.file('gdpr.sqlite'));
  w.ws.db().write(['reference'], ({ db }) => seedGeography(db));
  return w;
}

const klippan = (w: TestWorkspace) => w.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");

async function incident(w: TestWorkspace, day: string, description: string, placeName = 'Torget') {
  return w.call('incidents.create', {
    input: {
      source: 'est',
      category: 'skadegorelse',
      subcategory: 'klotter',
      occurredAt: `${day}T19:30:00Z`,
      reportedAt: `${day}T20:00:00Z`,
      kommunId: klippan(w),
      placeName,
      description,
      status: 'ny',
    },
  });
}

/** Every text value of every table (FTS shadow tables hold no text of their own) that contains `term`. */
function occurrences(w: TestWorkspace, term: string): string[] {
  const tables = w.sql<{ name: string }>(
    // The audit log included: its own source erases the term from the entries' contents.
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const cols = w.sql<{ name: string }>(`SELECT name FROM pragma_table_info('${name}')`);
    for (const c of cols) {
      const n = w.one<number>(
        `SELECT count(*) FROM "${name}" WHERE typeof("${c.name}") = 'text' AND instr(lower("${c.name}"), lower(?)) > 0`,
        term,
      );
      if (n > 0) found.push(`${name}.${c.name}`);
    }
  }
  return found;
}

describe('varning vid inmatning och import', () => {
  it('formulärets varning namnger varje träff i Sven Svensson-texten', () => {
    expect(piiWarning(SVEN)).toBe(
      'Beskrivningen ser ut att innehålla ett personnummer (19850101-1236), ett telefonnummer (070-123 45 67), en e-postadress (sven@example.se). Personuppgifter hör inte hemma i registret.',
    );
    expect(piiWarning('Klotter på busskuren')).toBeNull();
  });

  it('importens förhandsgranskning listar raden, och importen går ändå', async () => {
    t = fresh();
    const src = fs.readFileSync('test/fixtures/imports/est-export.csv', 'utf8');
    const file = t.tmp.file('sven.csv');
    fs.writeFileSync(file, src.replace('Klotter på fasaden mot torget', SVEN));
    const preview = await t.call('imports.preview', { path: file, skipInvalid: true } as never);
    expect(preview.piiWarnings?.count).toBe(1);
    expect(preview.piiWarnings?.rows[0]).toMatch(/^Rad 2, Beskrivning: ett personnummer \(19850101-1236\)/);
    const report = await t.call('imports.commit', { path: file, skipInvalid: true });
    expect(report.added).toBeGreaterThan(0);
  });

  it('förhandsgranskningen söker i varje rad, inte bara de som visas', async () => {
    t = fresh();
    const [header, first] = fs.readFileSync('test/fixtures/imports/est-export.csv', 'utf8').split('\n');
    const rows = Array.from({ length: 40 }, (_, i) =>
      first!
        .replace('EST-1001', `EST-${2000 + i}`)
        .replace('Klotter på fasaden mot torget', i === 34 ? SVEN : 'Klotter'),
    );
    const file = t.tmp.file('lang.csv');
    fs.writeFileSync(file, [header, ...rows, ''].join('\n'));
    const preview = await t.call('imports.preview', { path: file, skipInvalid: true } as never);
    expect(preview.sample.length).toBeLessThan(35);
    expect(preview.piiWarnings?.count).toBe(1);
    expect(preview.piiWarnings?.rows[0]).toMatch(/^Rad 36, Beskrivning: ett personnummer/);
  });
});

describe('gallring', () => {
  it('tömmer exakt de gamla beskrivningarna; händelserna och antalen står kvar', async () => {
    t = fresh();
    const old = await incident(t, '2022-06-14', `Gammal: ${SVEN}`);
    const edge = await incident(t, '2023-06-15', 'På gränsdagen');
    const recent = await incident(t, '2026-01-10', 'Ny händelse');
    const filter = { fromDay: '2022-01-01', toDay: '2026-06-30' };
    const before = await t.call('dashboards.compare', { filter });
    expect((await t.call('privacy.applyRetention', {})).descriptions).toBe(0); // default: keep

    const set = await t.call('privacy.settings.set', { descriptionYears: 3 });
    expect(set.pending).toEqual({ descriptions: 1, trash: 0, cutoffDay: '2023-06-15' });
    const counts = await t.call('privacy.applyRetention', {});
    expect(counts).toMatchObject({ descriptions: 1, trashPurged: 0, cutoffDay: '2023-06-15' });
    expect((await t.call('incidents.get', { id: old.id })).description).toBe('');
    expect((await t.call('incidents.get', { id: edge.id })).description).toBe('På gränsdagen');
    expect((await t.call('incidents.get', { id: recent.id })).description).toBe('Ny händelse');
    expect(await t.call('dashboards.compare', { filter })).toEqual(before);
    // The full-text index forgot the old text too.
    const page = await t.call('incidents.page', { filter: { text: 'Svensson' }, startRow: 0, endRow: 10 } as never);
    expect(page.rows).toHaveLength(0);
    expect(occurrences(t, 'Svensson')).toEqual([]);
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('papperskorgen töms på det som tagits bort för mer än 30 dagar sedan, inget annat', async () => {
    t = fresh();
    const a = await incident(t, '2026-01-01', 'a');
    const b = await incident(t, '2026-01-02', 'b');
    await t.call('incidents.delete', { id: a.id });
    await t.call('incidents.delete', { id: b.id });
    t.ws.db().write(['incidents'], ({ db }) => {
      db.prepare('UPDATE incident_trash SET deleted_at = ? WHERE id = ?').run('2026-05-16T09:59:59Z', a.id);
      db.prepare('UPDATE incident_trash SET deleted_at = ? WHERE id = ?').run('2026-05-16T10:00:00Z', b.id);
    });
    expect((await t.call('privacy.settings.get', {})).trashExpired).toBe(1);
    expect((await t.call('privacy.applyRetention', {})).trashPurged).toBe(1);
    expect(t.sql<{ id: number }>('SELECT id FROM incident_trash').map((r) => r.id)).toEqual([b.id]);
  });
});

async function seedEverywhere(w: TestWorkspace): Promise<void> {
  await incident(w, '2026-03-01', SVEN, 'Sven Svenssons gård');
  const gone = await incident(w, '2026-03-02', `Borttagen: ${SVEN}`);
  await w.call('incidents.delete', { id: gone.id });
  const walk = await w.call('walks.save', {
    kommunId: klippan(w),
    title: 'Vandring',
    walkDay: '2026-03-10',
    route: 'Förbi Sven Svenssons hus',
  });
  await w.call('walks.observe', { walkId: walk.id, placeName: 'Parken', subcategory: 'klotter', note: SVEN } as never);
  const l = await w.call('loften.create', { kommunId: klippan(w), periodFrom: '2027-01-01', periodTo: '2027-12-31' });
  await w.call('loften.comment', { id: l.id, body: `Ring ${SVEN}` } as never);
  w.ws.db().write(['imports', 'loften'], ({ db }) => {
    db.prepare(
      `INSERT INTO import_log (file_name, content_hash, format, imported_at, added, updated, duplicates, skipped, report_json)
       VALUES ('est.csv', 'x', 'incidents', '2026-03-01T00:00:00Z', 0, 0, 0, 1, ?)`,
    ).run(JSON.stringify({ skipped: [{ row: 17, reason: `Okänd kommun: ${SVEN}` }] }));
    db.prepare(
      `INSERT INTO lofte_snapshot (lofte_id, version, state, reason, content_json, saved_at) VALUES (?, 1, 'utkast', 'ny', ?, '2026-03-01T00:00:00Z')`,
    ).run(l.id, JSON.stringify({ title: 'Löfte', problem: `Klagomål från ${SVEN}` }));
  });
}

describe('sök och radera', () => {
  it('hittar namnet i varje källa; maskera lämnar ingen förekomst i någon tabell', async () => {
    t = fresh();
    await seedEverywhere(t);
    const found = await t.call('privacy.search', { term: 'sven svensson' });
    const sources = found.groups.map((g) => g.source).sort();
    expect(sources).toEqual([
      'audit',
      'comment',
      'imports',
      'incident',
      'lofte_snapshot',
      'trash',
      'walk',
      'walk_observation',
    ]);
    const incidentHits = found.groups.find((g) => g.source === 'incident')!.hits;
    // The observation is an incident too (its note its description).
    expect(incidentHits.map((h) => h.field).sort()).toEqual(['description', 'description', 'place_name']);
    expect(incidentHits[0]!.excerpt).toContain('Sven Svensson');
    expect(occurrences(t, 'Sven Svensson').length).toBeGreaterThan(0);

    const hits = found.groups.flatMap((g) => g.hits.map((h) => ({ source: h.source, id: h.id, field: h.field })));
    const result = await t.call('privacy.erase', { term: 'Sven Svensson', hits, mode: 'mask' });
    expect(result.total).toBe(new Set(hits.map((h) => `${h.source}/${h.id}`)).size);
    expect(occurrences(t, 'Sven Svensson')).toEqual([]);
    expect((await t.call('privacy.search', { term: 'Sven Svensson' })).total).toBe(0);
    // The chain still verifies: erasing content keeps each entry's content hash, and the erasure is logged.
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: true });
    const page = await t.call('incidents.page', { filter: { text: 'Svensson' }, startRow: 0, endRow: 10 } as never);
    expect(page.rows).toHaveLength(0);
    // Masked, not emptied: the rest of the text is still there.
    expect(t.one<string>('SELECT description FROM incident ORDER BY id')).toBe(
      '[raderat] 19850101-1236, 070-123 45 67, sven@example.se',
    );
  });

  it('radera tömmer texten; bara valda träffar ändras; kort sökterm nekas', async () => {
    t = fresh();
    const a = await incident(t, '2026-03-01', SVEN);
    const b = await incident(t, '2026-03-02', `Också ${SVEN}`);
    const found = await t.call('privacy.search', { term: '19850101-1236' });
    // Each incident, and the audit log's entry of its creation.
    expect(found.groups.map((g) => [g.source, g.hits.length])).toEqual([
      ['incident', 2],
      ['audit', 2],
    ]);
    await t.call('privacy.erase', {
      term: '19850101-1236',
      hits: [{ source: 'incident', id: a.id, field: 'description' }],
      mode: 'erase',
    });
    expect((await t.call('incidents.get', { id: a.id })).description).toBe('');
    expect((await t.call('incidents.get', { id: b.id })).description).toBe(`Också ${SVEN}`);
    expect((await t.fail('privacy.search', { term: 'Sv' })).message).toContain('minst 3 tecken');
  });
});
