import { afterAll, beforeAll, it } from 'vitest';
import fs from 'node:fs';
import { buildFor, demoWorkspace, documentText } from '../helpers/report';
import type { TestWorkspace } from '../helpers/workspace';
import type { ReportSelection } from '../../src/shared/report';

let t: TestWorkspace;
beforeAll(async () => {
  t = await demoWorkspace();
}, 120_000);
afterAll(() => t.close());

it('dump', async () => {
  const list = await t.call('loften.list', {});
  const id = (title: string) => list.find((l) => l.title === title)!.id;
  const sels: [string, ReportSelection][] = [
    ['ml-running', { template: 'medborgarlofte', area: { kind: 'kommun', kommunCode: '1276' }, from: '2026-01-01', to: '2026-12-31', lofteId: id('Ett renare och tryggare Klippans centrum 2026') }],
    ['ml-draft', { template: 'medborgarlofte', area: { kind: 'lpo', lpo: 'Klippan' }, from: '2027-01-01', to: '2027-12-31', lofteId: id('Skadegörelse i Teckomatorp') }],
    ['ml-kav', { template: 'medborgarlofte', area: { kind: 'kommun', kommunCode: '1261' }, from: '2017-01-01', to: '2017-12-31', lofteId: id('Medborgarlöfte Kävlinge 2017') }],
    ['up-klippan', { template: 'uppfoljning', area: { kind: 'kommun', kommunCode: '1276' }, from: '2026-01-01', to: '2026-12-31', followUpKind: 'arsuppfoljning' }],
    ['up-kav', { template: 'uppfoljning', area: { kind: 'kommun', kommunCode: '1261' }, from: '2017-07-01', to: '2017-09-30', followUpKind: 'kvartalsrapport' }],
    ['up-lpo', { template: 'uppfoljning', area: { kind: 'lpo', lpo: 'Klippan' }, from: '2021-01-01', to: '2026-12-31', followUpKind: 'slutrapport' }],
    ['mb-klippan', { template: 'medborgare', area: { kind: 'kommun', kommunCode: '1276' }, from: '2026-01-01', to: '2026-12-31' }],
    ['mb-lpo', { template: 'medborgare', area: { kind: 'lpo', lpo: 'Kävlinge' }, from: '2017-01-01', to: '2017-12-31' }],
    ['ap-klippan', { template: 'atgardsplan', area: { kind: 'kommun', kommunCode: '1276' }, from: '2026-01-01', to: '2026-12-31' }],
    ['ap-lpo', { template: 'atgardsplan', area: { kind: 'lpo', lpo: 'Kävlinge' }, from: '2026-01-01', to: '2026-12-31' }],
    ['ok-klippan', { template: 'overenskommelse', area: { kind: 'kommun', kommunCode: '1276' }, from: '2026-01-01', to: '2026-12-31' }],
    ['ok-none', { template: 'overenskommelse', area: { kind: 'kommun', kommunCode: '1262' }, from: '2026-01-01', to: '2026-12-31' }],
  ];
  for (const [name, sel] of sels) {
    try {
      const doc = buildFor(t, sel);
      fs.writeFileSync(`/tmp/lofte-scratch/${name}.txt`, `${doc.title}\ndraft=${doc.draft}\n${documentText(doc)}`);
    } catch (e) {
      fs.writeFileSync(`/tmp/lofte-scratch/${name}.txt`, String((e as Error).stack));
    }
  }
}, 60_000);
