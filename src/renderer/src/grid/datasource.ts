import type { IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community';
import type { IncidentFilter, IncidentSort } from '../../../shared/domain';
import { DEFAULT_SORT } from '../../../shared/schemas';
import { call } from '../lib/client';
import { SORTABLE } from './columns';

export function toIncidentSort(model: readonly SortModelItem[]): IncidentSort {
  const first = model.find((m) => SORTABLE[m.colId] !== undefined);
  if (!first) return { ...DEFAULT_SORT };
  return { column: SORTABLE[first.colId]!, direction: first.sort === 'asc' ? 'asc' : 'desc' };
}

/** The infinite row model's datasource: every block is one `incidents.page` call (keyset paging in core). */
export function incidentDatasource(
  filter: IncidentFilter,
  onTotal: (total: number) => void,
  onError: (message: string) => void,
  onSort: (sort: IncidentSort) => void,
): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const sort = toIncidentSort(params.sortModel);
      onSort(sort);
      call('incidents.page', { filter, sort, startRow: params.startRow, endRow: params.endRow })
        .then((page) => {
          onTotal(page.total);
          params.successCallback(page.rows, page.total);
        })
        .catch((err: Error) => {
          onError(err.message);
          params.failCallback();
        });
    },
  };
}
