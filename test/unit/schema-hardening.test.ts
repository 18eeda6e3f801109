import { afterAll, beforeAll, it } from 'vitest';
import { dispatch } from '../../src/core/api/dispatch';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';
let t: TestWorkspace;
beforeAll(async () => { t = testWorkspace(); t.ws.openDemo(); await t.ws.ready(); });
afterAll(async () => { await t.close(); });
it('probe', async () => {
  const log = (m: string, e: unknown) => console.log('LOG', m, String(e));
  const f = { fromDay: '9999-01-01', toDay: '9999-12-31' };
  const cases: [string, unknown][] = [
    ['incidents.get', { id: 2 ** 31 }],
    ['incidents.get', { id: 2 ** 53 }],
    ['dashboards.compare', { filter: { fromDay: '2026-01-01', toDay: '10000-01-01' } }],
    ['dashboards.compare', { filter: f }],
    ['dashboards.change', { filter: f, compareWith: 'lastYear' }],
    ['dashboards.change', { filter: f }],
    ['dashboards.trend', { filter: f, by: 'week' }],
    ['dashboards.trend', { filter: f, by: 'month' }],
    ['dashboards.est', { kommunId: 1, cycle: 'manad', day: '9999-12-31' }],
    ['dashboards.est', { kommunId: 1, cycle: 'tertial', day: '9999-12-31' }],
    ['incidents.page', { filter: { toDay: '9999-12-31' }, startRow: 0, endRow: 10 }],
    ['incidents.page', { filter: { fromDay: '0100-01-01' }, startRow: 0, endRow: 10 }],
    ['loften.create', { kommunId: 1, periodFrom: '9999-01-01', periodTo: '9999-12-31' }],
    ['reports.get', { id: 2 ** 31 }],
    ['reports.get', { id: 2 ** 53 }],
    ['reports.document', { source: { selection: { template: 'lagesbild', area: { kind: 'kommun', kommunCode: '1276' }, from: '9999-01-01', to: '9999-12-31' } } }],
  ];
  for (const [op, input] of cases) {
    const r = await dispatch(t.handlers, op, input, log);
    console.log(op, JSON.stringify(input).slice(0, 80), r.ok ? 'OK' : `${r.error.code} ${r.error.message}`);
  }
}, 60000);
