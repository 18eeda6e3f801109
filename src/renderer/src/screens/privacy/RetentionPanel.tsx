import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount } from '../../../../shared/format';
import { RETENTION_YEARS, TRASH_DAYS, type PrivacySettings, type RetentionCounts } from '../../../../shared/pii';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { StatusMessage, type Notice } from '../../components/StatusMessage';
import { call, errorMessage } from '../../lib/client';
import { invalidateOp, useOp } from '../../lib/queries';

const descriptions = (n: number) => formatCount(n, 'beskrivning', 'beskrivningar');

/** What the saved setting clears: "12 beskrivningar äldre än 2023-11-29 töms." */
function pendingText(s: PrivacySettings): string {
  const { cutoffDay, descriptions: n, trash } = s.pending;
  if (s.descriptionYears === null || cutoffDay === null) return 'Beskrivningarna sparas alltid.';
  const inTrash = trash > 0 ? ` (och ${formatCount(trash, 'beskrivning', 'beskrivningar')} i papperskorgen)` : '';
  if (n === 0 && trash === 0) return `Inga beskrivningar är äldre än ${cutoffDay}.`;
  return `${descriptions(n)} äldre än ${cutoffDay}${inTrash} töms. Händelserna och antalen står kvar.`;
}

function confirmText(s: PrivacySettings): string {
  const parts: string[] = [];
  if (s.descriptionYears !== null && s.pending.cutoffDay !== null)
    parts.push(
      `${descriptions(s.pending.descriptions + s.pending.trash)} från före ${s.pending.cutoffDay} töms; händelserna och antalen står kvar.`,
    );
  parts.push(
    `${formatCount(s.trashExpired, 'händelse', 'händelser')} som legat i papperskorgen mer än ${TRASH_DAYS} dagar tas bort.`,
  );
  return `${parts.join(' ')} Det går inte att ångra.`;
}

function doneText(c: RetentionCounts): string {
  if (c.descriptions + c.trashDescriptions + c.trashPurged === 0) return 'Inget behövde tömmas.';
  return (
    `${descriptions(c.descriptions)} tömdes, ${descriptions(c.trashDescriptions)} i papperskorgen, ` +
    `${formatCount(c.trashPurged, 'händelse', 'händelser')} togs bort ur papperskorgen.`
  );
}

/** "Lagringstid för beskrivningar": how many years incident descriptions are kept, and clearing them now. */
export function RetentionPanel() {
  const queryClient = useQueryClient();
  const settings = useOp('privacy.settings.get', {});
  const [draft, setDraft] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const saved = settings.data
    ? settings.data.descriptionYears === null
      ? ''
      : String(settings.data.descriptionYears)
    : '';
  const value = draft ?? saved;
  const dirty = draft !== null && draft !== saved;

  const fail = (err: unknown) => setNotice({ kind: 'error', text: errorMessage(err) });
  const save = useMutation({
    mutationFn: (years: number | null) => call('privacy.settings.set', { descriptionYears: years }),
    onSuccess: (res) => {
      setDraft(null);
      setNotice({
        kind: 'info',
        text:
          res.descriptionYears === null
            ? 'Sparat: beskrivningarna sparas alltid.'
            : `Sparat: beskrivningar sparas i ${formatCount(res.descriptionYears, 'år', 'år')}.`,
      });
      void invalidateOp(queryClient, 'privacy.settings.get');
    },
    onError: fail,
  });
  const apply = useMutation({
    mutationFn: () => call('privacy.applyRetention', {}),
    onSuccess: (res) => {
      setNotice({ kind: 'info', text: doneText(res) });
      void invalidateOp(queryClient, 'privacy.settings.get');
    },
    onError: fail,
  });

  return (
    <section className="privacy-panel" aria-labelledby="privacy-retention-title">
      <h3 id="privacy-retention-title">Lagringstid för beskrivningar</h3>
      <p className="privacy-help">
        Beskrivningar äldre än lagringstiden töms. Händelserna, deras kategori, plats och tid står kvar, så alla antal
        och diagram blir desamma. Papperskorgen töms automatiskt efter {TRASH_DAYS} dagar.
      </p>
      <form
        className="privacy-retention"
        aria-label="Lagringstid"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(value === '' ? null : Number(value));
        }}
      >
        <div className="field">
          <label htmlFor="privacy-years">Spara beskrivningar</label>
          <select id="privacy-years" value={value} onChange={(e) => setDraft(e.target.value)}>
            <option value="">Alltid</option>
            {RETENTION_YEARS.map((y) => (
              <option key={y} value={String(y)}>
                {formatCount(y, 'år', 'år')}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={save.isPending || !settings.data}>
          Spara
        </button>
        <button
          type="button"
          className="secondary"
          disabled={apply.isPending || dirty || !settings.data}
          onClick={() => setAsking(true)}
        >
          Töm nu
        </button>
      </form>
      {settings.isError && <StatusMessage notice={{ kind: 'error', text: errorMessage(settings.error) }} />}
      {settings.data && (
        <p className="privacy-pending" data-testid="privacy-pending">
          {dirty ? 'Spara för att se vad den valda lagringstiden tömmer.' : pendingText(settings.data)}
        </p>
      )}
      <StatusMessage notice={notice} />
      {asking && settings.data && (
        <ConfirmDialog
          title="Töm gamla beskrivningar nu?"
          text={confirmText(settings.data)}
          confirmLabel="Töm nu"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            apply.mutate();
          }}
        />
      )}
    </section>
  );
}
