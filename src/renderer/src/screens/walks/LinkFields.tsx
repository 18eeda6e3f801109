import type { LofteOption } from './queries';
import { useViews } from './queries';

/** What an åtgärd in the plan answers: the problem in words and a saved dashboard view as its evidence. */
export function ProblemFields({
  problem,
  viewId,
  onProblem,
  onView,
}: {
  problem: string;
  viewId: number | '';
  onProblem: (v: string) => void;
  onView: (v: number | '') => void;
}) {
  const views = useViews();
  return (
    <>
      <label>
        Problem i lägesbilden
        <input
          aria-label="Problem i lägesbilden"
          value={problem}
          maxLength={2000}
          onChange={(e) => onProblem(e.target.value)}
        />
      </label>
      <label>
        Underlag
        <select
          aria-label="Underlag: sparad vy"
          value={viewId}
          onChange={(e) => onView(e.target.value ? Number(e.target.value) : '')}
        >
          <option value="">Ingen sparad vy</option>
          {views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

export function LofteSelect({
  loften,
  value,
  onChange,
}: {
  loften: LofteOption[];
  value: number | '';
  onChange: (v: number | '') => void;
}) {
  return (
    <label>
      Löfte
      <select aria-label="Löfte" value={value} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : '')}>
        <option value="">Inget</option>
        {loften.map((l) => (
          <option key={l.id} value={l.id}>
            {l.title}
          </option>
        ))}
      </select>
    </label>
  );
}
