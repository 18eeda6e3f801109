/**
 * JSON columns are read with their schema: a stored selection that no longer parses is named and the löfte
 * still opens (it was an internal error, and a decided löfte could never be opened again); content that is
 * not a löfte at all is refused with a Swedish message naming it, not an internal error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seedGeography } from '../../src/core/demo/seed';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function decidedLofte(w: TestWorkspace, filter: Record<string, unknown>) {
  const klippan = w.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
  const l = await w.call('loften.create', { kommunId: klippan, periodFrom: '2025-01-01', periodTo: '2025-12-31' });
  const saved = await w.call('loften.save', {
    id: l.id,
    revision: l.revision,
    content: {
      ...l.content,
      title: 'Tryggare centrum',
      evidence: [{ kind: 'filter', label: 'Skadegörelse i Klippan', filter }],
    },
  });
  await w.call('loften.transition', { id: l.id, to: 'for_granskning', revision: saved.revision });
  const decided = await w.call('loften.transition', { id: l.id, to: 'beslutad' });
  expect(decided.state).toBe('beslutad');
  return l.id;
}

describe('lagrad JSON läses med sitt schema', () => {
  it('ett beslutat löfte vars urval inte går att läsa öppnas ändå och säger vad som är fel', async () => {
    t = testWorkspace();
    t.ws.create(t.tmp.file('json.sqlite'));
    t.ws.db().write(['reference'], ({ db }) => seedGeography(db));
    const klippan = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
    const id = await decidedLofte(t, { kommunIds: [klippan], categories: ['skadegorelse'] });
    expect((await t.call('loften.get', { id })).effect[0]).toMatchObject({ label: 'Skadegörelse i Klippan' });

    // An older format: the kommun as a name, not an id list.
    t.ws
      .db()
      .read(({ db }) =>
        db
          .prepare(
            "UPDATE lofte SET content_json = json_set(content_json, '$.evidence[0].filter.kommunIds', 'Klippan') WHERE id = ?",
          )
          .run(id),
      );
    const details = await t.call('loften.get', { id });
    expect(details.lofte.content.title).toBe('Tryggare centrum');
    expect(details.effect).toHaveLength(1);
    expect(details.effect[0]).toMatchObject({ verdict: 'kan_inte_bedomas', before: null, after: null });
    expect(details.effect[0]!.note).toMatch(/^Urvalet går inte att läsa/);
  });

  it('innehåll som inte är ett löfte nekas med ett svenskt besked, inte ett internt fel', async () => {
    t = testWorkspace();
    t.ws.create(t.tmp.file('json2.sqlite'));
    t.ws.db().write(['reference'], ({ db }) => seedGeography(db));
    const id = await decidedLofte(t, {});
    t.ws.db().read(({ db }) => db.prepare('UPDATE lofte SET content_json = \'{"title": 5}\' WHERE id = ?').run(id));
    const error = await t.fail('loften.get', { id });
    expect(error.code).toBe('db_unreadable');
    expect(error.message).toMatch(new RegExp(`^Löftet ${id} i databasen följer inte sitt format`));
  });
});
