/**
 * The one map of handlers `dispatch` uses: every feature's `ops.ts`, registered here. The `satisfies`
 * clause makes a missing or misnamed operation a type error.
 */
import type { OpName, OpOutput, OpParsedInput } from '../../shared/api';
import type { Workspace } from '../app/workspace';
import { appOps } from '../app/ops';
import { folderOps } from '../app/folder-ops';
import { backupOps } from '../app/backup-ops';
import { dashboardOps } from '../dashboards/ops';
import { importOps } from '../imports/ops';
import { incidentOps } from '../incidents/ops';
import { lofteOps } from '../lofte/ops';
import { walkOps } from '../walks/ops';
import { reportOps } from '../reports/ops';
import { auditOps } from '../audit/ops';
import { privacyOps } from '../privacy/ops';
import { mapOps } from '../maps/ops';
import type { OpMap } from './ops';

export const OPS = {
  ...appOps,
  ...folderOps,
  ...backupOps,
  ...incidentOps,
  ...importOps,
  ...dashboardOps,
  ...lofteOps,
  ...walkOps,
  ...reportOps,
  ...auditOps,
  ...privacyOps,
  ...mapOps,
} satisfies OpMap<OpName>;

export type Handlers = {
  [K in OpName]: (input: OpParsedInput<K>) => Promise<OpOutput<K>> | OpOutput<K>;
};

/** The handlers bound to one workspace, as the IPC bridge and the browser host call them. */
export function createHandlers(ws: Workspace): Handlers {
  const bound: Partial<Record<OpName, (input: unknown) => unknown>> = {};
  for (const name of Object.keys(OPS) as OpName[]) {
    const op = OPS[name] as (w: Workspace, input: unknown) => unknown;
    // A read that hits damage in the file makes the database read-only and says so (never "oväntat fel").
    bound[name] = async (input) => {
      try {
        return await op(ws, input);
      } catch (err) {
        throw ws.damageFrom(err);
      }
    };
  }
  return bound as Handlers;
}
