import type { ColumnState } from 'ag-grid-community';

const KEY = 'lagesbild.register.columns.v1';

/** The register's column layout (order, width, visibility, sort), remembered between sessions. */
export function loadColumnState(): ColumnState[] | null {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : null;
    return Array.isArray(parsed) ? (parsed as ColumnState[]) : null;
  } catch {
    return null;
  }
}

export function saveColumnState(state: ColumnState[]): void {
  localStorage.setItem(KEY, JSON.stringify(state));
}
