/**
 * How an operation's handler looks: a plain function of the workspace (which owns the open database's
 * context) and the input its zod schema has already parsed. Each feature keeps its handlers in its own
 * `ops.ts`; `handlers.ts` registers them all into the one map that `dispatch` uses.
 */
import type { OpName, OpOutput, OpParsedInput } from '../../shared/api';
import type { Workspace } from '../app/workspace';

export type Op<K extends OpName> = (ws: Workspace, input: OpParsedInput<K>) => Promise<OpOutput<K>> | OpOutput<K>;

export type OpMap<K extends OpName> = { [P in K]: Op<P> };

/** Types a feature's handlers against the contract (the keys must be operation names). */
export function defineOps<K extends OpName>(ops: OpMap<K>): OpMap<K> {
  return ops;
}
