/**
 * The words the print layer writes itself: one source with the templates and the Word file
 * (src/shared/report-text.ts).
 */
export { chartCaption, dataPerLine, decidedLine, longDay, splitParagraphs, tableCaption } from '../shared/report-text';
