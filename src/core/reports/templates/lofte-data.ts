/**
 * What the löfte templates (medborgarlöfte, uppföljning, till medborgarna, åtgärdsplan, överenskommelse)
 * read, through the functions the löfte and walk screens use: a löfte as a report prints it (the decided
 * version once there is one), its progress (`activityProgress`, as `lofteDetails`), its effect check
 * (`effectChecks`), its fokusområde and samverkansöverenskommelse (`getAgreement`), and åtgärder
 * (`listMeasures`). Nothing here computes a figure of its own.
 */
import type { Kommun } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Agreement, AgreementFocusArea } from '../../../shared/agreements';
import type { Lofte, LofteContent, LofteEvidence } from '../../../shared/lofte';
import type { ActivityProgress, EffectCheck, SnapshotDto } from '../../../shared/lofte-api';
import { incidentFilterSchema } from '../../../shared/schemas';
import { viewFigureFilter } from '../../../shared/dashboards';
import { minDay } from '../../../shared/calendar';
import type { Measure } from '../../../shared/walks';
import type { Db } from '../../db/connection';
import { getView } from '../../dashboards/views';
import { getAgreement } from '../../lofte/agreements';
import { effectChecks } from '../../lofte/effect';
import type { Granularity } from '../../lofte/progress';
import { activityProgress, focusAreas } from '../../lofte/service';
import { listMeasures, type MeasureWhere } from '../../walks/measures';
import { kommunLongName } from '../common';
import type { TemplateInput } from './types';

/** A löfte as a report prints it. */
export interface ReportLofte {
  /** The row as it is now. */
  lofte: Lofte;
  /** What is printed and followed up: the decided version once the löfte has been decided, else the draft. */
  content: LofteContent;
  /** The latest decision (history entry "Besluta"); null for a löfte never decided. */
  decision: SnapshotDto | null;
  /** Decided, and a later version is being drafted (not printed). */
  newerDraft: boolean;
  kommun: Kommun;
  /** Its fokusområde and the samverkansöverenskommelse that holds it. */
  focus: { area: AgreementFocusArea; agreement: Agreement } | null;
}

/** "Ett renare och tryggare Klippans centrum 2026" (the löfte's title, or its id when it has none). */
export const lofteName = (l: { content: LofteContent; lofte: Lofte }): string =>
  l.content.title.trim() || `Löfte ${l.lofte.id}`;

function kommunOf(input: TemplateInput, id: number): Kommun {
  const k = input.ctx.r.reference.kommuner().find((x) => x.id === id);
  if (!k) throw new AppError('not_found', `Löftets kommun (id ${id}) finns inte i databasen.`);
  return k;
}

function focusOf(db: Db, focusAreaId: number | null): ReportLofte['focus'] {
  if (focusAreaId === null) return null;
  const dto = focusAreas(db).find((f) => f.id === focusAreaId);
  if (!dto) return null;
  const agreement = getAgreement(db, dto.agreementId);
  const area = agreement.focusAreas.find((f) => f.id === focusAreaId);
  return area ? { area, agreement } : null;
}

export function toReportLofte(input: TemplateInput, lofte: Lofte): ReportLofte {
  const db = input.ctx.r.db;
  const decision = input.ctx.r.loften.history(lofte.id).findLast((h) => h.state === 'beslutad') ?? null;
  return {
    lofte,
    content: decision?.content ?? lofte.content,
    decision,
    newerDraft: decision !== null && lofte.version > decision.version,
    kommun: kommunOf(input, lofte.kommunId),
    focus: focusOf(db, lofte.focusAreaId),
  };
}

