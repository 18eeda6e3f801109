/** What the dashboards share: colours, selection types, loading/empty states, drill-down, verdict cells. */
import type { ChangeJudgement, ChangeRow, DayRange, PeriodComparison } from '../../../../shared/dashboards';
import { gapText, periodText, ruleSentence } from '../../../../shared/period-text';
import { VERDICT_LABELS } from '../../../../shared/dashboards';
import type { IncidentFilter } from '../../../../shared/domain';
import { formatDecimal1 } from '../../../../shared/format';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../../lib/client';
import { openRegister } from '../../lib/route';

/** Okabe–Ito: distinguishable with every common colour-vision deficiency. */
export const BLUE = '#0072B2';
export const ORANGE = '#E69F00';
export const VERMILLION = '#D55E00';
export const GREEN = '#009E73';
export const SKY = '#56B4E9';
export const PURPLE = '#CC79A7';
export const YELLOW = '#F0E442';
export const GREY = '#8c8c8c';
export const BLACK = '#000000';
/** Series colours in order (Okabe–Ito without yellow, too pale on white). */
export const SERIES = [BLUE, VERMILLION, GREEN, ORANGE, PURPLE, SKY, BLACK, GREY];

export type Period = { fromDay: string; toDay: string };
/** The periods a dashboard compared, as a saved view keeps them. */
export type ResolvedPeriods = { current: DayRange; previous: DayRange };
export type Selection = IncidentFilter & Period;

export const per1000Text = (v: number | null) => (v === null ? 'saknas' : formatDecimal1(v));

export function Status({ loading, error, empty }: { loading: boolean; error: unknown; empty: boolean }) {
  if (loading) return <p className="form-info">Hämtar siffrorna…</p>;
  if (error) return <p className="form-error">{errorMessage(error)}</p>;
  if (empty) return <p className="form-info">Inga händelser i urvalet.</p>;
  return null;
}

/** Drill-down: the register with exactly the rows behind a figure. */
export const drill = (selection: Selection, narrower: IncidentFilter) => () =>
  openRegister({ ...selection, ...narrower });

export const VERDICT_MARK: Record<ChangeRow['verdict'], string> = {
  okning: '▲',
  minskning: '▼',
  ingen_sakerstalld_forandring: '–',
  for_fa: '?',
};

/** The z and the verdict in words (with a mark that does not rely on colour). */
export function VerdictCells({ judgement: j }: { judgement: ChangeJudgement }) {
  return (
    <>
      <td>{j.z === null ? '–' : formatDecimal1(j.z)}</td>
      <td>
        <span aria-hidden="true">{VERDICT_MARK[j.verdict]} </span>
        {VERDICT_LABELS[j.verdict]}
      </td>
    </>
  );
}

/**
 * The two periods compared, the latest data, why these periods (a running cycle, a period cut at the
 * latest data) and any regularly reporting source silent in them: what a figure rests on, beside it.
 */
export function PeriodsNote({
  comparison: c,
  noun,
  testId,
  periods = true,
}: {
  comparison: PeriodComparison;
  noun?: string;
  testId?: string;
  /** False where the screen states the two periods itself. */
  periods?: boolean;
}) {
  const rule = ruleSentence(c, noun);
  if (!periods && !rule && c.gaps.length === 0) return null;
  return (
    <div className="periods-note" data-testid={testId}>
      {periods && (
        <p>
          Nu: <strong>{periodText(c.current)}</strong>, jämförs med <strong>{periodText(c.previous)}</strong>. Senaste
          data: {c.asOfDay ?? 'saknas'}.
        </p>
      )}
      {rule && <p>{rule}</p>}
      {c.gaps.length > 0 && (
        <ul className="gap-notes" aria-label="Källor som saknar data">
          {c.gaps.map((g) => (
            <li key={`${g.source}-${g.period}-${g.fromDay}`}>
              <span aria-hidden="true">⚠ </span>
              {gapText(g)}.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A chart with an accessible name. Not aria-hidden: the chart's keyboard layer is focusable, and a focusable
 * element inside an aria-hidden one is announced as nothing. The numbers are in the table beside it.
 */
export function ChartFigure({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <figure className="chart" role="group" aria-label={label} data-testid={testId}>
      {children}
    </figure>
  );
}

/**
 * A table wider than the window scrolls sideways inside this box, and says so: a shadow on the side with
 * more columns and a hint in words, so no column is cut off without a sign. Keyboard users scroll it with
 * the arrow keys once it has focus.
 */
export function ScrollX({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () =>
      setEdges({ left: el.scrollLeft > 1, right: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);
  const overflows = edges.left || edges.right;
  return (
    <div className="scroll-x-wrap">
      {overflows && (
        <p className="scroll-x-hint" data-testid="scroll-hint">
          Tabellen är bredare än fönstret: scrolla i sidled för fler kolumner{edges.right ? ' →' : ''}
        </p>
      )}
      <div
        ref={box}
        className={`scroll-x${edges.left ? ' scroll-x-left' : ''}${edges.right ? ' scroll-x-right' : ''}`}
        role="region"
        aria-label={label}
        tabIndex={overflows ? 0 : -1}
      >
        {children}
      </div>
    </div>
  );
}
