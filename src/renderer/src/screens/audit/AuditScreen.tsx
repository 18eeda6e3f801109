/**
 * "Ändringslogg": every change to incidents, löften, agreements, walks, åtgärder, reports and imports, with
 * who, when and before → after. Filters (object, user, days, text), pages of 100 newest first, "Kontrollera
 * loggen" (the hash chain, with a plain answer) and "Exportera CSV".
 */
import { useState } from 'react';
import { AUDIT_OBJECT_LABELS } from '../../../../shared/audit';
import { formatInteger } from '../../../../shared/format';
import { call, errorMessage } from '../../lib/client';
import { useOp } from '../../lib/queries';
import { AuditTable } from './AuditTable';
import { VerifyPanel } from './VerifyPanel';

const PAGE = 100;

export function AuditScreen() {
  const [objectType, setObjectType] = useState('');
  const [actor, setActor] = useState('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [text, setText] = useState('');
  /** The `beforeId` of each page shown so far: the last is the current page. */
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const [exportNote, setExportNote] = useState<{ text: string; error: boolean } | null>(null);
  const filter = {
    ...(objectType ? { objectType } : {}),
    ...(actor ? { actor } : {}),
    ...(fromDay ? { fromDay } : {}),
    ...(toDay ? { toDay } : {}),
    ...(text.trim() ? { text: text.trim() } : {}),
  };
  const beforeId = pages[pages.length - 1];
  const list = useOp('audit.list', { ...filter, limit: PAGE, ...(beforeId ? { beforeId } : {}) });
  const refilter = (set: (v: string) => void) => (v: string) => {
    set(v);
    setPages([undefined]);
  };

  async function doExport() {
    setExportNote(null);
    try {
      const res = await call('audit.export', filter);
      if (res.downloadUrl) {
        const a = document.createElement('a');
        a.href = res.downloadUrl;
        a.download = res.fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
      }
      if (res.savedTo || res.downloadUrl) {
        setExportNote({
          text: `${formatInteger(res.rows)} poster exporterade till ${res.savedTo ?? res.fileName}.`,
          error: false,
        });
      }
    } catch (err) {
      setExportNote({ text: errorMessage(err), error: true });
    }
  }

  return (
    <section className="audit-screen" aria-labelledby="audit-title">
      <h2 id="audit-title">Ändringslogg</h2>
      <VerifyPanel />
      <div className="audit-filters" role="group" aria-label="Urval">
        <label>
          Objekt
          <select value={objectType} onChange={(e) => refilter(setObjectType)(e.target.value)}>
            <option value="">Alla</option>
            {Object.entries(AUDIT_OBJECT_LABELS).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Användare
          <select value={actor} onChange={(e) => refilter(setActor)(e.target.value)}>
            <option value="">Alla</option>
            {(list.data?.actors ?? (actor ? [actor] : [])).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          Från
          <input type="date" value={fromDay} onChange={(e) => refilter(setFromDay)(e.target.value)} />
        </label>
        <label>
          Till
          <input type="date" value={toDay} onChange={(e) => refilter(setToDay)(e.target.value)} />
        </label>
        <label>
          Sök
          <input type="search" value={text} onChange={(e) => refilter(setText)(e.target.value)} />
        </label>
        <button type="button" className="secondary" onClick={() => void doExport()}>
          Exportera CSV
        </button>
      </div>
      {exportNote && (
        <p className={exportNote.error ? 'form-error' : 'form-info'} role={exportNote.error ? 'alert' : 'status'}>
          {exportNote.text}
        </p>
      )}
      {list.error && (
        <p className="form-error" role="alert">
          {errorMessage(list.error)}
        </p>
      )}
      {list.isLoading && <p className="form-info">Hämtar…</p>}
      {list.data && list.data.entries.length === 0 && <p>Inga poster för det här urvalet.</p>}
      {list.data && list.data.entries.length > 0 && <AuditTable entries={list.data.entries} />}
      <p className="actions left">
        <button
          type="button"
          className="secondary"
          disabled={pages.length < 2}
          onClick={() => setPages(pages.slice(0, -1))}
        >
          Nyare
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!list.data?.nextBeforeId}
          onClick={() => list.data?.nextBeforeId && setPages([...pages, list.data.nextBeforeId])}
        >
          Äldre
        </button>
      </p>
    </section>
  );
}
