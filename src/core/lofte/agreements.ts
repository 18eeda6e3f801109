/**
 * Samverkansöverenskommelser: list, read, and save (create or update) in one transaction with their
 * kommuner and ordered fokusområden. Every rule is enforced here: at least one kommun, a period that ends
 * on or after its start, a signing date not in the future, a title on every fokusområde. Updating keeps the
 * ids of kept fokusområden (löften point at them), and a fokusområde that löften use is never removed, nor a
 * kommun whose löften sit under the agreement's fokusområden. A refused save writes nothing.
 */
import type { Db } from '../db/connection';
import { AppError, type FieldIssue } from '../../shared/errors';
import {
  lofteCount,
  type Agreement,
  type AgreementFocusArea,
  type AgreementInput,
  type AgreementSummary,
} from '../../shared/agreements';
import { isValidDay, localDay, toIsoUtc } from '../../shared/time';

const MAX_FOCUS_AREAS = 30;

interface AgreementRow {
  id: number;
  title: string;
  period_from: string;
  period_to: string;
  signed_by_lpo: string;
  signed_by_kommun: string;
  signed_on: string | null;
  created_at: string;
  updated_at: string;
}

interface FocusRow {
  id: number;
  agreement_id: number;
  title: string;
  problem: string;
  cause_victim: string;
  cause_offender: string;
  cause_place: string;
  causes: string;
  goals: string;
  follow_up: string;
  sort_order: number;
  lofte_count: number;
}

function focusRows(db: Db, agreementId?: number): FocusRow[] {
  return db
    .prepare(
      `SELECT f.*, (SELECT count(*) FROM lofte l WHERE l.focus_area_id = f.id) AS lofte_count
       FROM focus_area f ${agreementId === undefined ? '' : 'WHERE f.agreement_id = ?'}
       ORDER BY f.agreement_id, f.sort_order, f.id`,
    )
    .all(...(agreementId === undefined ? [] : [agreementId])) as FocusRow[];
}

function kommunIdsOf(db: Db, agreementId?: number): Map<number, number[]> {
  const rows = db
    .prepare(
      `SELECT agreement_id AS a, kommun_id AS k FROM agreement_kommun
       ${agreementId === undefined ? '' : 'WHERE agreement_id = ?'} ORDER BY kommun_id`,
    )
    .all(...(agreementId === undefined ? [] : [agreementId])) as { a: number; k: number }[];
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.a, [...(out.get(r.a) ?? []), r.k]);
  return out;
}

const toFocusArea = (r: FocusRow): AgreementFocusArea => ({
  id: r.id,
  title: r.title,
  problem: r.problem,
  causeVictim: r.cause_victim,
  causeOffender: r.cause_offender,
  causePlace: r.cause_place,
  causes: r.causes,
  goals: r.goals,
  followUp: r.follow_up,
  sortOrder: r.sort_order,
  lofteCount: r.lofte_count,
});

/** All agreements, the latest period first, with their kommuner and fokusområden. */
export function listAgreements(db: Db): AgreementSummary[] {
  const rows = db.prepare('SELECT * FROM agreement ORDER BY period_from DESC, id DESC').all() as AgreementRow[];
  const kommuner = kommunIdsOf(db);
  const areas = new Map<number, FocusRow[]>();
  for (const f of focusRows(db)) areas.set(f.agreement_id, [...(areas.get(f.agreement_id) ?? []), f]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    kommunIds: kommuner.get(r.id) ?? [],
    signedOn: r.signed_on,
    focusAreas: (areas.get(r.id) ?? []).map((f) => ({ id: f.id, title: f.title, lofteCount: f.lofte_count })),
    updatedAt: r.updated_at,
  }));
}

