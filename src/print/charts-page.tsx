/** @jsxRuntime automatic */
/**
 * A page with only the document's charts, each in its own `[data-chart-id]` box at the print column's
 * width, for the printers to screenshot as PNG (the .docx has its charts as images).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { Figure, ReportDocument, Section } from '../shared/report';
import { Chart } from './chart/chart';
import { hasMap, MapImage } from './map/map-figure';
import { fontFaceCss, type PrintFontFace } from './fonts';
import { CHARTS_CSS } from './styles';

/** The figures of the document that have a chart, in reading order. */
export function chartFigures(doc: ReportDocument): Figure[] {
  const out: Figure[] = [];
  const walk = (s: Section) => {
    for (const b of s.blocks)
      if (b.kind === 'figure' && (hasMap(b) || (b.chart && b.chart.labels.length > 0 && b.chart.series.length > 0)))
        out.push(b);
    s.sections.forEach(walk);
  };
  doc.chapters.forEach(walk);
  return out;
}

export function chartsHtml(doc: ReportDocument, fontFaces: readonly PrintFontFace[]): string {
  const page = (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <title>{doc.title}</title>
        <style dangerouslySetInnerHTML={{ __html: `${fontFaceCss(fontFaces)}\n${CHARTS_CSS}` }} />
      </head>
      <body>
        {chartFigures(doc).map((f) => (
          <div key={f.id} data-chart-id={f.id}>
            {hasMap(f) ? (
              <MapImage figure={f} />
            ) : (
              <Chart spec={f.chart!} title={f.caption} desc={f.alt ?? f.caption} figureId={f.id} />
            )}
          </div>
        ))}
      </body>
    </html>
  );
  return `<!DOCTYPE html>${renderToStaticMarkup(page)}`;
}
