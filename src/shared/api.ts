/**
 * The single map of API operations. The Electron bridge, the browser host and the renderer client are
 * all derived from it: adding an operation is one entry here plus one handler in src/core/api.
 */
import { backupSettingsSchema, type BackupOverview, type RestoreOutcome } from './backups';
import './zod-locale';
import { z } from 'zod';
import type {
  DatabaseInfo,
  ExportResult,
  Incident,
  IncidentPage,
  JobProgress,
  Place,
  RecentFile,
  Reference,
} from './domain';
import { SOURCES } from './domain';
import { IMPORT_FORMATS, type ImportLogEntry, type ImportPreview, type ImportReport } from './imports';
import {
  EST_CYCLES,
  type ChangeResult,
  type CompareResult,
  type EstLagesbild,
  type Overview,
  type SavedView,
  type TrendPoint,
} from './dashboards';
import type { SurveyData } from './survey';
import type { Measure, Walk, WalkDetails, WalkObservation, WalkSummary } from './walks';
import type { Lofte, LofteComment } from './lofte';
import { GRANULARITIES, type FocusAreaDto, type LofteDetails, type LofteSummary, type LogDto } from './lofte-api';
import type { Agreement, AgreementSummary } from './agreements';
import { userProfileSchema, type ProfileState } from './profile';
import type { PiiHit, ReportDocument } from './report';
import type { HotspotMapData, PlaceMapData } from './maps/data';
import { auditFilterSchema, type AuditCheck, type AuditPage } from './audit';
import {
  privacyEraseSchema,
  privacySearchSchema,
  privacySettingsSchema,
  type PrivacyEraseResult,
  type PrivacySearchResult,
  type PrivacySettings,
  type RetentionCounts,
} from './pii';
import {
  piiDecisionSchema,
  reportDecideSchema,
  reportEditsSchema,
  reportExportSchema,
  reportSelectionSchema,
  reportSourceSchema,
  type ReportDetails,
  type ReportOutline,
  type ReportPreview,
  type ReportSummary,
} from './report-api';
import {
  dashboardFilterSchema,
  pinnedPeriodsSchema,
  dayStringSchema,
  filePathSchema,
  idSchema,
  incidentFilterSchema,
  incidentInputSchema,
  incidentSortSchema,
  pageInputSchema,
  saveViewSchema,
  DEFAULT_SORT,
  activityLogSchema,
  lofteContentSchema,
  lofteCreateSchema,
  lofteTransitionSchema,
  lofteCommentSchema,
  measureSaveSchema,
  observationSchema,
  walkSaveSchema,
  agreementSaveSchema,
  placePositionSchema,
} from './schemas';

interface OpDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
}

function op<O>() {
  return <I extends z.ZodType>(input: I): OpDef<I, O> => ({ input, output: undefined as O });
}

const empty = z.object({}).default({});

const importFileSchema = z.object({
  path: filePathSchema,
  format: z.enum(IMPORT_FORMATS, { error: 'Okänt format.' }).optional(),
  mapping: z.record(z.string(), z.string().max(200)).optional(),
  defaultSource: z.enum(SOURCES).optional(),
  year: z
    .number()
    .int()
    .min(1900, 'Ange ett år mellan 1900 och 2100.')
    .max(2100, 'Ange ett år mellan 1900 och 2100.')
    .optional(),
});

