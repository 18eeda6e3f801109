/**
 * A löfte's evidence as the editor shows it beside the text (Evidence.tsx): a saved view's or a stored
 * selection's count of incidents (the register's count, `incidents.page`'s total), and a survey indicator's
 * values for the kommun — here the last two surveys before the löfte's period, the picture it was written
 * from. Counts go through the publication rule.
 */
import type { Figure } from '../../../shared/report';
import { DASHBOARD_LABELS, viewFigureFilter } from '../../../shared/dashboards';
import { formatCount } from '../../../shared/format';
import type { LofteEvidence } from '../../../shared/lofte';
import { incidentFilterSchema } from '../../../shared/schemas';
import { formatSurveyValue, INDICATOR_BY_CODE } from '../../../shared/survey';
import { getView } from '../../dashboards/views';
import { surveyResults } from '../../dashboards/survey';
import { periodLabel } from '../common';
import { fig } from './lofte-blocks';
import type { ReportLofte } from './lofte-data';
import type { TemplateInput } from './types';

function countCell(input: TemplateInput, n: number, kommunIds: readonly number[]): string {
  return input.counts.hidden(n, kommunIds)
    ? `${input.counts.text(n, kommunIds)} händelser`
    : formatCount(n, 'händelse', 'händelser');
}

function surveyRow(input: TemplateInput, l: ReportLofte, e: Extract<LofteEvidence, { kind: 'survey' }>): string[] {
  const def = INDICATOR_BY_CODE.get(e.indicator);
  const kommunId = e.kommunId ?? l.lofte.kommunId;
  const kommun = input.ctx.r.reference.kommuner().find((k) => k.id === kommunId)?.name ?? `kommun ${kommunId}`;
  const startYear = Number(l.lofte.periodFrom.slice(0, 4));
  const values = surveyResults(input.ctx.r.db, e.indicator)
    .filter((r) => r.area.kind === 'kommun' && r.area.id === kommunId && r.year < startYear)
    .sort((a, b) => b.year - a.year)
    .slice(0, 2);
  const scale =
    def?.kind === 'andel'
      ? `andel i procent, ${def.lowerIsBetter ? 'lägre' : 'högre'} är bättre`
      : 'index 0–6, lägre är bättre';
  return [
    `${def?.label ?? e.indicator}, ${kommun} (trygghetsmätningen)`,
    values.length
      ? values.map((v) => `${formatSurveyValue(e.indicator, v.value)} (${v.year})`).join(', ')
      : `ingen mätning före ${startYear}`,
    `Senaste mätningarna före perioden; ${scale}`,
  ];
}

function evidenceRow(input: TemplateInput, l: ReportLofte, e: LofteEvidence): string[] {
  const db = input.ctx.r.db;
  if (e.kind === 'survey') return surveyRow(input, l, e);
  if (e.kind === 'view') {
    if (db.prepare('SELECT 1 FROM dashboard_view WHERE id = ?').get(e.viewId) === undefined) {
      return [`Sparad vy ${e.viewId}`, 'Vyn finns inte längre', '–'];
    }
    const view = getView(db, e.viewId);
    const f = viewFigureFilter(view);
    return [
      `${view.name} (sparad vy, ${DASHBOARD_LABELS[view.dashboard]})`,
      countCell(input, input.ctx.r.incidents.count(f), f.kommunIds ?? []),
      periodLabel(f.fromDay, f.toDay),
    ];
  }
  const parsed = incidentFilterSchema.safeParse(e.filter);
  if (!parsed.success) return [e.label, 'Urvalet går inte att läsa', '–'];
  const f = parsed.data;
  return [
    e.label,
    countCell(input, input.ctx.r.incidents.count(f), f.kommunIds ?? []),
    f.fromDay && f.toDay ? periodLabel(f.fromDay, f.toDay) : 'Hela registret',
  ];
}

/** The evidence table; null when the löfte has none. */
export function evidenceFigure(id: string, input: TemplateInput, l: ReportLofte): Figure | null {
  if (l.content.evidence.length === 0) return null;
  return fig(
    id,
    'Underlag för problembilden',
    ['Underlag', 'Siffror', 'Avser'],
    l.content.evidence.map((e) => evidenceRow(input, l, e)),
    {
      align: ['left', 'right', 'left'],
      source: `Källa: händelseregistret och trygghetsmätningen i Lägesbild${input.asOf ? `, data per ${input.asOf}` : ''}.`,
    },
  );
}
