/**
 * A löfte's state changes on what the editor has seen, and a decision on the record: a transition on an
 * older revision is refused (nothing changes), a decision records who, when, the protocol reference and
 * the SMART warnings it was confirmed over, and a fokusområde whose agreement does not cover the löfte's
 * period is a warning. Real SQLite built by the migrations; the contract through `dispatch`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedGeography } from '../../src/core/demo/seed';
import { saveAgreement } from '../../src/core/lofte/agreements';
import { LofteRepo } from '../../src/core/lofte/repo';
import { lofteDetails, lofteList } from '../../src/core/lofte/service';
import { LOFTE_LIMITS, smartChecklist } from '../../src/shared/lofte';
import { api } from '../../src/shared/api';
import { lofteContentSchema } from '../../src/shared/schemas';
import { tempDb, type TempDb } from '../helpers/db';
import { appError } from '../helpers/errors';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';
import { completeContent } from '../helpers/lofte';

const NOW = new Date('2026-11-22T10:00:00Z');
const anna = { name: 'Anna Andersson', organisation: 'Klippans kommun', role: 'samordnare' };

const complete = completeContent;

describe('i databasen', () => {
  let t: TempDb;
  let repo: LofteRepo;
  let klippan: number;
  beforeEach(() => {
    t = tempDb();
    klippan = seedGeography(t.db).get('1276')!;
    repo = new LofteRepo(t.db, () => NOW);
  });
  afterEach(() => t.cleanup());

  const draft = (content = complete()) => {
    const l = repo.create({ kommunId: klippan, periodFrom: '2027-01-01', periodTo: '2027-12-31' });
    return repo.save(l.id, l.revision, content);
  };

  it('vägrar en tillståndsändring på en äldre revision och ändrar då ingenting', () => {
    const saved = draft();
    // Another editor saved since this one read revision `saved.revision`.
    repo.save(saved.id, saved.revision, complete({ effectGoal: '' }));
    const err = appError(() => repo.transition(saved.id, 'for_granskning', { revision: saved.revision }));
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/har ändrats sedan du öppnade det/);
    expect(repo.get(saved.id).state).toBe('utkast');
    expect(repo.history(saved.id)).toHaveLength(0);
    // On the stored revision it goes through; without one (scripts) as before.
    const current = repo.get(saved.id).revision;
    expect(repo.transition(saved.id, 'for_granskning', { revision: current }).state).toBe('for_granskning');
    expect(repo.transition(saved.id, 'utkast').state).toBe('utkast');
  });

  it('ett beslut registrerar vem, när, protokollet och varningarna det fattades trots', () => {
    const saved = draft(complete({ followUp: '' }));
    repo.transition(saved.id, 'for_granskning', { by: anna });
    const decided = repo.transition(saved.id, 'beslutad', {
      revision: repo.get(saved.id).revision,
      by: anna,
      protocolRef: '  KS 2026-12-03 § 141 ',
    });
    expect(decided.state).toBe('beslutad');
    const [review, decision] = repo.history(saved.id);
    expect(review).toMatchObject({ state: 'for_granskning', by: anna, protocolRef: '', warnings: [] });
    expect(decision).toMatchObject({
      state: 'beslutad',
      reason: 'Besluta',
      savedAt: '2026-11-22T10:00:00Z',
      by: anna,
      protocolRef: 'KS 2026-12-03 § 141',
      warnings: ['Beskriv hur löftet följs upp (t.ex. kvartalsrapport till Lokala Brå).'],
    });
    const row = t.db
      .prepare("SELECT by_name, by_organisation, by_role, protocol_ref FROM lofte_snapshot WHERE state = 'beslutad'")
      .get();
    expect(row).toEqual({
      by_name: 'Anna Andersson',
      by_organisation: 'Klippans kommun',
      by_role: 'samordnare',
      protocol_ref: 'KS 2026-12-03 § 141',
    });
    // The details the history tab reads carry it too.
    expect(lofteDetails(t.db, saved.id, 'manad', NOW).history.at(-1)).toMatchObject({ by: anna });
  });

  it('en protokollhänvisning hör bara till ett beslut; en namnsträng räcker som författare', () => {
    const saved = draft();
    expect(appError(() => repo.transition(saved.id, 'for_granskning', { protocolRef: 'KS § 1' })).code).toBe(
      'validation',
    );
    repo.transition(saved.id, 'for_granskning', { by: 'Kommunpolisen' });
    expect(repo.history(saved.id)[0]!.by).toEqual({ name: 'Kommunpolisen', organisation: '', role: null });
    repo.transition(saved.id, 'beslutad');
    expect(repo.history(saved.id)[1]).toMatchObject({ by: null, protocolRef: '', warnings: [] });
  });

  it('varnar när fokusområdets överenskommelse inte täcker löftets period', () => {
    const agreement = saveAgreement(
      t.db,
      {
        title: 'Samverkan Klippan 2024–2026',
        periodFrom: '2024-01-01',
        periodTo: '2026-12-31',
        kommunIds: [klippan],
        signedByLpo: '',
        signedByKommun: '',
        signedOn: null,
        focusAreas: [
          {
            title: 'Trygg stationsmiljö',
            problem: '',
            causeVictim: '',
            causeOffender: '',
            causePlace: '',
            causes: '',
            goals: '',
            followUp: '',
          },
        ],
      },
      () => NOW,
    );
    const focusAreaId = agreement.focusAreas[0]!.id;
    const l = repo.create({ kommunId: klippan, periodFrom: '2026-07-01', periodTo: '2027-06-30', focusAreaId });
    repo.save(l.id, l.revision, complete());
    const details = lofteDetails(t.db, l.id, 'manad', NOW);
    const check = details.checklist.find((c) => c.id === 'focusPeriod')!;
    expect(check.ok).toBe(false);
    expect(check.message).toContain('Samverkan Klippan 2024–2026');
    expect(check.message).toContain('2024-01-01 – 2026-12-31');
    expect(lofteList(t.db, [klippan], NOW).find((x) => x.id === l.id)!.warnings).toBe(1);
    // A period inside the agreement's is fine.
    const inside = repo.create({ kommunId: klippan, periodFrom: '2026-01-01', periodTo: '2026-12-31', focusAreaId });
    expect(lofteDetails(t.db, inside.id, 'manad', NOW).checklist.find((c) => c.id === 'focusPeriod')!.ok).toBe(true);
    // The decision lists it among the warnings it was made over.
    repo.transition(l.id, 'for_granskning');
    repo.transition(l.id, 'beslutad');
    expect(repo.history(l.id).at(-1)!.warnings).toEqual([check.message]);
  });
});

describe('gränser', () => {
  it('schemat och redigeraren har samma gränser, och Minst antal 99 999 vägras med ett svenskt meddelande', () => {
    const over = lofteContentSchema.safeParse(complete({ effectGoal: 'x'.repeat(LOFTE_LIMITS.effectGoal + 1) }));
    expect(over.success).toBe(false);
    expect(over.error!.issues[0]).toMatchObject({
      path: ['effectGoal'],
      message: 'Effektmålet får vara högst 2\u00a0000 tecken.',
    });
    expect(lofteContentSchema.safeParse(complete({ effectGoal: 'x'.repeat(LOFTE_LIMITS.effectGoal) })).success).toBe(
      true,
    );
    const big = complete();
    big.activities[0]!.quantity = 99_999;
    const refused = lofteContentSchema.safeParse(big);
    expect(refused.error!.issues[0]).toMatchObject({
      path: ['activities', 0, 'quantity'],
      message: 'Minst antal får vara högst 10\u00a0000.',
    });
    const protocol = api['loften.transition'].input.safeParse({
      id: 1,
      to: 'beslutad',
      protocolRef: 'x'.repeat(LOFTE_LIMITS.protocolRef + 1),
    });
    expect(protocol.success).toBe(false);
  });

  it('SMART-kontrollen utan kontext är som förut (ingen periodkontroll)', () => {
    expect(smartChecklist(complete()).map((c) => c.id)).not.toContain('focusPeriod');
  });
});

describe('genom dispatch', () => {
  let w: TestWorkspace;
  beforeEach(async () => {
    w = testWorkspace({ demoRows: 200 });
    w.ws.openDemo();
    await w.ws.ready();
  });
  afterEach(() => w.close());

  it('loften.transition med en gammal revision nekas; beslutet bär profilens namn och protokollet', async () => {
    await w.call('profile.save', { name: 'Anna Andersson', organisation: 'Klippans kommun', role: 'samordnare' });
    const klippan = w.one<number>("SELECT id FROM kommun WHERE scb_code = '1276'");
    const l = await w.call('loften.create', { kommunId: klippan, periodFrom: '2027-01-01', periodTo: '2027-12-31' });
    const saved = await w.call('loften.save', { id: l.id, revision: l.revision, content: complete() });
    const stale = await w.fail('loften.transition', { id: l.id, to: 'for_granskning', revision: l.revision });
    expect(stale.code).toBe('conflict');
    expect(w.one<string>('SELECT state FROM lofte WHERE id = ?', l.id)).toBe('utkast');
    const review = await w.call('loften.transition', { id: l.id, to: 'for_granskning', revision: saved.revision });
    await w.call('loften.transition', {
      id: l.id,
      to: 'beslutad',
      revision: review.revision,
      protocolRef: 'KS 2026-12-03 § 141',
    });
    const details = await w.call('loften.get', { id: l.id, by: 'manad' });
    expect(details.history.at(-1)).toMatchObject({
      state: 'beslutad',
      protocolRef: 'KS 2026-12-03 § 141',
      by: { name: 'Anna Andersson', organisation: 'Klippans kommun', role: 'samordnare' },
    });
  });
});
