import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './client';

/** A pause in typing this long saves; typing on, a save at least this often (README "Drafting"). */
export const PAUSE_MS = 600;
export const MAX_WAIT_MS = 1500;

/** Messages per field, keyed by the field's path in the value: "effectGoal", "texts.analys". */
export type FieldIssues = Readonly<Record<string, string>>;

/**
 * What the status line may say. "Sparar…" only while a save is on its way, "Sparat" only after one
 * succeeded and nothing changed since; a refused value stays "Inte sparat" until it is fixed.
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

export interface AutosaveOptions<T extends object, S extends { revision: number }> {
  /**
   * Stores a value on top of the revision the editor holds and resolves with what was stored (its new
   * revision). Its identity names the document: keep it stable for one document (useCallback on its id);
   * a new one first sends what is pending through the old one.
   */
  save: (value: T, revision: number) => Promise<S>;
  /** The checks core makes, keyed by field; empty when the value may be sent. */
  check: (value: T) => FieldIssues;
  /** A refusal by core keyed by field; null when it is not about fields (its message is shown instead). */
  issuesOfError: (err: unknown) => FieldIssues | null;
  /** Told after every save that was stored. */
  onSaved: (saved: S) => void;
}

export interface Autosave<T extends object> {
  state: SaveState;
  issues: FieldIssues;
  /** The value now on screen: checked at once, saved after a pause (or the longest wait) when it passes. */
  edit: (value: T) => void;
  /** Saves what is pending now; true when everything on screen is stored. */
  flush: () => Promise<boolean>;
  /** The revision the editor holds: read with the document, bumped by every save and state change. */
  setRevision: (r: number) => void;
  getRevision: () => number | null;
}

/**
 * Saves a value while it is edited: checked against the same schema core uses before it is sent, so text
 * over a limit is never sent, never lost from the screen, and marked beside its field. A save refused by
 * core (a newer revision elsewhere, a field, a locked document) stays refused, with its message, until the
 * next edit. Leaving (unmount, closing or reloading the window) saves what is pending and valid; refused
 * text cannot be saved, so closing or reloading asks first (the browser's own "Lämna sidan?").
 */
export function useAutosave<T extends object, S extends { revision: number }>(
  options: AutosaveOptions<T, S>,
): Autosave<T> {
  const { save } = options;
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [issues, setIssues] = useState<FieldIssues>({});
  const revision = useRef<number | null>(null);
  const pending = useRef<T | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const dirtySince = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refused = useRef(false);
  // The checks and the listener are read when used, so callers may pass them inline.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const send = useCallback(async (): Promise<boolean> => {
    const next = pending.current;
    if (next === null) return !refused.current;
    if (revision.current === null) return false;
    if (Object.keys(latest.current.check(next)).length > 0) return false;
    pending.current = null;
    setState({ kind: 'saving' });
    try {
      const saved = await save(next, revision.current);
      revision.current = saved.revision;
      // An edit made while this save was on its way keeps its own verdict (it may be over a limit).
      const editedSince = pending.current !== null;
      if (!editedSince) refused.current = false;
      dirtySince.current = editedSince ? Date.now() : null;
      if (!editedSince) setState({ kind: 'saved', at: new Date().toLocaleTimeString('sv-SE') });
      latest.current.onSaved(saved);
      return true;
    } catch (err) {
      // The text stays on screen and queued; the message says why it was not saved.
      pending.current ??= next;
      refused.current = true;
      const fields = latest.current.issuesOfError(err);
      if (fields) {
        setIssues(fields);
        setState({ kind: 'invalid', count: Object.keys(fields).length });
      } else {
        setState({ kind: 'error', message: errorMessage(err) });
      }
      return false;
    }
  }, [save]);

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimer();
    for (;;) {
      while (inFlight.current) await inFlight.current;
      if (pending.current === null) return !refused.current;
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
    (value: T) => {
      pending.current = value;
      const found = latest.current.check(value);
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
