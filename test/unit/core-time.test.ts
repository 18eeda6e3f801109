import { describe, expect, it } from 'vitest';
import {
  addDays,
  isoWeek,
  isValidDay,
  localDay,
  localDayStartUtc,
  localToUtc,
  stockholmOffsetHours,
  toIsoUtc,
} from '../../src/shared/time';
import {
  addMonths,
  addMonthStarts,
  dayDiff,
  daysInclusive,
  isoMonday,
  isoWeekLabel,
  isoWeekMonday,
  isWholeMonths,
  monthEnd,
  monthsSpanned,
  sameDayLastYear,
  tertialOf,
  weekdayIndex,
} from '../../src/shared/calendar';

/** The offset as the platform's time zone data sees it, computed without the module under test. */
const intlFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  timeZoneName: 'longOffset',
});
function intlOffsetHours(ms: number): number {
  const name = intlFormatter.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!m) throw new Error(`unexpected offset name ${name}`);
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60);
}

describe('localDay', () => {
  it('lägger 23:30 lokal tid den 31 mars i mars, oavsett UTC-datum', () => {
    expect(localDay('2025-03-31T21:30:00Z')).toBe('2025-03-31');
    expect(localDay('2025-03-31T22:00:00Z')).toBe('2025-04-01');
    // Winter: 23:30 local on 31 December is 22:30 UTC; midnight local is 23:00 UTC.
    expect(localDay('2024-12-31T22:30:00Z')).toBe('2024-12-31');
    expect(localDay('2024-12-31T23:00:00Z')).toBe('2025-01-01');
  });

  it('följer sommartidsbytet i mars 2025', () => {
    // 30 March 2025: clocks go 02:00 → 03:00 local at 01:00 UTC.
    expect(localDay('2025-03-29T22:59:59Z')).toBe('2025-03-29');
    expect(localDay('2025-03-29T23:00:00Z')).toBe('2025-03-30');
    expect(localDay('2025-03-30T00:59:59Z')).toBe('2025-03-30');
    expect(localDay('2025-03-30T01:00:00Z')).toBe('2025-03-30');
    expect(localDay('2025-03-30T03:00:00Z')).toBe('2025-03-30');
    expect(localDay('2025-03-30T21:59:59Z')).toBe('2025-03-30');
    expect(localDay('2025-03-30T22:00:00Z')).toBe('2025-03-31');
  });

  it('följer vintertidsbytet i oktober 2025', () => {
    // 26 October 2025: clocks go 03:00 → 02:00 local at 01:00 UTC.
    expect(localDay('2025-10-25T21:59:59Z')).toBe('2025-10-25');
    expect(localDay('2025-10-25T22:00:00Z')).toBe('2025-10-26');
    expect(localDay('2025-10-26T00:30:00Z')).toBe('2025-10-26');
    expect(localDay('2025-10-26T01:30:00Z')).toBe('2025-10-26');
    expect(localDay('2025-10-26T22:59:59Z')).toBe('2025-10-26');
    expect(localDay('2025-10-26T23:00:00Z')).toBe('2025-10-27');
  });
});

