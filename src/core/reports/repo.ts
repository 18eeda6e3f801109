/**
 * Stored reports: selection, edits, status and — once fastställd — the document they printed. Listing by
 * kommun and year. Every change moves `revision`; a save or decision on an older revision is refused
 * (two windows, or a save racing a decision), so nothing is overwritten unseen.
 */
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { ReportDocument, ReportEdits, ReportSelection } from '../../shared/report';
import { reportEditsSchema, reportSelectionSchema, type ReportStatus } from '../../shared/report-api';
import { toIsoUtc } from '../../shared/time';
import { readJson } from '../db/json-column';
import type { Db } from '../db/types';

export interface ReportRow {
  id: number;
  template: string;
  title: string;
  areaName: string;
  from: string;
  to: string;
  selection: ReportSelection;
  edits: ReportEdits;
  status: ReportStatus;
  decided: { by: string; on: string; protocolRef: string } | null;
  snapshot: ReportDocument | null;
  version: number;
  previousId: number | null;
  revision: number;
  kommunIds: number[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

interface Raw {
  id: number;
  template: string;
  title: string;
  area_name: string;
  period_from: string;
  period_to: string;
  selection_json: string;
  edits_json: string;
  status: ReportStatus;
  decided_by: string | null;
  decided_on: string | null;
  protocol_ref: string | null;
  snapshot_json: string | null;
  version: number;
  previous_id: number | null;
  revision: number;
  kommun_ids: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const documentSchema = z.custom<ReportDocument>(
  (v) => typeof v === 'object' && v !== null && Array.isArray((v as { chapters?: unknown }).chapters),
  'Dokumentet saknar kapitel.',
);

const SELECT = `SELECT r.*, (SELECT group_concat(kommun_id) FROM report_kommun k WHERE k.report_id = r.id) AS kommun_ids
  FROM report r`;

function toRow(r: Raw): ReportRow {
  const what = `Rapporten "${r.title}"`;
  return {
    id: r.id,
    template: r.template,
    title: r.title,
    areaName: r.area_name,
    from: r.period_from,
    to: r.period_to,
    selection: readJson(reportSelectionSchema, r.selection_json, `${what}: urvalet`),
    edits: readJson(reportEditsSchema, r.edits_json, `${what}: texterna`),
    status: r.status,
    decided:
      r.status === 'faststalld' && r.decided_on
        ? { by: r.decided_by ?? '', on: r.decided_on, protocolRef: r.protocol_ref ?? '' }
        : null,
    snapshot:
      r.snapshot_json === null
        ? null
        : readJson(documentSchema, r.snapshot_json, `${what}: det fastställda dokumentet`),
    version: r.version,
    previousId: r.previous_id,
    revision: r.revision,
    kommunIds: r.kommun_ids ? r.kommun_ids.split(',').map(Number) : [],
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export interface NewReport {
  selection: ReportSelection;
  edits: ReportEdits;
  title: string;
  areaName: string;
  kommunIds: readonly number[];
  version?: number;
  previousId?: number | null;
}

export class ReportRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
  ) {}

  private stamp(): string {
    return toIsoUtc(this.clock().getTime());
  }

  get(id: number): ReportRow {
    const raw = this.db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Raw | undefined;
    if (!raw) throw new AppError('not_found', `Rapporten finns inte (id ${id}).`);
    return toRow(raw);
  }

  list(where: { kommunIds?: readonly number[] | undefined; year?: number | undefined }): ReportRow[] {
    const cond: string[] = [];
    const params: unknown[] = [];
    if (where.kommunIds?.length) {
      cond.push(
        `r.id IN (SELECT report_id FROM report_kommun WHERE kommun_id IN (${where.kommunIds.map(() => '?').join(',')}))`,
      );
      params.push(...where.kommunIds);
    }
    if (where.year !== undefined) {
      // A report belongs to every year its period touches.
      cond.push('substr(r.period_from, 1, 4) <= ? AND substr(r.period_to, 1, 4) >= ?');
      params.push(String(where.year), String(where.year));
    }
    const sql = `${SELECT} ${cond.length ? `WHERE ${cond.join(' AND ')}` : ''} ORDER BY r.period_to DESC, r.title, r.version DESC`;
    return (this.db.prepare(sql).all(...params) as Raw[]).map(toRow);
  }

  create(input: NewReport, by: string): ReportRow {
    const stamp = this.stamp();
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO report (template, title, area_name, period_from, period_to, selection_json, edits_json,
             version, previous_id, created_at, created_by, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.selection.template,
          input.title,
          input.areaName,
          input.selection.from,
          input.selection.to,
          JSON.stringify(input.selection),
          JSON.stringify(input.edits),
          input.version ?? 1,
          input.previousId ?? null,
          stamp,
          by,
          stamp,
          by,
        ).lastInsertRowid,
    );
    const link = this.db.prepare('INSERT INTO report_kommun (report_id, kommun_id) VALUES (?, ?)');
    for (const k of input.kommunIds) link.run(id, k);
    return this.get(id);
  }

  private editable(id: number, revision: number): ReportRow {
    const row = this.get(id);
    if (row.status === 'faststalld') {
      throw new AppError(
        'conflict',
        `Rapporten är fastställd (${row.decided?.on ?? ''}) och kan inte ändras. Gör en ny version för att ändra den.`,
      );
    }
    if (row.revision !== revision) {
      throw new AppError(
        'conflict',
        'Rapporten har ändrats någon annanstans sedan du öppnade den. Ladda om den innan du sparar.',
      );
    }
    return row;
  }

  save(id: number, revision: number, edits: ReportEdits, title: string, by: string): ReportRow {
    this.editable(id, revision);
    this.db
      .prepare(
        `UPDATE report SET edits_json = ?, title = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
      )
      .run(JSON.stringify(edits), title, this.stamp(), by, id);
    return this.get(id);
  }

  decide(
    id: number,
    revision: number,
    decided: { by: string; on: string; protocolRef: string },
    snapshot: ReportDocument,
    by: string,
  ): ReportRow {
    this.editable(id, revision);
    this.db
      .prepare(
        `UPDATE report SET status = 'faststalld', decided_by = ?, decided_on = ?, protocol_ref = ?, snapshot_json = ?,
           title = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
      )
      .run(decided.by, decided.on, decided.protocolRef, JSON.stringify(snapshot), snapshot.title, this.stamp(), by, id);
    return this.get(id);
  }

  /** The newest version made from `id` (or null). */
  successor(id: number): number | null {
    return (
      (this.db.prepare('SELECT max(id) FROM report WHERE previous_id = ?').pluck().get(id) as number | null) ?? null
    );
  }
}
