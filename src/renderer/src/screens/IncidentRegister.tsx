import {
  ColumnApiModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  RowSelectionModule,
  ScrollApiModule,
  RowApiModule,
  themeQuartz,
  type GridApi,
  type GridReadyEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Incident, IncidentFilter, IncidentSort } from '../../../shared/domain';
import { formatInteger } from '../../../shared/format';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DetailPanel } from '../components/DetailPanel';
import { FilterBar } from '../components/FilterBar';
import { Toast, type ToastMessage } from '../components/Toast';
import { DEFAULT_COL_DEF, GRID_LOCALE, incidentColumns } from '../grid/columns';
import { incidentDatasource } from '../grid/datasource';
import { describeSort, singleSortState } from '../grid/sort';
import { call, errorMessage } from '../lib/client';
import { loadColumnState, saveColumnState } from '../lib/column-state';
import { filterFromRoute } from '../lib/route';
import { IncidentForm } from './IncidentForm';
import { useOp } from '../lib/queries';

ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  ColumnApiModule,
  LocaleModule,
  RowSelectionModule,
  RowApiModule,
  ScrollApiModule,
]);

const theme = themeQuartz.withParams({ fontFamily: 'inherit', headerFontWeight: 600, accentColor: '#0b5cad' });

type Panel = { kind: 'none' } | { kind: 'detail'; incident: Incident } | { kind: 'form'; incident: Incident | null };

