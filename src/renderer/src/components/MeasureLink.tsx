import type { Measure } from '../../../shared/walks';
import { planHref, walkHref } from '../lib/walk-route';

/**
 * Where an åtgärd came from, as a link: its trygghetsvandring (opens the walk with its protokoll), or the
 * kommun's åtgärdsplan for one written straight into the plan. For every list that shows åtgärder.
 */
export function MeasureLink({ measure: m }: { measure: Measure }) {
  if (m.walkId !== null) {
    return (
      <a href={walkHref(m.walkId, m.kommunId)} className="measure-link">
        {m.walkTitle ?? 'Trygghetsvandringen'}
        {m.walkDay ? ` (${m.walkDay})` : ''}
      </a>
    );
  }
  if (m.inPlan) {
    return (
      <a href={planHref(m.kommunId)} className="measure-link">
        Åtgärdsplanen
      </a>
    );
  }
  return null;
}
