import { useCallback } from 'react';
import type { ReportEdits } from '../../../../shared/report';
import type { ReportDetails } from '../../../../shared/report-api';
import { reportEditsSchema } from '../../../../shared/report-api';
import { useAutosave } from '../../lib/autosave';
import { call } from '../../lib/client';
import { issuesOfError, issuesOfZod, type FieldIssues } from './model';

export { isSettled, saveStateText, type SaveState } from '../../lib/autosave';

function issuesOfEdits(edits: ReportEdits): FieldIssues {
  const parsed = reportEditsSchema.safeParse(edits);
  return parsed.success ? {} : issuesOfZod(parsed.error);
}

/**
 * Saves a report's edits (texts, figure choices, title page) while they are made, with the app's autosave
 * (lib/autosave), as the löfte editor does: a save refused by core (a newer revision, a fastställd report)
 * stays refused, with its message, until the next edit.
 */
export function useReportAutosave(id: number, onSaved: (r: ReportDetails) => void) {
  const save = useCallback(
    (edits: ReportEdits, revision: number) => call('reports.save', { id, revision, edits }),
    [id],
  );
  return useAutosave({ save, check: issuesOfEdits, issuesOfError, onSaved });
}
