/**
 * Incidents from a spreadsheet (CSV/Excel): its columns mapped to fields (the user's mapping, else the one
 * saved for a file with the same columns, else a suggestion), written as incidents; the mapping is saved
 * with the import.
 */
import crypto from 'node:crypto';
import { referenceRepoOf } from '../../db/repos';
import type { Db } from '../../db/connection';
import { AppError } from '../../../shared/errors';
import { CHUNK_BYTES } from '../file-input';
import { FIELD_LABELS, incidentRows, openTable, suggestMapping, type ColumnMapping } from '../incidents';
import { FIELDS, REQUIRED } from '../incidents-table';
import type { Importer, MappingState, RowWriter } from '../importer';
import { streamOf } from '../types';
import { incidentChanges, IncidentWriter, type IncidentRow } from '../writers';
import { incidentDisplay, undoIncidents } from './incident-common';

function mappingKey(header: string[]): string {
  return `import.mapping.${crypto.createHash('sha1').update(header.join('\u0001')).digest('hex')}`;
}

/** The user's mapping, else the one saved for a file with the same columns, else a suggestion. */
function chooseMapping(db: Db, header: string[], given: Partial<ColumnMapping> | undefined): MappingState {
  const saved = referenceRepoOf(db).getSetting(mappingKey(header));
  const mapping: Partial<ColumnMapping> =
    given ?? (saved ? (JSON.parse(saved) as Partial<ColumnMapping>) : suggestMapping(header));
  const missing = REQUIRED.filter((f) => !mapping[f]);
  return { header, mapping, missing };
}

export function saveMapping(db: Db, header: string[], mapping: Partial<ColumnMapping>): void {
  referenceRepoOf(db).setSetting(mappingKey(header), JSON.stringify(mapping));
}

export const incidentsImporter: Importer<IncidentRow, { mapping: MappingState }> = {
  async open({ db, req, input, ctx, onRead }) {
    const table = await openTable(
      { head: () => input.head(), whole: () => input.whole(), chunks: () => input.chunks(CHUNK_BYTES, onRead) },
      req.fileName,
    );
    const state = chooseMapping(db, table.header, req.mapping);
    if (state.missing.length > 0) {
      return {
        stream: streamOf<IncidentRow>({ rows: [], skipped: [], invalid: [], warnings: [] }),
        extra: { mapping: state },
      };
    }
    const stream = incidentRows(table, state.mapping as ColumnMapping, ctx, { source: req.defaultSource ?? 'est' });
    return { stream, extra: { mapping: state } };
  },
  readyToCommit({ mapping }) {
    if (mapping.missing.length === 0) return;
    const labels = mapping.missing.map((f) => FIELD_LABELS[f]).join(', ');
    throw new AppError('validation', `Koppla filens kolumner till fälten först: ${labels} saknar kolumn.`);
  },
  changes: (db) => incidentChanges(db, true),
  writer({ db, importId, stamp, extra: { mapping } }): RowWriter<IncidentRow> {
    const writer = new IncidentWriter(db, importId, stamp, 'incidents');
    return {
      write: (rows) => writer.write(rows),
      finish: () => {
        const counts = writer.finish();
        // In the import's transaction: a file refused after its rows are read does not save its mapping.
        saveMapping(db, mapping.header, mapping.mapping);
        return counts;
      },
    };
  },
  undo: undoIncidents,
  display(d, { mapping }) {
    return {
      ...incidentDisplay(d),
      mapping: {
        header: mapping.header,
        fields: FIELDS.map((f) => ({
          field: f,
          label: FIELD_LABELS[f],
          required: REQUIRED.includes(f),
          column: mapping.mapping[f] ?? '',
        })),
        missing: mapping.missing.map((f) => FIELD_LABELS[f]),
      },
    };
  },
};
