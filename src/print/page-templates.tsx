/** @jsxRuntime automatic */
/**
 * Chromium's running header and footer (displayHeaderFooter): the area and period at the top, UTKAST on
 * every page of a draft, "Sida X av Y · Data per …" at the foot. They are rendered apart from the page, so
 * they carry their own font size and margins (Chromium's default is tiny and flush with the paper's edge)
 * and their own @font-face rules: the page's fonts are not theirs, and without them Chromium falls back to a
 * system font (DejaVu Sans here) in every header and footer.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReportDocument } from '../shared/report';
import { FONT_STACK, facesFor, fontFaceCss, type PrintFontFace } from './fonts';
import { PAGE_MARGIN_MM } from './styles';
import { dataPerLine } from './text';

const BAR_CSS = `
.bar { box-sizing: border-box; width: 100%; margin: 0 ${PAGE_MARGIN_MM.right}mm 0 ${PAGE_MARGIN_MM.left}mm;
  font-family: ${FONT_STACK}; font-size: 8.5pt; line-height: 1.2; color: #444;
  display: flex; align-items: baseline; justify-content: space-between; gap: 6mm;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.header { padding-top: 9mm; }
.footer { padding-bottom: 9mm; }
.side { flex: 1 1 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.side.end { text-align: right; }
.draft { flex: 0 0 auto; font-size: 12pt; font-weight: 700; letter-spacing: 0.15em; color: #a3171d; }
`;

export interface PageTemplates {
  headerTemplate: string;
  footerTemplate: string;
}

export function pageTemplates(
  doc: ReportDocument,
  options: { fontFaces?: readonly PrintFontFace[] | undefined } = {},
): PageTemplates {
  // Only the faces the bars' words need: the templates are parsed again for every page.
  const text = `${doc.areaName} ${doc.periodLabel} Sida 0123456789 av · ${dataPerLine(doc)}`;
  const faces = [
    ...facesFor(text, options.fontFaces ?? [], [400]),
    ...(doc.draft ? facesFor('UTKAST', options.fontFaces ?? [], [700]) : []),
  ];
  const css = `${fontFaceCss(faces)}\n${BAR_CSS}`;
  const style = <style dangerouslySetInnerHTML={{ __html: css }} />;
  const header = (
    <div className="bar header">
      {style}
      <span className="side">{doc.areaName}</span>
      {doc.draft && <span className="draft">UTKAST</span>}
      <span className="side end">{doc.periodLabel}</span>
    </div>
  );
  const footer = (
    <div className="bar footer">
      {style}
      <span className="side">
        Sida <span className="pageNumber" /> av <span className="totalPages" />
        {` · ${dataPerLine(doc)}`}
      </span>
    </div>
  );
  return { headerTemplate: renderToStaticMarkup(header), footerTemplate: renderToStaticMarkup(footer) };
}
