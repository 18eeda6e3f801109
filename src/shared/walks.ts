/** Trygghetsvandringar and åtgärder: the shapes that cross the boundary. */

export const MEASURE_STATUSES = ['planerad', 'pagar', 'klar', 'avslagen'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  planerad: 'Planerad',
  pagar: 'Pågår',
  klar: 'Klar',
  avslagen: 'Avslagen',
};

/** Kommun-owned measures are usually promised within six months of the walk. */
export const DEFAULT_DUE_MONTHS = 6;

/** What walkers note, per place (the subcategories of the taxonomy a walk typically finds). */
export const WALK_OBSERVATION_KINDS = [
  'belysning',
  'insyn',
  'nedskrapning',
  'odslig_plats',
  'klotter',
  'glaskross',
] as const;

export interface Walk {
  id: number;
  kommunId: number;
  title: string;
  walkDay: string;
  afterDark: boolean;
  route: string;
  places: string[];
  invited: string[];
  updatedAt: string;
}

export interface WalkObservation {
  id: number;
  walkId: number;
  placeName: string;
  subcategory: string;
  note: string;
  /** The incident the observation became (source "trygghetsvandring"); null if it was deleted there. */
  incidentId: number | null;
}

export interface Measure {
  id: number;
  kommunId: number;
  walkId: number | null;
  observationId: number | null;
  lofteId: number | null;
  /** The lägesbild problem it addresses (åtgärdsplan), in words and as a saved dashboard view. */
  problem: string;
  viewId: number | null;
  what: string;
  responsible: string;
  dueDay: string;
  status: MeasureStatus;
  declineReason: string;
  /** Part of the kommun's åtgärdsplan (lag 2023:196). */
  inPlan: boolean;
  overdue: boolean;
  updatedAt: string;
  /** Who recorded it (the local user profile at the time); '' for åtgärder from before schema 10. */
  createdBy: string;
  /** The walk it came from (title and day), so every list can link to it; null when written into the plan. */
  walkTitle?: string | null;
  walkDay?: string | null;
  /** The observation it answers, in words ("Klippans station: Belysning"). */
  observationLabel?: string | null;
  lofteTitle?: string | null;
  viewName?: string | null;
  /** Said when it was saved (e.g. a due date already past): the åtgärd is saved all the same. */
  warnings?: string[];
}

/** The problem an åtgärd answers, in words: as written, else the walk's observation it came from. */
export const measureProblem = (m: Measure): string => m.problem || m.observationLabel || '';

export interface WalkSummary extends Walk {
  observations: number;
  measures: number;
  overdue: number;
}

export interface WalkDetails {
  walk: Walk;
  observations: WalkObservation[];
  measures: Measure[];
}
