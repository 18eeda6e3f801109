/** One incident row as stored, what a write needs, and the one mapper from row to DTO. */
import type { Incident, IncidentStatus, Precision, Source } from '../../shared/domain';

/** Row as stored: snake_case, integers and ISO strings. */
export interface DbIncident {
  id: number;
  source: string;
  source_ref: string | null;
  category: string;
  subcategory: string;
  occurred_at: string;
  reported_at: string;
  kommun_id: number;
  lpo_id: number;
  place_id: number | null;
  place_name: string;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  description: string;
  reporter_org: string;
  status: string;
  created_at: string;
  updated_at: string;
  source_url: string | null;
  import_id: number | null;
}

/** What a write needs; the repository fills lpo_id, place and timestamps. */
export interface NewIncident {
  source: Source;
  sourceRef?: string | null;
  category: string;
  subcategory: string;
  occurredAt: string;
  reportedAt: string;
  kommunId: number;
  placeName: string;
  lat: number | null;
  lon: number | null;
  precision: Precision | null;
  description: string;
  reporterOrg: string;
  status: IncidentStatus;
  /** Link to the original (Polisens händelse), absolute. */
  sourceUrl?: string | null;
  /** The import that brought the row, so the import can be undone. */
  importId?: number | null;
}

export function toIncident(r: DbIncident): Incident {
  return {
    id: r.id,
    source: r.source as Source,
    sourceRef: r.source_ref,
    category: r.category,
    subcategory: r.subcategory,
    occurredAt: r.occurred_at,
    reportedAt: r.reported_at,
    kommunId: r.kommun_id,
    lpoId: r.lpo_id,
    placeId: r.place_id,
    placeName: r.place_name,
    lat: r.lat,
    lon: r.lon,
    precision: r.precision as Precision | null,
    description: r.description,
    reporterOrg: r.reporter_org,
    status: r.status as IncidentStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sourceUrl: r.source_url,
  };
}

export const COLUMNS =
  'id, source, source_ref, category, subcategory, occurred_at, reported_at, kommun_id, lpo_id, place_id, place_name, lat, lon, precision, description, reporter_org, status, created_at, updated_at, source_url, import_id';
