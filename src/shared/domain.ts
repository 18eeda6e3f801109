/** Domain types and fixed vocabularies that cross the boundary (DTOs). Pure TypeScript. */

export const SOURCES = ['polisanmalan', 'polisens_handelse', 'est', 'tips', 'felanmalan', 'trygghetsvandring'] as const;
export type Source = (typeof SOURCES)[number];

export const SOURCE_LABELS: Record<Source, string> = {
  polisanmalan: 'Polisanmälan',
  polisens_handelse: 'Polisens händelse',
  est: 'EST-rapport',
  tips: 'Tips',
  felanmalan: 'Felanmälan',
  trygghetsvandring: 'Trygghetsvandring',
};

export const STATUSES = ['ny', 'hanteras', 'atgardad', 'avslutad'] as const;
export type IncidentStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<IncidentStatus, string> = {
  ny: 'Ny',
  hanteras: 'Hanteras',
  atgardad: 'Åtgärdad',
  avslutad: 'Avslutad',
};

export const PRECISIONS = ['exact', 'place', 'kommun'] as const;
export type Precision = (typeof PRECISIONS)[number];
export const PRECISION_LABELS: Record<Precision, string> = {
  exact: 'Exakt position',
  place: 'Platsens position',
  kommun: 'Kommunens mittpunkt (ungefärlig)',
};

export interface Lpo {
  id: number;
  name: string;
}

export interface Kommun {
  id: number;
  scbCode: string;
  name: string;
  lpoId: number;
  lat: number | null;
  lon: number | null;
  /** Latest known population and its year; population is stored per year. */
  population: number | null;
  populationYear: number | null;
}

export interface Place {
  id: number;
  kommunId: number;
  name: string;
  lat: number | null;
  lon: number | null;
}

export interface Incident {
  id: number;
  source: Source;
  sourceRef: string | null;
  category: string;
  subcategory: string;
  /** UTC instant, ISO 8601 with Z. */
  occurredAt: string;
  reportedAt: string;
  kommunId: number;
  lpoId: number;
  placeId: number | null;
  placeName: string;
  lat: number | null;
  lon: number | null;
  precision: Precision | null;
  description: string;
  reporterOrg: string;
  status: IncidentStatus;
  createdAt: string;
  updatedAt: string;
  /** Link to the original, e.g. the event on polisen.se. */
  sourceUrl: string | null;
}

/** Columns the register can sort on: a whitelist, mapped to SQL only inside the repository. */
export const SORT_COLUMNS = [
  'occurredAt',
  'reportedAt',
  'lpo',
  'kommun',
  'placeName',
  'category',
  'subcategory',
  'source',
  'status',
  'reporterOrg',
  'id',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface IncidentSort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

export interface IncidentFilter {
  lpoIds?: number[];
  kommunIds?: number[];
  sources?: Source[];
  categories?: string[];
  /** Local (Europe/Stockholm) calendar days, inclusive, YYYY-MM-DD. */
  fromDay?: string;
  toDay?: string;
  text?: string;
  /**
   * Exact place names (incident.place_name), any of them. Not a rollup dimension: a filter with places
   * is counted on the incident table, and dashboards do not take it (a drill-down to one place does).
   */
  placeNames?: string[];
  /**
   * How precisely the location is known, as the maps draw it (register only, like places): at a named
   * place, at a position without a place name, or only the kommun (its centre, as all of Polisens
   * händelser, or nothing at all). The three split every incident.
   */
  location?: MapLocation;
  /**
   * One hotspot cell (register only): incidents with an exact or place position whose SWEREF 99 TM
   * coordinates fall in the cell (col, row) of the grid with this origin and cell size, in metres.
   */
  cell?: GridCell;
}

export interface GridCell {
  size: number;
  originX: number;
  originY: number;
  col: number;
  row: number;
}

export const MAP_LOCATIONS = ['plats', 'position', 'kommun'] as const;
export type MapLocation = (typeof MAP_LOCATIONS)[number];
export const MAP_LOCATION_LABELS: Record<MapLocation, string> = {
  plats: 'Vid en namngiven plats',
  position: 'Position utan platsnamn',
  kommun: 'Bara kommunen som plats',
};

export interface IncidentPage {
  rows: Incident[];
  total: number;
}

export interface DatabaseInfo {
  path: string;
  fileName: string;
  isDemo: boolean;
  schemaVersion: number;
  /** Null when the file is damaged and some reads fail. */
  incidentCount: number | null;
  /** True while first-start demo data is being written. */
  seeding: boolean;
  /** Why nothing can be written (a damaged file opened read-only), or null. */
  readOnly: string | null;
}

export interface RecentFile {
  path: string;
  openedAt: string;
}

export interface Reference {
  lpos: Lpo[];
  kommuner: Kommun[];
}

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportResult {
  fileName: string;
  rows: number;
  /** Where the file is: a path on disk (desktop) or a download address (browser host). */
  savedTo: string | null;
  downloadUrl: string | null;
}

export interface JobProgress {
  jobId: string;
  kind: 'seed' | 'export' | 'import' | 'preview' | 'backup';
  label: string;
  done: number;
  total: number;
  finished: boolean;
  error: string | null;
}

/** What a write changed; every write of every feature names its kinds in one `data.changed` event. */
export const CHANGE_KINDS = [
  'database',
  'incidents',
  'imports',
  'reference',
  'survey',
  'views',
  'loften',
  'agreements',
  'walks',
  'measures',
  'profile',
  'reports',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type AppEvent =
  | { type: 'job.progress'; progress: JobProgress }
  /** `what` is the first of `kinds` (scripts written against the first contract read it); `version` only grows. */
  | { type: 'data.changed'; what: ChangeKind; kinds: ChangeKind[]; version: number }
  /** A menu command for the window (desktop): Arkiv → Skriv ut / Spara som PDF on the open report. */
  | { type: 'menu.command'; command: 'print' };
