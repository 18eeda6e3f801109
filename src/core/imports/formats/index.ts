/**
 * The import formats, one importer each. A new format is one module in this folder implementing `Importer`
 * (../importer.ts) plus its line here; its name also goes in IMPORT_FORMATS (src/shared/imports.ts, where the
 * format list and its labels live), and, if files of it can be recognised without the user choosing the
 * format, a rule in detectFormat (../pipeline.ts).
 */
import type { ImportFormat } from '../types';
import type { AnyImporter, Importer } from '../importer';
import { braImporter } from './bra';
import { incidentsImporter } from './incidents';
import { polisenImporter } from './polisen';
import { scbImporter } from './scb';
import { trygghetImporter } from './trygghet';

export const IMPORTERS = {
  polisen: polisenImporter,
  incidents: incidentsImporter,
  bra: braImporter,
  scb: scbImporter,
  trygghet: trygghetImporter,
} satisfies Record<ImportFormat, AnyImporter>;

/** A format's rows, and what its `open` adds to the preview (e.g. the spreadsheet's column mapping). */
export type RowOf<F extends ImportFormat> = (typeof IMPORTERS)[F] extends Importer<infer T, object> ? T : never;
export type ExtraOf<F extends ImportFormat> = (typeof IMPORTERS)[F] extends Importer<unknown, infer X> ? X : never;

export function importerOf(format: ImportFormat): AnyImporter {
  return IMPORTERS[format];
}
