/** Reports: stored reports, their documents, personal-data review, preview and export. */
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../shared/errors';
import { authorLabel } from '../../shared/profile';
import { EMPTY_EDITS } from '../../shared/report';
import { defineOps } from '../api/ops';
import type { Workspace } from '../app/workspace';
import { renderDocx } from './docx';
import { scanDocument } from './pii';
import type { ReportPrinter } from './printer';
import {
  createReport,
  decideReport,
  detailsOf,
  documentFor,
  listedTitle,
  newVersion,
  reportFileName,
  reviewedDocument,
  summaryOf,
} from './service';

function printer(ws: Workspace): ReportPrinter {
  const p = ws.platform.printer;
  if (!p) throw new AppError('unsupported', 'Utskrift till PDF finns inte i den här miljön.');
  return p;
}

export const reportOps = defineOps({
  'reports.list': (ws, where) => ws.db().read((r) => r.reports.list(where).map(summaryOf)),
  'reports.get': (ws, { id }) => ws.db().read((r) => detailsOf(ws, r, r.reports.get(id))),
  'reports.document': (ws, { source }) => ws.db().read((r) => documentFor(ws, r, source)),
  'reports.create': (ws, { selection, edits }) => {
    const row = ws.writable().write(['reports'], (r) => createReport(ws, r, selection, edits ?? EMPTY_EDITS));
    return ws.db().read((r) => detailsOf(ws, r, row));
  },
  'reports.save': (ws, { id, revision, edits }) => {
    // The title its document prints, worked out before the write (the figures are cached, texts are cheap).
    const title = ws.db().read((r) => listedTitle(ws, r, r.reports.get(id).selection, edits));
    const row = ws
      .writable()
      .write(['reports'], (r) => r.reports.save(id, revision, edits, title, authorLabel(ws.author())));
    return ws.db().read((r) => detailsOf(ws, r, row));
  },
  'reports.decide': (ws, input) => {
    const row = ws.writable().write(['reports'], (r) => decideReport(ws, r, input));
    return ws.db().read((r) => detailsOf(ws, r, row));
  },
  'reports.newVersion': (ws, { id }) => {
    const row = ws.writable().write(['reports'], (r) => newVersion(ws, r, id));
    return ws.db().read((r) => detailsOf(ws, r, row));
  },
  'reports.pii': (ws, { source }) => ws.db().read((r) => scanDocument(documentFor(ws, r, source).document)),
  'reports.preview': async (ws, { source, decisions }) => {
    const doc = ws.db().read((r) => documentFor(ws, r, source).document);
    const pdf = await printer(ws).pdf(decisions.length ? reviewedDocument(doc, decisions) : doc);
    const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    return { pdfBase64: Buffer.from(pdf).toString('base64'), pages };
  },
  'reports.export': async (ws, { source, format, decisions }) => {
    const doc = reviewedDocument(
      ws.db().read((r) => documentFor(ws, r, source).document),
      decisions,
    );
    const p = printer(ws);
    const fileName = reportFileName(doc, format);
    const target = await ws.platform.exportTarget(fileName);
    if (!target) return { fileName, rows: 0, savedTo: null, downloadUrl: null };
    const job = ws.jobs.start('export', `Skapar ${fileName}`, 0);
    try {
      const bytes = format === 'pdf' ? await p.pdf(doc) : await renderDocx(doc, await p.chartImages(doc));
      fs.writeFileSync(target.path, bytes);
      job.finish();
      return { fileName, rows: 0, savedTo: target.downloadUrl ? null : target.path, downloadUrl: target.downloadUrl };
    } catch (err) {
      job.finish((err as Error).message);
      throw new AppError('internal', `Rapporten kunde inte skapas: ${(err as Error).message}. Ingen fil skapades.`);
    }
  },
});
