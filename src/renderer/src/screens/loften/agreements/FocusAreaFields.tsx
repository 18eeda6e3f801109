import { lofteCount } from '../../../../../shared/agreements';
import type { AreaForm } from './form';

type AreaText = 'problem' | 'causeVictim' | 'causeOffender' | 'causePlace' | 'causes' | 'goals' | 'followUp';

/**
 * One fokusområde: problem, its orsaksanalys in the crime triangle's three parts and "Övrigt" (which holds the
 * one text of older agreements), measurable goals and follow-up; moved, removed.
 */
export function FocusAreaFields({
  area: a,
  index: i,
  count,
  bad,
  onChange,
  onMove,
  onRemove,
}: {
  area: AreaForm;
  index: number;
  count: number;
  bad: (field: string) => true | undefined;
  onChange: (patch: Partial<AreaForm>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const text = (key: AreaText, label: string, wide = false) => (
    <label className={wide ? 'wide' : undefined}>
      {label}
      <textarea
        aria-label={label}
        rows={3}
        value={a[key]}
        aria-invalid={bad(`focusAreas.${i}.${key}`)}
        onChange={(e) => onChange({ [key]: e.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="focus-area">
      <legend>Fokusområde {i + 1}</legend>
      <label className="wide">
        Fokusområde
        <input
          aria-label="Fokusområde"
          value={a.title}
          maxLength={200}
          aria-invalid={bad(`focusAreas.${i}.title`)}
          onChange={(e) => onChange({ title: e.target.value })}
        />
      </label>
      {text('problem', 'Problem', true)}
      <fieldset className="focus-area-causes wide">
        <legend>Orsaksanalys</legend>
        <p className="muted">Vilka drabbas, vilka begår brotten, och vad gör platsen eller objektet möjligt?</p>
        {text('causeVictim', 'Brottsutsatt')}
        {text('causeOffender', 'Gärningsperson')}
        {text('causePlace', 'Plats')}
        {text('causes', 'Övrigt')}
      </fieldset>
      {text('goals', 'Mätbara mål')}
      {text('followUp', 'Dokumentation och uppföljning')}
      <div className="focus-area-foot wide">
        <span className="muted">
          {a.id === undefined
            ? 'Nytt: sparas när du trycker Spara.'
            : a.lofteCount > 0
              ? `Används av ${lofteCount(a.lofteCount)}.`
              : 'Inga löften ännu.'}
        </span>
        <button
          type="button"
          className="secondary"
          aria-label={`Flytta upp fokusområde ${i + 1}`}
          disabled={i === 0}
          onClick={() => onMove(-1)}
        >
          Flytta upp
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={`Flytta ner fokusområde ${i + 1}`}
          disabled={i === count - 1}
          onClick={() => onMove(1)}
        >
          Flytta ner
        </button>
        <button type="button" className="secondary" aria-label={`Ta bort fokusområde ${i + 1}`} onClick={onRemove}>
          Ta bort
        </button>
      </div>
    </fieldset>
  );
}
