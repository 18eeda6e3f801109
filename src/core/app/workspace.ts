/**
 * The open database and everything around it: first-start demo data, opening and creating files,
 * recent files, jobs and events. The Electron main process and the browser host each own one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseInfo } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { ChangeKind } from '../../shared/domain';
import { authorLabel, type Author } from '../../shared/profile';
import { DbContext, type Clock } from './context';
import { ProfileStore } from './profile';
import { DEFAULT_DEMO_ROWS } from '../demo/generator';
import { DEMO_SETTING, seedDemo, seedSurvey } from '../demo/seed';
import { seedLoften } from '../demo/loften';
import { seedWalks } from '../demo/walks';
import { EventHub, JobRegistry } from './events';
import type { ImportPreview, ImportReport } from '../../shared/imports';
import { previewInWorker, runImportInWorker, type WorkerScript } from '../imports/runner';
import { commitFile, previewFile, type FileImport } from '../imports/service';
import { RecentFiles } from './recent';
import type { ReportPrinter } from '../reports/printer';
import type { FolderAccess, PathPolicy, PathPurpose } from './path-policy';
import { BackupService } from './backups';
import { DamagedDatabaseError } from '../db/open-errors';
import type { IntegrityResult } from '../db/integrity';
import { checkIntegrity, damageFrom } from './damage';
import type { RestoreOutcome } from '../../shared/backups';
import { HeadKeeper, recordHead } from '../audit/heads';
import { logEntry, suspendRowAudit, withoutRowAudit } from '../audit/install';
import { beforeRestore, logRestore } from './restore';
import { Housekeeping } from './housekeeping';
import { isRegularFile, spoolForImport, type Spooled } from '../imports/spool';

export const DEMO_FILE_NAME = 'lagesbild-exempeldata.sqlite';

/** What differs between the desktop and the browser host. */
export interface PlatformServices {
  /** A file chosen by the user (desktop dialog); null when cancelled. */
  choosePath(mode: 'open' | 'create' | 'import'): Promise<string | null>;
  /** Where an export goes; null when the user cancelled the save dialog. */
  exportTarget(fileName: string): Promise<{ path: string; downloadUrl: string | null } | null>;
  /** Renders report documents to PDF (Electron printToPDF, or Chromium in the browser host and the CLI). */
  printer?: ReportPrinter | undefined;
  /** Which paths the user may name (browser host: data folder + added folders; Electron: dialog choices). */
  paths?: PathPolicy | undefined;
  /** The folders the user added (browser host only: the desktop chooses each file in a dialog). */
  folders?: FolderAccess | undefined;
}

export interface WorkspaceOptions {
  dataDir: string;
  platform: PlatformServices;
  nativeBinding?: string | undefined;
  demoRows?: number;
  /** Imports run in this worker thread; without it they run in-process (CLI, benchmarks). */
  importWorker?: WorkerScript | undefined;
  /** Who writes are recorded as when no profile is kept (the CLI's `--user`). */
  author?: Author | undefined;
  /** The repositories' clock (tests). */
  clock?: Clock | undefined;
  /**
   * Automatic backups (daily on open, before migrations and imports) and the background integrity check.
   * Default true; the test workspaces turn them off unless a test is about them.
   */
  backups?: boolean | undefined;
}

/** What an import can change: incidents, their log, populations (SCB), Brå figures and the survey. */
const IMPORT_CHANGES: readonly ChangeKind[] = ['imports', 'incidents', 'reference', 'survey'];
const SEED_CHANGES: readonly ChangeKind[] = [
  'database',
  'incidents',
  'reference',
  'survey',
  'loften',
  'agreements',
  'walks',
  'measures',
];
const ALL_CHANGES: readonly ChangeKind[] = [...SEED_CHANGES, 'imports', 'reports'];
const SEEDING_MESSAGE = 'Exempeldata skapas just nu. Vänta tills det är klart.';
const IMPORTING_MESSAGE = 'En import pågår. Vänta tills den är klar eller avbryt den.';

export class Workspace {
  readonly events = new EventHub();
  readonly jobs = new JobRegistry(this.events);
  readonly recent: RecentFiles;
  readonly profile: ProfileStore;
  readonly backups: BackupService;
  private current: DbContext | null = null;
  /** Daily backup, retention and the integrity check in the background (tests and close wait for it). */
  private readonly housekeeping: Housekeeping;
  /** Keeps the open database's audit chain head in the user data folder (moved after every write). */
  private heads: HeadKeeper | null = null;
  private seeding: Promise<void> | null = null;
  private activeImport: AbortController | null = null;
  private activePreview: AbortController | null = null;

