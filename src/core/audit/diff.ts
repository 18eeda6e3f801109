/** What an entry's content holds: before → after of the columns a change touched. */

type Row = Record<string, unknown>;

function parsed(value: unknown): Row | null {
  if (typeof value !== 'string' || !value.startsWith('{')) return null;
  try {
    const v = JSON.parse(value) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Row) : null;
  } catch {
    return null;
  }
}

/**
 * The changed columns of one UPDATE as `{"before": {...}, "after": {...}}`. A column holding a JSON object
 * (a löfte's content, a report's edits) shows only its changed top-level keys, so an entry stays small.
 */
export function rowDiff(beforeJson: string, afterJson: string): string {
  const before = JSON.parse(beforeJson) as Row;
  const after = JSON.parse(afterJson) as Row;
  const b: Row = {};
  const a: Row = {};
  for (const key of Object.keys(after)) {
    const was = before[key];
    const now = after[key];
    if (was === now) continue;
    const wasObj = parsed(was);
    const nowObj = parsed(now);
    if (wasObj && nowObj) {
      const bk: Row = {};
      const ak: Row = {};
      for (const k of new Set([...Object.keys(wasObj), ...Object.keys(nowObj)])) {
        if (JSON.stringify(wasObj[k]) === JSON.stringify(nowObj[k])) continue;
        bk[k] = wasObj[k] ?? null;
        ak[k] = nowObj[k] ?? null;
      }
      if (Object.keys(ak).length === 0) continue;
      b[key] = bk;
      a[key] = ak;
    } else {
      b[key] = was ?? null;
      a[key] = now ?? null;
    }
  }
  return JSON.stringify({ before: b, after: a });
}
