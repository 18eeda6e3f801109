/** "Kontrollera loggen": recomputes the hash chain and says plainly whether it is whole or where it breaks. */
import { useState } from 'react';
import type { AuditCheck } from '../../../../shared/audit';
import { call, errorMessage } from '../../lib/client';

export function VerifyPanel() {
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<AuditCheck | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function check() {
    setChecking(true);
    setError(null);
    try {
      setResult(await call('audit.verify', {}));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setChecking(false);
    }
  }

  return (
    <div className="audit-verify">
      <button type="button" onClick={() => void check()} disabled={checking}>
        {checking ? 'Kontrollerar…' : 'Kontrollera loggen'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div role={result.ok ? 'status' : 'alert'} className={result.ok ? 'form-info' : 'form-error'}>
          <p>{result.summary}</p>
          {result.problems.length > 1 && (
            <ul>
              {result.problems.slice(0, 20).map((p) => (
                <li key={`${p.id}-${p.message}`}>{p.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
