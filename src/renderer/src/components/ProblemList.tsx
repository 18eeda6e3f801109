import { formatInteger } from '../../../shared/format';
import type { RowProblem } from '../../../shared/imports';

/** Rows left out or broken, each with its row number and reason; long lists are folded. */
export function ProblemList({
  title,
  problems,
  total = problems.length,
}: {
  title: string;
  problems: RowProblem[];
  /** All such rows in the file, when only some are listed. */
  total?: number;
}) {
  if (total === 0) return null;
  const shown = Math.min(problems.length, 200);
  return (
    <details className="problems" open={total <= 10}>
      <summary>
        {title} ({formatInteger(total)}){shown < total ? ` – de första ${formatInteger(shown)} visas` : ''}
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
