/** The audit log's hashes: one definition, used by the triggers (as SQL functions) and by the check. */
import { createHash } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The fields of an entry its own hash covers: everything but the content itself (its hash stands in). */
export interface ChainFields {
  prevHash: string;
  id: number;
  at: string;
  actor: string;
  objectType: string;
  objectId: string;
  action: string;
  contentHash: string;
}

export function entryHash(f: ChainFields): string {
  return sha256([f.prevHash, String(f.id), f.at, f.actor, f.objectType, f.objectId, f.action, f.contentHash].join('|'));
}

/** The chain's start: what the first entry's prev_hash holds. */
export const GENESIS = '';
