/** Polisens händelser (JSON): read chunk by chunk, written as incidents. */
import { polisenRows } from '../polisen';
import { CHUNK_BYTES } from '../file-input';
import type { Importer } from '../importer';
import { incidentChanges, IncidentWriter, type IncidentRow } from '../writers';
import { incidentDisplay, undoIncidents } from './incident-common';

export const polisenImporter: Importer<IncidentRow> = {
  async open({ input, ctx, onRead }) {
    return { stream: polisenRows(input.chunks(CHUNK_BYTES, onRead), ctx), extra: {} };
  },
  changes: (db) => incidentChanges(db, false),
  writer: ({ db, importId, stamp }) => new IncidentWriter(db, importId, stamp, 'polisen'),
  undo: undoIncidents,
  display: incidentDisplay,
};
