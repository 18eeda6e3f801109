import { useId } from 'react';
import { formatInteger } from '../../../../shared/format';
import { ApiCallError, errorMessage } from '../../lib/client';

/** A refusal in the form's own words: the fields' Swedish messages, never their internal paths. */
export function refusalText(err: unknown): string {
  const issues = err instanceof ApiCallError && err.error.code === 'validation' ? err.error.details?.issues : undefined;
  return issues?.length ? issues.map((i) => i.message).join(' ') : errorMessage(err);
}

/**
 * A text field that shows its limit before it is reached ("1 234 / 2 000") and its refusal beside it.
 * No maxLength: text pasted over the limit is kept on screen, counted and marked, never cut off silently.
 */
export function TextField({
  label,
  value,
  max,
  error,
  rows,
  placeholder,
  className,
  onChange,
}: {
  label: string;
  value: string;
  max: number;
  error?: string | undefined;
  /** A textarea with this many rows; a single-line input without. */
  rows?: number;
  placeholder?: string;
  className?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const over = value.length > max;
  const described = [error ? `${id}-error` : null, `${id}-count`].filter(Boolean).join(' ');
  const common = {
    id,
    value,
    placeholder,
    'aria-invalid': error || over ? true : undefined,
    'aria-describedby': described,
  } as const;
  return (
    <div className={`lofte-field${error ? ' lofte-field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => onChange(e.target.value)} />
      )}
      <div className="lofte-field-meta">
        {error && (
          <span className="field-error" id={`${id}-error`}>
            {error}
          </span>
        )}
        <span className={over ? 'lofte-counter lofte-counter-over' : 'lofte-counter'} id={`${id}-count`}>
          {formatInteger(value.length)} / {formatInteger(max)} tecken
        </span>
      </div>
    </div>
  );
}

/** A whole number in a range, the range shown under it; a refused value stays as typed with its message. */
export function NumberField({
  label,
  value,
  min,
  max,
  error,
  onChange,
}: {
  label: string;
  value: number | null;
  min: number;
  max: number;
  error?: string | undefined;
  onChange: (value: number | null) => void;
}) {
  const id = useId();
  const described = [error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div className={`lofte-field lofte-field-number${error ? ' lofte-field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      />
      <div className="lofte-field-meta">
        {error && (
          <span className="field-error" id={`${id}-error`}>
            {error}
          </span>
        )}
        <span className="lofte-counter" id={`${id}-hint`}>
          {formatInteger(min)}–{formatInteger(max)}
        </span>
      </div>
    </div>
  );
}
