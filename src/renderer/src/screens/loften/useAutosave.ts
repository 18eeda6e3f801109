import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lofte, LofteContent } from '../../../../shared/lofte';
import { lofteContentSchema } from '../../../../shared/schemas';
import { ApiCallError, call, errorMessage } from '../../lib/client';

/** Autosave: a pause in typing this long saves; typing on, a save at least this often. */
const PAUSE_MS = 600;
const MAX_WAIT_MS = 1500;

export interface Draft {
  content: LofteContent;
  focusAreaId: number | null;
}

/** Messages per field of the content, keyed as the schema's path: "effectGoal", "activities.0.quantity". */
export type FieldIssues = Readonly<Record<string, string>>;

/**
 * What the status line may say. "Sparar…" only while a save is on its way, "Sparat" only after one
 * succeeded and nothing changed since; a refused draft stays "Inte sparat" until it is fixed.
 */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'invalid'; count: number }
  | { kind: 'error'; message: string };

export function saveStateText(s: SaveState): string {
  switch (s.kind) {
    case 'idle':
      return 'Ändringar sparas automatiskt.';
    case 'dirty':
      return 'Ändrat, sparas strax.';
    case 'saving':
      return 'Sparar…';
    case 'saved':
      return `Sparat ${s.at}`;
    case 'invalid':
      return s.count === 1
        ? 'Inte sparat: rätta fältet markerat nedan.'
        : `Inte sparat: rätta de ${s.count} fälten markerade nedan.`;
    case 'error':
      return `Inte sparat: ${s.message}`;
  }
}

/** True when what is on screen is what is stored: then, and only then, the state may change. */
export const isSettled = (s: SaveState): boolean => s.kind === 'idle' || s.kind === 'saved';

function issuesOfContent(content: LofteContent): FieldIssues {
  const parsed = lofteContentSchema.safeParse(content);
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
 * Saves a löfte's draft while it is typed: checked against the same schema core uses before it is sent,
 * so text over a limit is never sent, never lost from the screen, and marked beside its field. A save
 * refused by core (a newer revision elsewhere, a field) stays refused until the next edit.
 */
export function useAutosave(id: number, onSaved: (l: Lofte) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [issues, setIssues] = useState<FieldIssues>({});
  const revision = useRef<number | null>(null);
  const pending = useRef<Draft | null>(null);
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
    if (Object.keys(issuesOfContent(next.content)).length > 0) return false;
    pending.current = null;
    setState({ kind: 'saving' });
    try {
      const saved = await call('loften.save', {
        id,
        revision: revision.current,
        content: next.content,
        focusAreaId: next.focusAreaId,
      });
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
    (draft: Draft) => {
      pending.current = draft;
      const found = issuesOfContent(draft.content);
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

  /** The revision the editor holds: read with the löfte, bumped by every save and state change. */
  const setRevision = useCallback((r: number) => {
    revision.current = r;
  }, []);
  const getRevision = useCallback(() => revision.current, []);

  // Leaving the löfte (or the app) saves what is pending and valid; text the rules refused cannot be saved,
  // so closing or reloading the window asks first (the browser's own "Lämna sidan?").
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
