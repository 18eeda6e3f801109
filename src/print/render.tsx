/** @jsxRuntime automatic */
/** The report document as one complete HTML page. */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReportDocument } from '../shared/report';
import { ReportHtml } from './document';
import type { PrintFontFace } from './fonts';

export interface RenderOptions {
  /** The report's typeface as data URLs (src/core/reports/fonts.ts loads them). */
  fontFaces: readonly PrintFontFace[];
}

/** The complete HTML document of a report: title page, contents, chapters; A4 with its margins. */
export function renderReportHtml(doc: ReportDocument, options: RenderOptions): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<ReportHtml doc={doc} fontFaces={options.fontFaces} />)}`;
}