describe('stockholmOffsetHours', () => {
  it('är +1 och +2 precis kring bytena 2025', () => {
    expect(stockholmOffsetHours(Date.parse('2025-03-30T00:59:59Z'))).toBe(1);
    expect(stockholmOffsetHours(Date.parse('2025-03-30T01:00:00Z'))).toBe(2);
    expect(stockholmOffsetHours(Date.parse('2025-10-26T00:59:59Z'))).toBe(2);
    expect(stockholmOffsetHours(Date.parse('2025-10-26T01:00:00Z'))).toBe(1);
  });

  it('stämmer med Intl (Europe/Stockholm) för varje timme 2020–2030', () => {
    const start = Date.UTC(2020, 0, 1);
    const end = Date.UTC(2031, 0, 1);
    const mismatches: string[] = [];
    let hours = 0;
    let summer = 0;
    for (let ms = start; ms < end; ms += 3600_000) {
      hours++;
      const expected = intlOffsetHours(ms);
      if (expected === 2) summer++;
      if (stockholmOffsetHours(ms) !== expected) mismatches.push(new Date(ms).toISOString());
      // The last second before each hour too, where an off-by-one at the change would show.
      if (stockholmOffsetHours(ms - 1000) !== intlOffsetHours(ms - 1000)) mismatches.push(toIsoUtc(ms - 1000));
    }
    expect(mismatches).toEqual([]);
    expect(hours).toBe(96_432); // 11 years, 3 of them leap years
    // Summer time lasts 30 weeks (5,040 h) or 31 weeks (5,208 h): 2020 and 2024–26, 2030 are 30-week years.
    expect(summer).toBe(5 * 5040 + 6 * 5208);
  });
});

describe('localToUtc', () => {
  it('räknar om vanliga tider i vinter- och sommartid', () => {
    expect(localToUtc('2025-01-15T12:00')).toBe('2025-01-15T11:00:00Z');
    expect(localToUtc('2025-07-15T12:00')).toBe('2025-07-15T10:00:00Z');
    expect(localToUtc('2025-03-31T23:30')).toBe('2025-03-31T21:30:00Z');
    expect(localToUtc('2025-03-30 01:59:59')).toBe('2025-03-30T00:59:59Z');
    expect(localToUtc('2025-03-30T03:00')).toBe('2025-03-30T01:00:00Z');
  });

  it('ger null för en tid som inte finns (vårens hoppade timme) och för felaktig text', () => {
    expect(localToUtc('2025-03-30T02:30')).toBeNull();
    expect(localToUtc('2025-03-30T02:00')).toBeNull();
    expect(localToUtc('2025-03-30T02:59:59')).toBeNull();
    expect(localToUtc('2025-13-01T10:00')).toBeNull();
    expect(localToUtc('2025-02-30T10:00')).toBeNull();
    expect(localToUtc('2025-01-01T24:00')).toBeNull();
    expect(localToUtc('igår')).toBeNull();
  });

  it('väljer sommartidens tidpunkt för höstens dubbla timme', () => {
    expect(localToUtc('2025-10-26T02:30')).toBe('2025-10-26T00:30:00Z');
    expect(localToUtc('2025-10-26T01:59')).toBe('2025-10-25T23:59:00Z');
    expect(localToUtc('2025-10-26T03:00')).toBe('2025-10-26T02:00:00Z');
    // Both instants of the repeated hour are 02:30 local on the same local day.
    expect(localDay('2025-10-26T00:30:00Z')).toBe('2025-10-26');
    expect(localDay('2025-10-26T01:30:00Z')).toBe('2025-10-26');
  });
});

describe('localDayStartUtc och addDays', () => {
  it('ger midnatt lokal tid som UTC, även på bytesdagarna', () => {
    expect(localDayStartUtc('2025-01-01')).toBe('2024-12-31T23:00:00Z');
    expect(localDayStartUtc('2025-07-01')).toBe('2025-06-30T22:00:00Z');
    expect(localDayStartUtc('2025-03-30')).toBe('2025-03-29T23:00:00Z');
    expect(localDayStartUtc('2025-03-31')).toBe('2025-03-30T22:00:00Z');
    expect(localDayStartUtc('2025-10-26')).toBe('2025-10-25T22:00:00Z');
    expect(localDayStartUtc('2025-10-27')).toBe('2025-10-26T23:00:00Z');
  });

  it('lägger till dagar över månads- och årsskiften', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(isValidDay('2024-02-29')).toBe(true);
    expect(isValidDay('2025-02-29')).toBe(false);
  });
});

