/**
 * Åtgärder: from a walk's protokoll or written straight into the kommun's åtgärdsplan (lag 2023:196).
 * Read with what every list shows beside them (the walk, the observation, the löfte, the saved view), so a
 * list can link each one to where it came from without asking again.
 */
import type { Db } from '../db/connection';
import { addMonths } from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { subcategoryLabel } from '../../shared/taxonomy';
import { DEFAULT_DUE_MONTHS, type Measure, type MeasureStatus } from '../../shared/walks';

interface MeasureRow {
  id: number;
  kommun_id: number;
  walk_id: number | null;
  observation_id: number | null;
  lofte_id: number | null;
  view_id: number | null;
  problem: string;
  what: string;
  responsible: string;
  due_day: string;
  status: MeasureStatus;
  decline_reason: string;
  in_plan: number;
  updated_at: string;
  created_by: string;
  walk_title: string | null;
  walk_day: string | null;
  obs_place: string | null;
  obs_subcategory: string | null;
  lofte_title: string | null;
  view_name: string | null;
}

export interface MeasureInput {
  kommunId: number;
  walkId?: number | null | undefined;
  observationId?: number | null | undefined;
  lofteId?: number | null | undefined;
  viewId?: number | null | undefined;
  problem: string;
  what: string;
  responsible: string;
  dueDay?: string | undefined;
  status: MeasureStatus;
  declineReason: string;
  inPlan: boolean;
}

export interface MeasureWhere {
  id?: number;
  walkId?: number;
  kommunIds?: readonly number[];
  inPlan?: boolean;
  overdueOnly?: boolean;
}

/** What saving needs from its surroundings: today's date, a timestamp and the walk (which throws if gone). */
export interface MeasureContext {
  today: string;
  stamp: string;
  /** Who records it (the local user profile); kept from the first save. */
  by?: string;
  walk: (id: number) => { kommunId: number; walkDay: string };
}

const open = (status: MeasureStatus) => status === 'planerad' || status === 'pagar';

/** The same day some months later (31 August + 6 months = 28/29 February): calendar.ts, exported here too. */
export { addMonths };

export function listMeasures(db: Db, where: MeasureWhere, today: string): Measure[] {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (where.id !== undefined) {
    clauses.push('m.id = ?');
    params.push(where.id);
  }
  if (where.walkId !== undefined) {
    clauses.push('m.walk_id = ?');
    params.push(where.walkId);
  }
  if (where.kommunIds?.length) {
    clauses.push(`m.kommun_id IN (${where.kommunIds.map(() => '?').join(', ')})`);
    params.push(...where.kommunIds);
  }
  if (where.inPlan) clauses.push('m.in_plan = 1');
  if (where.overdueOnly) {
    clauses.push("m.status IN ('planerad', 'pagar') AND m.due_day < ?");
    params.push(today);
  }
  const rows = db
    .prepare(
      `SELECT m.*, w.title AS walk_title, w.walk_day AS walk_day, o.place_name AS obs_place,
              o.subcategory AS obs_subcategory, json_extract(l.content_json, '$.title') AS lofte_title, v.name AS view_name
       FROM measure m
       LEFT JOIN walk w ON w.id = m.walk_id
       LEFT JOIN walk_observation o ON o.id = m.observation_id
       LEFT JOIN lofte l ON l.id = m.lofte_id
       LEFT JOIN dashboard_view v ON v.id = m.view_id
       ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
       ORDER BY m.due_day, m.id`,
    )
    .all(...params) as MeasureRow[];
  return rows.map((r) => ({
    id: r.id,
    kommunId: r.kommun_id,
    walkId: r.walk_id,
    observationId: r.observation_id,
    lofteId: r.lofte_id,
    viewId: r.view_id,
    problem: r.problem,
    what: r.what,
    responsible: r.responsible,
    dueDay: r.due_day,
    status: r.status,
    declineReason: r.decline_reason,
    inPlan: r.in_plan === 1,
    overdue: open(r.status) && r.due_day < today,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    walkTitle: r.walk_title,
    walkDay: r.walk_day,
    observationLabel:
      r.obs_place && r.obs_subcategory ? `${r.obs_place}: ${subcategoryLabel(r.obs_subcategory)}` : null,
    lofteTitle: r.lofte_title,
    viewName: r.view_name,
  }));
}

