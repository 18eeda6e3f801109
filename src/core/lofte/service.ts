/**
 * What the löfte screens and the Översikt read: a löfte with its checklist, history, comments, follow-up
 * log and progress; the list; and the activities behind schedule today.
 */
import type { Db } from '../db/connection';
import { localDay } from '../../shared/time';
import { smartChecklist, type Lofte } from '../../shared/lofte';
import type {
  ActivityProgress,
  BehindActivity,
  EffectCheck,
  FocusAreaDto,
  LofteDetails,
  LofteSummary,
} from '../../shared/lofte-api';
import { progressBy, schedule, type Granularity } from './progress';
import { lofteRepoOf } from './repo';
import { effectChecks } from './effect';

export function activityProgress(
  l: Lofte,
  logs: readonly { activityKey: string; day: string; count: number }[],
  by: Granularity,
  asOfDay: string,
): ActivityProgress[] {
  const period = { fromDay: l.periodFrom, toDay: l.periodTo };
  return l.content.activities.map((a) => {
    const mine = logs.filter((x) => x.activityKey === a.key);
    const done = mine.reduce((s, x) => s + x.count, 0);
    if (!a.quantity || !a.cadence) return { key: a.key, measurable: false, done, schedule: null, buckets: [] };
    return {
      key: a.key,
      measurable: true,
      done,
      schedule: schedule(a.quantity, a.cadence, period, mine, asOfDay),
      buckets: progressBy(a.quantity, a.cadence, period, mine, by, asOfDay),
    };
  });
}

export function lofteDetails(db: Db, id: number, by: Granularity, now = new Date()): LofteDetails {
  const repo = lofteRepoOf(db);
  const lofte = repo.get(id);
  const logs = repo.logs(id);
  const asOfDay = localDay(now.toISOString());
  return {
    lofte,
    checklist: smartChecklist(lofte.content, repo.checklistContext(lofte)),
    history: repo.history(id),
    comments: repo.comments(id),
    logs,
    asOfDay,
    progress: activityProgress(lofte, logs, by, asOfDay),
    effect: lofte.state === 'utkast' || lofte.state === 'for_granskning' ? [] : safeEffect(db, lofte, asOfDay),
  };
}

/** A view that was deleted since cannot be checked; the rest still can. */
function safeEffect(db: Db, lofte: Lofte, asOfDay: string): EffectCheck[] {
  return effectChecks(
    db,
    {
      ...lofte,
      content: {
        ...lofte.content,
        evidence: lofte.content.evidence.filter((e) => e.kind !== 'view' || viewExists(db, e.viewId)),
      },
    },
    asOfDay,
  );
}

const viewExists = (db: Db, id: number) =>
  db.prepare('SELECT 1 FROM dashboard_view WHERE id = ?').get(id) !== undefined;

export function lofteList(db: Db, kommunIds: readonly number[] | undefined, now = new Date()): LofteSummary[] {
  const repo = lofteRepoOf(db);
  const asOfDay = localDay(now.toISOString());
  return repo.list(kommunIds).map((l) => {
    const progress = activityProgress(l, repo.logs(l.id), 'period', asOfDay);
    const followed = l.state === 'beslutad' || l.state === 'uppfoljning';
    return {
      id: l.id,
      kommunId: l.kommunId,
      title: l.content.title,
      periodFrom: l.periodFrom,
      periodTo: l.periodTo,
      state: l.state,
      version: l.version,
      warnings: smartChecklist(l.content, repo.checklistContext(l)).filter((c) => !c.ok).length,
      behind: followed ? progress.filter((p) => p.schedule?.behind).length : 0,
      updatedAt: l.updatedAt,
    };
  });
}

/** Activities of löften being followed up (decided, in follow-up) that are behind schedule today. */
export function behindSchedule(db: Db, kommunIds: readonly number[] | undefined, now = new Date()): BehindActivity[] {
  const repo = lofteRepoOf(db);
  const asOfDay = localDay(now.toISOString());
  const out: BehindActivity[] = [];
  for (const l of repo.list(kommunIds)) {
    if (l.state !== 'beslutad' && l.state !== 'uppfoljning') continue;
    if (l.periodFrom > asOfDay) continue;
    for (const p of activityProgress(l, repo.logs(l.id), 'period', asOfDay)) {
      if (!p.schedule?.behind) continue;
      const a = l.content.activities.find((x) => x.key === p.key)!;
      out.push({
        lofteId: l.id,
        kommunId: l.kommunId,
        title: l.content.title,
        activityKey: a.key,
        activity: a.kind,
        required: p.schedule.required,
        done: p.schedule.done,
        total: p.schedule.total,
      });
    }
  }
  return out;
}

/** Fokusområden with their samverkansöverenskommelse, for the löfte editor. */
export function focusAreas(db: Db): FocusAreaDto[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.title, a.id AS agreementId, a.title AS agreementTitle, a.period_from AS periodFrom,
              a.period_to AS periodTo, (SELECT group_concat(kommun_id) FROM agreement_kommun WHERE agreement_id = a.id) AS kommuner
       FROM focus_area f JOIN agreement a ON a.id = f.agreement_id ORDER BY a.period_from DESC, f.sort_order`,
    )
    .all() as (Omit<FocusAreaDto, 'kommunIds'> & { kommuner: string | null })[];
  return rows.map(({ kommuner, ...r }) => ({
    ...r,
    kommunIds: (kommuner ?? '').split(',').filter(Boolean).map(Number),
  }));
}
