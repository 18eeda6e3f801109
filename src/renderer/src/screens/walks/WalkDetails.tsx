import { subcategoryLabel } from '../../../../shared/taxonomy';
import { errorMessage } from '../../lib/client';
import { MeasureTable } from './MeasureTable';
import { NewMeasure } from './NewMeasure';
import { Observations } from './Observations';
import { useLoften } from './queries';
import { WalkForm } from './WalkForm';
import { WalkMap } from './WalkMap';
import { useOp } from '../../lib/queries';

/** One walk: its plan, the observations per place, and the protokoll of åtgärder. */
export function WalkDetailsView({ id, onChanged }: { id: number; onChanged: () => void }) {
  const q = useOp('walks.get', { id });
  const loften = useLoften(q.data?.walk.kommunId ?? -1);
  if (!q.data) return <p className="form-info">{q.error ? errorMessage(q.error) : 'Hämtar vandringen…'}</p>;
  const { walk, observations, measures } = q.data;
  return (
    <article className="walk" aria-labelledby="walk-heading">
      <h3 id="walk-heading">{walk.title}</h3>
      <WalkForm walk={walk} defaultKommun={walk.kommunId} onSaved={onChanged} />
      <Observations walk={walk} observations={observations} onChanged={onChanged} />
      <WalkMap walk={walk} observations={observations} />
      <section aria-labelledby="measures-title">
        <h4 id="measures-title">Protokoll: åtgärder</h4>
        <MeasureTable measures={measures} loften={loften} onChanged={onChanged} variant="protokoll" />
        <NewMeasure
          kommunId={walk.kommunId}
          walkId={walk.id}
          observations={observations.map((o) => ({
            id: o.id,
            label: `${o.placeName}: ${subcategoryLabel(o.subcategory)}`,
          }))}
          loften={loften}
          onSaved={onChanged}
        />
      </section>
    </article>
  );
}
