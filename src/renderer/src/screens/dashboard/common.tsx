/** What the dashboards share: colours, selection types, loading/empty states, drill-down, verdict cells. */
import type { ChangeJudgement, ChangeRow } from '../../../../shared/dashboards';
import { VERDICT_LABELS } from '../../../../shared/dashboards';
import type { IncidentFilter } from '../../../../shared/domain';
import { formatDecimal1 } from '../../../../shared/format';
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
