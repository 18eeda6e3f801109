import type { PrivacySearchResult } from '../../../../shared/pii';
import { hitKey, hitsText, recordName, splitAtTerm } from './hits';

interface Props {
  result: PrivacySearchResult;
  term: string;
  selected: ReadonlySet<string>;
  onToggle: (key: string, on: boolean) => void;
}

/** The hits of one search, grouped by where the text is kept, each with its checkbox and excerpt. */
export function HitList({ result, term, selected, onToggle }: Props) {
  return (
    <div className="privacy-groups">
      {result.groups.map((g) => (
        <section key={g.source} className="privacy-group" aria-labelledby={`privacy-group-${g.source}`}>
          <h4 id={`privacy-group-${g.source}`}>
            {g.label} <span className="muted">({hitsText(g.hits.length)})</span>
          </h4>
          {g.truncated && (
            <p className="muted">Visar de första {g.hits.length} träffarna. Radera dem och sök igen för resten.</p>
          )}
          <ul className="privacy-hits">
            {g.hits.map((h) => {
              const key = hitKey(h);
              const name = `${recordName(h)}, ${h.fieldLabel}`;
              return (
                <li key={key}>
                  <label className="privacy-hit">
                    <input
                      type="checkbox"
                      checked={selected.has(key)}
                      aria-label={`Välj ${name}`}
                      onChange={(e) => onToggle(key, e.target.checked)}
                    />
                    <span className="privacy-hit-where">{name}</span>
                    <span className="privacy-excerpt" data-testid="privacy-excerpt">
                      {splitAtTerm(h.excerpt, term).map((p, i) =>
                        p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
                      )}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
