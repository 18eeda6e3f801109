/**
 * The one map of handlers `dispatch` uses: every feature's `ops.ts`, registered here. The `satisfies`
 * clause makes a missing or misnamed operation a type error.
 */
import type { OpName, OpOutput, OpParsedInput } from '../../shared/api';
import type { Workspace } from '../app/workspace';
import { appOps } from '../app/ops';
import { dashboardOps } from '../dashboards/ops';
import { importOps } from '../imports/ops';
import { incidentOps } from '../incidents/ops';
import { lofteOps } from '../lofte/ops';
import { walkOps } from '../walks/ops';
import { reportOps } from '../reports/ops';
import type { OpMap } from './ops';

export const OPS = {
  ...appOps,
  ...incidentOps,
  ...importOps,
  ...dashboardOps,
  ...lofteOps,
  ...walkOps,
  ...reportOps,
} satisfies OpMap<OpName>;

export type Handlers = {
  [K in OpName]: (input: OpParsedInput<K>) => Promise<OpOutput<K>> | OpOutput<K>;
};

/** The handlers bound to one workspace, as the IPC bridge and the browser host call them. */
export function createHandlers(ws: Workspace): Handlers {
  const bound: Partial<Record<OpName, (input: unknown) => unknown>> = {};
  for (const name of Object.keys(OPS) as OpName[]) {
    const op = OPS[name] as (w: Workspace, input: unknown) => unknown;
    bound[name] = (input) => op(ws, input);
  }
  return bound as Handlers;
}
