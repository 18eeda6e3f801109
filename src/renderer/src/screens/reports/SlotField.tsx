import { useId } from 'react';
import { formatInteger } from '../../../../shared/format';
import { REPORT_LIMITS } from '../../../../shared/report';

/**
 * One text the user writes into the report: labelled by the section it belongs to, the template's hint
 * under the label, the count against the limit shown before it is reached, and a refusal beside it. No
 * maxLength: text pasted over the limit stays on screen, counted and marked, never cut off silently.
 */
export function SlotField({
  label,
  labelHidden = false,
  hint,
  value,
  error,
  readOnly,
  onChange,
}: {
  label: string;
  /** The heading right above says it already: the label is for screen readers only. */
  labelHidden?: boolean;
  hint: string;
  value: string;
  error?: string | undefined;
  readOnly: boolean;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const max = REPORT_LIMITS.text;
  const over = value.length > max;
  const described = [`${id}-hint`, error ? `${id}-error` : null, readOnly ? null : `${id}-count`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`lofte-field report-slot${error || over ? ' lofte-field-invalid' : ''}`}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <span className="field-hint" id={`${id}-hint`}>
        {hint}
      </span>
      <textarea
        id={id}
        rows={readOnly ? Math.min(12, Math.max(2, value.split('\n').length + 1)) : 6}
        value={value}
        readOnly={readOnly}
        placeholder={readOnly ? 'Ingen text skrevs här.' : undefined}
        aria-invalid={error || over ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      />
      <div className="lofte-field-meta">
        {error && (
          <span className="field-error" id={`${id}-error`}>
            {error}
          </span>
        )}
        {!readOnly && (
          <span className={over ? 'lofte-counter lofte-counter-over' : 'lofte-counter'} id={`${id}-count`}>
            {formatInteger(value.length)} / {formatInteger(max)} tecken
          </span>
        )}
      </div>
    </div>
  );
}
