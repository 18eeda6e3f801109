/**
 * Who writes: the local user profile for the app's writes (imports, åtgärder, decisions, comments), a CLI's
 * `--user`, else the operating system's user name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runImportCli } from '../../scripts/import';
import { seedGeography } from '../../src/core/demo/seed';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';

const FIXTURE = path.resolve(__dirname, '../fixtures/imports/est-export.csv');

let t: TestWorkspace | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function fresh(): TestWorkspace {
  const w = testWorkspace();
  w.ws.create(w.tmp.file('vem.sqlite'));
  w.ws.db().write(['reference'], ({ db }) => seedGeography(db));
  return w;
}

describe('vem som skriver', () => {
  it('appens skrivningar bär profilen: import, åtgärd, beslut och kommentar', async () => {
    t = fresh();
    await t.call('profile.save', { name: 'Anna Andersson', organisation: 'Klippans kommun', role: 'samordnare' });
    await t.call('imports.commit', { path: FIXTURE, skipInvalid: true });
    expect((await t.call('imports.log', {}))[0]!.importedBy).toBe('Anna Andersson (Klippans kommun)');

    const klippan = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
    const walk = await t.call('walks.save', { kommunId: klippan, title: 'Vandring', walkDay: '2026-03-10' });
    const measure = await t.call('measures.save', { walkId: walk.id, what: 'Byt lampor', responsible: 'Teknik' });
    expect(measure.createdBy).toBe('Anna Andersson (Klippans kommun)');

    const l = await t.call('loften.create', { kommunId: klippan, periodFrom: '2027-01-01', periodTo: '2027-12-31' });
    await t.call('loften.transition', { id: l.id, to: 'for_granskning', revision: l.revision });
    await t.call('loften.transition', { id: l.id, to: 'beslutad', protocolRef: 'KS 2026-12-03 § 141' });
    const history = (await t.call('loften.get', { id: l.id })).history;
    expect(history.at(-1) ?? history[0]).toBeDefined();
    const decided = history.find((h) => h.state === 'beslutad')!;
    expect(decided).toMatchObject({ protocolRef: 'KS 2026-12-03 § 141', by: { name: 'Anna Andersson' } });
    expect((await t.call('loften.comment', { id: l.id, body: 'Klart.' })).author).toBe(
      'Anna Andersson (Klippans kommun)',
    );
  });

  it('ett importkommando bär --user, annars systemets användarnamn', async () => {
    t = fresh();
    const file = t.ws.db().path;
    await t.ws.close();
    const withUser = await runImportCli([FIXTURE, '--db', file, '--skip-invalid', '--user', 'Karin Kommunpolis']);
    expect(withUser.code).toBe(0);
    const copy = t.tmp.file('andra.csv');
    fs.writeFileSync(copy, fs.readFileSync(FIXTURE, 'utf8').replace(/EST-1001/g, 'EST-9001'));
    const withoutUser = await runImportCli([copy, '--db', file, '--skip-invalid']);
    expect(withoutUser.code).toBe(0);
    t.ws.open(file);
    const log = await t.call('imports.log', {});
    expect(log.map((l) => l.importedBy)).toEqual([os.userInfo().username, 'Karin Kommunpolis']);
  });
});
