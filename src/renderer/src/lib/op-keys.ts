/**
 * Query keys of the register's operations: the key IS the operation's name plus its input, so a cached
 * answer can never be filed under another operation. Pure (no window, no client), so unit tests can
 * import it; screens use lib/queries.ts, which re-exports it.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { OpInput, OpName } from '../../../shared/api';

export type OpKey<K extends OpName> = readonly [K] | readonly [K, OpInput<K>];

/** `[op]` (every query of the operation) or `[op, input]` (one call). */
export function opKey<K extends OpName>(op: K): readonly [K];
export function opKey<K extends OpName>(op: K, input: OpInput<K>): readonly [K, OpInput<K>];
export function opKey<K extends OpName>(op: K, input?: OpInput<K>): OpKey<K> {
  return input === undefined ? [op] : [op, input];
}

/**
 * Marks every cached query of `op` stale (and refetches the active ones). With `match`, only the calls
 * whose input has those fields (React Query compares keys' objects partially): `{ id }` for one löfte in
 * any granularity.
 */
export function invalidateOp<K extends OpName>(
  queryClient: QueryClient,
  op: K,
  match?: Partial<OpInput<K>>,
): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: match === undefined ? [op] : [op, match] });
}
