import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupEntry, BackupOverview } from '../../../../shared/backups';
import { formatInteger } from '../../../../shared/format';
import { longDay } from '../../../../shared/report-text';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { StatusMessage, type Notice } from '../../components/StatusMessage';
import { call, errorMessage } from '../../lib/client';
import { useOp } from '../../lib/queries';
import { BackupSettingsForm } from './BackupSettingsForm';

const REASONS: Record<BackupEntry['reason'], string> = {
  daglig: 'Daglig',
  'före migrering': 'Före uppgradering',
  'före import': 'Före import',
  'före återställning': 'Före återställning',
  manuell: 'Manuell',
};

const time = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${longDay(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} kl. ${pad(d.getHours())}.${pad(d.getMinutes())}`;
};

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.ceil(bytes / 1024)} kB`;

/** "Säkerhetskopior": the open database's backups, restore, a backup now, the settings and the full check. */
export function BackupScreen() {
  const queryClient = useQueryClient();
  const overview = useOp('backups.overview', {});
  const info = useOp('app.info', {});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const refresh = () => void queryClient.invalidateQueries();
  const fail = (err: unknown) => setNotice({ kind: 'error', text: errorMessage(err) });

  const create = useMutation({
    mutationFn: () => call('backups.create', {}),
    onSuccess: (r) => {
      setNotice({ kind: 'info', text: `Säkerhetskopian är sparad och kontrollerad: ${r.path}` });
      refresh();
    },
    onError: fail,
  });
  const restore = useMutation({
    mutationFn: (name: string) => call('backups.restore', { name }),
    onSuccess: (r) => {
      setNotice({
        kind: 'info',
        text: `Databasen är återställd från ${r.restoredFrom} (${formatInteger(r.incidentCount)} händelser). Läget före återställningen finns kvar som ${r.safetyBackup}.`,
      });
      refresh();
    },
    onError: fail,
  });
  const check = useMutation({
    mutationFn: () => call('db.checkIntegrity', {}),
    onSuccess: (r) => {
      setNotice(
        r.ok
          ? { kind: 'info', text: 'Databasen är hel: hela kontrollen (integrity_check) hittade inga fel.' }
          : {
              kind: 'error',
              text: `Databasen är skadad och är nu skrivskyddad. SQLite rapporterar: ${r.problems.slice(0, 3).join('; ')}. Återställ från en säkerhetskopia nedan.`,
            },
      );
      refresh();
    },
    onError: fail,
  });

  const busy = create.isPending || restore.isPending || check.isPending;
  const data: BackupOverview | undefined = overview.data;
  return (
    <div className="backup-screen">
      <h2>Säkerhetskopior</h2>
      {info.data?.readOnly && (
        <p className="form-error" role="alert">
          {info.data.readOnly}
        </p>
      )}
      <p className="form-info">
        Lägesbild tar en kontrollerad kopia av databasen varje dag den öppnas, före varje uppgradering och import och
        före en återställning. {data && <>Kopiorna sparas i {data.dir}.</>}
      </p>
      <div className="actions left">
        <button type="button" disabled={busy || !!info.data?.readOnly} onClick={() => create.mutate()}>
          {create.isPending ? 'Säkerhetskopierar…' : 'Säkerhetskopiera nu'}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => check.mutate()}>
          {check.isPending ? 'Kontrollerar…' : 'Kontrollera databasen'}
        </button>
      </div>
      {notice && <StatusMessage notice={notice} />}
      <section aria-labelledby="backup-list">
        <h3 id="backup-list">Återställ från säkerhetskopia</h3>
        {overview.error && <p className="form-error">{errorMessage(overview.error)}</p>}
        {data && data.backups.length === 0 && <p className="form-info">Det finns inga säkerhetskopior ännu.</p>}
        {data && data.backups.length > 0 && (
          <table className="data-table backup-table">
            <thead>
              <tr>
                <th scope="col">Tagen</th>
                <th scope="col">Anledning</th>
                <th scope="col" className="num">
                  Händelser
                </th>
                <th scope="col" className="num">
                  Storlek
                </th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärd</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.backups.map((b) => (
                <tr key={b.name} data-testid="backup-row">
                  <td title={b.name}>{time(b.takenAt)}</td>
                  <td>{REASONS[b.reason]}</td>
                  <td className="num">
                    {b.incidentCount === null ? 'kan inte läsas' : formatInteger(b.incidentCount)}
                  </td>
                  <td className="num">{size(b.bytes)}</td>
                  <td>
                    <button
                      type="button"
                      className="secondary small"
                      disabled={busy || b.incidentCount === null}
                      aria-label={`Återställ kopian från ${time(b.takenAt)}`}
                      onClick={() => setRestoring(b)}
                    >
                      Återställ…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {data && <BackupSettingsForm overview={data} onSaved={refresh} />}
      {restoring && (
        <ConfirmDialog
          title="Återställ databasen?"
          text={`Databasen ersätts med kopian från ${time(restoring.takenAt)} (${formatInteger(restoring.incidentCount ?? 0)} händelser). Det som ändrats efter den försvinner ur databasen, men läget just nu sparas först som en egen säkerhetskopia, och ändringsloggens senare poster sparas i en fil bredvid kopiorna.`}
          confirmLabel="Återställ"
          onCancel={() => setRestoring(null)}
          onConfirm={() => {
            setNotice(null);
            restore.mutate(restoring.name);
            setRestoring(null);
          }}
        />
      )}
    </div>
  );
}
