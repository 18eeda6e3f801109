import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { invalidateOp, useOp } from '../../lib/queries';

export type LofteOption = { id: number; title: string };

/** The löften an åtgärd can belong to: those of its kommun (all kommuner when null). */
export function useLoften(kommunId: number | null): LofteOption[] {
  const loften = useOp('loften.list', {});
  return (loften.data ?? []).filter((l) => kommunId === null || l.kommunId === kommunId);
}

/** Saved dashboard views, the evidence an åtgärd in the plan can point at. */
export function useViews(enabled = true) {
  return useOp('views.list', {}, { enabled }).data ?? [];
}

/** After a write: every list of walks and åtgärder reads again (counts, protokoll, plan, overdue). */
export function useRefreshWalks(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void invalidateOp(queryClient, 'walks.list');
    void invalidateOp(queryClient, 'walks.get');
    void invalidateOp(queryClient, 'measures.list');
  }, [queryClient]);
}

/** Lines of a textarea, trimmed, without empty ones. */
export const lines = (text: string): string[] =>
  text
    .split(/\n/)
    .map((s) => s.trim())
    .filter(Boolean);
