import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount } from '../../../../shared/format';
import type { PrivacyEraseResult } from '../../../../shared/pii';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { StatusMessage, type Notice } from '../../components/StatusMessage';
import { call, errorMessage } from '../../lib/client';
import { invalidateOp, useOp } from '../../lib/queries';
import { HitList } from './HitList';
import { hitKey, hitsText, type HitRef } from './hits';

const MIN_TERM = 3;
type Mode = 'mask' | 'erase';

function doneText(n: number, mode: Mode, res: PrivacyEraseResult): string {
  if (res.total === 0) return 'Inget ändrades: texterna innehöll inte längre sökordet.';
  const verb = mode === 'mask' ? 'maskerades' : 'raderades';
  return `${hitsText(n)} ${verb} (${formatCount(res.total, 'post', 'poster')} ändrades).`;
}

function confirmText(n: number, mode: Mode): string {
  const what =
    mode === 'mask'
      ? `Sökordet ersätts med ”[raderat]” i ${formatCount(n, 'text', 'texter')}.`
      : `${formatCount(n, 'text', 'texter')} töms helt.`;
  return `${what} Det går inte att ångra. Ändringen skrivs i ändringsloggen, utan sökordet.`;
}

/** "Sök och radera": find a name or personnummer in every free text, then mask or erase the chosen hits. */
export function SearchErasePanel() {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const [term, setTerm] = useState<string | null>(null);
  const [inputError, setInputError] = useState<string | undefined>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [asking, setAsking] = useState<Mode | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const search = useOp('privacy.search', { term: term ?? '' }, { enabled: term !== null });

  const hits = search.data?.groups.flatMap((g) => g.hits) ?? [];
  const chosen: HitRef[] = hits
    .filter((h) => selected.has(hitKey(h)))
    .map(({ source, id, field }) => ({ source, id, field }));
  const allChosen = hits.length > 0 && chosen.length === hits.length;

  const erase = useMutation({
    mutationFn: (v: { mode: Mode; hits: HitRef[] }) => call('privacy.erase', { term: term ?? '', ...v }),
    onSuccess: (res, v) => {
      setNotice({ kind: 'info', text: doneText(v.hits.length, v.mode, res) });
      setSelected(new Set());
      void invalidateOp(queryClient, 'privacy.search');
    },
    onError: (err) => setNotice({ kind: 'error', text: errorMessage(err) }),
  });

  function submit() {
    const t = draft.trim();
    setNotice(null);
    if (t.length < MIN_TERM) {
      setInputError(`Sök på minst ${MIN_TERM} tecken, så att sökningen inte träffar för mycket.`);
      return;
    }
    setInputError(undefined);
    setSelected(new Set());
    if (t === term) void search.refetch();
    else setTerm(t);
  }

  function toggle(key: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(key);
    else next.delete(key);
    setSelected(next);
  }

  return (
    <section className="privacy-panel" aria-labelledby="privacy-search-title">
      <h3 id="privacy-search-title">Sök och radera</h3>
      <p className="privacy-help">
        Sökningen går igenom all fritext: händelser och papperskorgen, importhistorik, medborgarlöften och
        överenskommelser, trygghetsvandringar och åtgärder, rapporter, kommentarer och ändringsloggen. Säkerhetskopior
        ändras inte här: den raderade texten försvinner ur dem när de roteras bort, som säkerhetskopior brukar.
      </p>
      <form
        className="privacy-search"
        role="search"
        aria-label="Sök personuppgifter"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field id="privacy-term" label="Namn, personnummer eller annan text" error={inputError}>
          {(p) => (
            <input {...p} type="search" autoComplete="off" value={draft} onChange={(e) => setDraft(e.target.value)} />
          )}
        </Field>
        <button type="submit">Sök</button>
      </form>

      <StatusMessage notice={notice} />
      {search.isError && <StatusMessage notice={{ kind: 'error', text: errorMessage(search.error) }} />}
      {term !== null && search.isFetching && !search.data && <p className="form-info">Söker…</p>}

      {term !== null && search.data && (
        <div className="privacy-results">
          <p className="privacy-count" role="status" data-testid="privacy-count">
            {search.data.total === 0 ? `Inga träffar för ”${term}”.` : `${hitsText(search.data.total)} för ”${term}”.`}
          </p>
          {search.data.total > 0 && (
            <>
              <div className="privacy-toolbar">
                <label className="privacy-all">
                  <input
                    type="checkbox"
                    checked={allChosen}
                    onChange={(e) => setSelected(e.target.checked ? new Set(hits.map(hitKey)) : new Set())}
                  />
                  Markera alla
                </label>
                <span className="muted">{chosen.length} valda</span>
                <button
                  type="button"
                  className="secondary"
                  disabled={chosen.length === 0 || erase.isPending}
                  onClick={() => setAsking('mask')}
                >
                  Maskera valda
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={chosen.length === 0 || erase.isPending}
                  onClick={() => setAsking('erase')}
                >
                  Radera valda
                </button>
              </div>
              <p className="muted privacy-modes">
                Maskera ersätter sökordet med ”[raderat]” och lämnar resten av texten. Radera tömmer hela texten.
              </p>
              <HitList result={search.data} term={term} selected={selected} onToggle={toggle} />
            </>
          )}
        </div>
      )}

      {asking && (
        <ConfirmDialog
          title={`${asking === 'mask' ? 'Maskera' : 'Radera'} ${hitsText(chosen.length)}?`}
          text={confirmText(chosen.length, asking)}
          confirmLabel={asking === 'mask' ? 'Maskera' : 'Radera'}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const mode = asking;
            setAsking(null);
            erase.mutate({ mode, hits: chosen });
          }}
        />
      )}
    </section>
  );
}