  constructor(readonly options: WorkspaceOptions) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    this.recent = new RecentFiles(options.dataDir);
    this.profile = new ProfileStore(options.dataDir);
    this.backups = new BackupService({
      dataDir: options.dataDir,
      nativeBinding: options.nativeBinding,
      now: () => this.now(),
    });
    this.housekeeping = new Housekeeping({
      backups: this.backups,
      jobs: this.jobs,
      now: () => this.now(),
      writableNow: (ctx) => this.current === ctx && !ctx.readOnly && !this.seeding && !this.activeImport,
      checkIntegrity: (ctx) => this.checkIntegrity(ctx),
      current: () => this.current,
      ready: () => this.ready(),
    });
  }

  private get automaticBackups(): boolean {
    return this.options.backups ?? true;
  }

  /** Who a write is recorded as: the CLI's `--user`, else the local profile, else the system user. */
  author(): Author {
    return this.options.author ?? this.profile.author();
  }

  get platform(): PlatformServices {
    return this.options.platform;
  }

  /** Opens the last used file if it still opens, else the embedded demo database. */
  async start(): Promise<DatabaseInfo> {
    const last = this.recent.list()[0];
    if (last && last.path !== this.demoPath() && fs.existsSync(last.path)) {
      try {
        return this.open(last.path);
      } catch {
        // Fall back to the demo database; the start screen still lists the file.
      }
    }
    return this.openDemo();
  }

  demoPath(): string {
    return path.join(this.options.dataDir, DEMO_FILE_NAME);
  }

  openDemo(): DatabaseInfo {
    const file = this.demoPath();
    this.switchTo(file, false);
    const ctx = this.db();
    // A damaged demo file is shown read-only as it is (and can be restored), never seeded into.
    if (ctx.readOnly) return this.info();
    if (ctx.read((r) => r.reference.getSetting(DEMO_SETTING)) === null) this.startSeeding();
    // A demo database seeded before the trygghetsmätning and the löften existed gets them now.
    else
      ctx.write(['survey', 'loften', 'agreements', 'walks', 'measures', 'incidents'], ({ db }) =>
        withoutRowAudit(db, () => {
          seedSurvey(db);
          seedLoften(db);
          seedWalks(db);
        }),
      );
    return this.info();
  }

  open(file: string): DatabaseInfo {
    const resolved = this.allowed(file, 'open');
    if (!fs.existsSync(resolved)) throw new AppError('not_found', `Filen finns inte: ${resolved}`);
    this.switchTo(resolved, true);
    return this.info();
  }

  create(file: string): DatabaseInfo {
    const resolved = this.allowed(file, 'create');
    if (fs.existsSync(resolved)) {
      throw new AppError('file_exists', `Filen finns redan: ${resolved}. Välj ett nytt namn eller öppna filen.`);
    }
    this.switchTo(resolved, false);
    return this.info();
  }

  /** The absolute path, when the platform lets the user name it (the CLI lets every path through). */
  allowed(file: string, purpose: PathPurpose): string {
    return this.options.platform.paths?.check(file, purpose) ?? path.resolve(file);
  }

  private switchTo(file: string, mustExist: boolean): void {
    if (this.seeding) throw new AppError('db_busy', 'Exempeldata skapas just nu. Vänta tills det är klart.');
    if (this.activeImport) throw new AppError('db_busy', IMPORTING_MESSAGE);
    // Open the new file first: if it is refused, the current database stays open.
    const ctx = this.openContext(file, mustExist);
    this.closeCurrent();
    this.current = ctx;
    this.recent.add(file);
    ctx.committedElsewhere(['database']);
    if (this.automaticBackups && !ctx.readOnly) this.housekeeping.afterOpen(ctx);
  }

  /** A whole file opens for writing (backed up first when it must be migrated); a damaged one read-only. */
  private openContext(file: string, mustExist: boolean): DbContext {
    const heads = new HeadKeeper(this.options.dataDir, file);
    let opened: DbContext | null = null;
    const onChange = (kinds: readonly ChangeKind[], version: number) => {
      if (opened && this.heads === heads) this.syncHead(opened, heads);
      this.events.emit({ type: 'data.changed', what: kinds[0] ?? 'database', kinds: [...kinds], version });
    };
    const common = {
      nativeBinding: this.options.nativeBinding,
      mustExist,
      clock: this.options.clock,
      actor: () => authorLabel(this.author()),
    };
    opened = this.openWith(file, common, onChange);
    this.heads = heads;
    return opened;
  }

  /** The head of the audit chain, kept outside the database after each write (a damaged file may not tell). */
  private syncHead(ctx: DbContext, heads: HeadKeeper): void {
    try {
      ctx.read(({ db }) => heads.sync(db));
    } catch {
      // The chain is checked by "Kontrollera loggen"; a failed read here must not fail the write.
    }
  }

  private openWith(
    file: string,
    common: { nativeBinding: string | undefined; mustExist: boolean; clock: Clock | undefined; actor: () => string },
    onChange: (kinds: readonly ChangeKind[], version: number) => void,
  ): DbContext {
    try {
      return DbContext.open(
        file,
        {
          ...common,
          beforeMigrate: this.automaticBackups ? (db, from) => this.backups.beforeMigration(db, file, from) : undefined,
        },
        onChange,
      );
    } catch (err) {
      if (!(err instanceof DamagedDatabaseError)) throw err;
      // Never a write to a damaged file: it is shown read-only, with the offer to restore a backup.
      return DbContext.open(file, { ...common, readOnly: true }, onChange);
    }
  }

  /** Resolves when the background work started by the last open (backup, integrity check) is done. */
  async settled(): Promise<void> {
    await this.housekeeping.settled();
  }

  /** The full integrity check of the open file; damage makes it read-only (see damage.ts). */
  checkIntegrity(ctx: DbContext = this.db()): Promise<IntegrityResult> {
    const { importWorker, nativeBinding } = this.options;
    return checkIntegrity(ctx, importWorker, nativeBinding, () => this.current === ctx);
  }

  /**
   * Restores backup `name` (from the open database's backup folder) over the open file: the current state is
   * backed up first ("före återställning"), the file is closed, replaced and opened again.
   */
  async restoreBackup(name: string): Promise<RestoreOutcome> {
    const ctx = this.db();
    if (this.seeding) throw new AppError('db_busy', SEEDING_MESSAGE);
    if (this.activeImport) throw new AppError('db_busy', IMPORTING_MESSAGE);
    const file = ctx.path;
    // An unknown name is refused before anything is closed.
    const from = this.backups.find(name, file);
    await this.housekeeping.settled();
    const superseded = ctx.read(({ db }) =>
      beforeRestore(db, from, this.backups.dirFor(file), this.now(), this.options.nativeBinding),
    );
    this.closeCurrent();
    let restored: RestoreOutcome;
    try {
      const result = await this.backups.restore(name, file);
      restored = {
        restoredFrom: result.restoredFrom,
        safetyBackup: result.safetyBackup.path,
        incidentCount: result.incidentCount,
      };
    } finally {
      // The restored file, or (when the restore was refused) the file as it was.
      this.current = this.openContext(file, true);
      this.current.committedElsewhere(ALL_CHANGES);
    }
    const reopened = this.current;
    // The restore is the restored log's next entry; the head outside the database may go back only here.
    const head = reopened.write(['database'], ({ db }) => logRestore(db, { backupFile: from, ...superseded }));
    recordHead(this.options.dataDir, file, head, this.now());
    this.heads?.reset();
    if (this.automaticBackups) this.housekeeping.afterOpen(reopened);
    return restored;
  }

  /** A read that hit damage in the file: a Swedish message, and the database read-only from then on. */
  damageFrom(err: unknown): unknown {
    return damageFrom(err, this.current);
  }

  /** A backup of the open database now ("manuell"). */
  async backupNow(): Promise<string> {
    const ctx = this.db();
    const job = this.jobs.start('backup', 'Säkerhetskopierar', 0);
    try {
      const info = await this.backups.take(ctx.path, 'manuell');
      job.finish();
      return info.path;
    } catch (err) {
      job.finish((err as Error).message);
      throw err;
    }
  }

  private startSeeding(): void {
    const ctx = this.db();
    const rows = this.options.demoRows ?? DEFAULT_DEMO_ROWS;
    const job = this.jobs.start('seed', 'Skapar exempeldata', rows);
    this.seeding = ctx
      .writeLong(SEED_CHANGES, SEEDING_MESSAGE, async ({ db }) => {
        // The example data is one entry in the audit log, not one per row.
        const resume = suspendRowAudit(db);
        try {
          await seedDemo(db, {
            rows,
            // Small chunks: between them the main process answers the window (~50 ms at most per chunk).
            chunkSize: 1000,
            onProgress: (done) => job.update(done),
            pause: () => new Promise((r) => setImmediate(r)),
          });
        } finally {
          resume();
        }
        logEntry(db, {
          objectType: 'database',
          objectId: 'databas',
          action: 'exempeldata',
          content: { after: { handelser: rows } },
        });
      })
      .then(() => job.finish())
      .catch((err: unknown) => job.finish(`Exempeldata kunde inte skapas: ${(err as Error).message}`))
      .finally(() => {
        this.seeding = null;
      });
  }

  /** Resolves when first-start seeding (if any) has finished. */
  async ready(): Promise<void> {
    await this.seeding;
  }

  /** Now, by the workspace's clock (tests fix it). */
  now(): Date {
    return this.options.clock ? this.options.clock() : new Date();
  }

  /** The open database's context: the one owner of its connection and repositories. */
  db(): DbContext {
    if (!this.current) throw new AppError('db_unreadable', 'Ingen databas är öppen.');
    return this.current;
  }

  /** Writes wait until seeding or an import is done: each holds the database's write transaction. */
  writable(): DbContext {
    if (this.seeding) throw new AppError('db_busy', SEEDING_MESSAGE);
    if (this.activeImport) throw new AppError('db_busy', IMPORTING_MESSAGE);
    return this.db();
  }

  /** One import at a time, with progress; in a worker thread when one is configured. */
  async runImport(input: FileImport, label: string): Promise<ImportReport> {
    const ctx = this.writable();
    const file = { ...input, path: this.allowed(input.path, 'import'), by: authorLabel(this.author()) };
    const controller = new AbortController();
    this.activeImport = controller;
    const job = this.jobs.start('import', label, 0);
    const onProgress = (done: number, total: number) => job.update(done, total);
    let spooled: Spooled | null = null;
    try {
      if (this.automaticBackups) await this.backups.beforeImport(ctx.path);
      // Read the whole file before the write lock is taken: a stalled source can then be cancelled freely.
      if (isRegularFile(file.path)) {
        spooled = await spoolForImport(file.path, controller.signal);
        file.fileName = path.basename(input.path);
        file.path = spooled.path;
      }
      const report = this.options.importWorker
        ? await runImportInWorker({
            script: this.options.importWorker,
            dbPath: ctx.path,
            nativeBinding: this.options.nativeBinding,
            file,
            onProgress,
            signal: controller.signal,
          }).finally(() => ctx.committedElsewhere(IMPORT_CHANGES))
        : await ctx.writeLong(IMPORT_CHANGES, IMPORTING_MESSAGE, ({ db }) => commitFile(db, file, onProgress));
      job.finish();
      return report;
    } catch (err) {
      job.finish(err instanceof AppError && err.code === 'cancelled' ? null : (err as Error).message);
      throw err;
    } finally {
      spooled?.remove();
      this.activeImport = null;
    }
  }

  /**
   * Reads and checks a file for the preview, in the worker when there is one (a file of a million events takes
   * a while, and the app's main thread must not wait for it), with progress and cancel.
   */
  async previewImport(input: FileImport, label: string): Promise<ImportPreview> {
    const ctx = this.db();
    const file = { ...input, path: this.allowed(input.path, 'import') };
    const dbPath = ctx.path;
    if (!this.options.importWorker) return ctx.read(({ db }) => previewFile(db, file));
    const controller = new AbortController();
    this.activePreview?.abort();
    this.activePreview = controller;
    const job = this.jobs.start('preview', label, 0);
    try {
      const preview = await previewInWorker({
        script: this.options.importWorker,
        dbPath,
        nativeBinding: this.options.nativeBinding,
        file,
        onProgress: (done, total) => job.update(done, total),
        signal: controller.signal,
      });
      job.finish();
      return preview;
    } catch (err) {
      job.finish(err instanceof AppError && err.code === 'cancelled' ? null : (err as Error).message);
      throw err;
    } finally {
      if (this.activePreview === controller) this.activePreview = null;
    }
  }

  /** Cancels the running import (its transaction never commits) or the reading of a file for its preview. */
  cancelImport(): boolean {
    const running = [this.activeImport, this.activePreview].filter((c) => c !== null);
    for (const c of running) c.abort();
    return running.length > 0;
  }

  info(): DatabaseInfo {
    const ctx = this.db();
    // A damaged file may fail any read: what can be read is shown, the rest as unknown.
    const tryRead = <T>(fn: () => T, fallback: T): T => {
      try {
        return fn();
      } catch (err) {
        if (!ctx.readOnly) throw err;
        return fallback;
      }
    };
    return ctx.read((r) => ({
      path: ctx.path,
      fileName: path.basename(ctx.path),
      isDemo:
        tryRead(() => r.reference.getSetting(DEMO_SETTING) !== null, false) ||
        (this.seeding !== null && ctx.path === this.demoPath()),
      schemaVersion: ctx.schemaVersion(),
      incidentCount: tryRead(() => r.incidents.count({}), null),
      seeding: this.seeding !== null,
      readOnly: ctx.readOnly,
    }));
  }

  private closeCurrent(): void {
    this.current?.close();
    this.current = null;
  }

  async close(): Promise<void> {
    await this.seeding?.catch(() => undefined);
    await this.housekeeping.settled();
    this.housekeeping.stop();
    this.closeCurrent();
  }
}
