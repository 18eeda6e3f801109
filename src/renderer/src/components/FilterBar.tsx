import { useEffect, useState } from 'react';
import { MAP_LOCATION_LABELS, type IncidentFilter, type Reference, type Source } from '../../../shared/domain';
import { SourceOptions } from './SourceOptions';
import { formatInteger } from '../../../shared/format';
import { CATEGORIES } from '../../../shared/taxonomy';

interface Props {
  reference: Reference;
  filter: IncidentFilter;
  onChange: (filter: IncidentFilter) => void;
}

const one = <T,>(values: T[] | undefined): T | '' => values?.[0] ?? '';

/**
 * Filters of the register. Free text waits for a pause in typing before it asks the database. Exact
 * places and the kind of location (from a map) have no control of their own: they come with a drill-down from a dashboard and show as chips
 * that say why the list is narrowed and remove the place with one click.
 */
export function FilterBar({ reference, filter, onChange }: Props) {
  const [text, setText] = useState(filter.text ?? '');
  const lpoId = one(filter.lpoIds);
  const kommuner = reference.kommuner.filter((k) => lpoId === '' || k.lpoId === lpoId);

  useEffect(() => {
    const t = setTimeout(() => {
      const trimmed = text.trim();
      if (trimmed !== (filter.text ?? '')) onChange({ ...filter, text: trimmed || undefined });
    }, 300);
    return () => clearTimeout(t);
  }, [text, filter, onChange]);

  const set = (patch: Partial<IncidentFilter>) => onChange({ ...filter, ...patch });
  const places = filter.placeNames ?? [];
  const removePlace = (index: number) => {
    const rest = places.filter((_, i) => i !== index);
    set({ placeNames: rest.length ? rest : undefined });
  };
  const dateError =
    filter.fromDay && filter.toDay && filter.fromDay > filter.toDay ? 'Till-datum måste vara efter från-datum.' : null;

  return (
    <form className="filters" role="search" aria-label="Filtrera händelser" onSubmit={(e) => e.preventDefault()}>
      <label>
        LPO
        <select
          value={lpoId}
          onChange={(e) => {
            const v = e.target.value ? Number(e.target.value) : '';
            set({ lpoIds: v === '' ? undefined : [v], kommunIds: undefined });
          }}
        >
          <option value="">Alla</option>
          {reference.lpos.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Kommun
        <select
          value={one(filter.kommunIds)}
          onChange={(e) => set({ kommunIds: e.target.value ? [Number(e.target.value)] : undefined })}
        >
          <option value="">Alla</option>
          {kommuner.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Källa
        <select
          value={one(filter.sources)}
          onChange={(e) => set({ sources: e.target.value ? [e.target.value as Source] : undefined })}
        >
          <option value="">Alla</option>
          <SourceOptions />
        </select>
      </label>
      <label>
        Kategori
        <select
          value={one(filter.categories)}
          onChange={(e) => set({ categories: e.target.value ? [e.target.value] : undefined })}
        >
          <option value="">Alla</option>
          {CATEGORIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Från
        <input
          type="date"
          value={filter.fromDay ?? ''}
          onChange={(e) => set({ fromDay: e.target.value || undefined })}
        />
      </label>
      <label>
        Till
        <input
          type="date"
          value={filter.toDay ?? ''}
          aria-invalid={dateError ? true : undefined}
          onChange={(e) => set({ toDay: e.target.value || undefined })}
        />
      </label>
      <label className="filter-text">
        Sök i text
        <input
          type="search"
          value={text}
          placeholder="t.ex. klotter station"
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {(places.length > 0 || filter.location || filter.cell) && (
        <ul className="filter-chips" aria-label="Platser">
          {filter.cell && (
            <FilterChip
              testId="cell-chip"
              text={`Hotspotruta ${filter.cell.size} m: N ${formatInteger(filter.cell.originY + filter.cell.row * filter.cell.size)}, E ${formatInteger(filter.cell.originX + filter.cell.col * filter.cell.size)}`}
              removeLabel="Ta bort filtret på hotspotruta"
              onRemove={() => set({ cell: undefined })}
            />
          )}
          {filter.location && (
            <FilterChip
              testId="location-chip"
              text={`Läge: ${MAP_LOCATION_LABELS[filter.location]}`}
              removeLabel="Ta bort filtret på läge"
              onRemove={() => set({ location: undefined })}
            />
          )}
          {places.map((place, i) => (
            <FilterChip
              key={`${i}:${place}`}
              testId="place-chip"
              text={`Plats: ${place}`}
              removeLabel={`Ta bort platsfiltret ${place}`}
              title="Ta bort platsfiltret"
              onRemove={() => removePlace(i)}
            />
          ))}
        </ul>
      )}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setText('');
          onChange({});
        }}
      >
        Rensa filter
      </button>
      {dateError && (
        <p className="field-error" role="alert">
          {dateError}
        </p>
      )}
    </form>
  );
}

/** One narrowing that has no control of its own (a drill-down's place, kind of location, hotspot cell). */
function FilterChip(props: {
  testId: string;
  text: string;
  removeLabel: string;
  title?: string;
  onRemove: () => void;
}) {
  return (
    <li className="filter-chip" data-testid={props.testId}>
      <span>{props.text}</span>
      <button
        type="button"
        className="chip-remove"
        aria-label={props.removeLabel}
        title={props.title ?? props.removeLabel}
        onClick={props.onRemove}
      >
        ×
      </button>
    </li>
  );
}
