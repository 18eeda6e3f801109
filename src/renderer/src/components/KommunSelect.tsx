import type { Kommun } from '../../../shared/domain';

/** A labelled choice of kommun; the empty choice (null) means all, or none chosen yet. */
export function KommunSelect({
  label,
  kommuner,
  value,
  onChange,
  empty,
}: {
  /** The select's accessible name (the visible label says "Kommun"). */
  label: string;
  kommuner: readonly Kommun[];
  value: number | null;
  onChange: (id: number | null) => void;
  /** What the empty choice says: "Alla", "Välj kommun…". */
  empty: string;
}) {
  return (
    <label>
      Kommun
      <select
        aria-label={label}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      >
        <option value="">{empty}</option>
        {kommuner.map((k) => (
          <option key={k.id} value={k.id}>
            {k.name}
          </option>
        ))}
      </select>
    </label>
  );
}
