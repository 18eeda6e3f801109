/**
 * The free text outside the register, table by table: the import history (file names, the report that
 * keeps skipped rows and the earlier versions of replaced rows), medborgarlöften with their history and
 * comments, walks, observations and åtgärder, agreements and reports.
 */
import type { ErasableSource } from './sources';
import { tableSource, type TableSpec } from './table-source';

const SPECS: readonly TableSpec[] = [
  {
    source: 'imports',
    label: 'Importhistorik',
    table: 'import_log',
    columns: [
      { column: 'file_name', label: 'Filnamn', nonEmpty: true },
      { column: 'report_json', label: 'Importrapport', json: true },
      { column: 'created_by', label: 'Importerad av' },
    ],
  },
  {
    source: 'lofte',
    label: 'Medborgarlöften',
    table: 'lofte',
    columns: [{ column: 'content_json', label: 'Löftet', json: true }],
    revision: 'revision',
  },
  {
    source: 'lofte_snapshot',
    label: 'Löftenas historik',
    table: 'lofte_snapshot',
    columns: [
      { column: 'content_json', label: 'Sparad version', json: true },
      { column: 'reason', label: 'Anledning' },
      { column: 'by_name', label: 'Av' },
      { column: 'by_organisation', label: 'Organisation' },
      { column: 'protocol_ref', label: 'Protokoll' },
      { column: 'warnings_json', label: 'Varningar', json: true },
    ],
  },
  {
    source: 'comment',
    label: 'Kommentarer',
    table: 'lofte_comment',
    columns: [
      { column: 'author', label: 'Författare' },
      { column: 'body', label: 'Kommentar', nonEmpty: true },
    ],
  },
  {
    source: 'activity_log',
    label: 'Uppföljningslogg',
    table: 'activity_log',
    columns: [
      { column: 'place', label: 'Plats' },
      { column: 'note', label: 'Anteckning' },
    ],
  },
  {
    source: 'focus_area',
    label: 'Fokusområden',
    table: 'focus_area',
    columns: [
      { column: 'title', label: 'Rubrik', nonEmpty: true },
      { column: 'problem', label: 'Problem' },
      { column: 'causes', label: 'Orsaker, övrigt' },
      { column: 'cause_victim', label: 'Brottsutsatt' },
      { column: 'cause_offender', label: 'Gärningsperson' },
      { column: 'cause_place', label: 'Plats/objekt' },
      { column: 'goals', label: 'Mål' },
      { column: 'follow_up', label: 'Uppföljning' },
    ],
  },
  {
    source: 'agreement',
    label: 'Överenskommelser',
    table: 'agreement',
    columns: [
      { column: 'title', label: 'Rubrik', nonEmpty: true },
      { column: 'signed_by_lpo', label: 'Undertecknad (polisen)' },
      { column: 'signed_by_kommun', label: 'Undertecknad (kommunen)' },
    ],
  },
  {
    source: 'walk',
    label: 'Trygghetsvandringar',
    table: 'walk',
    columns: [
      { column: 'title', label: 'Rubrik', nonEmpty: true },
      { column: 'route', label: 'Rutt' },
      { column: 'places_json', label: 'Platser', json: true },
      { column: 'invited_json', label: 'Inbjudna', json: true },
    ],
  },
  {
    source: 'walk_observation',
    label: 'Observationer',
    table: 'walk_observation',
    columns: [
      { column: 'place_name', label: 'Plats', nonEmpty: true },
      { column: 'note', label: 'Anteckning' },
    ],
  },
  {
    source: 'measure',
    label: 'Åtgärder',
    table: 'measure',
    columns: [
      { column: 'problem', label: 'Problem' },
      { column: 'what', label: 'Åtgärd', nonEmpty: true },
      { column: 'responsible', label: 'Ansvarig', nonEmpty: true },
      { column: 'decline_reason', label: 'Skäl för avslag', nonEmpty: true },
      { column: 'created_by', label: 'Registrerad av' },
    ],
  },
  {
    source: 'report',
    label: 'Rapporter',
    table: 'report',
    columns: [
      { column: 'title', label: 'Rubrik', nonEmpty: true },
      { column: 'edits_json', label: 'Redigerade texter', json: true },
      { column: 'snapshot_json', label: 'Fastställd rapport', json: true },
      { column: 'decided_by', label: 'Beslutad av' },
      { column: 'protocol_ref', label: 'Protokoll' },
      { column: 'created_by', label: 'Skapad av' },
      { column: 'updated_by', label: 'Ändrad av' },
    ],
    revision: 'revision',
  },
];

export const TABLE_SOURCES: readonly ErasableSource[] = SPECS.map(tableSource);
