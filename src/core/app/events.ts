import type { AppEvent, JobProgress } from '../../shared/domain';

export type Listener = (event: AppEvent) => void;

/** Progress and change events, fanned out to the desktop window or the browser host's event stream. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const l of this.listeners) l(event);
  }
}

/** Long-running work with progress that the UI can show and that survives a page reload. */
export class JobRegistry {
  private readonly jobs = new Map<string, JobProgress>();
  private seq = 0;

  constructor(private readonly events: EventHub) {}

  start(kind: JobProgress['kind'], label: string, total: number): Job {
    const jobId = `${kind}-${++this.seq}`;
    const progress: JobProgress = { jobId, kind, label, done: 0, total, finished: false, error: null };
    this.jobs.set(jobId, progress);
    this.events.emit({ type: 'job.progress', progress: { ...progress } });
    return new Job(progress, this.events, () => this.prune());
  }

  list(): JobProgress[] {
    return [...this.jobs.values()].map((j) => ({ ...j }));
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.finished);
    for (const j of finished.slice(0, Math.max(0, finished.length - 5))) this.jobs.delete(j.jobId);
  }
}

export class Job {
  private lastEmit = 0;
  constructor(
    private readonly progress: JobProgress,
    private readonly events: EventHub,
    private readonly onFinish: () => void,
  ) {}

  update(done: number, total = this.progress.total): void {
    this.progress.done = done;
    this.progress.total = total;
    const now = Date.now();
    // At most ten progress events a second: enough for a smooth bar, cheap over IPC.
    if (now - this.lastEmit >= 100 || done >= total) {
      this.lastEmit = now;
      this.events.emit({ type: 'job.progress', progress: { ...this.progress } });
    }
  }

  finish(error: string | null = null): void {
    this.progress.finished = true;
    this.progress.error = error;
    this.events.emit({ type: 'job.progress', progress: { ...this.progress } });
    this.onFinish();
  }
}
