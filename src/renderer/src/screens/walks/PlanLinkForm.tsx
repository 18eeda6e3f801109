import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { measureProblem, type Measure } from '../../../../shared/walks';
import { call, errorMessage } from '../../lib/client';
import { LofteSelect, ProblemFields } from './LinkFields';
import type { LofteOption } from './queries';

/**
 * Puts a walk's åtgärd on the kommun's åtgärdsplan, tied to what it answers: a problem in the lägesbild
 * (in words, from the observation unless changed), a saved view as evidence and/or a löfte.
 */
export function PlanLinkForm({
  measure: m,
  loften,
  onDone,
  onSaved,
}: {
  measure: Measure;
  loften: LofteOption[];
  onDone: () => void;
  onSaved: () => void;
}) {
  const [problem, setProblem] = useState(measureProblem(m));
  const [viewId, setViewId] = useState<number | ''>(m.viewId ?? '');
  const [lofteId, setLofteId] = useState<number | ''>(m.lofteId ?? '');
  const save = useMutation({
    mutationFn: () =>
      call('measures.save', {
        ...m,
        problem,
        viewId: viewId === '' ? null : viewId,
        lofteId: lofteId === '' ? null : lofteId,
        inPlan: true,
      }),
    onSuccess: () => {
      onDone();
      onSaved();
    },
  });
  return (
    <form
      className="log-form plan-link-form"
      aria-label={`Till åtgärdsplanen: ${m.what}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <ProblemFields problem={problem} viewId={viewId} onProblem={setProblem} onView={setViewId} />
      <LofteSelect loften={loften} value={lofteId} onChange={setLofteId} />
      <button type="submit" disabled={save.isPending}>
        Lägg i planen
      </button>
      <button type="button" className="secondary" onClick={onDone}>
        Avbryt
      </button>
      {save.error && (
        <p className="form-error" role="alert">
          {errorMessage(save.error)}
        </p>
      )}
    </form>
  );
}
