/** @jsxRuntime automatic */
/**
 * A figure: its chart (inline SVG with the caption as title and the alt text as description) or its map
 * (vector SVG with legend, notes and attribution, src/print/map) above its table, whose header row Chromium
 * repeats on every page the table runs over, then the source and note.
 */
import type { Figure as FigureBlock, TableSpec } from '../shared/report';
import { Chart } from './chart/chart';
import { hasMap, MapGraphic, mapTableCaption } from './map/map-figure';
import { Lines } from './paragraphs';
import { chartCaption, tableCaption } from './text';

/** Table lines up to which a figure is kept on one page (with a chart, fewer: the chart takes half a page). */
const KEEP_ROWS = { withChart: 12, withMap: 8, tableOnly: 24 } as const;

/** The table's height in rows of one line, by estimate: a long text in a cell wraps over several. */
function tableLines(t: TableSpec): number {
  const columns = Math.max(1, t.head.length);
  const perLine = Math.max(12, Math.floor(110 / columns));
  return t.rows.reduce((n, r) => n + Math.max(1, ...r.map((c) => Math.ceil(c.length / perLine))), 0);
}

function alignOf(t: TableSpec, c: number): 'left' | 'right' {
  return t.align?.[c] ?? (c === 0 ? 'left' : 'right');
}

export function FigureTable(props: { table: TableSpec; caption: string }) {
  const { table, caption } = props;
  const columns = Math.max(table.head.length, ...table.rows.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array<string>(Math.max(0, columns - r.length)).fill('')];
  const cls = (c: number) => (alignOf(table, c) === 'right' ? 'num' : undefined);
  // A short word (a date, a code) is never broken: "2026-03-10" must not wrap at its hyphens.
  const bodyCls = (c: number, text: string) => cls(c) ?? (text.length <= 12 && !/\s/.test(text) ? 'nw' : undefined);
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {pad(table.head).map((h, c) => (
            <th key={c} scope="col" className={cls(c)}>
              <Lines text={h} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {pad(row).map((cell, c) =>
              c === 0 ? (
                <th key={c} scope="row" className={bodyCls(c, cell)}>
                  <Lines text={cell} />
                </th>
              ) : (
                <td key={c} className={bodyCls(c, cell)}>
                  <Lines text={cell} />
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Figure({ figure }: { figure: FigureBlock }) {
  const map = hasMap(figure);
  const chart =
    !map && figure.chart && figure.chart.labels.length > 0 && figure.chart.series.length > 0 ? figure.chart : null;
  const rows = map ? KEEP_ROWS.withMap : chart ? KEEP_ROWS.withChart : KEEP_ROWS.tableOnly;
  const keep = tableLines(figure.table) <= rows;
  return (
    <figure id={`figur-${figure.id}`} className={keep ? 'keep' : undefined}>
      {map && (
        // The caption, the map and its legend never part: a long table runs on to the next page after them.
        <div className="map-block">
          <figcaption>{figure.caption}</figcaption>
          <MapGraphic figure={figure} />
        </div>
      )}
      {chart && (
        <>
          <figcaption>{chartCaption(figure.caption)}</figcaption>
          <div className="chart-wrap">
            <Chart spec={chart} title={figure.caption} desc={figure.alt ?? figure.caption} figureId={figure.id} />
          </div>
        </>
      )}
      <FigureTable
        table={figure.table}
        caption={map ? mapTableCaption(figure.caption) : tableCaption(figure.caption)}
      />
      {figure.source && <p className="figure-source">{figure.source}</p>}
      {figure.note && <p className="figure-note">{figure.note}</p>}
    </figure>
  );
}
