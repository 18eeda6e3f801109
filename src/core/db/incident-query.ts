/**
 * SQL for filtering, sorting and keyset paging of incidents. Column names come only from the whitelists
 * here; every value is a bound parameter.
 */
import type { IncidentFilter, IncidentSort, MapLocation, SortColumn } from '../../shared/domain';
import { addDays, localDayStartUtc } from '../../shared/time';

/** Sort keys: the column, then occurred_at for categorical columns, then id; one index serves each. */
const SORT_KEYS: Record<SortColumn, readonly string[]> = {
  occurredAt: ['occurred_at', 'id'],
  reportedAt: ['reported_at', 'id'],
  lpo: ['lpo_id', 'occurred_at', 'id'],
  kommun: ['kommun_id', 'occurred_at', 'id'],
  placeName: ['place_name', 'occurred_at', 'id'],
  category: ['category', 'occurred_at', 'id'],
  subcategory: ['subcategory', 'occurred_at', 'id'],
  source: ['source', 'occurred_at', 'id'],
  status: ['status', 'occurred_at', 'id'],
  reporterOrg: ['reporter_org', 'occurred_at', 'id'],
  id: ['id'],
};

export function sortKeyColumns(column: SortColumn): readonly string[] {
  return SORT_KEYS[column];
}

export interface SqlPart {
  sql: string;
  params: unknown[];
}

function inList(column: string, values: readonly unknown[], params: unknown[]): string {
  if (values.length === 1) {
    params.push(values[0]);
    return `${column} = ?`;
  }
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
}

/**
 * Free text to an FTS5 query: each word becomes a quoted prefix term, so punctuation in the user's text
 * can never be read as FTS syntax. Returns null when no searchable word remains.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => w.trim())
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

export function hasText(filter: IncidentFilter): boolean {
  return filter.text !== undefined && ftsQuery(filter.text) !== null;
}

/**
 * Whether pages of this query should be slices of the full hit list, sorted once per data version,
 * rather than index walks. Free text always: FTS hits come in no useful order. Exact places unless the
 * sort is by time or by place, which the (place_name, occurred_at) index yields directly; any other
 * order would either sort every row of the places again for each page or walk the sort's own index past
 * the rows of all other places (measured at 1M rows: 150–370 ms a page, or up to 2.5 s, against ~200 ms
 * once for the whole list).
 */
export function pagesFromHitList(filter: IncidentFilter, sort: IncidentSort): boolean {
  if (hasText(filter)) return true;
  return !!filter.placeNames?.length && sort.column !== 'occurredAt' && sort.column !== 'placeName';
}

/**
 * Which filter columns may drive an index for this sort. Every composite index ends in occurred_at, so
 * with the time sort any filter column can; with another sort only the sort's own leading column can.
 * The others are written `+col`, which keeps SQLite on the index that delivers the sort order instead
 * of one that needs a temporary B-tree over every matching row (measured: 2.6 s vs a few ms at 1M rows).
 * Exact places follow the same rule; the repository pages them from a hit list sorted once when the sort
 * is neither time nor place (see `pagesFromHitList`), so this walk only serves those orders, exports and
 * hit lists too long to keep.
 */
function indexable(sort: IncidentSort | undefined, filter: IncidentFilter): (col: string) => boolean {
  if (!sort || sort.column === 'occurredAt') return () => true;
  const lead = sortKeyColumns(sort.column)[0]!;
  const leadFiltered =
    (lead === 'kommun_id' && !!filter.kommunIds?.length) ||
    (lead === 'lpo_id' && !!filter.lpoIds?.length) ||
    (lead === 'category' && !!filter.categories?.length) ||
    (lead === 'source' && !!filter.sources?.length) ||
    (lead === 'place_name' && !!filter.placeNames?.length);
  return (col) => col === lead || (col === 'occurred_at' && leadFiltered);
}

/**
 * The three kinds of location a map tells apart (see IncidentFilter.location). A kommun-precision
 * position is the kommun's centre, never a point inside it, whatever place name the row may carry.
 * A row has a place_id exactly when it has a place name (the repository keeps them together); the id is
 * in the covering indexes (schema 16), the name is not.
 */
