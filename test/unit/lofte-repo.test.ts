/** Löften in a real database: state rules, autosave with revisions, versions, history, comments, follow-up. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedGeography } from '../../src/core/demo/seed';
import { LofteRepo } from '../../src/core/lofte/repo';
import { diffContent, diffWords } from '../../src/shared/diff';
import { emptyContent, LOFTE_STATES, LOFTE_TRANSITIONS, smartChecklist } from '../../src/shared/lofte';
import { tempDb, type TempDb } from '../helpers/db';
import { appError } from '../helpers/errors';
import { completeContent } from '../helpers/lofte';

let t: TempDb;
let repo: LofteRepo;
let klippan: number;
beforeEach(() => {
  t = tempDb();
  klippan = seedGeography(t.db).get('1276')!;
  repo = new LofteRepo(t.db, () => new Date('2026-11-22T10:00:00Z'));
});
afterEach(() => t.cleanup());

const content = completeContent;

const period = { periodFrom: '2026-01-01', periodTo: '2026-12-31' };

describe('tillstånd och versioner', () => {
  it('ett beslutat löfte kan inte ändras på plats; en ny version kan, och den gamla finns kvar', () => {
    const l = repo.create({ kommunId: klippan, ...period });
    const saved = repo.save(l.id, l.revision, content());
    expect(saved.revision).toBe(l.revision + 1);
    repo.transition(l.id, 'for_granskning');
    // In review the text is locked too: a reviewer sends it back to change it.
    expect(appError(() => repo.save(l.id, repo.get(l.id).revision, content({ title: 'X' }))).code).toBe('conflict');
    repo.transition(l.id, 'beslutad');
    const decided = repo.get(l.id);
    const err = appError(() => repo.save(l.id, decided.revision, content({ title: 'Ändrad i efterhand' })));
    expect(err.message).toBe('Löftet är beslutat och kan inte ändras. Skapa en ny version för att ändra det.');
    expect(repo.get(l.id).content.title).toBe('Tryggare centrum');

    const v2 = repo.newVersion(l.id);
    expect([v2.version, v2.state]).toEqual([2, 'utkast']);
    repo.save(l.id, v2.revision, content({ title: 'Tryggare centrum och station' }));
    const history = repo.history(l.id);
    expect(history.map((h) => [h.version, h.state, h.reason])).toEqual([
      [1, 'for_granskning', 'Skicka för granskning'],
      [1, 'beslutad', 'Besluta'],
      [2, 'utkast', 'Ny version 2 påbörjad'],
    ]);
    const decidedText = history.find((h) => h.state === 'beslutad')!.content;
    expect(diffContent(decidedText, repo.get(l.id).content)).toEqual([
      {
        field: 'title',
        label: 'Rubrik',
        parts: [
          { kind: 'same', text: 'Tryggare centrum ' },
          { kind: 'added', text: 'och station' },
        ],
      },
    ]);
  });

  it('tillåter bara de angivna övergångarna, för varje par av tillstånd', () => {
    for (const from of LOFTE_STATES) {
      for (const to of LOFTE_STATES) {
        const l = repo.create({ kommunId: klippan, ...period });
        // Walk to `from` along the allowed path.
        const path = ['utkast', 'for_granskning', 'beslutad', 'uppfoljning', 'avslutad'];
        for (const s of path.slice(1, path.indexOf(from) + 1)) repo.transition(l.id, s as never);
        const allowed = LOFTE_TRANSITIONS.some((x) => x.from === from && x.to === to);
        if (allowed) expect(repo.transition(l.id, to).state).toBe(to);
        else expect(appError(() => repo.transition(l.id, to)).code).toBe('conflict');
      }
    }
  });

  it('autospar vägrar en äldre revision och skriver då ingenting', () => {
    const l = repo.create({ kommunId: klippan, ...period });
    repo.save(l.id, l.revision, content({ title: 'Först' }));
    const err = appError(() => repo.save(l.id, l.revision, content({ title: 'Andra fönstret' })));
    expect(err.message).toContain('sparats av någon annan');
    expect(repo.get(l.id).content.title).toBe('Först');
  });

  it('vägrar en period som slutar före den börjar', () => {
    expect(
      appError(() => repo.create({ kommunId: klippan, periodFrom: '2027-02-01', periodTo: '2027-01-31' })).code,
    ).toBe('validation');
  });
});

describe('hänvisningar som inte finns', () => {
  it('en kommun eller ett fokusområde som inte finns vägras på svenska, och ingenting skrivs', () => {
    const l = repo.create({ kommunId: klippan, ...period });
    const rows = () => t.db.prepare('SELECT * FROM lofte ORDER BY id').all();
    const before = rows();
    const changes = () => t.db.prepare('SELECT total_changes()').pluck().get() as number;
    const written = changes();
    const refused = (fn: () => unknown) => {
      const err = appError(fn);
      return [err.code, err.message, err.details?.issues?.[0]?.field];
    };
    expect(refused(() => repo.create({ kommunId: 96, periodFrom: '2026-10-31', periodTo: '9998-12-31' }))).toEqual([
      'validation',
      'Kommunen (id 96) finns inte i databasen.',
      'kommunId',
    ]);
    expect(refused(() => repo.create({ kommunId: klippan, ...period, focusAreaId: 1_000_000 }))).toEqual([
      'not_found',
      'Fokusområdet finns inte (id 1000000); välj ett annat eller inget.',
      'focusAreaId',
    ]);
    expect(refused(() => repo.save(l.id, l.revision, content(), { focusAreaId: 1_000_000 }))).toEqual([
      'not_found',
      'Fokusområdet finns inte (id 1000000); välj ett annat eller inget.',
      'focusAreaId',
    ]);
    expect(changes()).toBe(written);
    expect(rows()).toEqual(before);
    // Without a fokusområde (null) the save goes through.
    expect(repo.save(l.id, l.revision, content(), { focusAreaId: null }).revision).toBe(l.revision + 1);
  });
});

describe('uppföljning och kommentarer', () => {
  it('loggar aktiviteter först när löftet är beslutat, inom perioden och för löftets egna aktiviteter', () => {
    const l = repo.create({ kommunId: klippan, ...period, content: content() });
    const entry = { activityKey: 'a1', day: '2026-03-02', count: 1, place: 'Stationen', note: '' };
    expect(appError(() => repo.log(l.id, entry)).message).toContain('inte beslutat');
    repo.transition(l.id, 'for_granskning');
    repo.transition(l.id, 'beslutad');
    const logged = repo.log(l.id, entry);
    expect(repo.logs(l.id)).toEqual([logged]);
    expect(appError(() => repo.log(l.id, { ...entry, day: '2027-01-01' })).message).toBe(
      'Datumet ligger utanför löftets period (2026-01-01 – 2026-12-31).',
    );
    expect(appError(() => repo.log(l.id, { ...entry, activityKey: 'okänd' })).code).toBe('validation');
    // Not in the future (the clock says 2026-11-22).
    expect(appError(() => repo.log(l.id, { ...entry, day: '2026-11-23' })).message).toBe(
      'Datumet ligger i framtiden: registrera aktiviteter när de är gjorda.',
    );
    // A new version in draft still takes logs (the decided one is in force meanwhile).
    repo.newVersion(l.id);
    repo.log(l.id, { ...entry, day: '2026-04-01' });
    expect(repo.deleteLog(logged.id).lofteId).toBe(l.id);
    expect(repo.logs(l.id).map((x) => x.day)).toEqual(['2026-04-01']);
    repo.transition(l.id, 'for_granskning');
    repo.transition(l.id, 'beslutad');
    repo.transition(l.id, 'uppfoljning');
    repo.transition(l.id, 'avslutad');
    expect(appError(() => repo.log(l.id, entry)).message).toContain('avslutat');
  });

  it('sparar kommentarer med författare', () => {
    const l = repo.create({ kommunId: klippan, ...period });
    repo.comment(l.id, ' Anna (kommunpolis) ', 'Lägg till fritidsgårdarna.');
    repo.comment(l.id, '', 'Bra!');
    expect(repo.comments(l.id).map((c) => [c.author, c.body])).toEqual([
      ['Anna (kommunpolis)', 'Lägg till fritidsgårdarna.'],
      ['Okänd', 'Bra!'],
    ]);
  });
});

describe('SMART-kontroll', () => {
  it('varnar för varje del som saknas och godkänner ett fullständigt löfte', () => {
    expect(smartChecklist(content()).every((c) => c.ok)).toBe(true);
    const lacking = smartChecklist(
      content({
        evidence: [],
        followUp: ' ',
        activities: [
          {
            key: 'a',
            kind: 'Trafikinsats',
            quantity: null,
            cadence: null,
            responsible: 'partner',
            partner: '',
            note: '',
          },
        ],
      }),
    );
    expect(lacking.filter((c) => !c.ok).map((c) => c.message)).toEqual([
      'Koppla problemet till underlag: en sparad vy, en indikator i trygghetsmätningen eller ett urval av händelser.',
      'Mätbart mål (antal) saknas: Aktivitet 1 (Trafikinsats).',
      'Takt saknas (per vecka, per månad eller under perioden): Aktivitet 1 (Trafikinsats).',
      'Ansvarig saknas: Aktivitet 1 (Trafikinsats).',
      'Beskriv hur löftet följs upp (t.ex. kvartalsrapport till Lokala Brå).',
    ]);
    expect(smartChecklist(emptyContent()).filter((c) => !c.ok)).toHaveLength(7);
  });
});

describe('ordvis diff', () => {
  it('visar ändrade tal och tillagda meningar, och ger tillbaka båda texterna', () => {
    const before = 'Minst 2 trafikinsatser per månad. Ansvar: polisen.';
    const after = 'Minst 4 trafikinsatser per månad. Ansvar: polisen. Redovisas kvartalsvis.';
    const parts = diffWords(before, after);
    // Kept words are shown as they are now; the old text comes back up to its spacing.
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join('')
        .trim(),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
    expect(parts).toEqual([
      { kind: 'same', text: 'Minst ' },
      { kind: 'removed', text: '2 ' },
      { kind: 'added', text: '4 ' },
      { kind: 'same', text: 'trafikinsatser per månad. Ansvar: polisen. ' },
      { kind: 'added', text: 'Redovisas kvartalsvis.' },
    ]);
    expect(diffWords('', '')).toEqual([]);
  });
});
