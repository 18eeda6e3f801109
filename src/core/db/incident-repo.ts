/** The incident repository: every read and write of incidents, their FTS index and their rollups. */
import type { Db } from './connection';
import type { Incident, IncidentFilter, IncidentPage, IncidentSort, IncidentStatus, Source } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { toIsoUtc } from '../../shared/time';
import { RollupDelta } from './rollup';
import { countIncidents } from './incident-count';
import {
  afterKey,
  orderBy,
  pagesFromHitList,
  sortKeyColumns,
  whereForFilter,
  withoutRedundantBound,
} from './incident-query';
import { buildHistogram, canRankSeek, seek, startAt } from './rank-seek';
import { PageAnchors } from './page-anchors';
import { COLUMNS, toIncident, type DbIncident, type NewIncident } from './incident-row';

export { toIncident, type DbIncident, type NewIncident } from './incident-row';

/** Below this many rows to skip, walking from a remembered key is cheaper than a rank seek (~2–4 ms). */
const RANK_SEEK_MIN_OFFSET = 300;
/** Hit lists (free text, places) up to this size are kept in memory (ids only: about 8 bytes each). */
const MAX_MATERIALISED_HITS = 200_000;

export class IncidentRepo {
  private readonly anchors = new PageAnchors();
  private readonly insertStmt;
  private readonly ftsInsert;
  private readonly ftsDelete;
  private readonly kommunLpo;
  private readonly findPlace;
  private readonly createPlace;
  private readonly dataVersion;
  private readonly bySourceRef;
  /** Bumped on every write through this connection; PRAGMA data_version covers other connections. */
  private localVersion = 0;
  /** Place and LPO ids looked up during one bulk insert; cleared after it (a rollback could void them). */
  private bulkCache: Map<string, number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    /** The owning context's version; without one (a bulk job on its own connection) the repository counts itself. */
    private readonly versionOf: (() => string) | null = null,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO incident (${COLUMNS}) VALUES (@id, @source, @source_ref, @category, @subcategory, @occurred_at, @reported_at, @kommun_id, @lpo_id, @place_id, @place_name, @lat, @lon, @precision, @description, @reporter_org, @status, @created_at, @updated_at, @source_url, @import_id)`,
    );
    this.ftsInsert = db.prepare(
      'INSERT INTO incident_fts (rowid, description, place_name, reporter_org) VALUES (?, ?, ?, ?)',
    );
    this.ftsDelete = db.prepare(
      `INSERT INTO incident_fts (incident_fts, rowid, description, place_name, reporter_org) VALUES ('delete', ?, ?, ?, ?)`,
    );
    this.kommunLpo = db.prepare('SELECT lpo_id FROM kommun WHERE id = ?').pluck();
    this.findPlace = db.prepare('SELECT id FROM place WHERE kommun_id = ? AND name = ?').pluck();
    this.createPlace = db.prepare('INSERT INTO place (kommun_id, name) VALUES (?, ?)');
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.bySourceRef = db.prepare(`SELECT ${COLUMNS} FROM incident WHERE source = ? AND source_ref = ?`);
  }

  /** Identifies the data as this connection sees it; page caches are valid only within one version. */
  version(): string {
    if (this.versionOf) return this.versionOf();
    return `${this.dataVersion.get() as number}:${this.localVersion}`;
  }

  get(id: number): Incident {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM incident WHERE id = ?`).get(id) as DbIncident | undefined;
    if (!row) throw new AppError('not_found', `Händelse ${id} finns inte (den kan ha tagits bort).`);
    return toIncident(row);
  }

  count(filter: IncidentFilter): number {
    return countIncidents(this.db, filter);
  }

  page(filter: IncidentFilter, sort: IncidentSort, startRow: number, endRow: number): IncidentPage {
    const version = this.version();
    const key = JSON.stringify([filter, sort]);
    const rankable = canRankSeek(filter, sort);
    const histogram = () => this.anchors.derive(key, version, 'histogram', () => buildHistogram(this.db, filter, sort));
    const hits = pagesFromHitList(filter, sort) ? this.sortedHits(key, version, filter, sort) : null;
    const total =
      hits?.length ?? this.anchors.total(key, version) ?? (rankable ? histogram().total : this.count(filter));
    this.anchors.setTotal(key, version, total);
    const end = Math.min(endRow, total);
    const n = end - startRow;
    if (n <= 0) return { rows: [], total };
    if (hits) return { rows: this.rowsById(hits.slice(startRow, end)).map(toIncident), total };

    const plan = this.anchors.plan(key, version, startRow, end);
    let rows: DbIncident[];
    if (rankable && plan.offset > RANK_SEEK_MIN_OFFSET) {
      const point = seek(this.db, filter, sort, histogram(), startRow);
      const from = startAt(sort, point);
      rows = this.runPage(filter, sort, false, null, n, point.offset, from);
    } else {
      rows = this.runPage(filter, sort, plan.reverse, plan.key, n, plan.offset);
      if (plan.reverse) rows.reverse();
    }
    const cols = sortKeyColumns(sort.column);
    const keyOf = (r: DbIncident) => cols.map((c) => r[c as keyof DbIncident]);
    if (rows.length > 0) {
      this.anchors.record(key, version, startRow, keyOf(rows[0]!));
      this.anchors.record(key, version, startRow + rows.length - 1, keyOf(rows[rows.length - 1]!));
    }
    return { rows: rows.map(toIncident), total };
  }

  /**
   * All hits of a free-text or place query in sort order, found once per query and data version: the
   * database has to sort every hit for the first page anyway, and later pages become slices. Past
   * MAX_MATERIALISED_HITS the usual index walk is used instead (null).
   */
  private sortedHits(key: string, version: string, filter: IncidentFilter, sort: IncidentSort): number[] | null {
    return this.anchors.derive(key, version, 'hits', () => {
      if (this.count(filter) > MAX_MATERIALISED_HITS) return null;
      const where = whereForFilter(filter);
      return this.db
        .prepare(`SELECT id FROM incident WHERE ${where.sql} ORDER BY ${orderBy(sort, false)}`)
        .pluck()
        .all(...where.params) as number[];
    });
  }

  private rowsById(ids: number[]): DbIncident[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM incident WHERE id IN (${ids.map(() => '?').join(', ')})`)
      .all(...ids) as DbIncident[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is DbIncident => r !== undefined);
  }

  /** The SQL of one page walk; exposed so tests can EXPLAIN it. */
  pageSql(
    filter: IncidentFilter,
    sort: IncidentSort,
    reverse: boolean,
    key: readonly unknown[] | null,
    start?: { sql: string; params: unknown[] },
  ): { sql: string; params: unknown[] } {
    const walkDescending = (sort.direction === 'desc') !== reverse;
    const bounded = key || start ? withoutRedundantBound(filter, sort, walkDescending) : filter;
    const where = whereForFilter(bounded, sort);
    const params = [...where.params];
    let sql = `SELECT ${COLUMNS} FROM incident WHERE ${where.sql}`;
    if (start) {
      sql += ` AND ${start.sql}`;
      params.push(...start.params);
    }
    if (key) {
      const after = afterKey(sort, reverse, key);
      sql += ` AND ${after.sql}`;
      params.push(...after.params);
    }
    sql += ` ORDER BY ${orderBy(sort, reverse)} LIMIT ? OFFSET ?`;
    return { sql, params };
  }

  private runPage(
    filter: IncidentFilter,
    sort: IncidentSort,
    reverse: boolean,
    key: readonly unknown[] | null,
    limit: number,
    offset: number,
    start?: { sql: string; params: unknown[] },
  ): DbIncident[] {
    const { sql, params } = this.pageSql(filter, sort, reverse, key, start);
    return this.db.prepare(sql).all(...params, limit, offset) as DbIncident[];
  }

  /**
   * Rows in sort order in keyset batches: for exports of any size. Each batch is a finished query, so a
   * caller may await between batches while other requests use the connection.
   */
  *batches(filter: IncidentFilter, sort: IncidentSort, size = 2000): Generator<Incident[]> {
    const cols = sortKeyColumns(sort.column);
    let key: unknown[] | null = null;
    for (;;) {
      const rows = this.runPage(filter, sort, false, key, size, 0);
      if (rows.length === 0) return;
      yield rows.map(toIncident);
      if (rows.length < size) return;
      const last = rows[rows.length - 1]!;
      key = cols.map((c) => last[c as keyof DbIncident]);
    }
  }

  private placeIdFor(kommunId: number, placeName: string): number | null {
    if (placeName === '') return null;
    const cacheKey = `p${kommunId}\u0001${placeName}`;
    const cached = this.bulkCache?.get(cacheKey);
    if (cached !== undefined) return cached;
    const existing = this.findPlace.get(kommunId, placeName) as number | undefined;
    const id = existing ?? Number(this.createPlace.run(kommunId, placeName).lastInsertRowid);
    this.bulkCache?.set(cacheKey, id);
    return id;
  }

  private lpoOf(kommunId: number): number {
    const cached = this.bulkCache?.get(`k${kommunId}`);
    if (cached !== undefined) return cached;
    const lpo = this.kommunLpo.get(kommunId) as number | undefined;
    if (lpo === undefined) {
      throw new AppError('validation', `Kommunen (id ${kommunId}) finns inte i databasen.`, {
        issues: [{ field: 'kommunId', message: 'Kommunen finns inte i databasen.' }],
      });
    }
    this.bulkCache?.set(`k${kommunId}`, lpo);
    return lpo;
  }

  private toRow(input: NewIncident, id: number | null, createdAt: string, updatedAt: string): DbIncident {
    return {
      id: id as number,
      source: input.source,
      source_ref: input.sourceRef ?? null,
      category: input.category,
      subcategory: input.subcategory,
      occurred_at: input.occurredAt,
      reported_at: input.reportedAt,
      kommun_id: input.kommunId,
      lpo_id: this.lpoOf(input.kommunId),
      place_id: this.placeIdFor(input.kommunId, input.placeName),
      place_name: input.placeName,
      lat: input.lat,
      lon: input.lon,
      precision: input.precision,
      description: input.description,
      reporter_org: input.reporterOrg,
      status: input.status,
      created_at: createdAt,
      updated_at: updatedAt,
      source_url: input.sourceUrl ?? null,
      import_id: input.importId ?? null,
    };
  }

  private insertRow(row: DbIncident, rollup: RollupDelta, fts = true): number {
    const id = Number(this.insertStmt.run(row).lastInsertRowid);
    if (fts) this.ftsInsert.run(id, row.description, row.place_name, row.reporter_org);
    rollup.add(row.kommun_id, row.category, row.source, row.occurred_at, 1);
    return id;
  }

  private removeRow(row: DbIncident, rollup: RollupDelta): void {
    this.ftsDelete.run(row.id, row.description, row.place_name, row.reporter_org);
    this.db.prepare('DELETE FROM incident WHERE id = ?').run(row.id);
    rollup.add(row.kommun_id, row.category, row.source, row.occurred_at, -1);
  }

  private stamp(): string {
    return toIsoUtc(this.now().getTime());
  }

  private changed(): void {
    this.localVersion++;
  }

  /**
   * The first id a new row may take, when SQLite's own choice (the largest id + 1) would take the id of a
   * deleted incident still in the trash: its _Ångra_ must put it back under its own id. Null when free.
   */
  private firstFreeId(): number | null {
    const trash = this.db.prepare('SELECT max(id) FROM incident_trash').pluck().get() as number | null;
    if (trash === null) return null;
    const live = (this.db.prepare('SELECT max(id) FROM incident').pluck().get() as number | null) ?? 0;
    return trash > live ? trash + 1 : null;
  }

  create(input: NewIncident): Incident {
    const id = this.db
      .transaction(() => {
        const rollup = new RollupDelta();
        const ts = this.stamp();
        const newId = this.insertRow(this.toRow(input, this.firstFreeId(), ts, ts), rollup);
        rollup.flush(this.db);
        return newId;
      })
      .immediate();
    this.changed();
    return this.get(id);
  }

  /**
   * Bulk insert for seeding and imports. Runs inside the caller's transaction, if any; the caller
   * passes one RollupDelta for the whole batch and flushes it before committing.
   */
  insertMany(
    rows: Iterable<NewIncident>,
    rollup: RollupDelta,
    createdAt = this.stamp(),
    options: { skipFts?: boolean } = {},
  ): number {
    let n = 0;
    this.bulkCache = new Map();
    // Once past the trash's largest id, SQLite's own choice never meets it again.
    const free = this.firstFreeId();
    try {
      for (const input of rows) {
        this.insertRow(
          this.toRow(input, free === null ? null : free + n, createdAt, createdAt),
          rollup,
          !options.skipFts,
        );
        n++;
      }
    } finally {
      this.bulkCache = null;
      this.changed();
    }
    return n;
  }

  /** Removes every incident one import brought (undo of that import), rollups and FTS included. */
  removeImported(importId: number): number {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM incident WHERE import_id = ?`).all(importId) as DbIncident[];
    const rollup = new RollupDelta();
    for (const row of rows) this.removeRow(row, rollup);
    rollup.flush(this.db);
    this.changed();
    return rows.length;
  }

  /** The row a source's own id points to, if it is in the database. */
  findBySourceRef(source: Source, sourceRef: string): DbIncident | undefined {
    return this.bySourceRef.get(source, sourceRef) as DbIncident | undefined;
  }

  /**
   * A newer version of an imported row (the source changed its text or type): replaces the row in place,
   * same id, inside the caller's transaction. `keep` lists what the user owns and the source does not say.
   */
  replaceFromSource(
    old: DbIncident,
    input: NewIncident,
    rollup: RollupDelta,
    updatedAt: string,
    keep: { placeName: boolean; status: boolean; reporterOrg: boolean },
  ): void {
    this.removeRow(old, rollup);
    const merged: NewIncident = {
      ...input,
      placeName: keep.placeName ? old.place_name : input.placeName,
      status: keep.status ? (old.status as IncidentStatus) : input.status,
      reporterOrg: keep.reporterOrg ? old.reporter_org : input.reporterOrg,
      sourceRef: old.source_ref,
      importId: old.import_id,
    };
    this.insertRow(this.toRow(merged, old.id, old.created_at, updatedAt), rollup);
    this.changed();
  }

  /** Puts rows back as they were stored (undo of an import that replaced them); rows deleted since stay deleted. */
  putBack(rows: DbIncident[], rollup: RollupDelta): number {
    const current = this.db.prepare(`SELECT ${COLUMNS} FROM incident WHERE id = ?`);
    let n = 0;
    for (const row of rows) {
      const now = current.get(row.id) as DbIncident | undefined;
      if (!now) continue;
      this.removeRow(now, rollup);
      this.insertRow(row, rollup);
      n++;
    }
    this.changed();
    return n;
  }

  /** Rebuilds the free-text index from the table: after a bulk insert with `skipFts`. */
  rebuildFts(): void {
    this.db.exec(`INSERT INTO incident_fts (incident_fts) VALUES ('rebuild')`);
  }

  update(id: number, expectedUpdatedAt: string, input: NewIncident): Incident {
    this.db
      .transaction(() => {
        const old = this.db.prepare(`SELECT ${COLUMNS} FROM incident WHERE id = ?`).get(id) as DbIncident | undefined;
        if (!old) throw new AppError('not_found', `Händelse ${id} finns inte (den kan ha tagits bort).`);
        if (old.updated_at !== expectedUpdatedAt) {
          throw new AppError(
            'conflict',
            `Händelse ${id} har ändrats sedan du öppnade den (${old.updated_at}). Ladda om och gör ändringen igen.`,
          );
        }
        const rollup = new RollupDelta();
        this.removeRow(old, rollup);
        let ts = this.stamp();
        // updated_at is the optimistic-lock token, so it must change even within the same second.
        if (ts <= old.updated_at) ts = toIsoUtc(Date.parse(old.updated_at) + 1000);
        const row = this.toRow(
          { ...input, sourceRef: old.source_ref, sourceUrl: old.source_url, importId: old.import_id },
          id,
          old.created_at,
          ts,
        );
        this.insertRow(row, rollup);
        rollup.flush(this.db);
      })
      .immediate();
    this.changed();
    return this.get(id);
  }

  /** Moves the incident to the trash so the delete can be undone. */
  delete(id: number): void {
    this.db
      .transaction(() => {
        const old = this.db.prepare(`SELECT ${COLUMNS} FROM incident WHERE id = ?`).get(id) as DbIncident | undefined;
        if (!old) throw new AppError('not_found', `Händelse ${id} finns inte (den kan redan ha tagits bort).`);
        const rollup = new RollupDelta();
        this.removeRow(old, rollup);
        this.db
          .prepare('INSERT OR REPLACE INTO incident_trash (id, deleted_at, row_json) VALUES (?, ?, ?)')
          .run(id, this.stamp(), JSON.stringify(old));
        rollup.flush(this.db);
      })
      .immediate();
    this.changed();
  }

  restore(id: number): Incident {
    this.db
      .transaction(() => {
        const trashed = this.db.prepare('SELECT row_json FROM incident_trash WHERE id = ?').pluck().get(id) as
          string | undefined;
        if (trashed === undefined)
          throw new AppError('not_found', `Det finns ingen borttagen händelse ${id} att återställa.`);
        const row = JSON.parse(trashed) as DbIncident;
        const rollup = new RollupDelta();
        this.insertRow(row, rollup);
        this.db.prepare('DELETE FROM incident_trash WHERE id = ?').run(id);
        rollup.flush(this.db);
      })
      .immediate();
    this.changed();
    return this.get(id);
  }
}
