/**
 * The effect goal against the figures: for each piece of the löfte's evidence, the value before the
 * period against the value after it, judged the same way as on the dashboards. A survey indicator: the
 * latest survey from before the period started against the first one from its final year or later ("nästa
 * trygghetsmätning"); a share is tested (two proportions), an index can only show its direction. Incidents
 * (a saved view's or a filter's kommun and category): the löfte's period against the period just before
 * it, by the one period rule of dashboards/periods.ts, with the Poisson test. Nothing to compare yet is
 * said as such.
 */
import type { Db } from '../db/connection';
import type { IncidentFilter } from '../../shared/domain';
import { incidentFilterSchema } from '../../shared/schemas';
import type { Lofte } from '../../shared/lofte';
import type { EffectCheck } from '../../shared/lofte-api';
import { INDICATOR_BY_CODE } from '../../shared/survey';
import { viewFigureFilter, type DayRange } from '../../shared/dashboards';
import { periodText } from '../../shared/period-text';
import { comparePeriods, latestDataDay } from '../dashboards/periods';
import { groupedCounts } from '../dashboards/queries';
import { judgeChange, shareChangeZ, Z_CRITICAL } from '../dashboards/stats';
import { surveyResults } from '../dashboards/survey';
import { getView } from '../dashboards/views';

function surveyEffect(db: Db, l: Lofte, indicator: string, kommunId: number, kommunName: string): EffectCheck {
  const def = INDICATOR_BY_CODE.get(indicator);
  const values = surveyResults(db, indicator).filter((r) => r.area.kind === 'kommun' && r.area.id === kommunId);
  const startYear = Number(l.periodFrom.slice(0, 4));
  const endYear = Number(l.periodTo.slice(0, 4));
  const before = values.filter((r) => r.year < startYear).at(-1) ?? null;
  const after = values.find((r) => r.year >= endYear) ?? null;
  const label = `${def?.label ?? indicator}, ${kommunName} (trygghetsmätning)`;
  const lowerIsBetter = def?.lowerIsBetter ?? true;
  const base = {
    label,
    kind: 'survey' as const,
    before: before && { label: String(before.year), value: before.value },
    after: after && { label: String(after.year), value: after.value },
    note:
      def?.kind === 'andel'
        ? `Andel i procent; ${lowerIsBetter ? 'lägre' : 'högre'} är bättre.`
        : 'Index 0–6; lägre är bättre.',
  };
  if (!before || !after) return { ...base, z: null, verdict: 'vantar' };
  if (def?.kind === 'andel' && before.respondents !== null && after.respondents !== null) {
    const z = shareChangeZ(before.value, before.respondents, after.value, after.respondents);
    if (z !== null) {
      const better = lowerIsBetter ? z <= -Z_CRITICAL : z >= Z_CRITICAL;
      const worse = lowerIsBetter ? z >= Z_CRITICAL : z <= -Z_CRITICAL;
      return { ...base, z, verdict: better ? 'battre' : worse ? 'samre' : 'ingen_sakerstalld_forandring' };
    }
  }
  return { ...base, z: null, verdict: 'kan_inte_bedomas' };
}

/**
 * The löfte's period against the period just before it (the year before, for a calendar-year löfte), by
 * the one period rule: while the löfte runs, its days up to the latest data against as many days from the
 * start of the period before.
 */
function incidentEffect(db: Db, l: Lofte, label: string, filter: IncidentFilter, today: string): EffectCheck {
  const c = comparePeriods({ fromDay: l.periodFrom, toDay: l.periodTo }, 'previous', latestDataDay(db, today));
  const base = { label, kind: 'incidents' as const, note: 'Antal händelser; färre är bättre.' };
  if (c.rule === 'no_data') return { ...base, before: null, after: null, z: null, verdict: 'vantar' };
  const dims = {
    lpoIds: filter.lpoIds,
    kommunIds: filter.kommunIds,
    categories: filter.categories,
    sources: filter.sources,
  };
  const count = (p: DayRange) => groupedCounts(db, { ...dims, ...p }, []).reduce((s, r) => s + r.n, 0);
  const j = judgeChange(count(c.current), count(c.previous));
  return {
    ...base,
    ...(c.rule === 'first_days'
      ? { note: `${base.note} Perioden pågår: dess första dagar mot lika många dagar från början av perioden före.` }
      : {}),
    before: { label: periodText(c.previous), value: j.previous },
    after: { label: periodText(c.current), value: j.current },
    z: j.z,
    verdict: j.verdict === 'okning' ? 'samre' : j.verdict === 'minskning' ? 'battre' : j.verdict,
  };
}

export function effectChecks(db: Db, l: Lofte, today: string): EffectCheck[] {
  const kommunName =
    (db.prepare('SELECT name FROM kommun WHERE id = ?').pluck().get(l.kommunId) as string | undefined) ?? '';
  return l.content.evidence.map((e) => {
    if (e.kind === 'survey') return surveyEffect(db, l, e.indicator, e.kommunId ?? l.kommunId, kommunName);
    if (e.kind === 'view') {
      // The view's rows (an EST view: its kommun), over the löfte's period rather than the view's.
      const view = getView(db, e.viewId);
      return incidentEffect(db, l, `${view.name} (sparad vy)`, viewFigureFilter(view), today);
    }
    // A stored selection is read with the register's filter schema: one that no longer parses (an older
    // format, a hand edit) is named, and the löfte still opens.
    const filter = incidentFilterSchema.safeParse(e.filter);
    if (!filter.success) {
      return {
        label: e.label,
        kind: 'incidents' as const,
        before: null,
        after: null,
        z: null,
        verdict: 'kan_inte_bedomas' as const,
        note: `Urvalet går inte att läsa (${filter.error.issues[0]?.message ?? 'okänt format'}): lägg till underlaget igen.`,
      };
    }
    return incidentEffect(db, l, e.label, filter.data, today);
  });
}
