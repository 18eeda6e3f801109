/**
 * Trygghetsvandringar and åtgärder in the database. An observation is written together with the incident
 * it becomes (source "trygghetsvandring", at the walk's place and day) in one transaction, so the
 * lägesbild counts what the walkers saw; deleting the observation moves that incident to the trash.
 */
import type { Db } from '../db/connection';
import { IncidentRepo } from '../db/incident-repo';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { readJson } from '../db/json-column';
import { categoryOfSubcategory, subcategoryLabel } from '../../shared/taxonomy';
import { localDay, localToUtc, toIsoUtc } from '../../shared/time';
import type { Measure, Walk, WalkDetails, WalkObservation, WalkSummary } from '../../shared/walks';
import { listMeasures, saveMeasure, type MeasureInput, type MeasureWhere } from './measures';

export { addMonths, type MeasureInput } from './measures';

/** A walk's places and invited, as stored: names in order. */
const NAMES = z.array(z.string());

interface WalkRow {
  id: number;
  kommun_id: number;
  title: string;
  walk_day: string;
  after_dark: number;
  route: string;
  places_json: string;
  invited_json: string;
  updated_at: string;
}

const toWalk = (r: WalkRow): Walk => ({
  id: r.id,
  kommunId: r.kommun_id,
  title: r.title,
  walkDay: r.walk_day,
  afterDark: r.after_dark === 1,
  route: r.route,
  places: readJson(NAMES, r.places_json, `Vandringens platser (${r.title})`),
  invited: readJson(NAMES, r.invited_json, `Vandringens inbjudna (${r.title})`),
  updatedAt: r.updated_at,
});

export interface WalkInput {
  kommunId: number;
  title: string;
  walkDay: string;
  afterDark: boolean;
  route: string;
  places: string[];
  invited: string[];
}

