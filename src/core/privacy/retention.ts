/**
 * Retention (issue 13): incident descriptions are kept for a chosen number of years (the setting
 * `privacy.descriptionYears`; none = always), then cleared — the incidents, their counts and every figure
 * stay. Deleted incidents wait in the trash for TRASH_DAYS, then are purged. The lead calls `applyRetention`
 * and `purgeTrash` when a database opens and once a day.
 */
import { AppError } from '../../shared/errors';
import { RETENTION_YEARS, TRASH_DAYS, type PrivacySettings, type RetentionCounts } from '../../shared/pii';
import { localDay, localDayStartUtc, toIsoUtc } from '../../shared/time';
import type { Db } from '../db/types';
import { referenceRepoOf } from '../db/repos';
import { rewriteIncidentTexts } from './sources-incidents';

export const DESCRIPTION_YEARS_KEY = 'privacy.descriptionYears';

export function descriptionYears(db: Db): number | null {
  const raw = referenceRepoOf(db).getSetting(DESCRIPTION_YEARS_KEY);
  const n = raw === null ? NaN : Number(raw);
  return (RETENTION_YEARS as readonly number[]).includes(n) ? n : null;
}

export function setDescriptionYears(db: Db, years: number | null): void {
  if (years !== null && !(RETENTION_YEARS as readonly number[]).includes(years))
    throw new AppError('validation', 'Välj Alltid eller 1–10 år.');
  referenceRepoOf(db).setSetting(DESCRIPTION_YEARS_KEY, years === null ? '' : String(years));
}

/** The first local day whose incidents keep their description: today's date `years` years back. */
export function cutoffDay(now: Date, years: number): string {
  const today = localDay(toIsoUtc(now.getTime()));
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // 29 February becomes 28 February in a year without it.
  const day = Math.min(d, new Date(Date.UTC(y - years, m, 0)).getUTCDate());
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function trashLimit(now: Date): string {
  return toIsoUtc(now.getTime() - TRASH_DAYS * 86_400_000);
}

const OLD_TRASH = `json_extract(row_json, '$.occurred_at') < ? AND json_extract(row_json, '$.description') <> ''`;

/** What retention would do now (for the settings screen). */
export function privacySettings(db: Db, now: Date): PrivacySettings {
  const years = descriptionYears(db);
  const cutoff = years === null ? null : cutoffDay(now, years);
  const before = cutoff === null ? null : localDayStartUtc(cutoff);
  const count = (sql: string, ...p: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .get(...p) as number;
  return {
    descriptionYears: years,
    pending: {
      descriptions:
        before === null
          ? 0
          : count(`SELECT count(*) FROM incident WHERE occurred_at < ? AND description <> ''`, before),
      trash: before === null ? 0 : count(`SELECT count(*) FROM incident_trash WHERE ${OLD_TRASH}`, before),
      cutoffDay: cutoff,
    },
    trashExpired: count('SELECT count(*) FROM incident_trash WHERE deleted_at < ?', trashLimit(now)),
  };
}

/**
 * Clears the descriptions of incidents (live and in the trash) that happened before the cutoff day.
 * Runs inside the caller's write transaction; the counts are what changed.
 */
export function applyRetention(db: Db, now: Date): Omit<RetentionCounts, 'trashPurged'> {
  const years = descriptionYears(db);
  if (years === null) return { descriptions: 0, trashDescriptions: 0, cutoffDay: null };
  const cutoff = cutoffDay(now, years);
  const before = localDayStartUtc(cutoff);
  const rows = db
    .prepare(
      `SELECT id, kommun_id, place_id, description, place_name, reporter_org FROM incident
        WHERE occurred_at < ? AND description <> ''`,
    )
    .all(before) as Parameters<typeof rewriteIncidentTexts>[1][];
  for (const row of rows) rewriteIncidentTexts(db, row, { ...row, description: '' });
  const trash = db
    .prepare(`UPDATE incident_trash SET row_json = json_set(row_json, '$.description', '') WHERE ${OLD_TRASH}`)
    .run(before).changes;
  return { descriptions: rows.length, trashDescriptions: trash, cutoffDay: cutoff };
}

/** The incidents a retention run now clears or purges (live, in the trash, or leaving the trash). */
export function retentionTargets(db: Db, now: Date): number[] {
  const years = descriptionYears(db);
  const ids = (sql: string, ...p: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .all(...p) as number[];
  const purged = ids('SELECT id FROM incident_trash WHERE deleted_at < ?', trashLimit(now));
  if (years === null) return purged;
  const before = localDayStartUtc(cutoffDay(now, years));
  return [
    ...ids(`SELECT id FROM incident WHERE occurred_at < ? AND description <> ''`, before),
    ...ids(`SELECT id FROM incident_trash WHERE ${OLD_TRASH}`, before),
    ...purged,
  ];
}

/** Deletes trash entries deleted more than TRASH_DAYS ago (their undo is gone). */
export function purgeTrash(db: Db, now: Date): number {
  return db.prepare('DELETE FROM incident_trash WHERE deleted_at < ?').run(trashLimit(now)).changes;
}

/** The audit log's line for a retention run (only when something changed). */
export function retentionAuditText(c: RetentionCounts): string | null {
  if (c.descriptions + c.trashDescriptions + c.trashPurged === 0) return null;
  const parts = [
    c.descriptions > 0 ? `${c.descriptions} beskrivningar av händelser före ${c.cutoffDay ?? ''} tömda` : '',
    c.trashDescriptions > 0 ? `${c.trashDescriptions} beskrivningar i papperskorgen tömda` : '',
    c.trashPurged > 0 ? `${c.trashPurged} händelser äldre än ${TRASH_DAYS} dagar borttagna ur papperskorgen` : '',
  ].filter(Boolean);
  return `Gallring: ${parts.join(', ')}.`;
}
