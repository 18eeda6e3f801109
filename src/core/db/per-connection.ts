/**
 * Repositories are built once per connection. The DbContext builds its own when it opens a file and
 * registers them here; code that is handed a bare connection (the import worker's own, a CLI's, a test's)
 * gets the same ones through `perConnection`, never a second set with its own caches.
 */
import type { Db } from './types';

const registry = new WeakMap<Db, Map<string, unknown>>();

export function perConnection<T>(db: Db, key: string, make: () => T): T {
  let own = registry.get(db);
  if (!own) registry.set(db, (own = new Map()));
  if (!own.has(key)) own.set(key, make());
  return own.get(key) as T;
}
