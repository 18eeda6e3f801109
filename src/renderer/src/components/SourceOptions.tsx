import { SOURCES, SOURCE_LABELS } from '../../../shared/domain';

/** The incident sources as <option>s, in the contract's order and with their Swedish names. */
export function SourceOptions() {
  return (
    <>
      {SOURCES.map((s) => (
        <option key={s} value={s}>
          {SOURCE_LABELS[s]}
        </option>
      ))}
    </>
  );
}
