/** Column definitions of the incident register: what each column shows and which sort key it maps to. */
import type { ColDef, SortDirection, ValueFormatterParams } from 'ag-grid-community';
import type { Incident, Kommun, Lpo, SortColumn } from '../../../shared/domain';
import { SOURCE_LABELS, STATUS_LABELS } from '../../../shared/domain';
import { categoryLabel, subcategoryLabel } from '../../../shared/taxonomy';
import { formatLocalDateTime } from '../../../shared/time';

/**
 * Grid column id → the contract's sort column. Beskrivning is the one column not sortable: ordering free
 * text means a large index for no real use; it is searched with the text filter instead.
 */
export const SORTABLE: Readonly<Record<string, SortColumn>> = {
  id: 'id',
  occurredAt: 'occurredAt',
  reportedAt: 'reportedAt',
  lpo: 'lpo',
  kommun: 'kommun',
  placeName: 'placeName',
  category: 'category',
  subcategory: 'subcategory',
  source: 'source',
  status: 'status',
  reporterOrg: 'reporterOrg',
};

/** Click order of a time column: newest first, then oldest first. No unsorted state: core always sorts. */
const TIME_SORTING_ORDER: SortDirection[] = ['desc', 'asc'];

/**
 * Defaults of every column. One sort at a time (multi-sort is off in the grid options): core pages by one
 * column. `initialSort` below, not `sort`, so that re-applying the column definitions never resets the
 * user's sort to the default.
 */
export const DEFAULT_COL_DEF: ColDef<Incident> = {
  sortable: true,
  resizable: true,
  sortingOrder: ['asc', 'desc'],
};

type Fmt = (p: ValueFormatterParams<Incident>) => string;

export function incidentColumns(kommuner: Map<number, Kommun>, lpos: Map<number, Lpo>): ColDef<Incident>[] {
  const time: Fmt = (p) => (p.value ? formatLocalDateTime(p.value as string) : '');
  return [
    { colId: 'id', field: 'id', headerName: 'Id', width: 90 },
    {
      colId: 'occurredAt',
      field: 'occurredAt',
      headerName: 'Inträffade',
      width: 168,
      valueFormatter: time,
      initialSort: 'desc',
      sortingOrder: TIME_SORTING_ORDER,
    },
    {
      colId: 'lpo',
      field: 'lpoId',
      headerName: 'LPO',
      width: 110,
      valueFormatter: (p) => lpos.get(p.value as number)?.name ?? '',
    },
    {
      colId: 'kommun',
      field: 'kommunId',
      headerName: 'Kommun',
      width: 130,
      valueFormatter: (p) => kommuner.get(p.value as number)?.name ?? '',
    },
    { colId: 'placeName', field: 'placeName', headerName: 'Plats', width: 170 },
    {
      colId: 'category',
      field: 'category',
      headerName: 'Kategori',
      width: 170,
      valueFormatter: (p) => (p.value ? categoryLabel(p.value as string) : ''),
    },
    {
      colId: 'subcategory',
      field: 'subcategory',
      headerName: 'Underkategori',
      width: 160,
      valueFormatter: (p) => (p.value ? subcategoryLabel(p.value as string) : ''),
    },
    {
      colId: 'source',
      field: 'source',
      headerName: 'Källa',
      width: 150,
      valueFormatter: (p) => (p.value ? SOURCE_LABELS[p.value as Incident['source']] : ''),
    },
    {
      colId: 'status',
      field: 'status',
      headerName: 'Status',
      width: 110,
      valueFormatter: (p) => (p.value ? STATUS_LABELS[p.value as Incident['status']] : ''),
    },
    { colId: 'description', field: 'description', headerName: 'Beskrivning', flex: 1, minWidth: 240, sortable: false },
    { colId: 'reporterOrg', field: 'reporterOrg', headerName: 'Rapporterande organisation', width: 190 },
    {
      colId: 'reportedAt',
      field: 'reportedAt',
      headerName: 'Rapporterad',
      width: 168,
      valueFormatter: time,
      sortingOrder: TIME_SORTING_ORDER,
      hide: true,
    },
  ];
}

/** Swedish texts for the grid's own labels. */
export const GRID_LOCALE: Record<string, string> = {
  loadingOoo: 'Hämtar…',
  noRowsToShow: 'Inga händelser matchar urvalet.',
  page: 'Sida',
  of: 'av',
  to: 'till',
  ariaSortableColumn: 'Tryck Enter för att sortera',
  ariaRowSelect: 'Tryck mellanslag för att välja raden',
};
