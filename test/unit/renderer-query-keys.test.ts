/**
 * The renderer's query keys come from the operation names (lib/queries.ts: opKey, useOp, invalidateOp),
 * never from arrays written by hand in a screen: a hand-written key can name another operation than the
 * one it caches (`['incidents.count', filter]` for a call of incidents.page) or miss an invalidation.
 */
import { QueryClient } from '@tanstack/react-query';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OP_NAMES } from '../../src/shared/api';
import { invalidateOp, opKey } from '../../src/renderer/src/lib/op-keys';

const RENDERER = join(__dirname, '../../src/renderer/src');
/** The helpers themselves: the only place React Query is given a key or a fetch. */
const HELPERS = new Set(['lib/queries.ts', 'lib/op-keys.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

/** Every line outside the helpers that matches `pattern`, as "file:line: text". */
function offending(pattern: RegExp): string[] {
  const hits: string[] = [];
  for (const file of sources(RENDERER)) {
    const name = relative(RENDERER, file).split('\\').join('/');
    if (HELPERS.has(name)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line)) hits.push(`${name}:${i + 1}: ${line.trim()}`);
      });
  }
  return hits;
}

describe('renderns frågenycklar', () => {
  it('hittar källorna (annars prövar testet ingenting)', () => {
    const files = sources(RENDERER).map((f) => relative(RENDERER, f).split('\\').join('/'));
    expect(files).toContain('lib/queries.ts');
    expect(files).toContain('screens/IncidentRegister.tsx');
    expect(files.length).toBeGreaterThan(30);
  });

  it('ingen skärm skriver en queryKey-array för hand', () => {
    expect(offending(/queryKey:\s*\[/)).toEqual([]);
  });

  it('ingen skärm invaliderar eller skriver cachen med en handskriven nyckel', () => {
    expect(
      offending(/\.(invalidateQueries|setQueryData|getQueryData|removeQueries|refetchQueries|cancelQueries)\(\s*\[/),
    ).toEqual([]);
  });

  it('useQuery används bara i lib/queries.ts (alla läsningar går genom useOp)', () => {
    expect(offending(/\buseQuery\b/)).toEqual([]);
  });

  it('opKey är operationens namn, med dess indata när den finns', () => {
    expect(opKey('reference.get')).toEqual(['reference.get']);
    expect(opKey('reference.get', {})).toEqual(['reference.get', {}]);
    expect(opKey('loften.get', { id: 3, by: 'vecka' })).toEqual(['loften.get', { id: 3, by: 'vecka' }]);
    for (const op of OP_NAMES) {
      expect(opKey(op)).toEqual([op]);
      expect(opKey(op, {} as never)[0]).toBe(op);
    }
  });

  it('invalidateOp träffar alla anrop av operationen och inga andra', async () => {
    const client = new QueryClient();
    const keys = [
      opKey('walks.list', {}),
      opKey('walks.list', { kommunIds: [1] }),
      opKey('walks.get', { id: 1 }),
      opKey('loften.get', { id: 3, by: 'manad' }),
      opKey('loften.get', { id: 3, by: 'vecka' }),
      opKey('loften.get', { id: 4, by: 'manad' }),
      opKey('loften.list', {}),
    ];
    for (const key of keys) client.setQueryData(key, 'svar');
    const stale = () =>
      keys
        .filter((k) => client.getQueryState(k)?.isInvalidated)
        .map((k) => JSON.stringify(k))
        .sort();

    await invalidateOp(client, 'walks.list');
    expect(stale()).toEqual(
      [opKey('walks.list', {}), opKey('walks.list', { kommunIds: [1] })].map((k) => JSON.stringify(k)).sort(),
    );

    // One löfte, whatever granularity its follow-up is read in; not another löfte, not the list.
    await invalidateOp(client, 'loften.get', { id: 3 });
    expect(stale().map((k) => JSON.parse(k) as unknown[])).toEqual(
      expect.arrayContaining([
        opKey('loften.get', { id: 3, by: 'manad' }),
        opKey('loften.get', { id: 3, by: 'vecka' }),
      ]),
    );
    expect(client.getQueryState(opKey('loften.get', { id: 4, by: 'manad' }))?.isInvalidated).toBe(false);
    expect(client.getQueryState(opKey('loften.list', {}))?.isInvalidated).toBe(false);
    expect(client.getQueryState(opKey('walks.get', { id: 1 }))?.isInvalidated).toBe(false);
    client.clear();
  });
});
