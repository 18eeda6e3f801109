/**
 * The print layer: a report document as the HTML that the PDF printers render (Electron's printToPDF in
 * src/main, Chromium through playwright-core in src/host), their running header and footer, the page with
 * the charts alone (images for the .docx), and the PDF's metadata. Pure: React to static markup, no Node.
 */
export { chartFigures, chartsHtml } from './charts-page';
export type { PrintFontFace } from './fonts';
export { PDF_CREATOR, PDF_LANGUAGE, pdfKeywords, setPdfMetadata } from './metadata';
export { pageTemplates, type PageTemplates } from './page-templates';
export { renderReportHtml, type RenderOptions } from './render';
export { PAGE_MARGIN_MM } from './styles';
export { dataPerLine, decidedLine, longDay } from './text';
