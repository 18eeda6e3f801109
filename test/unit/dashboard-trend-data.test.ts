/** The Trend dashboard's shaping: last year's figure is "saknas" (null) where the data do not reach back. */
import { describe, expect, it } from 'vitest';
import { shapeTrend, type Series } from '../../src/renderer/src/screens/dashboard/trend-data';
import type { TrendPoint } from '../../src/shared/dashboards';

const point = (period: string, fromDay: string, toDay: string, n: number, kommunId = 1): TrendPoint => ({
  period,
  fromDay,
  toDay,
  kommunId,
  category: 'skadegorelse',
  n,
});
const all = (): Series => ({ key: 'alla', label: 'Urvalet', narrower: {} });

describe('trend: förra året', () => {
  it('saknas (null) där databasen inte når ett år tillbaka, 0 där den når dit men inget hände', () => {
    // Data from 1 December 2024. November 2025's last year (November 2024) is before it; December's is not.
    const now = [
      point('2025-11', '2025-11-01', '2025-11-30', 12),
      point('2025-12', '2025-12-01', '2025-12-31', 9),
      point('2026-01', '2026-01-01', '2026-01-31', 7),
    ];
    const before = [point('2024-12', '2024-12-01', '2024-12-31', 5)];
    const { rows, series } = shapeTrend(now, before, all, '2024-12-01');
    expect(series.map((s) => s.key)).toEqual(['alla']);
    expect(rows.map((r) => [r.period, r.n.alla, r.previous.alla])).toEqual([
      ['2025-11', 12, null],
      ['2025-12', 9, 5],
      ['2026-01', 7, 0],
    ]);
  });

  it('en databas utan data har inget förra år', () => {
    const { rows } = shapeTrend([point('2026-01', '2026-01-01', '2026-01-31', 1)], [], all, null);
    expect(rows[0]!.previous.alla).toBeNull();
  });

  it('per serie: en kommun utan rader förra året får 0 när data finns, inte saknas', () => {
    const bySeries = (p: TrendPoint): Series => ({ key: `k${p.kommunId}`, label: `K${p.kommunId}`, narrower: {} });
    const now = [
      point('2026-03', '2026-03-01', '2026-03-31', 4, 1),
      point('2026-03', '2026-03-01', '2026-03-31', 6, 2),
    ];
    const before = [point('2025-03', '2025-03-01', '2025-03-31', 3, 1)];
    const { rows } = shapeTrend(now, before, bySeries, '2023-11-01');
    expect(rows[0]!.previous).toEqual({ k1: 3, k2: 0 });
  });
});