/** The löfte of the selection: it must exist and belong to one of the area's kommuner. */
export function selectedLofte(input: TemplateInput, id: number | undefined): ReportLofte {
  if (id === undefined) throw new AppError('validation', 'Välj vilket medborgarlöfte rapporten gäller.');
  const lofte = input.ctx.r.loften.get(id);
  const l = toReportLofte(input, lofte);
  if (!input.area.kommuner.some((k) => k.id === lofte.kommunId)) {
    throw new AppError(
      'validation',
      `Löftet "${lofteName(l)}" (id ${id}) gäller ${kommunLongName(l.kommun.name)}, inte ${input.area.name}.`,
    );
  }
  return l;
}

/** The area's löften whose period overlaps from..to, the earliest first; `decidedOnly`: never-decided drafts left out. */
export function loftenIn(input: TemplateInput, from: string, to: string, decidedOnly: boolean): ReportLofte[] {
  const ids = input.area.kommuner.map((k) => k.id);
  return input.ctx.r.loften
    .list(ids)
    .filter((l) => l.periodFrom <= to && l.periodTo >= from)
    .sort((a, b) => a.kommunId - b.kommunId || a.periodFrom.localeCompare(b.periodFrom) || a.id - b.id)
    .map((l) => toReportLofte(input, l))
    .filter((l) => !decidedOnly || l.decision !== null);
}

/** Drafts never decided whose period overlaps from..to (named, so the reader knows they are left out). */
export function undecidedIn(input: TemplateInput, from: string, to: string): ReportLofte[] {
  return loftenIn(input, from, to, false).filter((l) => l.decision === null);
}

/** The day progress is counted through: the report's last day, or today when that is earlier. */
export const progressDay = (input: TemplateInput): string => minDay(input.sel.to, input.ctx.today);

/** Progress of the printed version's activities, by the löfte screen's function, through `asOfDay`. */
export function progressOf(input: TemplateInput, l: ReportLofte, by: Granularity, asOfDay: string): ActivityProgress[] {
  return activityProgress({ ...l.lofte, content: l.content }, input.ctx.r.loften.logs(l.lofte.id), by, asOfDay);
}

/** One piece of evidence with its effect check and the kommuner its counts cover (for the publication rule). */
export interface EvidenceEffect {
  evidence: LofteEvidence;
  check: EffectCheck;
  kommunIds: number[];
}

const viewExists = (db: Db, id: number) =>
  db.prepare('SELECT 1 FROM dashboard_view WHERE id = ?').get(id) !== undefined;

/** The kommuner an evidence's counts are for ([] = several or all: never suppressed). */
export function evidenceKommunIds(db: Db, l: ReportLofte, e: LofteEvidence): number[] {
  if (e.kind === 'survey') return [e.kommunId ?? l.lofte.kommunId];
  if (e.kind === 'view')
    return viewExists(db, e.viewId) ? [...(viewFigureFilter(getView(db, e.viewId)).kommunIds ?? [])] : [];
  const f = incidentFilterSchema.safeParse(e.filter);
  return f.success ? [...(f.data.kommunIds ?? [])] : [];
}

/**
 * The effect goal against the figures, as the löfte screen shows it for a decided löfte (`lofteDetails`:
 * `effectChecks` over the evidence whose saved views still exist), for the printed version. Empty for a
 * löfte never decided, as on the screen.
 */
export function effectOf(input: TemplateInput, l: ReportLofte): EvidenceEffect[] {
  if (l.decision === null) return [];
  const db = input.ctx.r.db;
  const evidence = l.content.evidence.filter((e) => e.kind !== 'view' || viewExists(db, e.viewId));
  const checks = effectChecks(db, { ...l.lofte, content: { ...l.content, evidence } }, input.ctx.today);
  return checks.map((check, i) => ({
    evidence: evidence[i]!,
    check,
    kommunIds: evidenceKommunIds(db, l, evidence[i]!),
  }));
}

/** Åtgärder as every list of them reads them (`measures.list`), with today's "försenad". */
export function measuresOf(input: TemplateInput, where: MeasureWhere): Measure[] {
  return listMeasures(input.ctx.r.db, where, input.ctx.today);
}
