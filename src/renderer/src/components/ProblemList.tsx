import type { RowProblem } from '../../../shared/imports';

/** Rows left out or broken, each with its row number and reason; long lists are folded. */
export function ProblemList({ title, problems }: { title: string; problems: RowProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <details className="problems" open={problems.length <= 10}>
      <summary>
        {title} ({problems.length})
      </summary>
      <ul>
        {problems.slice(0, 200).map((p) => (
          <li key={`${p.row}-${p.reason}`}>
            Rad {p.row}: {p.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
