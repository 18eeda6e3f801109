import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LofteContent, LofteState } from '../../../../shared/lofte';
import {
  CADENCE_LABELS,
  CADENCES,
  isEditable,
  LOFTE_STATE_LABELS,
  LOFTE_TRANSITIONS,
  RESPONSIBLE,
  RESPONSIBLE_LABELS,
  smartChecklist,
} from '../../../../shared/lofte';
import { EFFECT_LABELS, type Granularity } from '../../../../shared/lofte-api';
import { formatDecimal1, formatInteger } from '../../../../shared/format';
import { addDays } from '../../../../shared/time';
import { call, errorMessage } from '../../lib/client';
import { Evidence } from './Evidence';
import { FollowUp } from './FollowUp';
import { Comments, History } from './History';
import { Tabs } from '../../components/Tabs';

/** Autosave: a pause in typing this long saves; typing on, a save at least this often. */
const PAUSE_MS = 600;
const MAX_WAIT_MS = 1500;

type SaveStatus = { kind: 'saved' | 'saving' | 'dirty' | 'error'; text: string };

/**
 * One löfte: its text (autosaved while it is a draft), evidence live beside it, SMART checklist, state
 * buttons, and below it the follow-up, the history with diffs and the comments.
 */
export function LofteEditor({
  id,
  kommunName,
  onChanged,
  onOpen,
}: {
  id: number;
  kommunName: Map<number, string>;
  onChanged: () => void;
  onOpen: (id: number) => void;
}) {
  const queryClient = useQueryClient();
  const [by, setBy] = useState<Granularity>('manad');
  const q = useQuery({ queryKey: ['loften.get', id, by], queryFn: () => call('loften.get', { id, by }) });
  const focus = useQuery({ queryKey: ['loften.focusAreas'], queryFn: () => call('loften.focusAreas', {}) });
  const [content, setContent] = useState<LofteContent | null>(null);
  const [focusAreaId, setFocusAreaId] = useState<number | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', text: '' });
  const [tab, setTab] = useState<'uppfoljning' | 'historik' | 'kommentarer'>('uppfoljning');
  const [actionError, setActionError] = useState<string | null>(null);
  const revision = useRef<number | null>(null);
  const pending = useRef<{ content: LofteContent; focusAreaId: number | null } | null>(null);
  const inFlight = useRef(false);
  const dirtySince = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lofte = q.data?.lofte;

  // Take the server's text when the löfte is first read and after every change of state or version.
  const loadedKey = useRef('');
  useEffect(() => {
    if (!lofte) return;
    const key = `${lofte.id}:${lofte.version}:${lofte.state}`;
    if (loadedKey.current === key && content !== null) return;
    loadedKey.current = key;
    revision.current = lofte.revision;
    setContent(lofte.content);
    setFocusAreaId(lofte.focusAreaId);
  }, [lofte, content]);

  const editable = lofte ? isEditable(lofte.state) : false;

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current || !pending.current || revision.current === null) return;
    const next = pending.current;
    pending.current = null;
    inFlight.current = true;
    setStatus({ kind: 'saving', text: 'Sparar…' });
    try {
      const saved = await call('loften.save', {
        id,
        revision: revision.current,
        content: next.content,
        focusAreaId: next.focusAreaId,
      });
      revision.current = saved.revision;
      dirtySince.current = pending.current ? Date.now() : null;
      setStatus({ kind: 'saved', text: `Sparat ${new Date().toLocaleTimeString('sv-SE')}` });
      onChanged();
    } catch (err) {
      // Keep the text on screen and in the queue; the message says why it was not saved.
      if (!pending.current) pending.current = next;
      setStatus({ kind: 'error', text: `Inte sparat: ${errorMessage(err)}` });
    } finally {
      inFlight.current = false;
    }
    if (pending.current && revision.current !== null) schedule();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, onChanged]);

  function schedule() {
    if (timer.current) clearTimeout(timer.current);
    const since = dirtySince.current ?? Date.now();
    const wait = Math.max(0, Math.min(PAUSE_MS, MAX_WAIT_MS - (Date.now() - since)));
    timer.current = setTimeout(() => void flush(), wait);
  }

  const edit = (next: LofteContent, nextFocus = focusAreaId) => {
    setContent(next);
    pending.current = { content: next, focusAreaId: nextFocus };
    if (dirtySince.current === null) dirtySince.current = Date.now();
    setStatus({ kind: 'dirty', text: 'Ändrat…' });
    schedule();
  };

  // Leaving the löfte (or the app) saves what is pending.
  useEffect(() => {
    const onLeave = () => void flush();
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      void flush();
    };
  }, [flush]);

  const after = (promise: Promise<unknown>) =>
    promise
      .then(() => {
        setActionError(null);
        void queryClient.invalidateQueries({ queryKey: ['loften.get', id] });
        onChanged();
      })
      .catch((err: unknown) => setActionError(errorMessage(err)));

  const transition = useMutation({
    mutationFn: async (to: LofteState) => {
      await flush();
      return call('loften.transition', { id, to });
    },
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
    onError: (err) => setActionError(errorMessage(err)),
  });

  if (q.isLoading || !lofte || !content) return <p className="form-info">Hämtar löftet…</p>;
  if (q.error) return <p className="form-error">{errorMessage(q.error)}</p>;
  const checks = smartChecklist(content);
  const set = <K extends keyof LofteContent>(key: K, value: LofteContent[K]) => edit({ ...content, [key]: value });
  const setActivity = (i: number, patch: Partial<LofteContent['activities'][number]>) =>
    set(
      'activities',
      content.activities.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    );
  const areas = (focus.data ?? []).filter((f) => f.kommunIds.includes(lofte.kommunId));

  return (
    <article className="lofte-editor" aria-labelledby="lofte-heading">
      <header className="lofte-head">
        <h3 id="lofte-heading">{content.title || 'Löfte utan rubrik'}</h3>
        <p>
          {kommunName.get(lofte.kommunId)} · {lofte.periodFrom} – {lofte.periodTo} · version {lofte.version} ·{' '}
          <span className={`state state-${lofte.state}`} data-testid="lofte-state">
            {LOFTE_STATE_LABELS[lofte.state]}
          </span>
        </p>
        <p className={`autosave autosave-${status.kind}`} role="status" data-testid="autosave-status">
          {editable ? status.text || 'Ändringar sparas automatiskt.' : 'Låst: ändras bara genom en ny version.'}
        </p>
        <div className="actions" role="group" aria-label="Tillstånd">
          {LOFTE_TRANSITIONS.filter((t) => t.from === lofte.state).map((t) => (
            <button
              key={t.to}
              type="button"
              className={t.to === 'utkast' ? 'secondary' : undefined}
              disabled={transition.isPending}
              onClick={() => void after(transition.mutateAsync(t.to))}
            >
              {t.label}
            </button>
          ))}
          {(lofte.state === 'beslutad' || lofte.state === 'uppfoljning') && (
            <button type="button" className="secondary" onClick={() => void after(call('loften.newVersion', { id }))}>
              Ny version
            </button>
          )}
          <button type="button" className="secondary" onClick={() => copy.mutate()}>
            Ny period från detta löfte
          </button>
        </div>
        {actionError && (
          <p className="form-error" role="alert">
            {actionError}
          </p>
        )}
      </header>

      <div className="lofte-body">
        <fieldset className="lofte-form" disabled={!editable}>
          <legend className="visually-hidden">Löftets text</legend>
          <label>
            Rubrik
            <input
              aria-label="Rubrik"
              value={content.title}
              maxLength={200}
              onChange={(e) => set('title', e.target.value)}
            />
          </label>
          <label>
            Fokusområde
            <select
              value={focusAreaId ?? ''}
              onChange={(e) => {
                const v = e.target.value ? Number(e.target.value) : null;
                setFocusAreaId(v);
                edit(content, v);
              }}
            >
              <option value="">Inget valt</option>
              {areas.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title} ({f.agreementTitle})
                </option>
              ))}
            </select>
          </label>
          <label>
            Problem
            <textarea
              aria-label="Problem"
              rows={4}
              value={content.problem}
              onChange={(e) => set('problem', e.target.value)}
            />
          </label>
          <fieldset className="activities">
            <legend>Aktiviteter</legend>
            {content.activities.length === 0 && <p className="form-info">Inga aktiviteter ännu.</p>}
            {content.activities.map((a, i) => (
              <div key={a.key} className="activity-row" role="group" aria-label={`Aktivitet ${i + 1}`}>
                <label>
                  Aktivitet
                  <input value={a.kind} maxLength={200} onChange={(e) => setActivity(i, { kind: e.target.value })} />
                </label>
                <label>
                  Minst antal
                  <input
                    type="number"
                    min={1}
                    value={a.quantity ?? ''}
                    onChange={(e) =>
                      setActivity(i, {
                        quantity: e.target.value ? Math.max(1, Math.round(Number(e.target.value))) : null,
                      })
                    }
                  />
                </label>
                <label>
                  Takt
                  <select
                    value={a.cadence ?? ''}
                    onChange={(e) => setActivity(i, { cadence: (e.target.value || null) as typeof a.cadence })}
                  >
                    <option value="">Välj…</option>
                    {CADENCES.map((c) => (
                      <option key={c} value={c}>
                        {CADENCE_LABELS[c]}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Ansvarig
                  <select
                    value={a.responsible ?? ''}
                    onChange={(e) => setActivity(i, { responsible: (e.target.value || null) as typeof a.responsible })}
                  >
                    <option value="">Välj…</option>
                    {RESPONSIBLE.map((r) => (
                      <option key={r} value={r}>
                        {RESPONSIBLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                </label>
                {a.responsible === 'partner' && (
                  <label>
                    Partner
                    <input
                      value={a.partner}
                      maxLength={200}
                      onChange={(e) => setActivity(i, { partner: e.target.value })}
                    />
                  </label>
                )}
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Ta bort aktivitet ${i + 1}`}
                  onClick={() =>
                    set(
                      'activities',
                      content.activities.filter((_, j) => j !== i),
                    )
                  }
                >
                  Ta bort
                </button>
              </div>
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set('activities', [
                  ...content.activities,
                  {
                    key: `a${Date.now().toString(36)}`,
                    kind: '',
                    quantity: null,
                    cadence: null,
                    responsible: null,
                    partner: '',
                    note: '',
                  },
                ])
              }
            >
              Lägg till aktivitet
            </button>
          </fieldset>
          <label>
            Effektmål
            <textarea
              aria-label="Effektmål"
              rows={2}
              value={content.effectGoal}
              onChange={(e) => set('effectGoal', e.target.value)}
            />
          </label>
          <label>
            Så följs löftet upp
            <textarea
              aria-label="Så följs löftet upp"
              rows={2}
              value={content.followUp}
              onChange={(e) => set('followUp', e.target.value)}
            />
          </label>
        </fieldset>

        <aside className="lofte-side" aria-label="Underlag och kontroll">
          <Evidence
            kommunId={lofte.kommunId}
            evidence={content.evidence}
            editable={editable}
            onChange={(evidence) => set('evidence', evidence)}
          />
          {q.data!.effect.length > 0 && (
            <section aria-labelledby="effect-title" className="effect">
              <h4 id="effect-title">Effekt mot underlaget</h4>
              <ul data-testid="effect">
                {q.data!.effect.map((e, i) => (
                  <li key={i}>
                    <strong>{e.label}</strong>:{' '}
                    {e.before && e.after
                      ? `${formatEffect(e.kind, e.before.value)} (${e.before.label}) → ${formatEffect(e.kind, e.after.value)} (${e.after.label})`
                      : e.before
                        ? `${formatEffect(e.kind, e.before.value)} (${e.before.label}) → ?`
                        : ''}{' '}
                    <span className={`effect-${e.verdict}`}>
                      {EFFECT_LABELS[e.verdict]}
                      {e.z !== null && ` (z = ${formatDecimal1(e.z)})`}
                    </span>
                    <div className="muted">{e.note}</div>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="smart-title" className="smart">
            <h4 id="smart-title">SMART-kontroll</h4>
            <ul data-testid="smart-checklist">
              {checks.map((c) => (
                <li key={c.id} className={c.ok ? 'check-ok' : 'check-warn'}>
                  <span aria-hidden="true">{c.ok ? '✓ ' : '⚠ '}</span>
                  {c.message}
                </li>
              ))}
            </ul>
          </section>
        </aside>
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

const formatEffect = (kind: 'survey' | 'incidents', v: number) =>
  kind === 'incidents' ? formatInteger(v) : v.toLocaleString('sv-SE', { maximumFractionDigits: 2 });

/** The next period as long as this one: a year gives the next year. */
function nextPeriodEnd(from: string, to: string): string {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(addDays(to, 1), days);
}
