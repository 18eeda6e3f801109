import { useCallback } from 'react';
import type { Lofte, LofteContent } from '../../../../shared/lofte';
import { lofteContentSchema } from '../../../../shared/schemas';
import { useAutosave as useValueAutosave, type FieldIssues } from '../../lib/autosave';
import { ApiCallError, call } from '../../lib/client';

export { isSettled, saveStateText, type FieldIssues, type SaveState } from '../../lib/autosave';

export interface Draft {
  content: LofteContent;
  focusAreaId: number | null;
}

/** Keys as the schema's path in the content: "effectGoal", "activities.0.quantity". */
function issuesOfDraft(draft: Draft): FieldIssues {
  const parsed = lofteContentSchema.safeParse(draft.content);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const i of parsed.error.issues) {
    const key = i.path.map(String).join('.');
    out[key] ??= i.message;
  }
  return out;
}

/** A refusal from core names fields as "content.effectGoal"; the editor keys them as the content does. */
function issuesOfError(err: unknown): FieldIssues | null {
  if (!(err instanceof ApiCallError) || err.error.code !== 'validation') return null;
  const list = err.error.details?.issues ?? [];
  if (list.length === 0) return null;
  const out: Record<string, string> = {};
  for (const i of list) {
    const key = i.field.replace(/^input\./, '').replace(/^content\./, '');
    out[key] ??= i.message;
  }
  return out;
}

/**
 * Saves a löfte's draft (its content and focus area) while it is typed, with the app's autosave
 * (lib/autosave): checked against the schema core uses, refused text kept on screen beside its field.
 */
export function useAutosave(id: number, onSaved: (l: Lofte) => void) {
  const save = useCallback(
    (draft: Draft, revision: number) =>
      call('loften.save', { id, revision, content: draft.content, focusAreaId: draft.focusAreaId }),
    [id],
  );
  return useValueAutosave({ save, check: issuesOfDraft, issuesOfError, onSaved });
}