export function IncidentRegister({ dataVersion }: { dataVersion: number }) {
  const reference = useOp('reference.get', {});
  // A drill-down from a dashboard opens the register with the filter behind the figure.
  const [filter, setFilter] = useState<IncidentFilter>(filterFromRoute);
  const [total, setTotal] = useState<number | null>(null);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [confirmDelete, setConfirmDelete] = useState<Incident | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [exporting, setExporting] = useState(false);
  const gridApi = useRef<GridApi<Incident> | null>(null);
  // The sort the grid last asked for: exports follow what the user sees.
  const [sort, setSort] = useState<IncidentSort | null>(null);

  const notify = useCallback((text: string, kind: ToastMessage['kind'] = 'info', action?: ToastMessage['action']) => {
    setToast({ id: Date.now(), text, kind, ...(action ? { action } : {}) });
  }, []);

  const columns = useMemo(() => {
    const ref = reference.data;
    if (!ref) return [];
    return incidentColumns(new Map(ref.kommuner.map((k) => [k.id, k])), new Map(ref.lpos.map((l) => [l.id, l])));
  }, [reference.data]);

  const datasource = useMemo(
    () => incidentDatasource(filter, setTotal, (m) => notify(m, 'error'), setSort),
    [filter, notify],
  );

  // Data changed elsewhere (another window, an import, seeding finished): reload visible blocks.
  useEffect(() => {
    if (dataVersion > 0) gridApi.current?.refreshInfiniteCache();
  }, [dataVersion]);

  const onGridReady = useCallback((e: GridReadyEvent<Incident>) => {
    gridApi.current = e.api;
    const saved = loadColumnState();
    if (saved) e.api.applyColumnState({ state: singleSortState(saved), applyOrder: true });
  }, []);
  const persistColumns = useCallback(() => {
    if (gridApi.current) saveColumnState(gridApi.current.getColumnState());
  }, []);

  const refresh = () => gridApi.current?.refreshInfiniteCache();

  async function doDelete(incident: Incident) {
    setConfirmDelete(null);
    try {
      await call('incidents.delete', { id: incident.id });
      setPanel({ kind: 'none' });
      refresh();
      notify(`Händelse ${incident.id} togs bort.`, 'info', {
        label: 'Ångra',
        run: () => {
          call('incidents.restore', { id: incident.id })
            .then((restored) => {
              setPanel({ kind: 'detail', incident: restored });
              refresh();
              notify(`Händelse ${incident.id} är återställd.`);
            })
            .catch((err: unknown) => notify(errorMessage(err), 'error'));
        },
      });
    } catch (err) {
      notify(errorMessage(err), 'error');
    }
  }

  async function doExport(format: 'csv' | 'xlsx') {
    setExporting(true);
    try {
      const res = await call('incidents.export', { filter, format, ...(sort ? { sort } : {}) });
      if (res.downloadUrl) {
        const a = document.createElement('a');
        a.href = res.downloadUrl;
        a.download = res.fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
      }
      if (res.savedTo || res.downloadUrl)
        notify(`${formatInteger(res.rows)} händelser exporterade till ${res.savedTo ?? res.fileName}.`);
    } catch (err) {
      notify(errorMessage(err), 'error');
    } finally {
      setExporting(false);
    }
  }

  if (reference.isError) return <p role="alert">{errorMessage(reference.error)}</p>;
  if (!reference.data) return <p className="loading">Hämtar…</p>;

  return (
    <div className="register">
      <FilterBar reference={reference.data} filter={filter} onChange={setFilter} />
      <div className="toolbar">
        <span className="row-count" data-testid="row-count" aria-live="polite">
          {total === null ? 'Räknar…' : `${formatInteger(total)} händelser`}
        </span>
        <span className="sort-note" data-testid="sort-note">
          {sort ? describeSort(sort) : ''}
        </span>
        <button type="button" onClick={() => setPanel({ kind: 'form', incident: null })}>
          Ny händelse
        </button>
        <button type="button" className="secondary" disabled={exporting} onClick={() => void doExport('csv')}>
          Exportera CSV
        </button>
        <button type="button" className="secondary" disabled={exporting} onClick={() => void doExport('xlsx')}>
          Exportera Excel
        </button>
      </div>
      <div className="register-body">
        <div className="grid-wrap" data-testid="incident-grid">
          <AgGridReact<Incident>
            theme={theme}
            rowModelType="infinite"
            datasource={datasource}
            columnDefs={columns}
            defaultColDef={DEFAULT_COL_DEF}
            suppressMultiSort
            cacheBlockSize={100}
            maxBlocksInCache={50}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            getRowId={(p) => String(p.data.id)}
            localeText={GRID_LOCALE}
            onGridReady={onGridReady}
            onColumnMoved={persistColumns}
            onColumnResized={(e) => e.finished && persistColumns()}
            onColumnVisible={persistColumns}
            onSortChanged={persistColumns}
            onRowClicked={(e) => e.data && setPanel({ kind: 'detail', incident: e.data })}
            onCellKeyDown={(e) => {
              // Keyboard users open the detail panel with Enter on any cell of the row.
              if ((e.event as KeyboardEvent | null)?.key === 'Enter' && e.data) {
                setPanel({ kind: 'detail', incident: e.data });
              }
            }}
          />
        </div>
        {panel.kind !== 'none' && (
          <aside className="side-panel">
            {panel.kind === 'detail' && (
              <DetailPanel
                incident={panel.incident}
                reference={reference.data}
                onEdit={() => setPanel({ kind: 'form', incident: panel.incident })}
                onDelete={() => setConfirmDelete(panel.incident)}
                onClose={() => setPanel({ kind: 'none' })}
              />
            )}
            {panel.kind === 'form' && (
              <IncidentForm
                key={panel.incident?.id ?? 'new'}
                reference={reference.data}
                incident={panel.incident}
                onCancel={() =>
                  setPanel(panel.incident ? { kind: 'detail', incident: panel.incident } : { kind: 'none' })
                }
                onSaved={(saved) => {
                  setPanel({ kind: 'detail', incident: saved });
                  refresh();
                  notify(panel.incident ? `Händelse ${saved.id} är sparad.` : `Händelse ${saved.id} är skapad.`);
                }}
              />
            )}
          </aside>
        )}
      </div>
      {confirmDelete && (
        <ConfirmDialog
          title={`Ta bort händelse ${confirmDelete.id}?`}
          text="Händelsen tas bort från registret. Du kan ångra direkt efteråt."
          confirmLabel="Ta bort"
          onCancel={() => setConfirmDelete(null)}
          onConfirm={() => void doDelete(confirmDelete)}
        />
      )}
      <Toast toast={toast} onClose={() => setToast(null)} />
    </div>
  );
}