export class WalkRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
    /** The owning context's repository; without one (demo seeding, tests) a private one is built on demand. */
    private readonly incidentRepo?: IncidentRepo,
  ) {}

  private incidents(): IncidentRepo {
    return this.incidentRepo ?? new IncidentRepo(this.db, this.clock);
  }

  private stamp(): string {
    return toIsoUtc(this.clock().getTime());
  }

  private today(): string {
    return localDay(this.clock().toISOString());
  }

  get(id: number): Walk {
    const row = this.db.prepare('SELECT * FROM walk WHERE id = ?').get(id) as WalkRow | undefined;
    if (!row) throw new AppError('not_found', `Trygghetsvandringen finns inte (id ${id}).`);
    return toWalk(row);
  }

  list(kommunIds?: readonly number[]): WalkSummary[] {
    const where = kommunIds?.length ? `WHERE kommun_id IN (${kommunIds.map(() => '?').join(', ')})` : '';
    const today = this.today();
    return (
      this.db
        .prepare(`SELECT * FROM walk ${where} ORDER BY walk_day DESC, id DESC`)
        .all(...(kommunIds ?? [])) as WalkRow[]
    ).map((r) => {
      const counts = this.db
        .prepare(
          `SELECT (SELECT count(*) FROM walk_observation WHERE walk_id = ?) AS observations,
                  (SELECT count(*) FROM measure WHERE walk_id = ?) AS measures,
                  (SELECT count(*) FROM measure WHERE walk_id = ? AND status IN ('planerad', 'pagar') AND due_day < ?) AS overdue`,
        )
        .get(r.id, r.id, r.id, today) as { observations: number; measures: number; overdue: number };
      return { ...toWalk(r), ...counts };
    });
  }

  details(id: number): WalkDetails {
    const walk = this.get(id);
    const observations = this.db
      .prepare(
        `SELECT id, walk_id AS walkId, place_name AS placeName, subcategory, note, incident_id AS incidentId
         FROM walk_observation WHERE walk_id = ? ORDER BY id`,
      )
      .all(id) as WalkObservation[];
    return { walk, observations, measures: this.measures({ walkId: id }) };
  }

  save(id: number | null, input: WalkInput): Walk {
    if (!this.db.prepare('SELECT 1 FROM kommun WHERE id = ?').get(input.kommunId)) {
      throw new AppError('validation', `Kommunen (id ${input.kommunId}) finns inte i databasen.`, {
        issues: [{ field: 'kommunId', message: 'Kommunen finns inte i databasen.' }],
      });
    }
    const stamp = this.stamp();
    const places = JSON.stringify(input.places.map((p) => p.trim()).filter(Boolean));
    const invited = JSON.stringify(input.invited.map((p) => p.trim()).filter(Boolean));
    if (id === null) {
      const newId = Number(
        this.db
          .prepare(
            `INSERT INTO walk (kommun_id, title, walk_day, after_dark, route, places_json, invited_json, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            input.kommunId,
            input.title.trim(),
            input.walkDay,
            input.afterDark ? 1 : 0,
            input.route.trim(),
            places,
            invited,
            stamp,
            stamp,
          ).lastInsertRowid,
      );
      return this.get(newId);
    }
    this.get(id);
    this.db
      .prepare(
        `UPDATE walk SET kommun_id = ?, title = ?, walk_day = ?, after_dark = ?, route = ?, places_json = ?, invited_json = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        input.kommunId,
        input.title.trim(),
        input.walkDay,
        input.afterDark ? 1 : 0,
        input.route.trim(),
        places,
        invited,
        stamp,
        id,
      );
    return this.get(id);
  }

  /** An observation at a place, and the incident it becomes, in one transaction. */
  observe(walkId: number, input: { placeName: string; subcategory: string; note: string }): WalkObservation {
    return this.db
      .transaction(() => {
        const walk = this.get(walkId);
        const category = categoryOfSubcategory(input.subcategory);
        if (!category) {
          throw new AppError('validation', 'Välj vad ni såg (t.ex. belysning eller nedskräpning).', {
            issues: [{ field: 'subcategory', message: 'Okänd typ av iakttagelse.' }],
          });
        }
        if (walk.walkDay > this.today()) {
          throw new AppError('validation', 'Vandringen har inte ägt rum än: iakttagelser skrivs in efter vandringen.');
        }
        const at = localToUtc(`${walk.walkDay} ${walk.afterDark ? '20:00' : '14:00'}`)!;
        const note = input.note.trim();
        const incident = this.incidents().create({
          source: 'trygghetsvandring',
          sourceRef: null,
          category,
          subcategory: input.subcategory,
          occurredAt: at,
          reportedAt: this.stamp() < at ? at : this.stamp(),
          kommunId: walk.kommunId,
          placeName: input.placeName.trim(),
          lat: null,
          lon: null,
          precision: null,
          description: `${subcategoryLabel(input.subcategory)} vid ${input.placeName.trim()} (${walk.title})${note ? `: ${note}` : ''}`,
          reporterOrg: 'Trygghetsvandring',
          status: 'ny',
        });
        const id = Number(
          this.db
            .prepare(
              'INSERT INTO walk_observation (walk_id, place_name, subcategory, note, incident_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
            )
            .run(walkId, input.placeName.trim(), input.subcategory, note, incident.id, this.stamp()).lastInsertRowid,
        );
        return {
          id,
          walkId,
          placeName: input.placeName.trim(),
          subcategory: input.subcategory,
          note,
          incidentId: incident.id,
        };
      })
      .immediate();
  }

  /** Removes an observation; its incident goes to the trash (restorable from the register). */
  deleteObservation(id: number): void {
    this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT incident_id FROM walk_observation WHERE id = ?').get(id) as
          { incident_id: number | null } | undefined;
        if (!row) throw new AppError('not_found', 'Iakttagelsen finns inte; den kan redan vara borttagen.');
        this.db.prepare('DELETE FROM walk_observation WHERE id = ?').run(id);
        if (row.incident_id !== null && this.db.prepare('SELECT 1 FROM incident WHERE id = ?').get(row.incident_id)) {
          this.incidents().delete(row.incident_id);
        }
      })
      .immediate();
  }

  measures(where: MeasureWhere): Measure[] {
    return listMeasures(this.db, where, this.today());
  }

  /**
   * Creates or updates an åtgärd (see saveMeasure): from a walk it takes the walk's kommun and, without a
   * date, a due date six months after the walk; a date already past comes back with a warning.
   */
  saveMeasure(id: number | null, input: MeasureInput, by = ''): Measure {
    return this.db
      .transaction(() =>
        saveMeasure(this.db, id, input, {
          today: this.today(),
          stamp: this.stamp(),
          by,
          walk: (walkId) => this.get(walkId),
        }),
      )
      .immediate();
  }
}
