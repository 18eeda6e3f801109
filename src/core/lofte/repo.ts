/**
 * Löften in the database: create, autosave, state changes with their rules, new versions, history,
 * comments and the follow-up log. Every rule is enforced here, not only in the editor: a decided löfte
 * cannot be edited in place, and an editor saving on an older revision is told someone else saved since.
 */
import type { Db } from '../db/connection';
import { perConnection } from '../db/per-connection';
import { readJson } from '../db/json-column';
import { lofteContentSchema } from '../../shared/schemas';
import { AppError } from '../../shared/errors';
import {
  emptyContent,
  smartChecklist,
  type ChecklistContext,
  type LofteActor,
  isEditable,
  LOFTE_STATE_LABELS,
  LOFTE_STATE_PHRASE,
  LOFTE_TRANSITIONS,
  type Lofte,
  type LofteComment,
  type LofteContent,
  type LofteState,
} from '../../shared/lofte';
import { localDay, toIsoUtc } from '../../shared/time';
import { actorOf, fromSnapshotRow, type Snapshot, type SnapshotRow, type TransitionOptions } from './snapshot';

export type { Snapshot, TransitionOptions } from './snapshot';

interface Row {
  id: number;
  kommun_id: number;
  focus_area_id: number | null;
  period_from: string;
  period_to: string;
  state: LofteState;
  version: number;
  content_json: string;
  revision: number;
  updated_at: string;
}

const toLofte = (r: Row): Lofte => ({
  id: r.id,
  kommunId: r.kommun_id,
  focusAreaId: r.focus_area_id,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  state: r.state,
  version: r.version,
  content: readJson(lofteContentSchema, r.content_json, `Löftet ${r.id}`),
  revision: r.revision,
  updatedAt: r.updated_at,
});

export interface ActivityLogEntry {
  id: number;
  activityKey: string;
  day: string;
  count: number;
  place: string;
  note: string;
  createdAt: string;
}

