import type { Measure } from '../../../../shared/walks';
import { MeasureRow } from './MeasureRow';
import type { LofteOption } from './queries';

/**
 * Where a list of åtgärder is shown: a walk's protokoll (with the way into the åtgärdsplan), the plan, or
 * the overdue ones. The plan and the overdue list say what each answers and link to where it came from.
 */
export type MeasureListKind = 'protokoll' | 'plan' | 'overdue';

export function MeasureTable({
  measures,
  loften,
  onChanged,
  variant,
}: {
  measures: Measure[];
  loften: LofteOption[];
  onChanged: () => void;
  variant: MeasureListKind;
}) {
  if (measures.length === 0) return <p className="form-info">Inga åtgärder.</p>;
  const inWalk = variant === 'protokoll';
  return (
    <table className="data-table measures" aria-label="Åtgärder">
      <thead>
        <tr>
          {!inWalk && <th scope="col">Problem</th>}
          <th scope="col">Åtgärd</th>
          <th scope="col">Ansvarig</th>
          <th scope="col">Klart senast</th>
          <th scope="col">Löfte</th>
          <th scope="col">{inWalk ? 'Åtgärdsplan' : 'Från'}</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {measures.map((m) => (
          <MeasureRow
            key={`${m.id}-${m.updatedAt}`}
            measure={m}
            loften={loften}
            onChanged={onChanged}
            variant={variant}
          />
        ))}
      </tbody>
    </table>
  );
}
