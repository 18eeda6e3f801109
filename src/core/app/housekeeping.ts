/**
 * Background work on the open database: the daily backup, retention (old descriptions, the expired trash)
 * and the full integrity check after a file opens, and again each new day while the app stays open.
 * One chain of promises, so each step waits for the one before and `settled()` waits for all.
 */
import type { DbContext } from './context';
import type { BackupService } from './backups';
import type { JobRegistry } from './events';
import { runRetention } from '../privacy/run';

export interface HousekeepingDeps {
  backups: BackupService;
  jobs: JobRegistry;
  now: () => Date;
  /** The open context, when it may be written to now (no seeding, no import running). */
  writableNow: (ctx: DbContext) => boolean;
  checkIntegrity: (ctx: DbContext) => Promise<unknown>;
  current: () => DbContext | null;
  /** Resolves once first-start seeding (if any) is done: the day's backup holds the example data. */
  ready: () => Promise<void>;
}

const HOUR_MS = 3_600_000;

export class Housekeeping {
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private lastDay = '';

  constructor(private readonly deps: HousekeepingDeps) {}

  /** After a file opened (or was restored): backup, retention, then the integrity check. */
  afterOpen(ctx: DbContext, integrity = true): void {
    const { backups, jobs, now } = this.deps;
    const failed = (label: string, what: string) => (err: unknown) =>
      jobs.start('backup', label, 0).finish(`${what}: ${(err as Error).message}`);
    this.chain = this.chain
      .then(() => this.deps.ready())
      .then(() => (this.deps.current() === ctx ? backups.dailyIfDue(ctx.path) : null))
      .then(() => undefined, failed('Daglig säkerhetskopia', 'Den dagliga säkerhetskopian kunde inte skapas'))
      .then(() => {
        if (this.deps.writableNow(ctx)) runRetention(ctx, now());
      })
      .catch(failed('Gallring', 'Gallringen kunde inte göras'))
      .then(() => (integrity ? this.deps.checkIntegrity(ctx) : null))
      .then(
        () => undefined,
        () => undefined,
      );
    this.lastDay = now().toDateString();
    this.startTimer();
  }

  private startTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      const ctx = this.deps.current();
      if (!ctx || ctx.readOnly || this.deps.now().toDateString() === this.lastDay) return;
      this.afterOpen(ctx, false);
    }, HOUR_MS);
    this.timer.unref();
  }

  /** Resolves when the background work started so far is done (it never rejects). */
  settled(): Promise<void> {
    return this.chain;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
