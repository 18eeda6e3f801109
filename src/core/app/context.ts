/**
 * One owner per open database. The context opens the file, builds every repository once, and is the only
 * door to it: `read(fn)` and `write(what, fn)`. `write` runs the transaction, bumps the one version every
 * cache keys on and tells the app what changed — for every write of every feature — so no screen and no
 * cache can show data older than the file. Work that commits on another connection (the import worker)
 * tells the context with `committedElsewhere`.
 *
 * `PRAGMA data_version` alone is not enough: it ignores commits on the same connection. It is still part
 * of the version, so a commit by another process (a CLI import into an open file) invalidates the caches too.
 */
import { AppError } from '../../shared/errors';
import type { ChangeKind } from '../../shared/domain';
import { openDatabase, type OpenOptions } from '../db/connection';
import type { Db } from '../db/types';
import { IncidentRepo } from '../db/incident-repo';
import { ReferenceRepo } from '../db/reference-repo';
import { perConnection } from '../db/per-connection';
import { LofteRepo } from '../lofte/repo';
import { WalkRepo } from '../walks/repo';
import { ReportRepo } from '../reports/repo';

export type Clock = () => Date;

export const READ_ONLY_DAMAGED =
  'Databasfilen är skadad och är öppnad skrivskyddad: inget kan ändras. Återställ den från en säkerhetskopia under Databas → Säkerhetskopior.';

/** The repositories of one connection, built once. `db` is there for the services that take a connection. */
export interface Repos {
  readonly db: Db;
  readonly incidents: IncidentRepo;
  readonly reference: ReferenceRepo;
  readonly loften: LofteRepo;
  readonly walks: WalkRepo;
  readonly reports: ReportRepo;
}

export type ChangeListener = (what: readonly ChangeKind[], version: number) => void;

export class DbContext {
  private changeVersion = 0;
  /** Moves with every write except those of reports alone (a report's texts change no figure). */
  private figuresChange = 0;
  private readonly dataVersion;
  private readonly repos: Repos;
  private longWrite: string | null = null;
  /** Why nothing may be written (a damaged file opened read-only); null when writable. */
  private readOnlyReason: string | null = null;

  private constructor(
    readonly path: string,
    private readonly db: Db,
    private readonly onChange: ChangeListener,
    clock: Clock,
  ) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    // Registered per connection, so code handed only the connection uses these very repositories.
    const incidents = perConnection(db, 'incidents', () => new IncidentRepo(db, clock, () => this.version()));
    this.repos = {
      db,
      incidents,
      reference: perConnection(db, 'reference', () => new ReferenceRepo(db)),
      loften: perConnection(db, 'loften', () => new LofteRepo(db, clock)),
      walks: perConnection(db, 'walks', () => new WalkRepo(db, clock, incidents)),
      reports: perConnection(db, 'reports', () => new ReportRepo(db, clock)),
    };
  }

  /** Opens (and migrates) a Lägesbild database file; the only place a connection is made. */
  static open(file: string, options: OpenOptions & { clock?: Clock } = {}, onChange: ChangeListener = () => {}) {
    const ctx = new DbContext(file, openDatabase(file, options), onChange, options.clock ?? (() => new Date()));
    if (options.readOnly) ctx.markReadOnly(READ_ONLY_DAMAGED);
    return ctx;
  }

  /** From now on every write is refused with `reason` (damage found while the file is open). */
  markReadOnly(reason: string): void {
    this.readOnlyReason ??= reason;
  }

  /** Why the database is read-only, or null. */
  get readOnly(): string | null {
    return this.readOnlyReason;
  }

  /**
   * The version every cache keys on: this context's own counter (every write through it) and SQLite's
   * data_version (commits by other connections: the import worker, another process).
   */
  version(): string {
    return `${this.changeVersion}:${this.dataVersion.get() as number}`;
  }

  /** Like `version()`, but unmoved by writes of reports alone: what a report's figures are computed from. */
  figuresVersion(): string {
    return `${this.figuresChange}:${this.dataVersion.get() as number}`;
  }

  read<T>(fn: (repos: Repos) => T): T {
    return fn(this.repos);
  }

  /**
   * One write: a transaction (nested writes become savepoints), then the version bump and the change event.
   * The version moves even when the transaction fails: a repository may have cached something meanwhile.
   */
  write<T>(what: readonly ChangeKind[], fn: (repos: Repos) => T): T {
    this.refuseDuringLongWrite();
    const outermost = !this.db.inTransaction;
    let result: T;
    try {
      result = this.db.transaction(() => fn(this.repos)).immediate();
    } finally {
      this.changeVersion++;
      if (what.some((k) => k !== 'reports')) this.figuresChange++;
    }
    if (outermost) this.onChange(what, this.changeVersion);
    return result;
  }

  /**
   * Long work that holds its own transaction across event-loop turns (first-start seeding). Other writes
   * are refused meanwhile with `busyMessage`; the version moves before and after, and the change is told
   * once it is done (or has failed).
   */
  async writeLong<T>(what: readonly ChangeKind[], busyMessage: string, fn: (repos: Repos) => Promise<T>): Promise<T> {
    this.refuseDuringLongWrite();
    this.longWrite = busyMessage;
    this.changeVersion++;
    this.figuresChange++;
    try {
      return await fn(this.repos);
    } finally {
      this.longWrite = null;
      this.changeVersion++;
      this.figuresChange++;
      this.onChange(what, this.changeVersion);
    }
  }

  /** Another connection (the import worker) committed, or gave up: caches must not trust what they hold. */
  committedElsewhere(what: readonly ChangeKind[]): void {
    this.changeVersion++;
    this.figuresChange++;
    this.onChange(what, this.changeVersion);
  }

  get busy(): string | null {
    return this.longWrite;
  }

  private refuseDuringLongWrite(): void {
    if (this.readOnlyReason) throw new AppError('read_only', this.readOnlyReason);
    if (this.longWrite) throw new AppError('db_busy', this.longWrite);
  }

  /** Schema version of the open file. */
  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    try {
      if (!this.readOnlyReason) this.db.pragma('optimize');
    } catch {
      // optimize is advisory
    }
    this.db.close();
  }
}
