import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { call, errorMessage } from '../../lib/client';
import { LofteSelect, ProblemFields } from './LinkFields';
import type { LofteOption } from './queries';

/**
 * A new åtgärd: in a walk's protokoll (optionally straight onto the åtgärdsplan) or in the plan itself.
 * A due date already past is saved, and said beside the field.
 */
export function NewMeasure({
  kommunId,
  walkId,
  observations,
  loften,
  onSaved,
  inPlan = false,
}: {
  kommunId: number;
  walkId?: number;
  observations?: { id: number; label: string }[];
  loften: LofteOption[];
  onSaved: () => void;
  /** Written in the åtgärdsplan: always part of it. */
  inPlan?: boolean;
}) {
  const [problem, setProblem] = useState('');
  const [what, setWhat] = useState('');
  const [responsible, setResponsible] = useState('');
  const [dueDay, setDueDay] = useState('');
  const [observationId, setObservationId] = useState<number | ''>('');
  const [lofteId, setLofteId] = useState<number | ''>('');
  const [viewId, setViewId] = useState<number | ''>('');
  const [toPlan, setToPlan] = useState(inPlan);
  const [warning, setWarning] = useState('');
  const warningId = useId();
  const save = useMutation({
    mutationFn: () =>
      call('measures.save', {
        kommunId,
        ...(walkId ? { walkId } : {}),
        ...(observationId !== '' ? { observationId } : {}),
        ...(lofteId !== '' ? { lofteId } : {}),
        ...(toPlan && viewId !== '' ? { viewId } : {}),
        problem: toPlan ? problem : '',
        what,
        responsible,
        ...(dueDay ? { dueDay } : {}),
        status: 'planerad',
        inPlan: toPlan,
      }),
    onSuccess: (m) => {
      setWarning((m.warnings ?? []).join(' '));
      setWhat('');
      setProblem('');
      setResponsible('');
      setDueDay('');
      setViewId('');
      onSaved();
    },
  });
  return (
    <form
      className="log-form"
      aria-label="Ny åtgärd"
      onSubmit={(e) => {
        e.preventDefault();
        setWarning('');
        save.mutate();
      }}
    >
      {!inPlan && (
        <label className="check">
          <input type="checkbox" checked={toPlan} onChange={(e) => setToPlan(e.target.checked)} />
          Med i kommunens åtgärdsplan
        </label>
      )}
      {toPlan && <ProblemFields problem={problem} viewId={viewId} onProblem={setProblem} onView={setViewId} />}
      <label>
        Åtgärd
        <input aria-label="Åtgärd" value={what} maxLength={1000} onChange={(e) => setWhat(e.target.value)} />
      </label>
      <label>
        Ansvarig
        <input
          aria-label="Ansvarig"
          value={responsible}
          maxLength={200}
          onChange={(e) => setResponsible(e.target.value)}
        />
      </label>
      <div className="measure-due">
        <label>
          Klart senast
          <input
            aria-label="Klart senast"
            type="date"
            value={dueDay}
            aria-describedby={warning ? warningId : undefined}
            onChange={(e) => {
              setDueDay(e.target.value);
              setWarning('');
            }}
          />
        </label>
        {warning && (
          <p id={warningId} className="field-warning" role="status">
            {warning}
          </p>
        )}
      </div>
      {observations && observations.length > 0 && (
        <label>
          Iakttagelse
          <select
            value={observationId}
            onChange={(e) => setObservationId(e.target.value ? Number(e.target.value) : '')}
          >
            <option value="">Ingen</option>
            {observations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <LofteSelect loften={loften} value={lofteId} onChange={setLofteId} />
      <button type="submit" disabled={save.isPending}>
        Lägg till åtgärd
      </button>
      {!dueDay && <span className="muted">Utan datum: sex månader {walkId ? 'efter vandringen' : 'från i dag'}.</span>}
      {save.error && (
        <p className="form-error" role="alert">
          {errorMessage(save.error)}
        </p>
      )}
    </form>
  );
}
