/**
 * The report's print stylesheet: A4 with room for the running header and footer, 11 pt Source Sans 3,
 * headings kept with what follows, table rows never split, table header rows repeated on every page.
 */
import { FONT_STACK } from './fonts';

/** The page's margins (mm): the running header and footer are drawn inside the top and bottom ones. */
export const PAGE_MARGIN_MM = { top: 24, right: 22, bottom: 22, left: 22 } as const;
/** The height of the text area of an A4 page with those margins (mm). */
const CONTENT_HEIGHT_MM = 297 - PAGE_MARGIN_MM.top - PAGE_MARGIN_MM.bottom;

export const ACCENT = '#17406b';

export const REPORT_CSS = `
@page { size: A4; margin: ${PAGE_MARGIN_MM.top}mm ${PAGE_MARGIN_MM.right}mm ${PAGE_MARGIN_MM.bottom}mm ${PAGE_MARGIN_MM.left}mm; }
html { font-family: ${FONT_STACK}; font-size: 11pt; line-height: 1.45; color: #1b1b1b; background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; font-kerning: normal; hyphens: manual; }
body { margin: 0; }
* { box-sizing: border-box; }
p { margin: 0 0 0.6em; orphans: 3; widows: 3; }
/* The top padding holds the glyphs' ink that rises above a tight line box: without it a heading at the top
   of a page leaves an empty piece on the page before, and Chromium's outline then names it twice. */
h1, h2, h3, h4, h5, h6 { font-weight: 700; line-height: 1.2; padding-top: 0.15em; color: ${ACCENT};
  break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h2 { font-size: 19pt; margin: 0 0 0.7em; padding-bottom: 0.25em; border-bottom: 1.5pt solid ${ACCENT}; }
h3 { font-size: 13.5pt; margin: 1.5em 0 0.45em; }
h4 { font-size: 11.5pt; margin: 1.3em 0 0.35em; }
h5, h6 { font-size: 11pt; margin: 1.2em 0 0.3em; }
a { color: inherit; text-decoration: none; }
ul, ol { margin: 0 0 0.7em; padding-left: 1.4em; }
li { margin: 0 0 0.2em; break-inside: avoid; }

/* Title page: fills the first page; the meta lines sit at its foot. */
.title-page { height: ${CONTENT_HEIGHT_MM - 4}mm; display: flex; flex-direction: column; break-after: page; }
.title-page .logo { max-height: 25mm; max-width: 70mm; object-fit: contain; align-self: flex-start; margin-bottom: 8mm; }
.title-page .area { font-size: 14pt; font-weight: 600; color: #333; margin: 0; }
.title-page .main { margin-top: 45mm; }
.title-page .draft { display: inline-block; font-size: 16pt; font-weight: 700; letter-spacing: 0.12em; color: #a3171d;
  border: 2pt solid #a3171d; padding: 1mm 4mm; margin: 0 0 6mm; }
.title-page h1 { font-size: 30pt; line-height: 1.12; margin: 0 0 5mm; }
.title-page .subtitle { font-size: 14pt; line-height: 1.3; color: #333; margin: 0 0 8mm; max-width: 150mm; }
.title-page .period { font-size: 13pt; font-weight: 600; margin: 0; }
.title-page .meta { margin-top: auto; border-top: 0.75pt solid #9aa7b5; padding-top: 4mm; font-size: 10.5pt; color: #333; }
.title-page .meta p { margin: 0 0 1.5mm; }

/* Table of contents: its own page; no page numbers (a browser cannot know them), links instead. */
.toc { break-after: page; }
.toc ul { list-style: none; padding: 0; margin: 0; }
.toc > ul > li { margin: 0 0 3mm; font-weight: 600; font-size: 12pt; }
.toc ul ul { margin: 1mm 0 0 6mm; }
.toc ul ul li { font-weight: 400; font-size: 11pt; margin: 0 0 0.5mm; }

/* A long report starts each chapter on a new page; in a short one they follow with room between. */
.paged > .chapter { break-before: page; }
.flow > .chapter + .chapter > h2 { margin-top: 1.6em; }

/* Key figures: boxed headline numbers in a grid (two a row when their texts are long). */
.key-figures { list-style: none; padding: 0; margin: 0.4em 0 1em; display: grid; gap: 3mm; break-inside: avoid; }
.key-figures li { border: 0.75pt solid #c5d0dc; background: #f3f6fa; padding: 2.5mm 3.5mm; margin: 0; }
.key-figures .value { display: block; font-size: 18pt; font-weight: 700; line-height: 1.15; color: ${ACCENT}; font-variant-numeric: tabular-nums; }
.key-figures .value.long { font-size: 14pt; }
.key-figures .label { display: block; font-size: 10pt; font-weight: 600; line-height: 1.3; margin-top: 0.5mm; }
.key-figures .kf-note { display: block; font-size: 9pt; line-height: 1.3; color: #555; margin-top: 0.5mm; }

.note { border: 0.75pt solid #8a98a8; border-left: 3pt solid ${ACCENT}; background: #f3f6fa; padding: 2.5mm 4mm; margin: 0.4em 0 1em; break-inside: avoid; }
.note p:last-child { margin-bottom: 0; }

.facts { display: grid; grid-template-columns: minmax(30mm, 35%) 1fr; column-gap: 4mm; row-gap: 1.2mm; margin: 0.4em 0 1em; }
/* A term and its value share a grid row, so they never part; an avoid-break here would bind the whole list
   to what follows it. */
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.facts div { display: contents; }

.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm 12mm; margin: 1.5em 0 1em; break-inside: avoid; }
.signature { break-inside: avoid; }
.signature .role { font-weight: 600; margin: 0 0 14mm; }
.signature .line { border-top: 0.75pt solid #1b1b1b; margin: 0 0 1mm; }
.signature p { margin: 0; }

/* Figures: a chart (kept whole) then its table; a long table runs on over pages with its header row. */
figure { margin: 1em 0 1.4em; }
figure.keep { break-inside: avoid; }
figcaption { font-weight: 600; font-size: 10.5pt; margin: 0 0 1.5mm; break-after: avoid; }
.chart-wrap { break-inside: avoid; margin: 0 0 3mm; }
.chart-wrap svg { display: block; width: 100%; height: auto; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; line-height: 1.3; }
caption { caption-side: top; text-align: left; font-weight: 600; font-size: 10.5pt; padding: 0 0 1.5mm; break-after: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 1.1mm 2mm; border-bottom: 0.5pt solid #cfd6de; vertical-align: top; text-align: left; }
thead th { background: #e3eaf2; border-bottom: 1pt solid ${ACCENT}; font-weight: 600; vertical-align: bottom; }
tbody th { font-weight: 400; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody .num, .nw { white-space: nowrap; }
.figure-source, .figure-note { font-size: 8.5pt; color: #444; margin: 1.5mm 0 0; }

/* A map: the column's width, at most half a page high, kept on one page with its caption and legend. */
.map-block { break-inside: avoid; page-break-inside: avoid; margin: 0 0 3mm; }
.map-wrap .map-svg { display: block; width: 100%; height: auto; max-height: ${Math.floor(CONTENT_HEIGHT_MM / 2)}mm; border: 0.5pt solid #9aa7b5; }
.map-legend { font-size: 8.5pt; line-height: 1.3; margin: 1.5mm 0 0; }
.map-legend .map-legend-title { font-weight: 600; margin: 0 0 1mm; }
.map-legend ul { list-style: none; padding: 0; margin: 0 0 1mm; display: flex; flex-wrap: wrap; gap: 1mm 4mm; align-items: center; }
.map-legend li { display: inline-flex; align-items: center; gap: 1.5mm; margin: 0; }
.map-legend li svg { display: inline-block; flex: none; }
.map-legend .map-note { margin: 0 0 0.8mm; }
.map-legend .map-attribution { color: #555; margin: 0; }
`;

/** The page with only the charts (for the .docx's images): each at the column's width, on white. */
export const CHARTS_CSS = `
html { font-family: ${FONT_STACK}; background: #fff; color: #1b1b1b; }
body { margin: 0; padding: 8px; }
[data-chart-id] { width: 640px; padding: 8px; background: #fff; margin: 0 0 16px; }
[data-chart-id] svg { display: block; width: 100%; height: auto; }
[data-chart-id] .map-legend svg { display: inline-block; width: auto; }
`;
