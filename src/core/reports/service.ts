/**
 * Reports as the operations use them: a stored report's details (its document as it prints now), the
 * document for a source (a stored report or a selection), fastställa (freezing the document), new versions,
 * and the files (PDF, .docx) after the personal-data review.
 */
import { AppError } from '../../shared/errors';
import { authorLabel } from '../../shared/profile';
import type { PiiDecision, ReportDocument, ReportEdits, ReportSelection } from '../../shared/report';
import { EMPTY_EDITS } from '../../shared/report';
import type { ReportDetails, ReportOutline, ReportSource, ReportSummary } from '../../shared/report-api';
import { localDay } from '../../shared/time';
import type { Repos } from '../app/context';
import type { Workspace } from '../app/workspace';
import { buildWithOutline, outlineOf } from './build';
import { resolveArea, type BuildContext } from './common';
import { applyPiiDecisions } from './pii';
import type { ReportRow } from './repo';

export function buildContext(ws: Workspace, r: Repos, edits: ReportEdits): BuildContext {
  const now = ws.now();
  return {
    r,
    now,
    today: localDay(now.toISOString()),
    author: authorLabel(ws.author()),
    edits,
    version: ws.db().figuresVersion(),
  };
}

export function summaryOf(row: ReportRow): ReportSummary {
  return {
    id: row.id,
    template: row.selection.template,
    title: row.title,
    areaName: row.areaName,
    kommunIds: row.kommunIds,
    year: Number(row.from.slice(0, 4)),
    from: row.from,
    to: row.to,
    status: row.status,
    version: row.version,
    decided: row.decided,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy || null,
  };
}

/** A stored report's document as it prints now: frozen when fastställd, else from today's data. */
export function documentOf(ws: Workspace, r: Repos, row: ReportRow): { document: ReportDocument } & ReportOutline {
  if (row.snapshot) {
    const document: ReportDocument = { ...row.snapshot, decided: row.decided };
    return { document, ...outlineOf(document.chapters) };
  }
  return buildWithOutline(buildContext(ws, r, row.edits), row.selection);
}

export function detailsOf(ws: Workspace, r: Repos, row: ReportRow): ReportDetails {
  return {
    ...summaryOf(row),
    ...documentOf(ws, r, row),
    selection: row.selection,
    edits: row.edits,
    previousId: row.previousId,
    revision: row.revision,
    createdAt: row.createdAt,
    createdBy: row.createdBy || null,
  };
}

export function documentFor(
  ws: Workspace,
  r: Repos,
  source: ReportSource,
): { document: ReportDocument } & ReportOutline {
  if ('id' in source) return documentOf(ws, r, r.reports.get(source.id));
  return buildWithOutline(buildContext(ws, r, EMPTY_EDITS), source.selection as ReportSelection);
}

/** The title a report is listed by: the one its document prints (the user's, else the template's). */
export function listedTitle(ws: Workspace, r: Repos, selection: ReportSelection, edits: ReportEdits): string {
  return buildWithOutline(buildContext(ws, r, edits), selection).document.title;
}

export function createReport(ws: Workspace, r: Repos, selection: ReportSelection, edits: ReportEdits): ReportRow {
  const area = resolveArea(r, selection.area);
  // Built once: a selection the template refuses (an unknown löfte …) is refused before anything is stored.
  const title = listedTitle(ws, r, selection, edits);
  return r.reports.create(
    {
      selection,
      edits,
      title,
      areaName: area.name,
      kommunIds: area.kommuner.map((k) => k.id),
    },
    authorLabel(ws.author()),
  );
}

export function decideReport(
  ws: Workspace,
  r: Repos,
  input: { id: number; revision: number; decidedBy: string; decidedOn: string; protocolRef: string },
): ReportRow {
  const row = r.reports.get(input.id);
  const decided = { by: input.decidedBy, on: input.decidedOn, protocolRef: input.protocolRef };
  const { document } = buildWithOutline(buildContext(ws, r, row.edits), row.selection);
  const snapshot: ReportDocument = { ...document, decided, draft: false };
  return r.reports.decide(input.id, input.revision, decided, snapshot, authorLabel(ws.author()));
}

export function newVersion(ws: Workspace, r: Repos, id: number): ReportRow {
  const row = r.reports.get(id);
  const later = r.reports.successor(id);
  if (later !== null) {
    throw new AppError('conflict', `Det finns redan en nyare version av rapporten (id ${later}). Öppna den i stället.`);
  }
  const area = resolveArea(r, row.selection.area);
  return r.reports.create(
    {
      selection: row.selection,
      edits: row.edits,
      title: row.title,
      areaName: area.name,
      kommunIds: area.kommuner.map((k) => k.id),
      version: row.version + 1,
      previousId: row.id,
    },
    authorLabel(ws.author()),
  );
}

/** The document as it will leave: every personal-data hit decided (masked or kept with a reason). */
export function reviewedDocument(doc: ReportDocument, decisions: readonly PiiDecision[]): ReportDocument {
  return applyPiiDecisions(doc, [...decisions]);
}

/** "Lägesbild 2026 – Klippans kommun" → "Lagesbild-2026-Klippans-kommun.pdf". */
export function reportFileName(doc: ReportDocument, format: 'pdf' | 'docx'): string {
  const base = doc.title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'rapport'}${doc.decided ? '-faststalld' : ''}.${format}`;
}
