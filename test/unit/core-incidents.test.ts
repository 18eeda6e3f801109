import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncidentRepo } from '../../src/core/db/incident-repo';
import { seedGeography } from '../../src/core/demo/seed';
import type { IncidentFilter } from '../../src/shared/domain';
import { AppError, type ErrorCode } from '../../src/shared/errors';
import { newIncident, tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
let repo: IncidentRepo;
let clock: Date;
let kommun: Map<string, number>;
const KLIPPAN = '1276';
const LOMMA = '1262';

function codeOf(fn: () => unknown): ErrorCode {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
  throw new Error('expected an AppError');
}

const lpoOf = (kommunId: number) => t.db.prepare('SELECT lpo_id FROM kommun WHERE id = ?').pluck().get(kommunId);
const rawCount = (table: string) => t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const idsFor = (filter: IncidentFilter) =>
  repo.page(filter, { column: 'id', direction: 'asc' }, 0, 1000).rows.map((r) => r.id);

beforeEach(() => {
  t = tempDb();
  kommun = seedGeography(t.db);
  clock = new Date('2025-04-02T08:00:00Z');
  repo = new IncidentRepo(t.db, () => clock);
});
afterEach(() => t.cleanup());

describe('IncidentRepo: skapa och läsa', () => {
  it('skapar en händelse, kopierar lpo_id från kommunen och hittar en befintlig plats', () => {
    const klippan = kommun.get(KLIPPAN)!;
    const placeId = t.db
      .prepare("SELECT id FROM place WHERE kommun_id = ? AND name = 'Klippans station'")
      .pluck()
      .get(klippan) as number;
    const places = rawCount('place');
    const created = repo.create(
      newIncident(klippan, {
        placeName: 'Klippans station',
        lat: 56.132,
        lon: 13.137,
        precision: 'place',
      }),
    );
    expect(created).toEqual({
      id: created.id,
      source: 'est',
      sourceRef: null,
      category: 'skadegorelse',
      subcategory: 'klotter',
      occurredAt: '2025-03-31T21:30:00Z',
      reportedAt: '2025-04-01T07:00:00Z',
      kommunId: klippan,
      lpoId: lpoOf(klippan),
      placeId,
      placeName: 'Klippans station',
      lat: 56.132,
      lon: 13.137,
      precision: 'place',
      description: 'Klotter på busskuren.',
      reporterOrg: 'Fastighetsavdelningen',
      status: 'ny',
      createdAt: '2025-04-02T08:00:00Z',
      updatedAt: '2025-04-02T08:00:00Z',
      sourceUrl: null,
    });
    expect(rawCount('place')).toBe(places);
    expect(repo.get(created.id)).toEqual(created);
    expect(repo.count({})).toBe(1);
  });

  it('skapar en ny plats i kommunen när namnet är nytt, och ingen plats för tomt namn', () => {
    const lomma = kommun.get(LOMMA)!;
    const places = rawCount('place');
    const a = repo.create(newIncident(lomma, { placeName: 'Lomma strandbad' }));
    expect(rawCount('place')).toBe(places + 1);
    expect(t.db.prepare('SELECT kommun_id, name FROM place WHERE id = ?').get(a.placeId)).toEqual({
      kommun_id: lomma,
      name: 'Lomma strandbad',
    });
    const b = repo.create(newIncident(lomma, { placeName: 'Lomma strandbad' }));
    expect(b.placeId).toBe(a.placeId);
    expect(rawCount('place')).toBe(places + 1);
    const c = repo.create(newIncident(lomma));
    expect(c.placeId).toBeNull();
    expect(c.placeName).toBe('');
    expect(c.lpoId).toBe(lpoOf(lomma));
    expect(c.lpoId).not.toBe(lpoOf(kommun.get(KLIPPAN)!));
  });

  it('vägrar okänd kommun och okänt id', () => {
    expect(codeOf(() => repo.create(newIncident(99_999)))).toBe('validation');
    expect(rawCount('incident')).toBe(0);
    expect(rawCount('incident_rollup_day')).toBe(0);
    expect(codeOf(() => repo.get(12345))).toBe('not_found');
  });
});

describe('IncidentRepo: ändra med optimistisk låsning', () => {
  it('vägrar fel expectedUpdatedAt med conflict och ändrar ingenting', () => {
    const a = repo.create(newIncident(kommun.get(KLIPPAN)!));
    const err = codeOf(() =>
      repo.update(a.id, '2025-04-02T07:59:59Z', newIncident(a.kommunId, { description: 'Nytt' })),
    );
    expect(err).toBe('conflict');
    expect(repo.get(a.id)).toEqual(a);
    expect(codeOf(() => repo.update(4242, a.updatedAt, newIncident(a.kommunId)))).toBe('not_found');
  });

  it('byter updatedAt även inom samma sekund och behåller id, createdAt och sourceRef', () => {
    const klippan = kommun.get(KLIPPAN)!;
    const lomma = kommun.get(LOMMA)!;
    const a = repo.create(newIncident(klippan, { sourceRef: 'est-1' }));
    // The clock has not moved: the lock token must still change.
    const b = repo.update(
      a.id,
      a.updatedAt,
      newIncident(lomma, { description: 'Glaskross vid stationen', subcategory: 'glaskross', sourceRef: 'annan' }),
    );
    expect(b.id).toBe(a.id);
    expect(b.createdAt).toBe('2025-04-02T08:00:00Z');
    expect(b.updatedAt).toBe('2025-04-02T08:00:01Z');
    expect(b.sourceRef).toBe('est-1');
    expect(b.kommunId).toBe(lomma);
    expect(b.lpoId).toBe(lpoOf(lomma));
    expect(b.subcategory).toBe('glaskross');
    expect(codeOf(() => repo.update(a.id, a.updatedAt, newIncident(klippan)))).toBe('conflict');

    const c = repo.update(b.id, b.updatedAt, newIncident(lomma, { description: 'Tredje' }));
    expect(c.updatedAt).toBe('2025-04-02T08:00:02Z');
    clock = new Date('2025-05-01T10:00:00.900Z');
    const d = repo.update(c.id, c.updatedAt, newIncident(lomma, { description: 'Fjärde' }));
    expect(d.updatedAt).toBe('2025-05-01T10:00:00Z');
    expect(rawCount('incident')).toBe(1);
    // FTS follows the update: the old text is gone, the new is found.
    expect(idsFor({ text: 'Glaskross' })).toEqual([]);
    expect(idsFor({ text: 'fjärde' })).toEqual([a.id]);
  });
});

describe('IncidentRepo: ta bort och återställa', () => {
  it('flyttar till papperskorgen och återställer samma id och innehåll', () => {
    const klippan = kommun.get(KLIPPAN)!;
    const keep = repo.create(newIncident(klippan, { description: 'Ska vara kvar' }));
    const a = repo.create(newIncident(klippan, { placeName: 'Stidsvig', description: 'Glaskross i väntkuren' }));
    expect(repo.count({})).toBe(2);
    clock = new Date('2025-04-03T09:00:00Z');
    repo.delete(a.id);
    expect(codeOf(() => repo.get(a.id))).toBe('not_found');
    expect(repo.count({})).toBe(1);
    expect(repo.count({ kommunIds: [klippan], fromDay: '2025-03-31', toDay: '2025-03-31' })).toBe(1);
    expect(idsFor({ text: 'väntkuren' })).toEqual([]);
    expect(t.db.prepare('SELECT id, deleted_at FROM incident_trash').all()).toEqual([
      { id: a.id, deleted_at: '2025-04-03T09:00:00Z' },
    ]);
    expect(codeOf(() => repo.delete(a.id))).toBe('not_found');

    const restored = repo.restore(a.id);
    expect(restored).toEqual(a);
    expect(repo.get(a.id)).toEqual(a);
    expect(rawCount('incident_trash')).toBe(0);
    expect(repo.count({})).toBe(2);
    expect(idsFor({ text: 'väntkuren' })).toEqual([a.id]);
    expect(repo.get(keep.id).description).toBe('Ska vara kvar');
    expect(codeOf(() => repo.restore(a.id))).toBe('not_found');
  });

  it('ger not_found för återställning av okänt id', () => {
    expect(codeOf(() => repo.restore(777))).toBe('not_found');
    expect(rawCount('incident')).toBe(0);
  });
});

describe('IncidentRepo: fritextsökning (FTS5)', () => {
  let ids: Record<string, number>;
  beforeEach(() => {
    const k = kommun.get(KLIPPAN)!;
    ids = {
      klotter: repo.create(newIncident(k, { description: 'Klotter på skolans vägg' })).id,
      klotterplank: repo.create(newIncident(k, { description: 'Nytt klotterplank vid torget' })).id,
      glas: repo.create(
        newIncident(k, { description: 'Glaskross', subcategory: 'glaskross', placeName: 'Åstorps torg' }),
      ).id,
      org: repo.create(
        newIncident(k, { description: 'Bråk', category: 'ordning', subcategory: 'brak', reporterOrg: 'Väktarbolaget' }),
      ).id,
    };
  });

  it('hittar på ord och på början av ord, i beskrivning, plats och organisation', () => {
    // Every word is a prefix term, so a whole word also finds longer words that start with it.
    expect(idsFor({ text: 'skolans' })).toEqual([ids.klotter]);
    expect(idsFor({ text: 'klotterplank' })).toEqual([ids.klotterplank]);
    expect(idsFor({ text: 'klotter' })).toEqual([ids.klotter, ids.klotterplank]);
    expect(idsFor({ text: 'klott' })).toEqual([ids.klotter, ids.klotterplank]);
    expect(idsFor({ text: 'KLOTTER skolans' })).toEqual([ids.klotter]);
    expect(idsFor({ text: 'åstorps' })).toEqual([ids.glas]);
    expect(idsFor({ text: 'väktar' })).toEqual([ids.org]);
    expect(idsFor({ text: 'finnsinte' })).toEqual([]);
    expect(repo.count({ text: 'klott' })).toBe(2);
    expect(repo.count({ text: 'klott', categories: ['ordning'] })).toBe(0);
    expect(repo.page({ text: 'klott' }, { column: 'id', direction: 'desc' }, 0, 10)).toMatchObject({
      total: 2,
      rows: [{ id: ids.klotterplank }, { id: ids.klotter }],
    });
  });

  it('tål skiljetecken och FTS-syntax i söktexten', () => {
    // Operators are ordinary words (all must match), never FTS syntax: no document has a word "or…".
    expect(idsFor({ text: '"klotter" OR (' })).toEqual([]);
    expect(repo.count({ text: '"klotter" OR (' })).toBe(0);
    expect(idsFor({ text: '"klotter" (skolans*' })).toEqual([ids.klotter]);
    expect(idsFor({ text: 'NEAR(klotter torget)' })).toEqual([]);
    expect(idsFor({ text: '(klotter torget)' })).toEqual([ids.klotterplank]);
    expect(idsFor({ text: 'klotter*) AND NOT "' })).toEqual([]);
    expect(idsFor({ text: 'vägg; DROP TABLE incident; --' })).toEqual([]);
    expect(idsFor({ text: 'skolans:vägg' })).toEqual([ids.klotter]);
    expect(repo.count({ text: '" ( ) * :' })).toBe(4);
    expect(idsFor({ text: '"(' })).toHaveLength(4);
    expect(rawCount('incident')).toBe(4);
  });
});
