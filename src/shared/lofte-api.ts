/** Löfte DTOs the screens read: details with progress, list rows, activities behind schedule. */
import type { Lofte, LofteActor, LofteComment, LofteContent, LofteState, SmartCheck } from './lofte';

/**
 * An activity's progress in whole activities (see core/lofte/progress.ts for the rule): `required` is what
 * is due from the period's start through today, ⌊pro-rata expectation⌋, never more than `total`.
 */
export interface ScheduleDto {
  /** The pro-rata expectation (a fraction), kept for the explanation; not shown as a target. */
  expected: number;
  required: number;
  done: number;
  total: number;
  behind: boolean;
}

export interface BucketDto {
  label: string;
  fromDay: string;
  toDay: string;
  /** Whole activities this stretch adds to what is due; the stretches add up to `total`. */
  target: number;
  done: number;
  /** Done and due from the period's start through the stretch's end (or today). */
  doneSoFar: number;
  dueSoFar: number;
  /** The same comparison as the summary's, at the stretch's end (or today): they cannot disagree. */
  status: 'enligt_plan' | 'efter_plan' | 'kommande';
  running: boolean;
}

export interface ActivityProgress {
  key: string;
  /** False when the activity lacks a quantity or cadence: nothing to measure against. */
  measurable: boolean;
  done: number;
  schedule: ScheduleDto | null;
  buckets: BucketDto[];
}

export interface SnapshotDto {
  id: number;
  version: number;
  state: LofteState;
  reason: string;
  content: LofteContent;
  savedAt: string;
  /** Who made the change (null when not recorded, e.g. entries from before schema 9). */
  by: LofteActor | null;
  /** A decision's protocol reference, e.g. "KS 2026-12-03 § 141"; empty when none was given. */
  protocolRef: string;
  /** The SMART warnings a decision was confirmed over. */
  warnings: string[];
}

export interface LogDto {
  id: number;
  activityKey: string;
  day: string;
  count: number;
  place: string;
  note: string;
  createdAt: string;
}

export interface LofteDetails {
  lofte: Lofte;
  checklist: SmartCheck[];
  history: SnapshotDto[];
  comments: LofteComment[];
  logs: LogDto[];
  asOfDay: string;
  progress: ActivityProgress[];
  /** The effect goal against the evidence's figures (decided löften). */
  effect: EffectCheck[];
}

export interface LofteSummary {
  id: number;
  kommunId: number;
  title: string;
  periodFrom: string;
  periodTo: string;
  state: LofteState;
  version: number;
  /** SMART checks not met. */
  warnings: number;
  /** Activities behind schedule (decided löften only). */
  behind: number;
  updatedAt: string;
}

export interface BehindActivity {
  lofteId: number;
  kommunId: number;
  title: string;
  activityKey: string;
  activity: string;
  required: number;
  done: number;
  total: number;
}

export const GRANULARITIES = ['vecka', 'manad', 'kvartal', 'period'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const GRANULARITY_LABELS: Record<Granularity, string> = {
  vecka: 'Per vecka',
  manad: 'Per månad',
  kvartal: 'Per kvartal',
  period: 'Hela perioden',
};

export interface FocusAreaDto {
  id: number;
  title: string;
  agreementId: number;
  agreementTitle: string;
  periodFrom: string;
  periodTo: string;
  kommunIds: number[];
}

/** The effect goal against figures that have arrived: one row per piece of evidence. */
export interface EffectCheck {
  /** What was compared, in words ("Nedskräpning, Klippan", "Skadegörelse i Bjuv (sparad vy)"). */
  label: string;
  kind: 'survey' | 'incidents';
  before: { label: string; value: number } | null;
  after: { label: string; value: number } | null;
  /** Share or count tests give z; an index cannot be tested without its spread. */
  z: number | null;
  verdict: 'battre' | 'samre' | 'ingen_sakerstalld_forandring' | 'kan_inte_bedomas' | 'for_fa' | 'vantar';
  /** For a survey index: lower is better; for incidents: fewer is better. */
  note: string;
}

export const EFFECT_LABELS: Record<EffectCheck['verdict'], string> = {
  battre: 'Säkerställd förbättring',
  samre: 'Säkerställd försämring',
  ingen_sakerstalld_forandring: 'Ingen säkerställd förändring',
  kan_inte_bedomas: 'Riktning, kan inte prövas (spridning saknas)',
  for_fa: 'För få händelser för att bedöma',
  vantar: 'Väntar på nya siffror',
};
