import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportEdits } from '../../../../shared/report';
import type { ReportDetails } from '../../../../shared/report-api';
import { reportEditsSchema } from '../../../../shared/report-api';
import { call, errorMessage } from '../../lib/client';
import type { SaveState } from '../loften/useAutosave';
import { issuesOfError, issuesOfZod, type FieldIssues } from './model';

export { isSettled, saveStateText, type SaveState } from '../loften/useAutosave';

/** A pause in typing this long saves; typing on, a save at least this often (as the löfte editor). */
const PAUSE_MS = 600;
const MAX_WAIT_MS = 1500;

function issuesOfEdits(edits: ReportEdits): FieldIssues {
  const parsed = reportEditsSchema.safeParse(edits);
  return parsed.success ? {} : issuesOfZod(parsed.error);
}

/**
 * Saves a report's edits (texts, figure choices, title page) while they are made, like the löfte editor:
 * checked against the schema core uses before they are sent, so text over a limit is never sent and never
 * lost from the screen; a save refused by core (a newer revision, a fastställd report) stays refused, with
 * its message, until the next edit.
 */
export function useReportAutosave(id: number, onSaved: (r: ReportDetails) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [issues, setIssues] = useState<FieldIssues>({});
  const revision = useRef<number | null>(null);
  const pending = useRef<ReportEdits | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const dirtySince = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refused = useRef(false);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  });

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const send = useCallback(async (): Promise<boolean> => {
    const next = pending.current;
    if (!next) return !refused.current;
    if (revision.current === null) return false;
    if (Object.keys(issuesOfEdits(next)).length > 0) return false;
    pending.current = null;
    setState({ kind: 'saving' });
    try {
      const saved = await call('reports.save', { id, revision: revision.current, edits: next });
      revision.current = saved.revision;
      // An edit made while this save was on its way keeps its own verdict (it may be over a limit).
      if (!pending.current) refused.current = false;
      dirtySince.current = pending.current ? Date.now() : null;
      if (!pending.current) setState({ kind: 'saved', at: new Date().toLocaleTimeString('sv-SE') });
      onSavedRef.current(saved);
      return true;
    } catch (err) {
      // The text stays on screen and queued; the message says why it was not saved.
      pending.current ??= next;
      refused.current = true;
      const fields = issuesOfError(err);
      if (fields) {
        setIssues(fields);
        setState({ kind: 'invalid', count: Object.keys(fields).length });
      } else {
        setState({ kind: 'error', message: errorMessage(err) });
      }
      return false;
    }
  }, [id]);

  /** Saves what is pending now; true when everything on screen is stored. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimer();
    for (;;) {
      while (inFlight.current) await inFlight.current;
      if (!pending.current) return !refused.current;
      const run = send();
      inFlight.current = run;
      const ok = await run;
      inFlight.current = null;
      if (!ok) return false;
    }
  }, [send]);

  const schedule = useCallback(() => {
    clearTimer();
    const since = dirtySince.current ?? Date.now();
    const wait = Math.max(0, Math.min(PAUSE_MS, MAX_WAIT_MS - (Date.now() - since)));
    timer.current = setTimeout(() => void flush(), wait);
  }, [flush]);

  const edit = useCallback(
    (edits: ReportEdits) => {
      pending.current = edits;
      const found = issuesOfEdits(edits);
      setIssues(found);
      const count = Object.keys(found).length;
      if (count > 0) {
        clearTimer();
        refused.current = true;
        setState({ kind: 'invalid', count });
        return;
      }
      refused.current = false;
      if (dirtySince.current === null) dirtySince.current = Date.now();
      setState({ kind: 'dirty' });
      schedule();
    },
    [schedule],
  );

  const setRevision = useCallback((r: number) => {
    revision.current = r;
  }, []);
  const getRevision = useCallback(() => revision.current, []);

  // Leaving the report (or the app) saves what is pending and valid; refused text cannot be saved, so
  // closing or reloading the window asks first (the browser's own "Lämna sidan?").
  useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      void flush();
      if (refused.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      void flush();
    };
  }, [flush]);

  return { state, issues, edit, flush, setRevision, getRevision };
}
