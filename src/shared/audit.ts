/** The audit log ("Ändringslogg") as the API and the screen see it. */
import { z } from 'zod';
import { dayStringSchema } from './schemas';

/** Swedish names of what an entry is about (its object_type). */
export const AUDIT_OBJECT_LABELS: Readonly<Record<string, string>> = {
  incident: 'Händelse',
  lofte: 'Löfte',
  lofte_snapshot: 'Löftesversion',
  lofte_comment: 'Kommentar (löfte)',
  activity_log: 'Aktivitet (löfte)',
  agreement: 'Överenskommelse',
  focus_area: 'Fokusområde',
  walk: 'Trygghetsvandring',
  walk_observation: 'Observation',
  measure: 'Åtgärd',
  report: 'Rapport',
  place: 'Plats (position)',
  import: 'Import',
  database: 'Databas',
  audit_log: 'Ändringslogg',
};

export function auditObjectLabel(objectType: string): string {
  return AUDIT_OBJECT_LABELS[objectType] ?? objectType;
}

export interface AuditEntry {
  id: number;
  /** ISO time (UTC). */
  at: string;
  actor: string;
  objectType: string;
  objectId: string;
  action: string;
  /** Before and after of the changed fields, as JSON text ('' when there is none). */
  before: string;
  after: string;
  /** Personal data in the entry's content has been erased. */
  erased: boolean;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `beforeId` for the next (older) page; null at the end. */
  nextBeforeId: number | null;
  /** Everyone who appears in the log, for the user filter. */
  actors: string[];
}

export interface AuditCheck {
  ok: boolean;
  count: number;
  last: { id: number; at: string; hash: string } | null;
  headChecked: boolean;
  /** First broken entry first. */
  problems: { id: number; message: string }[];
  /** One Swedish line: "Loggen är obruten: N poster, senaste …" or names the first broken entry. */
  summary: string;
}

/** The log's filters (the list and the export). */
export const auditFilterSchema = z.object({
  objectType: z.string().trim().max(40).optional(),
  objectId: z.string().trim().max(40).optional(),
  actor: z.string().max(300).optional(),
  fromDay: dayStringSchema.optional(),
  toDay: dayStringSchema.optional(),
  text: z.string().trim().max(200).optional(),
});
