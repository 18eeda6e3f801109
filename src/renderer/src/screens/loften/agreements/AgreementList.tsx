import type { AgreementSummary } from '../../../../../shared/agreements';
import { formatCount } from '../../../../../shared/format';
import { errorMessage } from '../../../lib/client';

/** The agreements, newest first as core lists them, with their kommuner, period and signature. */
export function AgreementList({
  agreements,
  error,
  selected,
  kommunName,
  onChoose,
}: {
  agreements: AgreementSummary[] | undefined;
  error: unknown;
  selected: number | 'ny' | null;
  kommunName: Map<number, string>;
  onChoose: (id: number | 'ny') => void;
}) {
  return (
    <aside className="loften-list" aria-label="Samverkansöverenskommelser">
      <button type="button" onClick={() => onChoose('ny')}>
        Ny överenskommelse
      </button>
      {error !== null && error !== undefined && (
        <p className="form-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      <ul>
        {(agreements ?? []).map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={a.id === selected ? 'lofte-item lofte-item-active' : 'lofte-item'}
              aria-current={a.id === selected ? 'true' : undefined}
              onClick={() => onChoose(a.id)}
            >
              <strong>{a.title}</strong>
              <span>
                {a.kommunIds.map((k) => kommunName.get(k)).join(', ')} · {a.periodFrom} – {a.periodTo}
              </span>
              <span>
                {a.signedOn ? `Undertecknad ${a.signedOn}` : 'Inte undertecknad'} ·{' '}
                {formatCount(a.focusAreas.length, 'fokusområde', 'fokusområden')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {agreements?.length === 0 && <p className="form-info">Inga överenskommelser ännu.</p>}
    </aside>
  );
}
