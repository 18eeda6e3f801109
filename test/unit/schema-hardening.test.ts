/**
 * Hostile values every operation refuses at the contract, through the real `dispatch` on a real workspace:
 * a NUL in a path or a text, a lone surrogate, an id beyond 2^31 − 1, a day the calendar arithmetic cannot
 * go on from. Each ends in `validation` with a Swedish sentence naming the field, and nothing is written.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/api/dispatch';
import { OP_NAMES } from '../../src/shared/api';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';

const NUL = '\u0000';
const LONE = '\uD800';
const noInternal = (m: string, e: unknown) => {
  throw new Error(`${m}: ${String(e)}`);
};

describe('en sökväg med NUL', () => {
  let t: TestWorkspace;
  beforeAll(() => {
    t = testWorkspace();
  });
  afterAll(() => t.close());

  it('db.create nekas och den befintliga filen lämnas orörd', async () => {
    const existing = t.tmp.file('viktig.sqlite');
    const bytes = Buffer.from('En annan applikations fil, inte en databas.\n', 'utf8');
    fs.writeFileSync(existing, bytes);
    for (const path of [`${existing}${NUL}`, `${existing}${NUL}.sqlite`]) {
      const error = await t.fail('db.create', { path });
      expect(error.code).toBe('validation');
      expect(error.message).toContain('Sökvägen innehåller ett otillåtet tecken (NUL).');
      expect(fs.readFileSync(existing).equals(bytes)).toBe(true);
      expect(fs.existsSync(`${existing}-wal`)).toBe(false);
    }
    const error = await t.fail('db.open', { path: `${existing}${NUL}` });
    expect(error.code).toBe('validation');
    expect((await t.fail('imports.preview', { path: `${existing}${LONE}` })).message).toContain(
      'Sökvägen innehåller ett ogiltigt tecken (ensamt surrogattecken).',
    );
  });
});

describe('på demodatabasen', () => {
  let t: TestWorkspace;
  let klippan: number;
  const incident = () => ({
    source: 'est',
    category: 'skadegorelse',
    subcategory: 'klotter',
    occurredAt: '2026-06-07T19:30:00Z',
    reportedAt: '2026-06-07T20:00:00Z',
    kommunId: klippan,
    placeName: 'Torget',
    description: 'Klotter på busskuren',
    status: 'ny',
  });
  const count = () => t.one<number>('SELECT count(*) FROM incident');

  beforeAll(async () => {
    t = testWorkspace({ demoRows: 300 });
    t.ws.openDemo();
    await t.ws.ready();
    klippan = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
  });
  afterAll(() => t.close());

  it('incidents.create nekar NUL och ensamma surrogattecken i texterna, och inget skrivs', async () => {
    const before = count();
    const cases: [Record<string, string>, string][] = [
      [{ description: `Klotter${NUL}på busskuren` }, 'Beskrivningen innehåller ett otillåtet tecken (NUL).'],
      [{ description: `Klotter ${LONE}` }, 'Beskrivningen innehåller ett ogiltigt tecken (ensamt surrogattecken).'],
      [{ description: `Klotter \uDC00 ` }, 'Beskrivningen innehåller ett ogiltigt tecken (ensamt surrogattecken).'],
      [{ placeName: `Torget${NUL}` }, 'Platsens namn innehåller ett otillåtet tecken (NUL).'],
      [{ reporterOrg: `\uDBFF` }, 'Organisationen innehåller ett ogiltigt tecken (ensamt surrogattecken).'],
    ];
    for (const [change, message] of cases) {
      const error = await t.fail('incidents.create', { input: { ...incident(), ...change } });
      expect(error.code).toBe('validation');
      expect(error.message).toBe(`Uppgifterna kunde inte sparas. ${message}`);
      expect(error.details?.issues?.[0]?.field).toBe(`input.${Object.keys(change)[0]}`);
    }
    expect(count()).toBe(before);
    // A surrogate pair (an emoji) is a whole character and stays accepted.
    const ok = await t.call('incidents.create', { input: { ...incident(), description: 'Klotter 🙂' } } as never);
    expect((ok as { description: string }).description).toBe('Klotter 🙂');
    expect(count()).toBe(before + 1);
  });

  it('ett id över 2^31 − 1 nekas vid kontraktet, inte som internt fel', async () => {
    for (const id of [2 ** 31, 2 ** 53, Number.MAX_VALUE]) {
      const error = await t.fail('incidents.get', { id });
      expect(error.code).toBe('validation');
      expect(error.message).toContain('Id:t är för stort.');
      expect((await t.fail('reports.get', { id })).code).toBe('validation');
      // report-api's own id (not idSchema): the check before the schemas covers it.
      expect((await t.fail('reports.document', { source: { id } })).message).toContain('Id:t är för stort.');
      expect((await t.fail('walks.list', { kommunIds: [klippan, id] })).message).toContain('Id:t är för stort.');
    }
    expect((await t.fail('incidents.get', { id: 2 ** 31 - 1 })).code).toBe('not_found');
  });

  it('en dag efter 9998-12-31 eller före 1900 nekas, och gränsdagarna går att räkna på', async () => {
    const compare = await t.fail('dashboards.compare', { filter: { fromDay: '2026-01-01', toDay: '10000-01-01' } });
    expect(compare.code).toBe('validation');
    const late = { fromDay: '9999-01-01', toDay: '9999-12-31' };
    const hostile: [string, unknown][] = [
      ['dashboards.trend', { filter: late, by: 'week' }],
      ['dashboards.est', { kommunId: klippan, cycle: 'tertial', day: '9999-12-31' }],
      ['incidents.page', { filter: { toDay: '9999-12-31' }, startRow: 0, endRow: 10 }],
      ['incidents.page', { filter: { fromDay: '0100-01-01' }, startRow: 0, endRow: 10 }],
    ];
    for (const [op, input] of hostile) {
      const r = await dispatch(t.handlers, op, input, noInternal);
      expect(r.ok, op).toBe(false);
      if (!r.ok) {
        expect(r.error.code, op).toBe('validation');
        expect(r.error.message, op).toMatch(/måste ligga mellan år 1900 och 9998\./);
      }
    }
    const edge = { fromDay: '9998-01-01', toDay: '9998-12-31' };
    await t.call('dashboards.trend', { filter: edge, by: 'week' });
    await t.call('dashboards.change', { filter: edge, compareWith: 'lastYear' });
    await t.call('dashboards.est', { kommunId: klippan, cycle: 'tertial', day: '9998-12-31' });
    await t.call('incidents.page', { filter: { fromDay: '1900-01-01', toDay: '9998-12-31' }, startRow: 0, endRow: 10 });
    await t.call('dashboards.change', { filter: { fromDay: '1900-01-01', toDay: '1900-12-31' } });
  });

  it('reports.save nekar ett ensamt surrogattecken i en text, och rapporten är oförändrad', async () => {
    const created = await t.call('reports.create', {
      selection: {
        template: 'lagesbild',
        area: { kind: 'kommun', kommunCode: '1276' },
        from: '2026-01-01',
        to: '2026-12-31',
      },
    });
    const id = (created as { id: number }).id;
    const revision = t.one<number>('SELECT revision FROM report WHERE id = ?', id);
    const row = () => t.sql('SELECT * FROM report WHERE id = ?', id);
    const before = row();
    for (const edits of [
      { texts: { sammanfattning: `Läget ${LONE} är oförändrat.` } },
      { texts: { [`sammanfattning${NUL}`]: 'Läget är oförändrat.' } },
      { title: `Lägesbild${NUL}` },
    ]) {
      const error = await t.fail('reports.save', { id, revision, edits });
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(/innehåller ett (otillåtet|ogiltigt) tecken/);
    }
    expect(row()).toEqual(before);
  });

  it('varje operation nekar NUL och ensamma surrogattecken var de än står i indata', async () => {
    const before = count();
    const bad = fc.constantFrom(NUL, LONE, '\uDFFF', `a${NUL}b`, `x\uD83Dy`);
    const input = fc
      .tuple(fc.jsonValue({ maxDepth: 3 }), bad, fc.boolean())
      .map(([json, b, asKey]) => embed(json, b, asKey));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OP_NAMES), input, async (op, raw) => {
        const r = await dispatch(t.handlers, op, raw, noInternal);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('validation');
          expect(r.error.message).toMatch(/innehåller ett (otillåtet tecken \(NUL\)|ogiltigt tecken \(ensamt)/);
        }
      }),
      { numRuns: 300 },
    );
    expect(count()).toBe(before);
  });
});

/** Puts a bad string somewhere in an object: as a value at the deepest object or list found, or as a key. */
function embed(json: unknown, bad: string, asKey: boolean): Record<string, unknown> {
  const root: Record<string, unknown> = { input: json, note: 'ok' };
  let target: unknown = root;
  for (let v: unknown = json; typeof v === 'object' && v !== null;) {
    target = v;
    const values = Object.values(v);
    v = values.find((x) => typeof x === 'object' && x !== null);
  }
  if (Array.isArray(target)) target.push(bad);
  else (target as Record<string, unknown>)[asKey ? bad : 'description'] = asKey ? 'ok' : bad;
  return root;
}