export const LOCATION_SQL: Record<MapLocation, string> = {
  kommun: "(precision IS 'kommun' OR (place_id IS NULL AND lat IS NULL))",
  plats: "(precision IS NOT 'kommun' AND place_id IS NOT NULL)",
  position: "(precision IS NOT 'kommun' AND place_id IS NULL AND lat IS NOT NULL)",
};

/** The incidents a hotspot grid counts: those with their own exact position or their place's position. */
export const HOTSPOT_POINTS_SQL = "precision IN ('exact', 'place') AND lat IS NOT NULL";

/** WHERE clause (without the keyword) for a filter over the incident table; "1" when nothing filters. */
export function whereForFilter(filter: IncidentFilter, sort?: IncidentSort): SqlPart {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const canIndex = indexable(sort, filter);
  const col = (c: string) => (canIndex(c) ? c : `+${c}`);
  if (filter.lpoIds?.length) clauses.push(inList(col('lpo_id'), filter.lpoIds, params));
  if (filter.kommunIds?.length) clauses.push(inList(col('kommun_id'), filter.kommunIds, params));
  if (filter.sources?.length) clauses.push(inList(col('source'), filter.sources, params));
  if (filter.categories?.length) clauses.push(inList(col('category'), filter.categories, params));
  if (filter.placeNames?.length) clauses.push(inList(col('place_name'), filter.placeNames, params));
  if (filter.location) clauses.push(LOCATION_SQL[filter.location]);
  if (filter.cell) {
    const c = filter.cell;
    clauses.push(`${HOTSPOT_POINTS_SQL} AND in_sweref_cell(lat, lon, ?, ?, ?, ?, ?) = 1`);
    params.push(c.size, c.originX, c.originY, c.col, c.row);
  }
  if (filter.fromDay) {
    clauses.push(`${col('occurred_at')} >= ?`);
    params.push(localDayStartUtc(filter.fromDay));
  }
  if (filter.toDay) {
    clauses.push(`${col('occurred_at')} < ?`);
    params.push(localDayStartUtc(addDays(filter.toDay, 1)));
  }
  const fts = filter.text !== undefined ? ftsQuery(filter.text) : null;
  if (fts !== null) {
    clauses.push('id IN (SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?)');
    params.push(fts);
  }
  return { sql: clauses.length ? clauses.join(' AND ') : '1', params };
}

/**
 * For the time sort, a walk that starts from a key (or a seek point) already bounds occurred_at on its
 * own side, tighter than the filter's date: drop the filter's bound there. Two bounds on one side leave
 * SQLite to guess which one to seek with, and a wrong guess scans from the range's edge.
 */
export function withoutRedundantBound(
  filter: IncidentFilter,
  sort: IncidentSort,
  walkDescending: boolean,
): IncidentFilter {
  if (sort.column !== 'occurredAt') return filter;
  const rest = { ...filter };
  if (walkDescending) delete rest.toDay;
  else delete rest.fromDay;
  return rest;
}

/** ORDER BY for a sort, walking forward or (reverse = true) from the end. */
export function orderBy(sort: IncidentSort, reverse: boolean): string {
  const desc = (sort.direction === 'desc') !== reverse;
  return sortKeyColumns(sort.column)
    .map((c) => `${c} ${desc ? 'DESC' : 'ASC'}`)
    .join(', ');
}

/**
 * "Strictly after this key in walking order" as one row-value comparison, e.g.
 * `(kommun_id, occurred_at, id) > (?, ?, ?)`. SQLite seeks the matching index with it directly; an
 * equivalent OR chain only narrows the first column and measured ~100x slower at a million rows.
 */
export function afterKey(sort: IncidentSort, reverse: boolean, key: readonly unknown[]): SqlPart {
  const cols = sortKeyColumns(sort.column);
  const desc = (sort.direction === 'desc') !== reverse;
  return {
    sql: `(${cols.join(', ')}) ${desc ? '<' : '>'} (${cols.map(() => '?').join(', ')})`,
    params: [...key],
  };
}