function checkLinks(db: Db, input: MeasureInput, kommunId: number, wasInPlan: boolean): void {
  if (input.status === 'avslagen' && !input.declineReason.trim()) {
    throw new AppError('validation', 'Skriv varför åtgärden avslogs.', {
      issues: [{ field: 'declineReason', message: 'Ange skälet till att åtgärden avslogs.' }],
    });
  }
  // Every reference is looked up before writing: a missing one is the user's to fix, not a foreign-key failure.
  if (!db.prepare('SELECT 1 FROM kommun WHERE id = ?').get(kommunId)) {
    throw new AppError(
      'validation',
      kommunId ? `Kommunen (id ${kommunId}) finns inte i databasen.` : 'Välj kommun för åtgärden.',
      { issues: [{ field: 'kommunId', message: 'Välj en kommun som finns i databasen.' }] },
    );
  }
  if (input.observationId) {
    const obsWalk = db.prepare('SELECT walk_id FROM walk_observation WHERE id = ?').pluck().get(input.observationId) as
      number | undefined;
    if (obsWalk === undefined) {
      throw new AppError('not_found', 'Iakttagelsen finns inte längre; välj en annan eller ingen.', {
        issues: [{ field: 'observationId', message: 'Iakttagelsen finns inte.' }],
      });
    }
    if (input.walkId && obsWalk !== input.walkId) {
      throw new AppError('validation', 'Iakttagelsen hör till en annan trygghetsvandring än åtgärden.', {
        issues: [{ field: 'observationId', message: 'Välj en iakttagelse från samma vandring.' }],
      });
    }
  }
  if (input.viewId && !db.prepare('SELECT 1 FROM dashboard_view WHERE id = ?').get(input.viewId)) {
    throw new AppError('not_found', 'Den sparade vyn finns inte längre; välj en annan eller ingen.', {
      issues: [{ field: 'viewId', message: 'Vyn finns inte.' }],
    });
  }
  if (input.lofteId) {
    const lofteKommun = db.prepare('SELECT kommun_id FROM lofte WHERE id = ?').pluck().get(input.lofteId) as
      number | undefined;
    if (lofteKommun === undefined) {
      throw new AppError('not_found', 'Löftet finns inte längre; välj ett annat eller inget.', {
        issues: [{ field: 'lofteId', message: 'Löftet finns inte.' }],
      });
    }
    if (kommunId && lofteKommun !== kommunId) {
      throw new AppError('validation', 'Löftet gäller en annan kommun än åtgärden.', {
        issues: [{ field: 'lofteId', message: 'Välj ett löfte för samma kommun.' }],
      });
    }
  }
  // The plan ties each åtgärd to what it answers; one already in the plan keeps its place when edited.
  if (input.inPlan && !wasInPlan && !input.problem.trim() && !input.viewId && !input.lofteId) {
    throw new AppError(
      'validation',
      'En åtgärd i åtgärdsplanen ska kopplas till ett problem i lägesbilden, en sparad vy eller ett löfte.',
      { issues: [{ field: 'problem', message: 'Skriv problemet eller välj en sparad vy eller ett löfte.' }] },
    );
  }
}

/**
 * Creates or updates an åtgärd. From a walk, the kommun is the walk's and the due date defaults to six
 * months after it; a declined åtgärd must say why. A due date already past is saved, with a warning.
 */
export function saveMeasure(db: Db, id: number | null, input: MeasureInput, ctx: MeasureContext): Measure {
  const stored =
    id === null
      ? null
      : (db.prepare('SELECT due_day, in_plan FROM measure WHERE id = ?').get(id) as
          { due_day: string; in_plan: number } | undefined);
  if (id !== null && !stored) throw new AppError('not_found', `Åtgärden finns inte (id ${id}).`);
  const walk = input.walkId ? ctx.walk(input.walkId) : null;
  const kommunId = walk?.kommunId ?? input.kommunId;
  const dueDay = input.dueDay ?? stored?.due_day ?? addMonths(walk?.walkDay ?? ctx.today, DEFAULT_DUE_MONTHS);
  checkLinks(db, input, kommunId, stored?.in_plan === 1);
  const values = [
    kommunId,
    input.walkId ?? null,
    input.observationId ?? null,
    input.lofteId ?? null,
    input.viewId ?? null,
    input.problem.trim(),
    input.what.trim(),
    input.responsible.trim(),
    dueDay,
    input.status,
    input.status === 'avslagen' ? input.declineReason.trim() : '',
    input.inPlan ? 1 : 0,
  ];
  if (id === null) {
    id = Number(
      db
        .prepare(
          `INSERT INTO measure (kommun_id, walk_id, observation_id, lofte_id, view_id, problem, what, responsible, due_day, status,
             decline_reason, in_plan, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, ctx.stamp, ctx.stamp, ctx.by ?? '').lastInsertRowid,
    );
  } else {
    db.prepare(
      `UPDATE measure SET kommun_id = ?, walk_id = ?, observation_id = ?, lofte_id = ?, view_id = ?, problem = ?, what = ?, responsible = ?,
         due_day = ?, status = ?, decline_reason = ?, in_plan = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, ctx.stamp, id);
  }
  const saved = listMeasures(db, { id }, ctx.today)[0]!;
  // Said when the date is set, not on every later change of status (the list marks it "försenad" anyway).
  const warnings =
    saved.overdue && stored?.due_day !== dueDay
      ? [`Klart senast (${dueDay}) har redan passerat: åtgärden visas som försenad.`]
      : [];
  return warnings.length ? { ...saved, warnings } : saved;
}
