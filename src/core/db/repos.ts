/** The database layer's repositories of one connection (see per-connection.ts). */
import { IncidentRepo } from './incident-repo';
import { perConnection } from './per-connection';
import { ReferenceRepo } from './reference-repo';
import type { Db } from './types';

export function incidentRepoOf(db: Db): IncidentRepo {
  return perConnection(db, 'incidents', () => new IncidentRepo(db));
}

export function referenceRepoOf(db: Db): ReferenceRepo {
  return perConnection(db, 'reference', () => new ReferenceRepo(db));
}
