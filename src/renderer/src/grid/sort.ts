/**
 * The register's sort as the grid shows it and as core pages it. Core pages by one chosen column (keyset
 * paging on one index per column) and breaks its ties by the time the incident occurred, in the same
 * direction, then by id. The grid therefore offers exactly one sorted column, never an unsorted state,
 * and the toolbar names the tie-break: what the arrows say is the order the rows come in.
 */
import type { ColumnState, SortDirection, SortModelItem } from 'ag-grid-community';
import type { IncidentSort, SortColumn } from '../../../shared/domain';
import { DEFAULT_SORT } from '../../../shared/schemas';
import { SORTABLE } from './columns';

export function toIncidentSort(model: readonly SortModelItem[]): IncidentSort {
  const first = model.find((m) => SORTABLE[m.colId] !== undefined);
  if (!first) return { ...DEFAULT_SORT };
  return { column: SORTABLE[first.colId]!, direction: first.sort === 'asc' ? 'asc' : 'desc' };
}

const sortIndexOf = (s: ColumnState) => s.sortIndex ?? Number.MAX_SAFE_INTEGER;

/**
 * A remembered column layout, reduced to the one sort core can page by: the saved sort with the lowest
 * sort index on a sortable column (layouts saved before multi-sort was turned off can hold several), or
 * the default sort when none is left. Order, width and visibility are kept as saved.
 */
export function singleSortState(state: readonly ColumnState[]): ColumnState[] {
  const keep = state
    .filter((s) => s.sort && SORTABLE[s.colId] !== undefined)
    .sort((a, b) => sortIndexOf(a) - sortIndexOf(b))[0];
  const sortedColId = keep?.colId ?? DEFAULT_SORT.column;
  const sortDir: SortDirection = keep?.sort ?? DEFAULT_SORT.direction;
  const next = state.map((s) => ({
    ...s,
    sort: s.colId === sortedColId ? sortDir : null,
    sortIndex: null,
  }));
  if (!next.some((s) => s.colId === sortedColId)) next.push({ colId: sortedColId, sort: sortDir, sortIndex: null });
  return next;
}

const COLUMN_LABELS: Record<SortColumn, string> = {
  id: 'Id',
  occurredAt: 'Inträffade',
  reportedAt: 'Rapporterad',
  lpo: 'LPO',
  kommun: 'Kommun',
  placeName: 'Plats',
  category: 'Kategori',
  subcategory: 'Underkategori',
  source: 'Källa',
  status: 'Status',
  reporterOrg: 'Rapporterande organisation',
};

const TIME_COLUMNS: readonly SortColumn[] = ['occurredAt', 'reportedAt'];
/**
 * Columns core sorts by the stored key (kommun and LPO number, category, source and status code), not by
 * the name shown in the cell: ascending is therefore not alphabetical, and the note says so.
 */
const CODED_COLUMNS: readonly SortColumn[] = ['lpo', 'kommun', 'category', 'subcategory', 'source', 'status'];

function direction(column: SortColumn, dir: IncidentSort['direction']): string {
  if (TIME_COLUMNS.includes(column)) return dir === 'desc' ? 'nyast först' : 'äldst först';
  return dir === 'desc' ? 'fallande' : 'stigande';
}

/**
 * The order the rows come in, in words: the chosen column and, where core breaks ties by time, that
 * too (same direction; see SORT_KEYS in core/db/incident-query.ts).
 */
export function describeSort(sort: IncidentSort): string {
  const coded = CODED_COLUMNS.includes(sort.column) ? ' (registrets ordning, inte alfabetisk)' : '';
  const main = `Ordning: ${COLUMN_LABELS[sort.column]}${coded}, ${direction(sort.column, sort.direction)}`;
  if (sort.column === 'id' || TIME_COLUMNS.includes(sort.column)) return main;
  return `${main}, därefter Inträffade ${direction('occurredAt', sort.direction)}`;
}
