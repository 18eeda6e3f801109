import type { IncidentInput } from '../../shared/schemas';
import type { NewIncident } from '../db/incident-repo';

/** A validated form input as a repository write. */
export function toNewIncident(input: IncidentInput): NewIncident {
  return {
    source: input.source,
    category: input.category,
    subcategory: input.subcategory,
    occurredAt: input.occurredAt,
    reportedAt: input.reportedAt,
    kommunId: input.kommunId,
    placeName: input.placeName,
    lat: input.lat,
    lon: input.lon,
    precision: input.lat === null ? null : input.precision,
    description: input.description,
    reporterOrg: input.reporterOrg,
    status: input.status,
  };
}
