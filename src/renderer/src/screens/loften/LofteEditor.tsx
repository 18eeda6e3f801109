import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { LofteContent, LofteState } from '../../../../shared/lofte';
import { isEditable, smartChecklist } from '../../../../shared/lofte';
import type { Granularity } from '../../../../shared/lofte-api';
import { addDays } from '../../../../shared/time';
import { call, errorMessage } from '../../lib/client';
import { Tabs } from '../../components/Tabs';
import { FollowUp } from './FollowUp';
import { Comments, History } from './History';
import { LofteForm } from './LofteForm';
import { LofteHeader } from './LofteHeader';
import { LofteSide } from './LofteSide';
import { useAutosave } from './useAutosave';
import { refusalText } from './fields';
import { invalidateOp, useOp } from '../../lib/queries';
import { setUnsaved } from '../../lib/unsaved';

/** Fields the form marks beside themselves; a refusal of any other part is listed under the status line. */
const SHOWN_BESIDE =
  /^(title|problem|effectGoal|followUp|activities|evidence)$|^activities\.\d+\.(kind|quantity|partner)$/;

/**
 * One löfte: its text (autosaved while it is a draft), evidence live beside it, SMART checklist, state
 * buttons, and below it the follow-up, the history with diffs and the comments.
 */
export function LofteEditor({
  id,
  kommunName,
  onChanged,
  onOpen,
  onUnsavedChange,
}: {
  id: number;
  kommunName: Map<number, string>;
  onChanged: () => void;
  onOpen: (id: number) => void;
  /** Told when text on screen could not be saved (refused), and when that is over. */
  onUnsavedChange?: (unsaved: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const [by, setBy] = useState<Granularity>('manad');
  const q = useOp('loften.get', { id, by });
  const focus = useOp('loften.focusAreas', {});
  const [content, setContent] = useState<LofteContent | null>(null);
  const [focusAreaId, setFocusAreaId] = useState<number | null>(null);
  const [tab, setTab] = useState<'uppfoljning' | 'historik' | 'kommentarer'>('uppfoljning');
  const [actionError, setActionError] = useState<string | null>(null);
  const autosave = useAutosave(id, onChanged);
  const lofte = q.data?.lofte;
  const refused = autosave.state.kind === 'invalid' || autosave.state.kind === 'error';
  useEffect(() => {
    onUnsavedChange?.(refused);
    setUnsaved(refused);
  }, [refused, onUnsavedChange]);
  useEffect(() => () => setUnsaved(false), []);
  useEffect(() => () => onUnsavedChange?.(false), [onUnsavedChange]);

  // Take the server's text when the löfte is first read and after every change of state or version.
  const loadedKey = useRef('');
  const { setRevision } = autosave;
  useEffect(() => {
    if (!lofte) return;
    const key = `${lofte.id}:${lofte.version}:${lofte.state}`;
    if (loadedKey.current === key) return;
    loadedKey.current = key;
    setRevision(lofte.revision);
    setContent(lofte.content);
    setFocusAreaId(lofte.focusAreaId);
  }, [lofte, setRevision]);

  const refresh = () => {
    void invalidateOp(queryClient, 'loften.get', { id });
    onChanged();
  };
  const after = (promise: Promise<unknown>) =>
    promise
      .then(() => {
        setActionError(null);
        refresh();
      })
      .catch((err: unknown) => setActionError(refusalText(err)));

  const transition = useMutation({
    mutationFn: async ({ to, protocolRef }: { to: LofteState; protocolRef?: string | undefined }) => {
      if (!(await autosave.flush())) return null;
      const revision = autosave.getRevision() ?? lofte!.revision;
      return call('loften.transition', { id, to, revision, ...(protocolRef ? { protocolRef } : {}) });
    },
    onSuccess: (l) => {
      if (!l) {
        setActionError(
          'Texten är inte sparad, så tillståndet ändrades inte. Rätta det som är markerat och försök igen.',
        );
        return;
      }
      setRevision(l.revision);
      setActionError(null);
      refresh();
    },
    onError: (err) => setActionError(refusalText(err)),
  });
  const copy = useMutation({
    mutationFn: () =>
      call('loften.create', {
        kommunId: lofte!.kommunId,
        periodFrom: addDays(lofte!.periodTo, 1),
        periodTo: nextPeriodEnd(lofte!.periodFrom, lofte!.periodTo),
        copyOf: id,
      }),
    onSuccess: (l) => {
      onChanged();
      onOpen(l.id);
    },
    onError: (err) => setActionError(refusalText(err)),
  });

  if (q.error) return <p className="form-error">{errorMessage(q.error)}</p>;
  if (q.isLoading || !lofte || !content) return <p className="form-info">Hämtar löftet…</p>;
  const editable = isEditable(lofte.state);
  const area = (focus.data ?? []).find((f) => f.id === focusAreaId) ?? null;
  const checks = smartChecklist(content, { periodFrom: lofte.periodFrom, periodTo: lofte.periodTo, focusArea: area });
  const areas = (focus.data ?? []).filter((f) => f.kommunIds.includes(lofte.kommunId));
  const edit = (next: LofteContent, nextFocus: number | null) => {
    setContent(next);
    setFocusAreaId(nextFocus);
    autosave.edit({ content: next, focusAreaId: nextFocus });
  };
  const otherIssues = Object.entries(autosave.issues).filter(([key]) => !SHOWN_BESIDE.test(key));

  return (
    <article className="lofte-editor" aria-labelledby="lofte-heading">
      <LofteHeader
        lofte={lofte}
        title={content.title}
        kommun={kommunName.get(lofte.kommunId) ?? ''}
        save={autosave.state}
        warnings={checks.filter((c) => !c.ok).map((c) => c.message)}
        busy={transition.isPending || copy.isPending}
        actionError={actionError}
        onTransition={(to, protocolRef) => transition.mutate({ to, protocolRef })}
        onNewVersion={() => void after(call('loften.newVersion', { id }))}
        onCopy={() => copy.mutate()}
      />
      {otherIssues.length > 0 && (
        <ul className="form-error">
          {otherIssues.map(([key, message]) => (
            <li key={key}>{message}</li>
          ))}
        </ul>
      )}
      <div className="lofte-body">
        <LofteForm
          content={content}
          focusAreaId={focusAreaId}
          areas={areas}
          editable={editable}
          issues={autosave.issues}
          onChange={edit}
        />
        <LofteSide
          kommunId={lofte.kommunId}
          evidence={content.evidence}
          evidenceIssue={autosave.issues.evidence}
          editable={editable}
          effect={q.data!.effect}
          checks={checks}
          onEvidence={(evidence) => edit({ ...content, evidence }, focusAreaId)}
        />
      </div>

      <Tabs
        label="Löftets uppföljning"
        tabs={[
          { id: 'uppfoljning', label: 'Uppföljning' },
          { id: 'historik', label: 'Historik' },
          { id: 'kommentarer', label: `Kommentarer (${q.data!.comments.length})` },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'uppfoljning' && (
        <FollowUp details={q.data!} by={by} setBy={setBy} onLogged={() => after(Promise.resolve())} />
      )}
      {tab === 'historik' && <History details={q.data!} current={content} />}
      {tab === 'kommentarer' && (
        <Comments id={id} comments={q.data!.comments} onAdded={() => after(Promise.resolve())} />
      )}
    </article>
  );
}

/** The next period as long as this one: a year gives the next year. */
function nextPeriodEnd(from: string, to: string): string {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(addDays(to, 1), days);
}
