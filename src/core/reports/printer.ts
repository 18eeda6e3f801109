/**
 * What turns a report document into files. Core builds the document; the desktop (Electron printToPDF) and
 * the browser host / `npm run report` (Chromium through playwright-core) each provide a printer that renders
 * the one print template (src/print) to PDF.
 */
import type { ReportDocument } from '../../shared/report';

export interface ReportPrinter {
  /** A4, tagged, with a document outline; title, author and subject in the metadata. */
  pdf(doc: ReportDocument): Promise<Uint8Array>;
  /** Each chart of the document as a PNG by figure id (the .docx has charts as images). */
  chartImages(doc: ReportDocument): Promise<Map<string, Uint8Array>>;
}