export class LofteRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private stamp(): string {
    return toIsoUtc(this.clock().getTime());
  }

  get(id: number): Lofte {
    const row = this.db.prepare('SELECT * FROM lofte WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new AppError('not_found', `Löftet finns inte (id ${id}); det kan ha tagits bort.`);
    return toLofte(row);
  }

  list(kommunIds?: readonly number[]): Lofte[] {
    const where = kommunIds?.length ? `WHERE kommun_id IN (${kommunIds.map(() => '?').join(', ')})` : '';
    return (
      this.db
        .prepare(`SELECT * FROM lofte ${where} ORDER BY period_from DESC, kommun_id, id`)
        .all(...(kommunIds ?? [])) as Row[]
    ).map(toLofte);
  }

  create(input: {
    kommunId: number;
    periodFrom: string;
    periodTo: string;
    focusAreaId?: number | null | undefined;
    content?: LofteContent | undefined;
  }): Lofte {
    if (input.periodTo < input.periodFrom) {
      throw new AppError('validation', 'Periodens slut måste vara samma dag som eller efter dess början.', {
        issues: [{ field: 'periodTo', message: 'Slutet är före början.' }],
      });
    }
    if (!this.db.prepare('SELECT 1 FROM kommun WHERE id = ?').get(input.kommunId)) {
      throw new AppError('validation', `Kommunen (id ${input.kommunId}) finns inte i databasen.`, {
        issues: [{ field: 'kommunId', message: 'Kommunen finns inte i databasen.' }],
      });
    }
    this.checkFocusArea(input.focusAreaId);
    const stamp = this.stamp();
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO lofte (kommun_id, focus_area_id, period_from, period_to, state, version, content_json, revision, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'utkast', 1, ?, 1, ?, ?)`,
        )
        .run(
          input.kommunId,
          input.focusAreaId ?? null,
          input.periodFrom,
          input.periodTo,
          JSON.stringify(input.content ?? emptyContent()),
          stamp,
          stamp,
        ).lastInsertRowid,
    );
    return this.get(id);
  }

  /** A fokusområde named by a löfte must exist: refused before writing, not by the foreign key. */
  private checkFocusArea(focusAreaId: number | null | undefined): void {
    if (
      focusAreaId !== null &&
      focusAreaId !== undefined &&
      !this.db.prepare('SELECT 1 FROM focus_area WHERE id = ?').get(focusAreaId)
    ) {
      throw new AppError('not_found', `Fokusområdet finns inte (id ${focusAreaId}); välj ett annat eller inget.`, {
        issues: [{ field: 'focusAreaId', message: 'Fokusområdet finns inte.' }],
      });
    }
  }

  /**
   * Autosave of the draft. Refused (nothing written) when the löfte is not a draft, or when it was saved
   * since the editor read it (`revision`), so two editors never overwrite each other silently.
   */
  save(id: number, revision: number, content: LofteContent, fields?: { focusAreaId?: number | null }): Lofte {
    return this.db
      .transaction(() => {
        const current = this.get(id);
        if (!isEditable(current.state)) {
          throw new AppError(
            'conflict',
            current.state === 'for_granskning'
              ? 'Löftet är för granskning och kan inte ändras. Skicka tillbaka det till utkast för att ändra texten.'
              : `Löftet är ${LOFTE_STATE_PHRASE[current.state]} och kan inte ändras. Skapa en ny version för att ändra det.`,
          );
        }
        if (current.revision !== revision) {
          throw new AppError(
            'conflict',
            'Löftet har sparats av någon annan sedan du öppnade det. Ladda om för att se den senaste texten.',
          );
        }
        if (fields && 'focusAreaId' in fields) this.checkFocusArea(fields.focusAreaId);
        this.db
          .prepare(
            'UPDATE lofte SET content_json = ?, focus_area_id = ?, revision = revision + 1, updated_at = ? WHERE id = ?',
          )
          .run(
            JSON.stringify(content),
            fields && 'focusAreaId' in fields ? (fields.focusAreaId ?? null) : current.focusAreaId,
            this.stamp(),
            id,
          );
        return this.get(id);
      })
      .immediate();
  }

  private snapshot(
    l: Lofte,
    reason: string,
    extra: { by?: LofteActor | null; protocolRef?: string; warnings?: string[] } = {},
  ): void {
    this.db
      .prepare(
        `INSERT INTO lofte_snapshot (lofte_id, version, state, reason, content_json, saved_at, by_name, by_organisation, by_role, protocol_ref, warnings_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        l.id,
        l.version,
        l.state,
        reason,
        JSON.stringify(l.content),
        this.stamp(),
        extra.by?.name ?? '',
        extra.by?.organisation ?? '',
        extra.by?.role ?? '',
        extra.protocolRef ?? '',
        JSON.stringify(extra.warnings ?? []),
      );
  }

  /** The löfte's period and its fokusområde's agreement, for the SMART checklist. */
  checklistContext(l: Lofte): ChecklistContext {
    const focusArea =
      l.focusAreaId === null
        ? undefined
        : (this.db
            .prepare(
              `SELECT f.title, a.title AS agreementTitle, a.period_from AS periodFrom, a.period_to AS periodTo
               FROM focus_area f JOIN agreement a ON a.id = f.agreement_id WHERE f.id = ?`,
            )
            .get(l.focusAreaId) as ChecklistContext['focusArea'] | undefined);
    return { periodFrom: l.periodFrom, periodTo: l.periodTo, focusArea: focusArea ?? null };
  }

  /**
   * utkast → för granskning → beslutad → uppföljning → avslutad (and back from review to draft). Refused when
   * `revision` is given and the löfte was saved or changed state since (the caller has not seen that text).
   * A decision records who decided, when, the protocol reference and the SMART warnings it was made over.
   */
  transition(id: number, to: LofteState, options: TransitionOptions = {}): Lofte {
    return this.db
      .transaction(() => {
        const current = this.get(id);
        const step = LOFTE_TRANSITIONS.find((t) => t.from === current.state && t.to === to);
        if (!step) {
          throw new AppError(
            'conflict',
            `Ett löfte som är ${LOFTE_STATE_PHRASE[current.state]} kan inte bli ${LOFTE_STATE_LABELS[to].toLowerCase()}.`,
          );
        }
        if (options.revision !== undefined && options.revision !== current.revision) {
          throw new AppError(
            'conflict',
            'Löftet har ändrats sedan du öppnade det: texten du ser är inte den som är sparad. Ladda om och försök igen; tillståndet är oförändrat.',
          );
        }
        const protocolRef = options.protocolRef?.trim() ?? '';
        if (protocolRef && to !== 'beslutad') {
          throw new AppError('validation', 'Protokollhänvisning anges bara när löftet beslutas.', {
            issues: [{ field: 'protocolRef', message: 'Anges bara vid beslut.' }],
          });
        }
        const warnings =
          to === 'beslutad'
            ? smartChecklist(current.content, this.checklistContext(current))
                .filter((c) => !c.ok)
                .map((c) => c.message)
            : [];
        this.db
          .prepare('UPDATE lofte SET state = ?, revision = revision + 1, updated_at = ? WHERE id = ?')
          .run(to, this.stamp(), id);
        const after = this.get(id);
        this.snapshot(after, step.label, { by: actorOf(options.by), protocolRef, warnings });
        return after;
      })
      .immediate();
  }

  /** A decided löfte changes only through a new version: a draft of version n + 1, the old one kept. */
  newVersion(id: number, by?: LofteActor | string): Lofte {
    return this.db
      .transaction(() => {
        const current = this.get(id);
        if (current.state !== 'beslutad' && current.state !== 'uppfoljning') {
          throw new AppError(
            'conflict',
            current.state === 'utkast'
              ? 'Löftet är redan ett utkast och kan ändras direkt.'
              : `Ett löfte som är ${LOFTE_STATE_PHRASE[current.state]} får ingen ny version.`,
          );
        }
        this.db
          .prepare(
            "UPDATE lofte SET version = version + 1, state = 'utkast', revision = revision + 1, updated_at = ? WHERE id = ?",
          )
          .run(this.stamp(), id);
        const after = this.get(id);
        this.snapshot(after, `Ny version ${after.version} påbörjad`, { by: actorOf(by) });
        return after;
      })
      .immediate();
  }

  history(id: number): Snapshot[] {
    return (
      this.db.prepare('SELECT * FROM lofte_snapshot WHERE lofte_id = ? ORDER BY id').all(id) as SnapshotRow[]
    ).map(fromSnapshotRow);
  }

  /** Has this löfte ever been decided (then its activities can be followed up)? */
  private everDecided(id: number): boolean {
    return (
      this.db.prepare("SELECT 1 FROM lofte_snapshot WHERE lofte_id = ? AND state = 'beslutad' LIMIT 1").get(id) !==
      undefined
    );
  }

  comment(id: number, author: string, body: string): LofteComment {
    this.get(id);
    const stamp = this.stamp();
    const commentId = Number(
      this.db
        .prepare('INSERT INTO lofte_comment (lofte_id, author, body, created_at) VALUES (?, ?, ?, ?)')
        .run(id, author.trim() || 'Okänd', body.trim(), stamp).lastInsertRowid,
    );
    return { id: commentId, author: author.trim() || 'Okänd', body: body.trim(), createdAt: stamp };
  }

  comments(id: number): LofteComment[] {
    return (
      this.db
        .prepare('SELECT id, author, body, created_at AS createdAt FROM lofte_comment WHERE lofte_id = ? ORDER BY id')
        .all(id) as LofteComment[]
    ).map((c) => ({ ...c }));
  }

  /** Logs a performed activity. Only a decided löfte is followed up; a closed one no longer. */
  log(
    id: number,
    entry: { activityKey: string; day: string; count: number; place: string; note: string },
  ): ActivityLogEntry {
    const l = this.get(id);
    if (l.state === 'avslutad') throw new AppError('conflict', 'Löftet är avslutat; uppföljningen är stängd.');
    if (!this.everDecided(id)) {
      throw new AppError('conflict', 'Löftet är inte beslutat än. Aktiviteter följs upp när löftet är beslutat.');
    }
    if (!l.content.activities.some((a) => a.key === entry.activityKey)) {
      throw new AppError('validation', 'Aktiviteten finns inte i löftet.', {
        issues: [{ field: 'activityKey', message: 'Välj en av löftets aktiviteter.' }],
      });
    }
    if (entry.day < l.periodFrom || entry.day > l.periodTo) {
      throw new AppError('validation', `Datumet ligger utanför löftets period (${l.periodFrom} – ${l.periodTo}).`, {
        issues: [{ field: 'day', message: 'Utanför perioden.' }],
      });
    }
    if (entry.day > localDay(this.clock().toISOString())) {
      throw new AppError('validation', 'Datumet ligger i framtiden: registrera aktiviteter när de är gjorda.', {
        issues: [{ field: 'day', message: 'Datumet ligger i framtiden.' }],
      });
    }
    const stamp = this.stamp();
    const logId = Number(
      this.db
        .prepare(
          'INSERT INTO activity_log (lofte_id, activity_key, day, count, place, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, entry.activityKey, entry.day, entry.count, entry.place.trim(), entry.note.trim(), stamp)
        .lastInsertRowid,
    );
    return { id: logId, ...entry, place: entry.place.trim(), note: entry.note.trim(), createdAt: stamp };
  }

  logs(id: number): ActivityLogEntry[] {
    return this.db
      .prepare(
        `SELECT id, activity_key AS activityKey, day, count, place, note, created_at AS createdAt
         FROM activity_log WHERE lofte_id = ? ORDER BY day DESC, id DESC`,
      )
      .all(id) as ActivityLogEntry[];
  }

  /** Removes a logged activity (the editor's "Ångra"). */
  deleteLog(logId: number): ActivityLogEntry & { lofteId: number } {
    const row = this.db
      .prepare(
        `SELECT id, lofte_id AS lofteId, activity_key AS activityKey, day, count, place, note, created_at AS createdAt
         FROM activity_log WHERE id = ?`,
      )
      .get(logId) as (ActivityLogEntry & { lofteId: number }) | undefined;
    if (!row) throw new AppError('not_found', 'Registreringen finns inte; den kan redan vara borttagen.');
    this.db.prepare('DELETE FROM activity_log WHERE id = ?').run(logId);
    return row;
  }
}

/** The löfte repository of a connection, built once (the DbContext registers its own when it opens the file). */
export function lofteRepoOf(db: Db): LofteRepo {
  return perConnection(db, 'loften', () => new LofteRepo(db));
}
