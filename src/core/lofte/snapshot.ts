/** A löfte's history entry (lofte_snapshot): its row, who made it, and a decision's record. */
import { z } from 'zod';
import type { LofteActor, LofteState } from '../../shared/lofte';
import type { SnapshotDto } from '../../shared/lofte-api';
import { readJson } from '../db/json-column';
import { lofteContentSchema } from '../../shared/schemas';

/** A history entry: one shape, the contract's. */
export type Snapshot = SnapshotDto;

export interface SnapshotRow {
  id: number;
  version: number;
  state: LofteState;
  reason: string;
  content_json: string;
  saved_at: string;
  by_name: string;
  by_organisation: string;
  by_role: string;
  protocol_ref: string;
  warnings_json: string;
}

const warningsSchema = z.array(z.string());
function parseWarnings(json: string): string[] {
  try {
    const parsed = warningsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Optional parts of a state change: the editor's revision, the author, a decision's protocol reference. */
export interface TransitionOptions {
  /** The revision the caller last read or saved; a change on an older one is refused (nothing changes). */
  revision?: number | undefined;
  /** Who makes the change (the local user profile), or a display name. */
  by?: LofteActor | string | undefined;
  /** Only with a decision (to 'beslutad'). */
  protocolRef?: string | undefined;
}

export const actorOf = (by: TransitionOptions['by']): LofteActor | null => {
  if (by === undefined) return null;
  const a = typeof by === 'string' ? { name: by, organisation: '', role: null } : by;
  return a.name.trim() ? { name: a.name.trim(), organisation: a.organisation.trim(), role: a.role } : null;
};

export const fromSnapshotRow = (r: SnapshotRow): Snapshot => ({
  id: r.id,
  version: r.version,
  state: r.state,
  reason: r.reason,
  content: readJson(lofteContentSchema, r.content_json, `Löftets version ${r.version}`),
  savedAt: r.saved_at,
  by: r.by_name ? { name: r.by_name, organisation: r.by_organisation, role: r.by_role || null } : null,
  protocolRef: r.protocol_ref,
  warnings: parseWarnings(r.warnings_json),
});
