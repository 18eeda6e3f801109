import type { Source } from '../../../shared/domain';
import type { ImportPreview } from '../../../shared/imports';
import { SourceOptions } from './SourceOptions';

interface Props {
  mapping: NonNullable<ImportPreview['mapping']>;
  defaultSource: Source;
  /** The user's latest choice, ahead of the preview while the file is read again (null: the preview's). */
  chosen?: Record<string, string> | null;
  onChange: (mapping: Record<string, string>, defaultSource: Source) => void;
}

/** Which column of the file each field reads. Saved per set of columns when the import is done. */
export function MappingEditor({ mapping, defaultSource, chosen, onChange }: Props) {
  const current = chosen ?? Object.fromEntries(mapping.fields.filter((f) => f.column).map((f) => [f.field, f.column]));
  const sourceMapped = !!current.source;
  return (
    <fieldset className="mapping" data-testid="mapping">
      <legend>Koppla kolumner</legend>
      {mapping.missing.length > 0 && (
        <p className="form-error" role="alert">
          Välj en kolumn för: {mapping.missing.join(', ')}.
        </p>
      )}
      <div className="mapping-grid">
        {mapping.fields.map((f) => (
          <label key={f.field}>
            {f.label}
            {f.required ? ' *' : ''}
            <select
              aria-label={f.required ? `${f.label} (obligatoriskt)` : f.label}
              value={current[f.field] ?? ''}
              onChange={(e) => {
                const next = { ...current };
                if (e.target.value) next[f.field] = e.target.value;
                else delete next[f.field];
                onChange(next, defaultSource);
              }}
            >
              <option value="">(ingen kolumn)</option>
              {mapping.header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
        {!sourceMapped && (
          <label>
            Källa för alla rader
            <select value={defaultSource} onChange={(e) => onChange(current, e.target.value as Source)}>
              <SourceOptions />
            </select>
          </label>
        )}
      </div>
    </fieldset>
  );
}