describe('isoWeek', () => {
  it('hanterar årsskiften enligt ISO 8601', () => {
    expect(isoWeek('2020-12-31')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2021-01-04')).toEqual({ year: 2021, week: 1 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeek('2024-12-29')).toEqual({ year: 2024, week: 52 });
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2025-06-07')).toEqual({ year: 2025, week: 23 });
  });

  it('ökar med en vecka varje måndag, 2019–2031', () => {
    let prev = isoWeek('2018-12-31');
    expect(prev).toEqual({ year: 2019, week: 1 });
    for (let day = '2019-01-01'; day <= '2031-12-31'; day = addDays(day, 1)) {
      const w = isoWeek(day);
      const monday = new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
      if (!monday) expect(w).toEqual(prev);
      else if (w.year === prev.year) expect(w.week).toBe(prev.week + 1);
      else expect([w.week, prev.week >= 52]).toEqual([1, true]);
      prev = w;
    }
  });
});

describe('kalendern (shared/calendar): månadsslut, ISO-veckors måndagar, dagsskillnader, tertialer', () => {
  it('månadsslut och skottår, och samma dag några månader eller ett år senare', () => {
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2025-02')).toBe('2025-02-28');
    expect(monthEnd('2100-02-01')).toBe('2100-02-28'); // not a leap year
    expect(monthEnd('2000-02-01')).toBe('2000-02-29');
    expect(monthEnd('2025-12-31')).toBe('2025-12-31');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
    expect(sameDayLastYear('2024-02-29')).toBe('2023-02-28');
    expect(addMonthStarts('2026-01-15', -4)).toBe('2025-09-01');
  });

  it('dagsskillnader räknar kalenderdagar, också över sommartidsbytena', () => {
    // 30 March 2025 has 23 hours and 26 October 2025 25: each is still one day.
    expect(dayDiff('2025-03-29', '2025-03-31')).toBe(2);
    expect(dayDiff('2025-10-25', '2025-10-27')).toBe(2);
    expect(daysInclusive('2025-01-01', '2025-12-31')).toBe(365);
    expect(daysInclusive('2024-01-01', '2024-12-31')).toBe(366);
    expect(dayDiff('2026-05-01', '2026-04-30')).toBe(-1);
    // Every day of fifteen years, both DST changes each year included, is one day after the one before.
    for (let day = '2019-01-01'; day <= '2033-12-31'; day = addDays(day, 1)) {
      expect(dayDiff(day, addDays(day, 1))).toBe(1);
    }
  });

  it('ISO-veckans måndag och veckobeteckningen, åt båda hållen', () => {
    expect(isoWeekMonday('2026-W01')).toBe('2025-12-29');
    expect(isoWeekMonday('2020-W53')).toBe('2020-12-28');
    expect(isoWeekLabel('2027-01-03')).toBe('2026-W53');
    expect(isoMonday('2025-03-30')).toBe('2025-03-24'); // a Sunday, the spring change
    for (let day = '2019-12-23'; day <= '2032-01-10'; day = addDays(day, 1)) {
      const monday = isoMonday(day);
      expect(weekdayIndex(monday)).toBe(0);
      expect(isoWeekMonday(isoWeekLabel(day))).toBe(monday);
    }
  });

  it('tertialer och hela månader', () => {
    expect(tertialOf('2026-01-01')).toEqual({ fromDay: '2026-01-01', toDay: '2026-04-30' });
    expect(tertialOf('2026-08-31')).toEqual({ fromDay: '2026-05-01', toDay: '2026-08-31' });
    expect(tertialOf('2026-09-01')).toEqual({ fromDay: '2026-09-01', toDay: '2026-12-31' });
    expect(isWholeMonths('2026-01-01', '2026-04-30')).toBe(true);
    expect(isWholeMonths('2024-02-01', '2024-02-28')).toBe(false);
    expect(isWholeMonths('2024-02-01', '2024-02-29')).toBe(true);
    expect(monthsSpanned('2025-11-01', '2026-10-31')).toBe(12);
  });
});
