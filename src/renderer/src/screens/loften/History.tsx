import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { diffContent } from '../../../../shared/diff';
import type { LofteComment, LofteContent } from '../../../../shared/lofte';
import { LOFTE_LIMITS, LOFTE_STATE_LABELS } from '../../../../shared/lofte';
import type { LofteDetails, SnapshotDto } from '../../../../shared/lofte-api';
import { USER_ROLE_LABELS, type UserRole } from '../../../../shared/profile';
import { formatLocalDateTime } from '../../../../shared/time';
import { call } from '../../lib/client';
import { refusalText, TextField } from './fields';
import { useScreenState } from '../../lib/screen-state';

/** Every state change and new version, and what changed between any of them and the text now. */
export function History({ details, current }: { details: LofteDetails; current: LofteContent }) {
  const snapshots = details.history;
  const [from, setFrom] = useState<number | null>(snapshots.at(-1)?.id ?? null);
  const base = snapshots.find((s) => s.id === from);
  const changes = base ? diffContent(base.content, current) : [];
  return (
    <section className="history" aria-label="Historik" data-testid="history">
      {snapshots.length === 0 ? (
        <p className="form-info">Ingen historik ännu: den första posten sparas när löftet skickas för granskning.</p>
      ) : (
        <>
          <ol>
            {snapshots.map((s) => (
              <li key={s.id}>
                <label>
                  <input type="radio" name="history-base" checked={s.id === from} onChange={() => setFrom(s.id)} />
                  {formatLocalDateTime(s.savedAt)}: version {s.version}, {s.reason} ({LOFTE_STATE_LABELS[s.state]})
                </label>
                <Recorded snapshot={s} />
              </li>
            ))}
          </ol>
          <h5>Ändringar sedan vald post</h5>
          {changes.length === 0 ? (
            <p className="form-info">Inga ändringar.</p>
          ) : (
            <dl className="diff" data-testid="diff">
              {changes.map((c) => (
                <div key={c.field}>
                  <dt>{c.label}</dt>
                  <dd>
                    {c.parts.map((p, i) =>
                      p.kind === 'same' ? (
                        <span key={i}>{p.text}</span>
                      ) : p.kind === 'removed' ? (
                        <del key={i}>{p.text}</del>
                      ) : (
                        <ins key={i}>{p.text}</ins>
                      ),
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </>
      )}
    </section>
  );
}

const roleLabel = (role: string | null) =>
  role && role in USER_ROLE_LABELS ? USER_ROLE_LABELS[role as UserRole].toLowerCase() : role;

/** Who made the change, and for a decision its protocol reference and the warnings it was made over. */
function Recorded({ snapshot: s }: { snapshot: SnapshotDto }) {
  const decision = s.state === 'beslutad' && s.reason === 'Besluta';
  const who = s.by
    ? [s.by.name, [roleLabel(s.by.role), s.by.organisation].filter(Boolean).join(', ')].filter(Boolean)
    : [];
  if (!decision && who.length === 0) return null;
  const whoText = who.length > 0 ? `${who[0]}${who[1] ? ` (${who[1]})` : ''}` : '';
  return (
    <div className="lofte-recorded" data-testid="history-recorded">
      {decision
        ? `Beslutat ${formatLocalDateTime(s.savedAt)} ${whoText ? `av ${whoText}` : '(vem som beslutade är inte registrerat)'}, ${s.protocolRef ? `protokoll ${s.protocolRef}` : 'ingen protokollhänvisning angiven'}.`
        : `Av ${whoText}.`}
      {s.warnings.length > 0 && (
        <details>
          <summary>
            Beslutat trots {s.warnings.length === 1 ? 'en varning' : `${s.warnings.length} varningar`} i
            SMART-kontrollen
          </summary>
          <ul>
            {s.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function Comments({ id, comments, onAdded }: { id: number; comments: LofteComment[]; onAdded: () => void }) {
  const [author, setAuthor] = useScreenState('loften.author', '');
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => call('loften.comment', { id, author, body }),
    onSuccess: () => {
      setBody('');
      onAdded();
    },
  });
  return (
    <section className="comments" aria-label="Kommentarer">
      <ul>
        {comments.map((c) => (
          <li key={c.id}>
            <strong>{c.author}</strong> <span className="muted">{formatLocalDateTime(c.createdAt)}</span>
            <p>{c.body}</p>
          </li>
        ))}
      </ul>
      <form
        aria-label="Ny kommentar"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <TextField label="Ditt namn" value={author} max={LOFTE_LIMITS.commentAuthor} onChange={setAuthor} />
        <TextField label="Kommentar" rows={2} value={body} max={LOFTE_LIMITS.commentBody} onChange={setBody} />
        <button type="submit" disabled={add.isPending}>
          Lägg till kommentar
        </button>
        {add.error && (
          <p className="form-error" role="alert">
            {refusalText(add.error)}
          </p>
        )}
      </form>
    </section>
  );
}
