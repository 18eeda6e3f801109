import type { Kommun, Lpo } from '../../../../../shared/domain';
import type { AgreementForm } from './form';

/** The agreement itself: title, period, the kommuner it covers (per LPO) and who signed it when. */
export function AgreementFields({
  form,
  kommuner,
  lpos,
  bad,
  set,
}: {
  form: AgreementForm;
  kommuner: Kommun[];
  lpos: Lpo[];
  bad: (field: string) => true | undefined;
  set: <K extends keyof AgreementForm>(key: K, value: AgreementForm[K]) => void;
}) {
  const toggleKommun = (k: number, on: boolean) =>
    set('kommunIds', on ? [...form.kommunIds, k] : form.kommunIds.filter((x) => x !== k));
  return (
    <div className="agreement-grid">
      <label className="wide">
        Rubrik
        <input
          aria-label="Rubrik"
          value={form.title}
          maxLength={200}
          aria-invalid={bad('title')}
          onChange={(e) => set('title', e.target.value)}
        />
      </label>
      <label>
        Från
        <input
          aria-label="Från"
          type="date"
          value={form.periodFrom}
          aria-invalid={bad('periodFrom')}
          onChange={(e) => set('periodFrom', e.target.value)}
        />
      </label>
      <label>
        Till
        <input
          aria-label="Till"
          type="date"
          value={form.periodTo}
          aria-invalid={bad('periodTo')}
          onChange={(e) => set('periodTo', e.target.value)}
        />
      </label>
      <fieldset className={bad('kommunIds') ? 'wide agreement-kommuner invalid' : 'wide agreement-kommuner'}>
        <legend>Kommuner</legend>
        {lpos.map((lpo) => (
          <div key={lpo.id} className="agreement-lpo">
            <span className="muted">LPO {lpo.name}</span>
            {kommuner
              .filter((k) => k.lpoId === lpo.id)
              .map((k) => (
                <label key={k.id} className="check">
                  <input
                    type="checkbox"
                    aria-label={k.name}
                    checked={form.kommunIds.includes(k.id)}
                    onChange={(e) => toggleKommun(k.id, e.target.checked)}
                  />
                  {k.name}
                </label>
              ))}
          </div>
        ))}
      </fieldset>
      <label>
        Undertecknad av (LPO-chef)
        <input
          aria-label="Undertecknad av (LPO-chef)"
          value={form.signedByLpo}
          maxLength={200}
          onChange={(e) => set('signedByLpo', e.target.value)}
        />
      </label>
      <label>
        Undertecknad av (KSO)
        <input
          aria-label="Undertecknad av (KSO)"
          value={form.signedByKommun}
          maxLength={200}
          onChange={(e) => set('signedByKommun', e.target.value)}
        />
      </label>
      <label>
        Datum för underskrift
        <input
          aria-label="Datum för underskrift"
          type="date"
          value={form.signedOn}
          aria-invalid={bad('signedOn')}
          onChange={(e) => set('signedOn', e.target.value)}
        />
      </label>
    </div>
  );
}
