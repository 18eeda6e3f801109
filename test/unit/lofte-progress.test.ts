/** Progress arithmetic of a löfte's activities, against values worked out by hand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buckets, daysBetween, dueBy, progressBy, schedule, targetBetween } from '../../src/core/lofte/progress';
import { addDays } from '../../src/shared/time';

describe('mål för en sträcka dagar', () => {
  it('per vecka: q/7 per dag, en hel vecka är q', () => {
    const period = { fromDay: '2025-12-29', toDay: '2026-02-01' }; // five whole ISO weeks
    expect(targetBetween(1, 'vecka', period, period.fromDay, period.toDay)).toBeCloseTo(5, 12);
    expect(targetBetween(3, 'vecka', period, '2026-01-05', '2026-01-11')).toBeCloseTo(3, 12);
    // Outside the period nothing is owed.
    expect(targetBetween(1, 'vecka', period, '2025-12-01', '2025-12-28')).toBe(0);
  });

  it('per månad: varje dag räknas mot sin egen månads längd (delmånader, skottår)', () => {
    const period = { fromDay: '2021-05-15', toDay: '2021-07-10' };
    // May 17/31 × 2 + June 2 + July 10/31 × 2 = 1.0968 + 2 + 0.6452 = 3.7419
    expect(targetBetween(2, 'manad', period, period.fromDay, period.toDay)).toBeCloseTo(
      2 * (17 / 31) + 2 + 2 * (10 / 31),
      12,
    );
    expect(targetBetween(2, 'manad', period, '2021-06-01', '2021-06-30')).toBeCloseTo(2, 12);
    expect(
      targetBetween(1, 'manad', { fromDay: '2024-02-15', toDay: '2024-02-29' }, '2024-02-01', '2024-02-29'),
    ).toBeCloseTo(15 / 29, 12);
    expect(
      targetBetween(1, 'manad', { fromDay: '2023-02-15', toDay: '2023-02-28' }, '2023-02-01', '2023-02-28'),
    ).toBeCloseTo(14 / 28, 12);
  });

  it('under perioden: q fördelat på periodens dagar', () => {
    const period = { fromDay: '2021-05-01', toDay: '2022-04-30' }; // Klippan 2021–22, 365 days
    expect(daysBetween(period.fromDay, period.toDay)).toBe(365);
    expect(targetBetween(4, 'period', period, period.fromDay, period.toDay)).toBeCloseTo(4, 12);
    expect(targetBetween(4, 'period', period, '2021-05-01', '2021-10-31')).toBeCloseTo((4 * 184) / 365, 12);
  });

  it('summan över delarna är hela periodens mål, hur perioden än delas (egenskap)', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2019-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom('vecka', 'manad', 'period' as const),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom('vecka', 'manad', 'kvartal' as const),
        (from, len, cadence, q, by) => {
          const period = { fromDay: from, toDay: addDays(from, len) };
          const whole = targetBetween(q, cadence, period, period.fromDay, period.toDay);
          const parts = buckets(period, by).reduce(
            (s, b) => s + targetBetween(q, cadence, period, b.fromDay, b.toDay),
            0,
          );
          expect(parts).toBeCloseTo(whole, 9);
          const bs = buckets(period, by);
          expect(bs[0]!.fromDay).toBe(period.fromDay);
          expect(bs.at(-1)!.toDay).toBe(period.toDay);
          for (let i = 1; i < bs.length; i++) expect(bs[i]!.fromDay).toBe(addDays(bs[i - 1]!.toDay, 1));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('indelning i veckor, månader och kvartal', () => {
  it('ISO-veckor över nyår: 2025-12-31 hör till 2026-W01, 2020-12-28 till 2020-W53', () => {
    expect(buckets({ fromDay: '2025-12-31', toDay: '2026-01-13' }, 'vecka')).toEqual([
      { label: '2026-W01', fromDay: '2025-12-31', toDay: '2026-01-04' },
      { label: '2026-W02', fromDay: '2026-01-05', toDay: '2026-01-11' },
      { label: '2026-W03', fromDay: '2026-01-12', toDay: '2026-01-13' },
    ]);
    expect(buckets({ fromDay: '2020-12-28', toDay: '2021-01-10' }, 'vecka').map((b) => b.label)).toEqual([
      '2020-W53',
      '2021-W01',
    ]);
  });

  it('månader och kvartal klipps vid periodens kanter', () => {
    expect(buckets({ fromDay: '2021-05-15', toDay: '2021-07-10' }, 'kvartal')).toEqual([
      { label: '2021 K2', fromDay: '2021-05-15', toDay: '2021-06-30' },
      { label: '2021 K3', fromDay: '2021-07-01', toDay: '2021-07-10' },
    ]);
    expect(buckets({ fromDay: '2021-12-20', toDay: '2022-01-05' }, 'manad').map((b) => b.label)).toEqual([
      '2021-12',
      '2022-01',
    ]);
  });
});

describe('framsteg och efter plan', () => {
  const period = { fromDay: '2025-12-31', toDay: '2026-01-13' };

  it('hela aktiviteter: en delvecka ger bara det som hunnit bli en hel aktivitet, och delarna är hela målet', () => {
    const rows = progressBy(1, 'vecka', period, [{ day: '2026-01-07', count: 1 }], 'vecka', '2026-01-20');
    // Due by the weeks' ends: ⌊5/7⌋ = 0, ⌊12/7⌋ = 1, ⌊14/7⌋ = 2. One done: behind at the period's end.
    expect(rows.map((r) => [r.label, r.target, r.done, r.doneSoFar, r.dueSoFar, r.status])).toEqual([
      ['2026-W01', 0, 0, 0, 0, 'enligt_plan'],
      ['2026-W02', 1, 1, 1, 1, 'enligt_plan'],
      ['2026-W03', 1, 0, 1, 2, 'efter_plan'],
    ]);
    expect(schedule(1, 'vecka', period, [{ day: '2026-01-07', count: 1 }], '2026-01-20')).toMatchObject({
      required: 2,
      total: 2,
      behind: true,
    });
    // Thursday of week 2: nine days, ⌊9/7⌋ = 1 due, none done: the running week is behind, as the summary.
    const missed = progressBy(1, 'vecka', period, [], 'vecka', '2026-01-08');
    expect(missed.map((r) => [r.status, r.running])).toEqual([
      ['enligt_plan', false],
      ['efter_plan', true],
      ['kommande', false],
    ]);
  });

  it('månadsmål med delmånader per kvartal', () => {
    const p = { fromDay: '2021-05-15', toDay: '2021-07-10' };
    const logs = [
      { day: '2021-05-20', count: 1 },
      { day: '2021-06-03', count: 1 },
      { day: '2021-06-28', count: 1 },
      { day: '2021-07-20', count: 5 }, // after the period: not counted
    ];
    // ⌊2·17/31 + 2⌋ = 3 by the end of June; ⌊3.74⌋ = 3 for the whole period, so July adds nothing.
    const rows = progressBy(2, 'manad', p, logs, 'kvartal', '2021-08-01');
    expect(rows.map((r) => [r.label, r.target, r.done, r.status])).toEqual([
      ['2021 K2', 3, 3, 'enligt_plan'],
      ['2021 K3', 0, 0, 'enligt_plan'],
    ]);
    expect(progressBy(2, 'manad', p, logs, 'period', '2021-08-01')[0]).toMatchObject({ target: 3, done: 3 });
  });

  it('"0 gjorda av 104,3": målet för perioden och det som ska vara gjort hittills är hela tal', () => {
    const year = { fromDay: '2026-01-01', toDay: '2026-12-31' };
    // Two a week for 365 days is 104.29 pro rata: 104 whole activities; by 15 March (74 days) 21.14: 21.
    const s = schedule(2, 'vecka', year, [], '2026-03-15');
    expect(s).toMatchObject({ total: 104, required: 21, done: 0, behind: true });
    expect(s.expected).toBeCloseTo((2 * 74) / 7, 12);
    const months = progressBy(2, 'vecka', year, [], 'manad', '2026-03-15');
    expect(months.every((m) => Number.isInteger(m.target))).toBe(true);
    expect(months.reduce((sum, m) => sum + m.target, 0)).toBe(104);
  });

  it('en månad utan något gjort heter aldrig uppnådd när sammanfattningen säger efter plan', () => {
    // "Minst 2 under perioden" 2026: nothing due until 2 July (⌊2·183/365⌋ = 1), then behind.
    const year = { fromDay: '2026-01-01', toDay: '2026-12-31' };
    const months = progressBy(2, 'period', year, [], 'manad', '2026-08-15');
    expect(schedule(2, 'period', year, [], '2026-08-15')).toMatchObject({ required: 1, done: 0, behind: true });
    expect(months.map((m) => [m.label, m.target, m.status])).toEqual([
      ['2026-01', 0, 'enligt_plan'],
      ['2026-02', 0, 'enligt_plan'],
      ['2026-03', 0, 'enligt_plan'],
      ['2026-04', 0, 'enligt_plan'],
      ['2026-05', 0, 'enligt_plan'],
      ['2026-06', 0, 'enligt_plan'],
      ['2026-07', 1, 'efter_plan'],
      ['2026-08', 0, 'efter_plan'],
      ['2026-09', 0, 'kommande'],
      ['2026-10', 0, 'kommande'],
      ['2026-11', 0, 'kommande'],
      ['2026-12', 1, 'kommande'],
    ]);
  });

  it('hela tal som går ihop, och läget där i dag är det sammanfattningen säger (egenskap)', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 500 }),
        fc.constantFrom('vecka', 'manad', 'period' as const),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom('vecka', 'manad', 'kvartal', 'period' as const),
        fc.array(fc.record({ offset: fc.integer({ min: 0, max: 500 }), count: fc.integer({ min: 1, max: 5 }) }), {
          maxLength: 20,
        }),
        fc.integer({ min: -30, max: 600 }),
        (from, len, cadence, q, by, rawLogs, asOfOffset) => {
          const period = { fromDay: from, toDay: addDays(from, len) };
          const asOf = addDays(from, asOfOffset);
          const logs = rawLogs
            .map((l) => ({ day: addDays(from, Math.min(l.offset, len)), count: l.count }))
            .filter((l) => l.day <= asOf);
          const s = schedule(q, cadence, period, logs, asOf);
          const rows = progressBy(q, cadence, period, logs, by, asOf);
          // Whole numbers that add up, never more due than the whole target.
          expect(Number.isInteger(s.total) && Number.isInteger(s.required)).toBe(true);
          expect(s.total).toBe(Math.floor(targetBetween(q, cadence, period, period.fromDay, period.toDay) + 1e-9));
          expect(s.required).toBeLessThanOrEqual(s.total);
          expect(s.required).toBeLessThanOrEqual(s.expected + 1e-9);
          expect(rows.every((r) => Number.isInteger(r.target) && r.target >= 0)).toBe(true);
          expect(rows.reduce((sum, r) => sum + r.target, 0)).toBe(s.total);
          // The stretch holding today (or the last, after the period) says what the summary says.
          if (asOf >= period.fromDay) {
            const through = asOf < period.toDay ? asOf : period.toDay;
            const now = rows.find((r) => r.fromDay <= through && through <= r.toDay)!;
            expect(now.status).toBe(s.behind ? 'efter_plan' : 'enligt_plan');
            expect([now.doneSoFar, now.dueSoFar]).toEqual([s.done, s.required]);
          } else {
            expect(rows.every((r) => r.status === 'kommande')).toBe(true);
            expect(s.behind).toBe(false);
          }
          expect(dueBy(q, cadence, period, period.toDay)).toBe(s.total);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('efter plan: Klippans "minst 4 narkotikainsatser" under 2021-05-01 – 2022-04-30', () => {
    const p = { fromDay: '2021-05-01', toDay: '2022-04-30' };
    // By 31 October 184 of 365 days have passed: 4 × 184/365 = 2.016 due, so 2 should be done.
    expect(schedule(4, 'period', p, [{ day: '2021-06-10', count: 1 }], '2021-10-31')).toMatchObject({
      required: 2,
      done: 1,
      behind: true,
      total: 4,
    });
    expect(schedule(4, 'period', p, [{ day: '2021-06-10', count: 2 }], '2021-10-31').behind).toBe(false);
    // Before the period nothing is due; after it, the whole target.
    expect(schedule(4, 'period', p, [], '2021-04-01')).toMatchObject({ expected: 0, required: 0, behind: false });
    expect(schedule(4, 'period', p, [{ day: '2021-09-01', count: 3 }], '2023-01-01')).toMatchObject({
      required: 4,
      done: 3,
      behind: true,
    });
  });

  it('efter plan mitt i en vecka: Kävlinges "minst en trafikinsats i veckan"', () => {
    const p = { fromDay: '2026-01-05', toDay: '2026-03-29' };
    // Wednesday of the third week: 17 days, 17/7 = 2.43 due, two whole weeks owed.
    expect(schedule(1, 'vecka', p, [{ day: '2026-01-06', count: 1 }], '2026-01-21')).toMatchObject({
      required: 2,
      behind: true,
    });
    expect(
      schedule(
        1,
        'vecka',
        p,
        [
          { day: '2026-01-06', count: 1 },
          { day: '2026-01-13', count: 1 },
        ],
        '2026-01-21',
      ).behind,
    ).toBe(false);
  });
});
