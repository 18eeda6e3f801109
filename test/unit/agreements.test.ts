/** Samverkansöverenskommelser in a real database: create, update keeping fokusområde ids, refusals. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedGeography } from '../../src/core/demo/seed';
import { getAgreement, listAgreements, saveAgreement } from '../../src/core/lofte/agreements';
import { LofteRepo } from '../../src/core/lofte/repo';
import type { AgreementInput } from '../../src/shared/agreements';
import { agreementSaveSchema } from '../../src/shared/schemas';
import { tempDb, type TempDb } from '../helpers/db';
import { appError } from '../helpers/errors';

const NOW = () => new Date('2026-11-22T10:00:00Z');

let t: TempDb;
let klippan: number;
let bjuv: number;
beforeEach(() => {
  t = tempDb();
  const ids = seedGeography(t.db);
  klippan = ids.get('1276')!;
  bjuv = ids.get('1260')!;
});
afterEach(() => t.cleanup());

const input = (over: Partial<AgreementInput> = {}): AgreementInput => ({
  title: 'Samverkansöverenskommelse Klippan 2027–2030',
  periodFrom: '2027-01-01',
  periodTo: '2030-12-31',
  kommunIds: [klippan],
  signedByLpo: 'Anna Lind',
  signedByKommun: 'Per Holm',
  signedOn: '2026-11-20',
  focusAreas: [
    {
      title: 'Narkotika',
      problem: 'Öppen narkotikahandel vid stationen.',
      causes: 'Få vuxna i rörelse kvällstid.',
      goals: 'Minst 4 narkotikainsatser om året.',
      followUp: 'Kvartalsrapport till Lokala Brå.',
    },
    { title: 'Trafik', problem: '', causes: '', goals: 'Minst en trafikinsats i veckan.', followUp: '' },
  ],
  ...over,
});

const save = (i: AgreementInput) => saveAgreement(t.db, i, NOW);

const counts = () =>
  t.db
    .prepare(
      `SELECT (SELECT count(*) FROM agreement) AS a, (SELECT count(*) FROM agreement_kommun) AS k,
              (SELECT count(*) FROM focus_area) AS f`,
    )
    .get() as { a: number; k: number; f: number };

describe('samverkansöverenskommelse', () => {
  it('skapas med kommuner, undertecknare och fokusområden i ordning', () => {
    const a = save(input({ kommunIds: [klippan, bjuv] }));
    expect(a).toMatchObject({
      title: 'Samverkansöverenskommelse Klippan 2027–2030',
      periodFrom: '2027-01-01',
      periodTo: '2030-12-31',
      signedByLpo: 'Anna Lind',
      signedByKommun: 'Per Holm',
      signedOn: '2026-11-20',
      createdAt: '2026-11-22T10:00:00Z',
    });
    expect(a.kommunIds.sort()).toEqual([klippan, bjuv].sort());
    expect(a.focusAreas.map((f) => [f.title, f.sortOrder, f.lofteCount])).toEqual([
      ['Narkotika', 0, 0],
      ['Trafik', 1, 0],
    ]);
    expect(a.focusAreas[0]).toMatchObject({
      problem: 'Öppen narkotikahandel vid stationen.',
      causes: 'Få vuxna i rörelse kvällstid.',
      goals: 'Minst 4 narkotikainsatser om året.',
      followUp: 'Kvartalsrapport till Lokala Brå.',
    });
    expect(getAgreement(t.db, a.id)).toEqual(a);
    expect(listAgreements(t.db)).toEqual([
      {
        id: a.id,
        title: a.title,
        periodFrom: '2027-01-01',
        periodTo: '2030-12-31',
        kommunIds: a.kommunIds,
        signedOn: '2026-11-20',
        focusAreas: a.focusAreas.map((f) => ({ id: f.id, title: f.title, lofteCount: 0 })),
        updatedAt: a.updatedAt,
      },
    ]);
  });

  it('uppdateras och behåller id:n för fokusområden som finns kvar, i ny ordning', () => {
    const a = save(input());
    const [narkotika, trafik] = a.focusAreas;
    const lofte = new LofteRepo(t.db, NOW).create({
      kommunId: klippan,
      periodFrom: '2027-01-01',
      periodTo: '2027-12-31',
      focusAreaId: trafik!.id,
    });
    const b = save({
      ...input(),
      id: a.id,
      title: 'Samverkansöverenskommelse Klippan och Bjuv 2027–2030',
      kommunIds: [klippan, bjuv],
      signedOn: null,
      focusAreas: [
        { ...trafik!, goals: 'Minst två trafikinsatser i veckan.' },
        { title: 'Nedskräpning', problem: '', causes: '', goals: '', followUp: '' },
        { ...narkotika! },
      ],
    });
    expect(b.id).toBe(a.id);
    expect(b.createdAt).toBe(a.createdAt);
    expect(b.signedOn).toBeNull();
    expect(b.kommunIds).toHaveLength(2);
    expect(b.focusAreas.map((f) => f.title)).toEqual(['Trafik', 'Nedskräpning', 'Narkotika']);
    expect(b.focusAreas[0]).toMatchObject({
      id: trafik!.id,
      goals: 'Minst två trafikinsatser i veckan.',
      lofteCount: 1,
    });
    expect(b.focusAreas[2]!.id).toBe(narkotika!.id);
    expect(new LofteRepo(t.db).get(lofte.id).focusAreaId).toBe(trafik!.id);

    // An unused fokusområde can be removed.
    const c = save({ ...input(), id: a.id, focusAreas: [b.focusAreas[0]!] });
    expect(c.focusAreas.map((f) => f.id)).toEqual([trafik!.id]);
    expect(counts().f).toBe(1);
  });

  it('vägrar ta bort ett fokusområde som löften använder och skriver ingenting', () => {
    const a = save(input());
    const [narkotika, trafik] = a.focusAreas;
    const repo = new LofteRepo(t.db, NOW);
    for (const year of ['2027', '2028']) {
      repo.create({
        kommunId: klippan,
        periodFrom: `${year}-01-01`,
        periodTo: `${year}-12-31`,
        focusAreaId: trafik!.id,
      });
    }
    const before = { agreement: getAgreement(t.db, a.id), counts: counts() };
    const err = appError(() =>
      save({ ...input(), id: a.id, title: 'Ny rubrik', kommunIds: [klippan, bjuv], focusAreas: [narkotika!] }),
    );
    expect(err.code).toBe('conflict');
    expect(err.message).toBe(
      'Fokusområdet "Trafik" används av 2 löften och kan inte tas bort. Flytta löftena till ett annat fokusområde först.',
    );
    expect(getAgreement(t.db, a.id)).toEqual(before.agreement);
    expect(counts()).toEqual(before.counts);
  });

  it('vägrar ta bort en kommun vars löften ligger under överenskommelsen', () => {
    const a = save(input({ kommunIds: [klippan, bjuv] }));
    new LofteRepo(t.db, NOW).create({
      kommunId: bjuv,
      periodFrom: '2027-01-01',
      periodTo: '2027-12-31',
      focusAreaId: a.focusAreas[0]!.id,
    });
    const err = appError(() => save({ ...input(), id: a.id, focusAreas: a.focusAreas, kommunIds: [klippan] }));
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('Bjuv har 1 löfte under överenskommelsens fokusområden och kan inte tas bort ur den.');
    expect(getAgreement(t.db, a.id).kommunIds).toHaveLength(2);
  });

  it('validerar med svenska meddelanden per fält och skriver ingenting', () => {
    const cases: [Partial<AgreementInput>, string, string][] = [
      [{ kommunIds: [] }, 'kommunIds', 'Välj minst en kommun.'],
      [
        { periodFrom: '2030-01-01', periodTo: '2027-12-31' },
        'periodTo',
        'Periodens slut måste vara samma dag som eller efter dess början.',
      ],
      [
        { signedOn: '2026-11-23' },
        'signedOn',
        'Datumet för underskrift ligger i framtiden: ange det när överenskommelsen är undertecknad.',
      ],
      [{ title: '   ' }, 'title', 'Ge överenskommelsen en rubrik.'],
      [
        { focusAreas: [{ title: ' ', problem: 'x', causes: '', goals: '', followUp: '' }] },
        'focusAreas.0.title',
        'Fokusområde 1 saknar rubrik.',
      ],
      [{ kommunIds: [999_999] }, 'kommunIds', 'En vald kommun finns inte i databasen.'],
    ];
    for (const [over, field, message] of cases) {
      const err = appError(() => save(input(over)));
      expect(err.code).toBe('validation');
      expect(err.message).toBe(message);
      expect(err.details?.issues).toEqual([{ field, message }]);
    }
    // Today is fine; several broken rules are all named.
    expect(save(input({ signedOn: '2026-11-22' })).signedOn).toBe('2026-11-22');
    const several = appError(() => save(input({ kommunIds: [], signedOn: '2027-01-01', title: '' })));
    expect(several.details?.issues?.map((i) => i.field)).toEqual(['title', 'kommunIds', 'signedOn']);
    expect(counts()).toEqual({ a: 1, k: 1, f: 2 });
  });

  it('vägrar fokusområden från en annan överenskommelse och en okänd överenskommelse', () => {
    const a = save(input());
    const b = save(input({ title: 'En annan' }));
    const err = appError(() => save({ ...input(), id: b.id, focusAreas: [a.focusAreas[0]!] }));
    expect(err.code).toBe('validation');
    expect(err.details?.issues?.[0]?.field).toBe('focusAreas.0');
    expect(appError(() => save({ ...input(), id: 4242 })).code).toBe('not_found');
    expect(getAgreement(t.db, a.id).focusAreas).toHaveLength(2);
  });

  it('API-schemat tar emot formuläret och lämnar reglerna till kärnan', () => {
    const parsed = agreementSaveSchema.parse({
      title: 'X',
      periodFrom: '2027-01-01',
      periodTo: '2027-12-31',
      kommunIds: [],
      focusAreas: [{ title: 'Trafik' }],
    });
    expect(parsed).toMatchObject({ signedByLpo: '', signedByKommun: '', signedOn: null });
    expect(parsed.focusAreas[0]).toEqual({ title: 'Trafik', problem: '', causes: '', goals: '', followUp: '' });
    const bad = agreementSaveSchema.safeParse({ ...parsed, signedOn: '2027-13-01' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Datum för underskrift måste vara ett datum på formen ÅÅÅÅ-MM-DD.');
  });
});
