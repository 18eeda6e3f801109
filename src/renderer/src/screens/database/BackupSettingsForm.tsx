import { useState } from 'react';
import { BACKUP_LIMITS, type BackupOverview, type BackupSettings } from '../../../../shared/backups';
import { StatusMessage, type Notice } from '../../components/StatusMessage';
import { call, errorMessage } from '../../lib/client';

/** Where backups go and how many are kept. */
export function BackupSettingsForm({ overview, onSaved }: { overview: BackupOverview; onSaved: () => void }) {
  const s = overview.settings;
  const [beside, setBeside] = useState(s.dir === null);
  const [dir, setDir] = useState(s.dir ?? '');
  const [daily, setDaily] = useState(String(s.daily));
  const [beforeChange, setBeforeChange] = useState(String(s.beforeChange));
  const [factor, setFactor] = useState(String(s.sizeFactor));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    setNotice(null);
    const next: BackupSettings = {
      dir: beside ? null : dir.trim(),
      daily: Number(daily),
      beforeChange: Number(beforeChange),
      sizeFactor: Number(factor),
    };
    try {
      const saved = await call('backups.saveSettings', next);
      setNotice({ kind: 'info', text: `Sparat. Kopiorna sparas i ${saved.dir}.` });
      onSaved();
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  }

  const range = `${BACKUP_LIMITS.minKeep}–${BACKUP_LIMITS.maxKeep}`;
  return (
    <section aria-labelledby="backup-settings" className="backup-settings">
      <h3 id="backup-settings">Inställningar</h3>
      <fieldset>
        <legend>Mapp för säkerhetskopior</legend>
        <label className="check">
          <input type="radio" name="backup-dir" checked={beside} onChange={() => setBeside(true)} />
          Bredvid databasen (mappen ”säkerhetskopior”)
        </label>
        <label className="check">
          <input type="radio" name="backup-dir" checked={!beside} onChange={() => setBeside(false)} />
          En annan mapp, t.ex. på en annan enhet eller kommunens dokumentlagring
        </label>
        {!beside && (
          <label>
            Mapp
            <input type="text" value={dir} onChange={(e) => setDir(e.target.value)} placeholder="/sökväg/till/mappen" />
          </label>
        )}
      </fieldset>
      <div className="form-row">
        <label>
          Dagliga kopior att behålla ({range})
          <input
            type="number"
            min={BACKUP_LIMITS.minKeep}
            max={BACKUP_LIMITS.maxKeep}
            value={daily}
            onChange={(e) => setDaily(e.target.value)}
          />
        </label>
        <label>
          Kopior före ändringar att behålla ({range})
          <input
            type="number"
            min={BACKUP_LIMITS.minKeep}
            max={BACKUP_LIMITS.maxKeep}
            value={beforeChange}
            onChange={(e) => setBeforeChange(e.target.value)}
          />
        </label>
        <label>
          Högst så här många gånger databasens storlek ({BACKUP_LIMITS.minFactor}–{BACKUP_LIMITS.maxFactor})
          <input
            type="number"
            min={BACKUP_LIMITS.minFactor}
            max={BACKUP_LIMITS.maxFactor}
            value={factor}
            onChange={(e) => setFactor(e.target.value)}
          />
        </label>
      </div>
      <p className="form-info">
        Äldsta kopian tas bort först. Personuppgifter som raderats ur databasen finns kvar i äldre kopior tills de tas
        bort av rotationen.
      </p>
      <div className="actions left">
        <button type="button" disabled={saving} onClick={() => void save()}>
          Spara inställningar
        </button>
      </div>
      {notice && <StatusMessage notice={notice} />}
    </section>
  );
}
