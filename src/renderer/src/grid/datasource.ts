import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { IncidentFilter, IncidentSort } from '../../../shared/domain';
import { call } from '../lib/client';
import { toIncidentSort } from './sort';

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
