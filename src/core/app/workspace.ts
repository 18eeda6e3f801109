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
import type { PathPolicy, PathPurpose } from './path-policy';

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
const SEEDING_MESSAGE = 'Exempeldata skapas just nu. Vänta tills det är klart.';
const IMPORTING_MESSAGE = 'En import pågår. Vänta tills den är klar eller avbryt den.';

export class Workspace {
  readonly events = new EventHub();
  readonly jobs = new JobRegistry(this.events);
  readonly recent: RecentFiles;
  readonly profile: ProfileStore;
  private current: DbContext | null = null;
  private seeding: Promise<void> | null = null;
  private activeImport: AbortController | null = null;
  private activePreview: AbortController | null = null;

  constructor(readonly options: WorkspaceOptions) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    this.recent = new RecentFiles(options.dataDir);
    this.profile = new ProfileStore(options.dataDir);
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
    if (ctx.read((r) => r.reference.getSetting(DEMO_SETTING)) === null) this.startSeeding();
    // A demo database seeded before the trygghetsmätning and the löften existed gets them now.
    else
      ctx.write(['survey', 'loften', 'agreements', 'walks', 'measures', 'incidents'], ({ db }) => {
        seedSurvey(db);
        seedLoften(db);
        seedWalks(db);
      });
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
    // Open the new file first: if it is refused, the current database stays open.
    const ctx = DbContext.open(
      file,
      { nativeBinding: this.options.nativeBinding, mustExist, clock: this.options.clock },
      (kinds, version) =>
        this.events.emit({ type: 'data.changed', what: kinds[0] ?? 'database', kinds: [...kinds], version }),
    );
    this.closeCurrent();
    this.current = ctx;
    this.recent.add(file);
    ctx.committedElsewhere(['database']);
  }

  private startSeeding(): void {
    const ctx = this.db();
    const rows = this.options.demoRows ?? DEFAULT_DEMO_ROWS;
    const job = this.jobs.start('seed', 'Skapar exempeldata', rows);
    this.seeding = ctx
      .writeLong(SEED_CHANGES, SEEDING_MESSAGE, ({ db }) =>
        seedDemo(db, {
          rows,
          // Small chunks: between them the main process answers the window (~50 ms at most per chunk).
          chunkSize: 1000,
          onProgress: (done) => job.update(done),
          pause: () => new Promise((r) => setImmediate(r)),
        }),
      )
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
    try {
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
    return ctx.read((r) => ({
      path: ctx.path,
      fileName: path.basename(ctx.path),
      isDemo: r.reference.getSetting(DEMO_SETTING) !== null || (this.seeding !== null && ctx.path === this.demoPath()),
      schemaVersion: ctx.schemaVersion(),
      incidentCount: r.incidents.count({}),
      seeding: this.seeding !== null,
    }));
  }

  private closeCurrent(): void {
    this.current?.close();
    this.current = null;
  }

  async close(): Promise<void> {
    await this.seeding?.catch(() => undefined);
    this.closeCurrent();
  }
}
