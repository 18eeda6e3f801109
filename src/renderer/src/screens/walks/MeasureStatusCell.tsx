import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { MEASURE_STATUS_LABELS, MEASURE_STATUSES, type Measure, type MeasureStatus } from '../../../../shared/walks';
import { call, errorMessage } from '../../lib/client';

/** The status, changed in place; a declined åtgärd asks for the reason. */
export function MeasureStatusCell({ measure: m, onChanged }: { measure: Measure; onChanged: () => void }) {
  const [status, setStatus] = useState<MeasureStatus>(m.status);
  const [reason, setReason] = useState(m.declineReason);
  const save = useMutation({
    mutationFn: () => call('measures.save', { ...m, status, declineReason: reason }),
    onSuccess: onChanged,
  });
  const dirty = status !== m.status || reason !== m.declineReason;
  return (
    <td>
      <select
        aria-label={`Status: ${m.what}`}
        value={status}
        onChange={(e) => setStatus(e.target.value as MeasureStatus)}
      >
        {MEASURE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {MEASURE_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      {status === 'avslagen' && m.status !== 'avslagen' && (
        <input
          aria-label={`Skäl: ${m.what}`}
          placeholder="Varför avslogs den?"
          value={reason}
          maxLength={1000}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      {m.status === 'avslagen' && !dirty && <div className="muted">Skäl: {m.declineReason}</div>}
      {dirty && (
        <button type="button" onClick={() => save.mutate()} disabled={save.isPending}>
          Spara
        </button>
      )}
      {save.error && (
        <div className="form-error" role="alert">
          {errorMessage(save.error)}
        </div>
      )}
    </td>
  );
}
