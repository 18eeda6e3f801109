/**
 * The renderer's one way to read through React Query: `useOp(op, input)` caches the answer of
 * `call(op, input)` under `opKey(op, input)`, and `invalidateOp(queryClient, op)` refreshes every query
 * of that operation. No screen writes a query key by hand (test/unit/renderer-query-keys.test.ts).
 */
import { useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { OpInput, OpName, OpOutput } from '../../../shared/api';
import { call } from './client';
import { opKey, type OpKey } from './op-keys';

export { invalidateOp, opKey, type OpKey } from './op-keys';

/** React Query's options for one operation's query, without the key and the fetch (those come from the op). */
export type OpQueryOptions<K extends OpName, TData = OpOutput<K>> = Omit<
  UseQueryOptions<OpOutput<K>, Error, TData, OpKey<K>>,
  'queryKey' | 'queryFn'
>;

/** `useQuery` for one operation call: key `[op, input]`, answer `call(op, input)`. */
export function useOp<K extends OpName, TData = OpOutput<K>>(
  op: K,
  input: OpInput<K>,
  options?: OpQueryOptions<K, TData>,
): UseQueryResult<TData, Error> {
  return useQuery({ ...options, queryKey: opKey(op, input), queryFn: () => call(op, input) });
}
