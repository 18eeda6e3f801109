import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { formatInteger } from '../../../../shared/format';
import {
  GRANULARITIES,
  GRANULARITY_LABELS,
  type BucketDto,
  type Granularity,
  type LofteDetails,
} from '../../../../shared/lofte-api';
import { activityText } from '../../../../shared/diff';
import { localDay } from '../../../../shared/time';
import { LOFTE_LIMITS } from '../../../../shared/lofte';
import { call } from '../../lib/client';
import { NumberField, refusalText } from './fields';
import { StatusMessage, type Notice } from '../../components/StatusMessage';

/** The same words as the summary's ("enligt plan", "efter plan"), by the same rule at the stretch's end. */
function statusText(b: BucketDto): string {
  if (b.status === 'kommande') return 'Kommande';
  const word = b.status === 'efter_plan' ? 'Efter plan' : 'Enligt plan';
  return b.running ? `Pågår, ${word.toLowerCase()}` : word;
}

/** Log a performed activity in a few seconds, and see progress against the targets. */
export function FollowUp({
  details,
  by,
  setBy,
  onLogged,
}: {
  details: LofteDetails;
  by: Granularity;
  setBy: (g: Granularity) => void;
  onLogged: () => void;
}) {
  const l = details.lofte;
  const decided = details.history.some((h) => h.state === 'beslutad');
  const today = localDay(new Date().toISOString());
  const [chosenKey, setActivityKey] = useState('');
  // The activities can change (a new version); an unknown choice falls back to the first one.
  const activityKey = l.content.activities.some((a) => a.key === chosenKey)
    ? chosenKey
    : (l.content.activities[0]?.key ?? '');
  const [day, setDay] = useState(today > l.periodTo ? l.periodTo : today < l.periodFrom ? l.periodFrom : today);
  const [count, setCount] = useState<number | null>(1);
  const [place, setPlace] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<(Notice & { undo?: number }) | null>(null);
  const log = useMutation({
    mutationFn: () => call('loften.log', { id: l.id, activityKey, day, count: count ?? 0, place, note }),
    onSuccess: (entry) => {
      setPlace('');
      setNote('');
      setCount(1);
      const a = l.content.activities.find((x) => x.key === entry.activityKey);
      setMessage({
        kind: 'info',
        text: `Registrerat: ${a?.kind ?? ''}, ${entry.day}, ${entry.count} st.`,
        undo: entry.id,
      });
      onLogged();
    },
    onError: (err) => setMessage({ kind: 'error', text: refusalText(err) }),
  });
  const remove = useMutation({
    mutationFn: (logId: number) => call('loften.deleteLog', { logId }),
    onSuccess: (entry) => {
      setMessage({ kind: 'info', text: `Registreringen ${entry.day} är borttagen.` });
      onLogged();
    },
    onError: (err) => setMessage({ kind: 'error', text: refusalText(err) }),
  });
  const name = (key: string) => l.content.activities.find((a) => a.key === key)?.kind ?? key;

  return (
    <section className="follow-up" aria-label="Uppföljning" data-testid="follow-up">
      {!decided ? (
        <p className="form-info">Aktiviteter registreras när löftet är beslutat.</p>
      ) : l.state === 'avslutad' ? (
        <p className="form-info">Löftet är avslutat; uppföljningen är stängd.</p>
      ) : (
        <form
          className="log-form"
          aria-label="Registrera aktivitet"
          onSubmit={(e) => {
            e.preventDefault();
            setMessage(null);
            log.mutate();
          }}
        >
          <label>
            Aktivitet
            <select value={activityKey} onChange={(e) => setActivityKey(e.target.value)}>
              {l.content.activities.map((a) => (
                <option key={a.key} value={a.key}>
                  {a.kind || 'Aktivitet utan namn'}
                </option>
              ))}
            </select>
          </label>
          <label>
            Datum
            <input
              type="date"
              value={day}
              min={l.periodFrom}
              max={l.periodTo}
              onChange={(e) => setDay(e.target.value)}
            />
          </label>
          <NumberField label="Antal" value={count} min={1} max={LOFTE_LIMITS.logCountMax} onChange={setCount} />
          <label>
            Plats
            <input value={place} maxLength={LOFTE_LIMITS.logPlace} onChange={(e) => setPlace(e.target.value)} />
          </label>
          <label>
            Anteckning
            <input value={note} maxLength={LOFTE_LIMITS.logNote} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" disabled={log.isPending}>
            Registrera
          </button>
        </form>
      )}
      <StatusMessage notice={message}>
        {message?.undo && (
          <>
            {' '}
            <button type="button" className="link" onClick={() => remove.mutate(message.undo!)}>
              Ångra
            </button>
          </>
        )}
      </StatusMessage>

      <label className="inline">
        Visa
        <select aria-label="Indelning" value={by} onChange={(e) => setBy(e.target.value as Granularity)}>
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {GRANULARITY_LABELS[g]}
            </option>
          ))}
        </select>
      </label>
      {details.progress.map((p) => {
        const a = l.content.activities.find((x) => x.key === p.key)!;
        return (
          <div key={p.key} className="progress-block">
            <h5>{activityText(a)}</h5>
            {!p.measurable || !p.schedule ? (
              <p className="form-info">
                Saknar antal eller takt: inget att mäta mot. {formatInteger(p.done)} registrerade.
              </p>
            ) : (
              <>
                <p data-testid={`progress-${p.key}`}>
                  {formatInteger(p.schedule.done)} gjorda av {formatInteger(p.schedule.total)} för hela perioden;
                  hittills skulle minst {formatInteger(p.schedule.required)} vara gjorda
                  {p.schedule.behind ? (
                    <strong className="behind"> – efter plan</strong>
                  ) : (
                    <span className="on-track"> – enligt plan</span>
                  )}
                  .
                </p>
                <table className="data-table lofte-progress" aria-label={`Framsteg: ${a.kind}`}>
                  <thead>
                    <tr>
                      <th scope="col">Period</th>
                      <th scope="col">Mål</th>
                      <th scope="col">Gjort</th>
                      <th scope="col">Hittills gjort av mål</th>
                      <th scope="col">Läge</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.buckets.map((b) => (
                      <tr key={b.label} className={`bucket-${b.status}`}>
                        <th scope="row" title={`${b.fromDay} – ${b.toDay}`}>
                          {b.label}
                        </th>
                        <td>{formatInteger(b.target)}</td>
                        <td>{formatInteger(b.done)}</td>
                        <td>
                          {b.status === 'kommande'
                            ? '–'
                            : `${formatInteger(b.doneSoFar)} av ${formatInteger(b.dueSoFar)}`}
                        </td>
                        <td>{statusText(b)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="muted lofte-progress-note">
                  Målen är hela aktiviteter: det som ska vara gjort en dag är den hela delen av målet fördelat jämnt
                  över perioden fram till den dagen. Läget jämför allt som gjorts sedan periodens början med det, vid
                  periodens slut eller i dag.
                </p>
              </>
            )}
          </div>
        );
      })}
      {details.logs.length > 0 && (
        <table className="data-table" aria-label="Registrerade aktiviteter">
          <caption>Registrerade aktiviteter</caption>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col">Aktivitet</th>
              <th scope="col">Antal</th>
              <th scope="col">Plats</th>
              <th scope="col">Anteckning</th>
              <th scope="col">
                <span className="visually-hidden">Ta bort</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {details.logs.slice(0, 100).map((x) => (
              <tr key={x.id}>
                <td>{x.day}</td>
                <td>{name(x.activityKey)}</td>
                <td>{formatInteger(x.count)}</td>
                <td>{x.place}</td>
                <td>{x.note}</td>
                <td>
                  {l.state !== 'avslutad' && (
                    <button type="button" className="link" onClick={() => remove.mutate(x.id)}>
                      Ta bort
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
