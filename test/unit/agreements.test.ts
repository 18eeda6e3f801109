/**
 * Samverkansöverenskommelser in a real database: create, update keeping fokusområde ids, the orsaksanalys in
 * three parts and övrigt, refusals (in the core and through dispatch), the demo's fokusområden.
 */
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { DEMO_AGREEMENTS } from '../../src/core/demo/agreements';
import { seedLoften } from '../../src/core/demo/loften';
import { seedGeography } from '../../src/core/demo/seed';
import { getAgreement, listAgreements, saveAgreement } from '../../src/core/lofte/agreements';
import { LofteRepo } from '../../src/core/lofte/repo';
import type { AgreementInput, FocusAreaInput } from '../../src/shared/agreements';
import { agreementSaveSchema } from '../../src/shared/schemas';
import { tempDb, type TempDb } from '../helpers/db';
import { appError } from '../helpers/errors';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';

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

/** A fokusområde with every text empty but those given. */
const area = (over: Partial<FocusAreaInput> & { title: string }): FocusAreaInput => ({
  problem: '',
  causeVictim: '',
  causeOffender: '',
  causePlace: '',
  causes: '',
  goals: '',
  followUp: '',
  ...over,
});

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
      causeVictim: 'Unga som erbjuds narkotika på väg hem från skolan.',
      causeOffender: 'Ett fåtal unga vuxna som säljer via sociala medier.',
      causePlace: 'Mörka gångvägar vid stationen.',
      causes: 'Få vuxna i rörelse kvällstid.',
      goals: 'Minst 4 narkotikainsatser om året.',
      followUp: 'Kvartalsrapport till Lokala Brå.',
    },
    area({ title: 'Trafik', goals: 'Minst en trafikinsats i veckan.' }),
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
      causeVictim: 'Unga som erbjuds narkotika på väg hem från skolan.',
      causeOffender: 'Ett fåtal unga vuxna som säljer via sociala medier.',
      causePlace: 'Mörka gångvägar vid stationen.',
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
        area({ title: 'Nedskräpning' }),
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
      [{ focusAreas: [area({ title: ' ', problem: 'x' })] }, 'focusAreas.0.title', 'Fokusområde 1 saknar rubrik.'],
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
    expect(parsed.focusAreas[0]).toEqual(area({ title: 'Trafik' }));
    // One shape: what the schema gives the core is exactly the core's input.
    expectTypeOf<z.output<typeof agreementSaveSchema>>().toEqualTypeOf<AgreementInput>();
    const bad = agreementSaveSchema.safeParse({ ...parsed, signedOn: '2027-13-01' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Datum för underskrift måste vara ett datum på formen ÅÅÅÅ-MM-DD.');
  });

  it('orsaksanalysen i tre delar och övrigt sparas, läses tillbaka och ändras per fält', () => {
    const a = save(input());
    const [narkotika, trafik] = a.focusAreas;
    expect(trafik).toMatchObject({ causeVictim: '', causeOffender: '', causePlace: '', causes: '' });
    const b = save({
      ...input(),
      id: a.id,
      focusAreas: [
        { ...narkotika!, causePlace: '  Åbyparken och cykelgaraget vid stationen.  ' },
        { ...trafik!, causeVictim: 'Cyklister på Storgatan.', causeOffender: 'Bilister som kör för fort.' },
      ],
    });
    expect(b.focusAreas.map((f) => [f.causeVictim, f.causeOffender, f.causePlace, f.causes])).toEqual([
      [
        'Unga som erbjuds narkotika på väg hem från skolan.',
        'Ett fåtal unga vuxna som säljer via sociala medier.',
        'Åbyparken och cykelgaraget vid stationen.',
        'Få vuxna i rörelse kvällstid.',
      ],
      ['Cyklister på Storgatan.', 'Bilister som kör för fort.', '', ''],
    ]);
    // Each part in its own column: the stored row, not only what the core reads back.
    expect(
      t.db
        .prepare('SELECT cause_victim, cause_offender, cause_place, causes FROM focus_area WHERE id = ?')
        .get(trafik!.id),
    ).toEqual({
      cause_victim: 'Cyklister på Storgatan.',
      cause_offender: 'Bilister som kör för fort.',
      cause_place: '',
      causes: '',
    });
    expect(getAgreement(t.db, a.id)).toEqual(b);
  });
});

describe('orsaksanalysen genom dispatch', () => {
  let w: TestWorkspace;
  let kommun: number;
  beforeEach(() => {
    w = testWorkspace();
    w.ws.create(w.tmp.file('overenskommelse.sqlite'));
    kommun = w.ws
      .db()
      .write(['reference'], ({ db }) => seedGeography(db))
      .get('1276')!;
  });
  afterEach(() => w.close());

  const body = (focus: Record<string, unknown>) => ({
    title: 'Samverkansöverenskommelse Klippan 2027',
    periodFrom: '2027-01-01',
    periodTo: '2027-12-31',
    kommunIds: [kommun],
    focusAreas: [{ title: 'Trafik', ...focus }],
  });

  it('ett för långt fält nekas med sitt namn, och ingenting skrivs', async () => {
    const cases = [
      ['causeVictim', 'Orsaksanalys – brottsutsatt'],
      ['causeOffender', 'Orsaksanalys – gärningsperson'],
      ['causePlace', 'Orsaksanalys – plats'],
      ['causes', 'Orsaksanalys – övrigt'],
    ] as const;
    for (const [field, name] of cases) {
      const err = await w.fail('agreements.save', body({ [field]: 'x'.repeat(8001) }));
      expect(err.code).toBe('validation');
      const message = `${name} får vara högst ${(8000).toLocaleString('sv-SE')} tecken.`;
      expect(err.message).toBe(`Uppgifterna kunde inte sparas. Fokusområde 1: ${message}`);
      expect(err.details?.issues).toEqual([{ field: `focusAreas.0.${field}`, message }]);
    }
    expect(w.one('SELECT count(*) FROM focus_area')).toBe(0);
    // At the limit it is kept whole; a client that sends no parts saves them empty.
    const ok = await w.call('agreements.save', body({ causePlace: 'p'.repeat(8000) }) as never);
    expect(ok.focusAreas[0]!.causePlace).toHaveLength(8000);
    expect(ok.focusAreas[0]).toMatchObject({ causeVictim: '', causeOffender: '', causes: '' });
  });
});

describe('exempeldatans fokusområden', () => {
  it('har en orsaksanalys i alla tre delar, skriven en gång', () => {
    expect(seedLoften(t.db)).toBeGreaterThan(0);
    const all = listAgreements(t.db).flatMap((s) => getAgreement(t.db, s.id).focusAreas);
    expect(all.map((f) => f.title).sort()).toEqual(DEMO_AGREEMENTS.flatMap((a) => a.focus.map((f) => f.title)).sort());
    for (const f of all) {
      for (const part of [f.problem, f.causeVictim, f.causeOffender, f.causePlace])
        expect(part.length).toBeGreaterThan(20);
    }
    expect(all.find((f) => f.title === 'Nedskräpning och skadegörelse i centrum')?.causePlace).toContain(
      'Klippans station',
    );
    // A demo database that already has its löften is left as it is.
    t.db.prepare("UPDATE focus_area SET cause_victim = 'egen text'").run();
    expect(seedLoften(t.db)).toBe(0);
    expect(t.db.prepare("SELECT count(*) FROM focus_area WHERE cause_victim <> 'egen text'").pluck().get()).toBe(0);
  });
});
