/**
 * The register's sort as the grid shows it: one sorted column, the same one core pages by, and a note that
 * names core's tie-break. Pure functions; the e2e test (register.test.ts) clicks the real grid.
 */
import { describe, expect, it } from 'vitest';
import { SORT_COLUMNS } from '../../src/shared/domain';
import { DEFAULT_COL_DEF, SORTABLE, incidentColumns } from '../../src/renderer/src/grid/columns';
import { describeSort, singleSortState, toIncidentSort } from '../../src/renderer/src/grid/sort';

describe('registrets sortering', () => {
  it('skickar den sortering gridet visar till core', () => {
    expect(toIncidentSort([{ colId: 'kommun', sort: 'asc' }])).toEqual({ column: 'kommun', direction: 'asc' });
    expect(toIncidentSort([{ colId: 'occurredAt', sort: 'asc' }])).toEqual({ column: 'occurredAt', direction: 'asc' });
    expect(toIncidentSort([])).toEqual({ column: 'occurredAt', direction: 'desc' });
    expect(toIncidentSort([{ colId: 'description', sort: 'asc' }])).toEqual({
      column: 'occurredAt',
      direction: 'desc',
    });
  });

  it('erbjuder ingen osorterad vy och sätter inte om sorteringen när kolumnerna ritas om', () => {
    const cols = incidentColumns(new Map(), new Map());
    const time = cols.find((c) => c.colId === 'occurredAt')!;
    // `sort` would be applied again on every update of the column definitions: the user's sort then
    // jumps back to newest first (issue 11). `initialSort` applies once.
    expect(time.sort).toBeUndefined();
    expect(time.initialSort).toBe('desc');
    expect(time.sortingOrder).toEqual(['desc', 'asc']);
    expect(DEFAULT_COL_DEF.sortingOrder).toEqual(['asc', 'desc']);
    for (const c of cols) expect(c.sortingOrder ?? DEFAULT_COL_DEF.sortingOrder).not.toContain(null);
    // Every sortable column maps to a sort core knows.
    for (const c of cols.filter((c) => c.sortable !== false)) expect(SORT_COLUMNS).toContain(SORTABLE[c.colId!]);
  });

  it('gör en sparad layout med flera sorteringar till en, den första', () => {
    const saved = [
      { colId: 'id', width: 80 },
      { colId: 'occurredAt', sort: 'desc' as const, sortIndex: 1 },
      { colId: 'kommun', sort: 'asc' as const, sortIndex: 0, hide: false },
      { colId: 'description', sort: 'asc' as const, sortIndex: null },
    ];
    expect(singleSortState(saved)).toEqual([
      { colId: 'id', width: 80, sort: null, sortIndex: null },
      { colId: 'occurredAt', sort: null, sortIndex: null },
      { colId: 'kommun', sort: 'asc', sortIndex: null, hide: false },
      { colId: 'description', sort: null, sortIndex: null },
    ]);
  });

  it('sätter standardsorteringen när den sparade layouten saknar sortering', () => {
    expect(singleSortState([{ colId: 'kommun' }, { colId: 'occurredAt', width: 200 }])).toEqual([
      { colId: 'kommun', sort: null, sortIndex: null },
      { colId: 'occurredAt', width: 200, sort: 'desc', sortIndex: null },
    ]);
    expect(singleSortState([{ colId: 'kommun' }])).toEqual([
      { colId: 'kommun', sort: null, sortIndex: null },
      { colId: 'occurredAt', sort: 'desc', sortIndex: null },
    ]);
  });

  it('säger i ord den ordning raderna kommer i, med cores andra nyckel', () => {
    expect(describeSort({ column: 'occurredAt', direction: 'desc' })).toBe('Ordning: Inträffade, nyast först');
    expect(describeSort({ column: 'reportedAt', direction: 'asc' })).toBe('Ordning: Rapporterad, äldst först');
    expect(describeSort({ column: 'id', direction: 'asc' })).toBe('Ordning: Id, stigande');
    expect(describeSort({ column: 'placeName', direction: 'desc' })).toBe(
      'Ordning: Plats, fallande, därefter Inträffade nyast först',
    );
    expect(describeSort({ column: 'kommun', direction: 'asc' })).toBe(
      'Ordning: Kommun (registrets ordning, inte alfabetisk), stigande, därefter Inträffade äldst först',
    );
  });
});