export const api = {
  'app.info': op<DatabaseInfo>()(empty),
  'reference.get': op<Reference>()(empty),
  'places.list': op<Place[]>()(z.object({ kommunId: idSchema })),
  'incidents.page': op<IncidentPage>()(pageInputSchema),
  'incidents.get': op<Incident>()(z.object({ id: idSchema })),
  'incidents.create': op<Incident>()(z.object({ input: incidentInputSchema })),
  'incidents.update': op<Incident>()(
    z.object({ id: idSchema, expectedUpdatedAt: z.string(), input: incidentInputSchema }),
  ),
  'incidents.delete': op<{ id: number }>()(z.object({ id: idSchema })),
  'incidents.restore': op<Incident>()(z.object({ id: idSchema })),
  'incidents.export': op<ExportResult>()(
    z.object({
      filter: incidentFilterSchema.default({}),
      sort: incidentSortSchema.default(DEFAULT_SORT),
      format: z.enum(['csv', 'xlsx'], { error: 'Välj CSV eller Excel.' }),
    }),
  ),
  'db.recent': op<RecentFile[]>()(empty),
  'db.open': op<DatabaseInfo>()(z.object({ path: filePathSchema })),
  'db.create': op<DatabaseInfo>()(z.object({ path: filePathSchema })),
  'db.openDemo': op<DatabaseInfo>()(empty),
  'db.choosePath': op<{ path: string | null }>()(z.object({ mode: z.enum(['open', 'create', 'import']) })),
  'backups.overview': op<BackupOverview>()(empty),
  'backups.saveSettings': op<BackupOverview>()(backupSettingsSchema),
  'backups.create': op<{ path: string }>()(empty),
  'backups.restore': op<RestoreOutcome>()(z.object({ name: z.string().min(1).max(300) })),
  'db.checkIntegrity': op<{ ok: boolean; problems: string[] }>()(empty),
  'folders.list': op<{ supported: boolean; dataDir: string | null; folders: string[] }>()(empty),
  'folders.add': op<{ supported: boolean; dataDir: string | null; folders: string[] }>()(
    z.object({ path: filePathSchema }),
  ),
  'folders.remove': op<{ supported: boolean; dataDir: string | null; folders: string[] }>()(
    z.object({ path: filePathSchema }),
  ),
  'jobs.list': op<JobProgress[]>()(empty),
  'imports.preview': op<ImportPreview>()(importFileSchema),
  'imports.commit': op<ImportReport>()(
    importFileSchema.extend({
      skipInvalid: z.boolean().default(false),
      /** The user confirmed the preview's confirmWarnings; without it a file that has any is refused. */
      acceptWarnings: z.boolean().optional(),
    }),
  ),
  'imports.cancel': op<{ cancelled: boolean }>()(empty),
  'walks.list': op<WalkSummary[]>()(z.object({ kommunIds: z.array(idSchema).max(500).optional() })),
  'walks.get': op<WalkDetails>()(z.object({ id: idSchema })),
  'walks.save': op<Walk>()(walkSaveSchema),
  'walks.observe': op<WalkObservation>()(observationSchema),
  'walks.deleteObservation': op<{ id: number }>()(z.object({ id: idSchema })),
  'measures.list': op<Measure[]>()(
    z.object({
      kommunIds: z.array(idSchema).max(500).optional(),
      inPlan: z.boolean().optional(),
      overdueOnly: z.boolean().optional(),
    }),
  ),
  'measures.save': op<Measure>()(measureSaveSchema),
  'dashboards.compare': op<CompareResult>()(z.object({ filter: dashboardFilterSchema })),
  'maps.places': op<PlaceMapData>()(z.object({ filter: dashboardFilterSchema })),
  'maps.hotspots': op<HotspotMapData>()(
    z.object({
      filter: dashboardFilterSchema,
      cellSize: z.number().int().min(50, 'Rutorna är minst 50 m.').max(5000, 'Rutorna är högst 5 000 m.').default(250),
      distance: z
        .number()
        .min(50, 'Grannavståndet är minst 50 m.')
        .max(10000, 'Grannavståndet är högst 10 000 m.')
        .default(500),
    }),
  ),
  'places.setPosition': op<{ place: Place; previous: Place | null }>()(placePositionSchema),
  'dashboards.change': op<ChangeResult>()(
    z.object({
      filter: dashboardFilterSchema,
      compareWith: z.enum(['previous', 'lastYear']).default('previous'),
      pinned: pinnedPeriodsSchema.optional(),
    }),
  ),
  'dashboards.est': op<EstLagesbild>()(
    z.object({
      kommunId: idSchema,
      cycle: z.enum(EST_CYCLES, { error: 'Välj cykel: 1 vecka, 2 veckor, månad eller tertial.' }),
      day: dayStringSchema,
      pinned: pinnedPeriodsSchema.optional(),
    }),
  ),
  'views.list': op<SavedView[]>()(empty),
  'views.save': op<SavedView>()(saveViewSchema),
  'views.delete': op<SavedView>()(z.object({ id: idSchema })),
  'dashboards.trend': op<TrendPoint[]>()(
    z.object({ filter: dashboardFilterSchema, by: z.enum(['month', 'week'], { error: 'Välj månad eller vecka.' }) }),
  ),
  'overview.get': op<Overview>()(
    z.object({
      lpoIds: z.array(idSchema).max(50).optional(),
      kommunIds: z.array(idSchema).max(500).optional(),
      cycle: z.enum(EST_CYCLES, { error: 'Välj cykel: 1 vecka, 2 veckor, månad eller tertial.' }).default('manad'),
    }),
  ),
  'survey.get': op<SurveyData>()(
    z.object({ indicator: z.string().trim().min(1, 'Välj en indikator.').max(60).default('totalindex') }),
  ),
  'loften.list': op<LofteSummary[]>()(z.object({ kommunIds: z.array(idSchema).max(500).optional() })),
  'loften.get': op<LofteDetails>()(
    z.object({ id: idSchema, by: z.enum(GRANULARITIES, { error: 'Välj indelning.' }).default('manad') }),
  ),
  'loften.create': op<Lofte>()(lofteCreateSchema),
  'loften.save': op<Lofte>()(
    z.object({
      id: idSchema,
      revision: z.number().int().min(1),
      content: lofteContentSchema,
      focusAreaId: idSchema.nullable().optional(),
    }),
  ),
  'loften.transition': op<Lofte>()(lofteTransitionSchema),
  'loften.newVersion': op<Lofte>()(z.object({ id: idSchema })),
  'loften.comment': op<LofteComment>()(lofteCommentSchema),
  'loften.log': op<LogDto>()(activityLogSchema),
  'loften.deleteLog': op<LogDto>()(z.object({ logId: idSchema })),
  'loften.focusAreas': op<FocusAreaDto[]>()(empty),
  'agreements.list': op<AgreementSummary[]>()(empty),
  'agreements.get': op<Agreement>()(z.object({ id: idSchema })),
  'agreements.save': op<Agreement>()(agreementSaveSchema),
  'imports.log': op<ImportLogEntry[]>()(empty),
  'imports.undo': op<{ removed: number; restored: number }>()(z.object({ id: idSchema })),
  'profile.get': op<ProfileState>()(empty),
  'profile.save': op<ProfileState>()(userProfileSchema),
  'reports.list': op<ReportSummary[]>()(
    z.object({
      kommunIds: z.array(idSchema).max(500).optional(),
      year: z.number().int().min(1900).max(2100).optional(),
    }),
  ),
  'reports.get': op<ReportDetails>()(z.object({ id: idSchema })),
  'reports.document': op<ReportOutline & { document: ReportDocument }>()(z.object({ source: reportSourceSchema })),
  'reports.create': op<ReportDetails>()(
    z.object({ selection: reportSelectionSchema, edits: reportEditsSchema.optional() }),
  ),
  'reports.save': op<ReportDetails>()(
    z.object({ id: idSchema, revision: z.number().int().nonnegative(), edits: reportEditsSchema }),
  ),
  'reports.decide': op<ReportDetails>()(reportDecideSchema),
  'reports.newVersion': op<ReportDetails>()(z.object({ id: idSchema })),
  'reports.pii': op<PiiHit[]>()(z.object({ source: reportSourceSchema })),
  'reports.preview': op<ReportPreview>()(
    z.object({ source: reportSourceSchema, decisions: z.array(piiDecisionSchema).max(2000).default([]) }),
  ),
  'reports.export': op<ExportResult>()(reportExportSchema),
  'privacy.settings.get': op<PrivacySettings>()(empty),
  'privacy.settings.set': op<PrivacySettings>()(privacySettingsSchema),
  'privacy.applyRetention': op<RetentionCounts>()(empty),
  'privacy.search': op<PrivacySearchResult>()(privacySearchSchema),
  'privacy.erase': op<PrivacyEraseResult>()(privacyEraseSchema),
  'audit.list': op<AuditPage>()(
    auditFilterSchema.extend({ beforeId: idSchema.optional(), limit: z.number().int().min(1).max(500).default(100) }),
  ),
  'audit.verify': op<AuditCheck>()(empty),
  'audit.export': op<ExportResult>()(auditFilterSchema),
} as const;

export type Api = typeof api;
export type OpName = keyof Api;
export type OpInput<K extends OpName> = z.input<Api[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Api[K]['input']>;
export type OpOutput<K extends OpName> = Api[K]['output'];
export const OP_NAMES = Object.keys(api) as OpName[];

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(api, name);
}

/** IPC channel names: one per operation, plus the event channel. */
export { IPC_EVENT_CHANNEL, IPC_PREFIX } from './ipc';