export function getAgreement(db: Db, id: number): Agreement {
  const r = db.prepare('SELECT * FROM agreement WHERE id = ?').get(id) as AgreementRow | undefined;
  if (!r) throw new AppError('not_found', `Överenskommelsen finns inte (id ${id}); den kan ha tagits bort.`);
  return {
    id: r.id,
    title: r.title,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    kommunIds: kommunIdsOf(db, id).get(id) ?? [],
    signedByLpo: r.signed_by_lpo,
    signedByKommun: r.signed_by_kommun,
    signedOn: r.signed_on,
    focusAreas: focusRows(db, id).map(toFocusArea),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The rules that need no database: each broken one is a field issue with a whole Swedish sentence. */
export function agreementIssues(input: AgreementInput, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  if (!input.title.trim()) add('title', 'Ge överenskommelsen en rubrik.');
  else if (input.title.trim().length > 200) add('title', 'Rubriken får vara högst 200 tecken.');
  const fromOk = isValidDay(input.periodFrom);
  const toOk = isValidDay(input.periodTo);
  if (!fromOk) add('periodFrom', 'Ange periodens början som ett datum (ÅÅÅÅ-MM-DD).');
  if (!toOk) add('periodTo', 'Ange periodens slut som ett datum (ÅÅÅÅ-MM-DD).');
  if (fromOk && toOk && input.periodTo < input.periodFrom) {
    add('periodTo', 'Periodens slut måste vara samma dag som eller efter dess början.');
  }
  if (input.kommunIds.length === 0) add('kommunIds', 'Välj minst en kommun.');
  if (input.signedOn !== null) {
    if (!isValidDay(input.signedOn)) add('signedOn', 'Ange datum för underskrift som ett datum (ÅÅÅÅ-MM-DD).');
    else if (input.signedOn > today) {
      add('signedOn', 'Datumet för underskrift ligger i framtiden: ange det när överenskommelsen är undertecknad.');
    }
  }
  if (input.focusAreas.length > MAX_FOCUS_AREAS) add('focusAreas', `Högst ${MAX_FOCUS_AREAS} fokusområden.`);
  const seen = new Set<number>();
  input.focusAreas.forEach((f, i) => {
    if (!f.title.trim()) add(`focusAreas.${i}.title`, `Fokusområde ${i + 1} saknar rubrik.`);
    else if (f.title.trim().length > 200) add(`focusAreas.${i}.title`, `Fokusområde ${i + 1}: rubriken är för lång.`);
    if (f.id !== undefined) {
      if (seen.has(f.id)) add(`focusAreas.${i}`, `Fokusområde ${i + 1} finns redan i listan.`);
      seen.add(f.id);
    }
  });
  return issues;
}

function refuse(issues: FieldIssue[]): never {
  throw new AppError('validation', issues.map((i) => i.message).join(' '), { issues });
}

/**
 * Creates (no `id`) or updates an agreement, its kommuner and fokusområden, in one transaction. Kept
 * fokusområden (those with an `id`) keep it; the order of the list is their order.
 */
export function saveAgreement(db: Db, input: AgreementInput, now: () => Date = () => new Date()): Agreement {
  const clock = now();
  const issues = agreementIssues(input, localDay(clock.toISOString()));
  if (issues.length) refuse(issues);
  const kommunIds = [...new Set(input.kommunIds)];
  return db
    .transaction(() => {
      const known = new Set(
        (
          db
            .prepare(`SELECT id FROM kommun WHERE id IN (${kommunIds.map(() => '?').join(', ')})`)
            .pluck()
            .all(...kommunIds) as number[]
        ).map(Number),
      );
      const unknown = kommunIds.filter((k) => !known.has(k));
      if (unknown.length) refuse([{ field: 'kommunIds', message: 'En vald kommun finns inte i databasen.' }]);

      const stamp = toIsoUtc(clock.getTime());
      const fields = [
        input.title.trim(),
        input.periodFrom,
        input.periodTo,
        input.signedByLpo.trim(),
        input.signedByKommun.trim(),
        input.signedOn,
      ];
      let id: number;
      if (input.id === undefined) {
        const foreign = input.focusAreas.findIndex((f) => f.id !== undefined);
        if (foreign >= 0) {
          refuse([
            {
              field: `focusAreas.${foreign}`,
              message: `Fokusområde ${foreign + 1} hör till en annan överenskommelse.`,
            },
          ]);
        }
        id = Number(
          db
            .prepare(
              `INSERT INTO agreement (title, period_from, period_to, signed_by_lpo, signed_by_kommun, signed_on, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(...fields, stamp, stamp).lastInsertRowid,
        );
      } else {
        id = input.id;
        const current = getAgreement(db, id);
        const existing = new Map(current.focusAreas.map((f) => [f.id, f]));
        const foreign = input.focusAreas.findIndex((f) => f.id !== undefined && !existing.has(f.id));
        if (foreign >= 0) {
          refuse([
            {
              field: `focusAreas.${foreign}`,
              message: `Fokusområde ${foreign + 1} finns inte i överenskommelsen; det kan ha tagits bort. Ladda om.`,
            },
          ]);
        }
        const kept = new Set(input.focusAreas.flatMap((f) => (f.id === undefined ? [] : [f.id])));
        const removed = current.focusAreas.filter((f) => !kept.has(f.id));
        const used = removed.filter((f) => f.lofteCount > 0);
        if (used.length) {
          throw new AppError(
            'conflict',
            used
              .map(
                (f) =>
                  `Fokusområdet "${f.title}" används av ${lofteCount(f.lofteCount)} och kan inte tas bort. Flytta ${
                    f.lofteCount === 1 ? 'löftet' : 'löftena'
                  } till ett annat fokusområde först.`,
              )
              .join(' '),
            { issues: used.map((f) => ({ field: 'focusAreas', message: `Används av ${lofteCount(f.lofteCount)}.` })) },
          );
        }
        // A kommun leaves the agreement only when none of its löften sit under the agreement's fokusområden.
        const droppedKommuner = current.kommunIds.filter((k) => !kommunIds.includes(k));
        if (droppedKommuner.length) {
          const stranded = db
            .prepare(
              `SELECT k.name AS name, count(*) AS n FROM lofte l JOIN focus_area f ON f.id = l.focus_area_id
               JOIN kommun k ON k.id = l.kommun_id
               WHERE f.agreement_id = ? AND l.kommun_id IN (${droppedKommuner.map(() => '?').join(', ')})
               GROUP BY k.id ORDER BY k.name`,
            )
            .all(id, ...droppedKommuner) as { name: string; n: number }[];
          if (stranded.length) {
            throw new AppError(
              'conflict',
              stranded
                .map(
                  (s) =>
                    `${s.name} har ${lofteCount(s.n)} under överenskommelsens fokusområden och kan inte tas bort ur den.`,
                )
                .join(' '),
              { issues: [{ field: 'kommunIds', message: 'Kommunen har löften under överenskommelsen.' }] },
            );
          }
        }
        db.prepare(
          `UPDATE agreement SET title = ?, period_from = ?, period_to = ?, signed_by_lpo = ?, signed_by_kommun = ?,
             signed_on = ?, updated_at = ? WHERE id = ?`,
        ).run(...fields, stamp, id);
        db.prepare('DELETE FROM agreement_kommun WHERE agreement_id = ?').run(id);
        const drop = db.prepare('DELETE FROM focus_area WHERE id = ?');
        for (const f of removed) drop.run(f.id);
      }
      const addKommun = db.prepare('INSERT INTO agreement_kommun (agreement_id, kommun_id) VALUES (?, ?)');
      for (const k of kommunIds) addKommun.run(id, k);
      const update = db.prepare(
        `UPDATE focus_area SET title = ?, problem = ?, cause_victim = ?, cause_offender = ?, cause_place = ?,
           causes = ?, goals = ?, follow_up = ?, sort_order = ?
         WHERE id = ? AND agreement_id = ?`,
      );
      const insert = db.prepare(
        `INSERT INTO focus_area (agreement_id, title, problem, cause_victim, cause_offender, cause_place, causes,
           goals, follow_up, sort_order)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      input.focusAreas.forEach((f, i) => {
        const values = [
          f.title.trim(),
          f.problem.trim(),
          f.causeVictim.trim(),
          f.causeOffender.trim(),
          f.causePlace.trim(),
          f.causes.trim(),
          f.goals.trim(),
          f.followUp.trim(),
          i,
        ];
        if (f.id === undefined) insert.run(id, ...values);
        else update.run(...values, f.id, id);
      });
      return getAgreement(db, id);
    })
    .immediate();
}
