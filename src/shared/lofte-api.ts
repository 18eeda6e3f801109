/** Löfte DTOs the screens read: details with progress, list rows, activities behind schedule. */
import type { Lofte, LofteComment, LofteContent, LofteState, SmartCheck } from './lofte';

export interface ScheduleDto {
  due: number;
  required: number;
  done: number;
  total: number;
  behind: boolean;
}

export interface BucketDto {
  label: string;
  fromDay: string;
  toDay: string;
  target: number;
  required: number;
  done: number;
  status: 'uppnatt' | 'ej_uppnatt' | 'pagar' | 'kommande';
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
