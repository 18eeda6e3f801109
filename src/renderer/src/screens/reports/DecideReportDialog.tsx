import { useEffect, useRef, useState } from 'react';
import { reportDecideSchema } from '../../../../shared/report-api';
import { localDay } from '../../../../shared/time';
import { Field } from '../../components/Field';

export interface Decision {
  decidedBy: string;
  decidedOn: string;
  protocolRef: string;
}

/**
 * Fastställ: who decided the report, when, and the protocol's paragraph or diarienummer. Once fastställd
 * its figures are frozen: it prints the same later, whatever is imported, and changes only as a new version.
 */
export function DecideReportDialog({
  error,
  busy,
  onConfirm,
  onCancel,
}: {
  error: string | null;
  busy: boolean;
  onConfirm: (d: Decision) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [d, setD] = useState<Decision>({
    decidedBy: 'Kommunfullmäktige',
    decidedOn: localDay(new Date().toISOString()),
    protocolRef: '',
  });
  const [issues, setIssues] = useState<Record<string, string>>({});
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
  }, []);
  const submit = () => {
    const parsed = reportDecideSchema.safeParse({ id: 1, revision: 0, ...d });
    if (parsed.success) return onConfirm({ ...d, decidedBy: d.decidedBy.trim(), protocolRef: d.protocolRef.trim() });
    const out: Record<string, string> = {};
    for (const i of parsed.error.issues) out[String(i.path[0])] ??= i.message;
    setIssues(out);
  };
  return (
    <dialog
      ref={ref}
      className="confirm report-decide"
      aria-labelledby="report-decide-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="report-decide-title">Fastställ rapporten</h2>
      <p>
        En fastställd rapport låses: texterna kan inte ändras och siffrorna fryses, så att den skrivs ut likadant senare
        även efter nya importer. Ändringar görs i en ny version.
      </p>
      <form
        aria-label="Fastställ rapporten"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field id="decide-by" label="Beslutat av" error={issues.decidedBy}>
          {(p) => (
            <input
              {...p}
              value={d.decidedBy}
              placeholder="t.ex. Kommunfullmäktige"
              onChange={(e) => setD({ ...d, decidedBy: e.target.value })}
            />
          )}
        </Field>
        <Field id="decide-on" label="Beslutsdatum" error={issues.decidedOn}>
          {(p) => (
            <input {...p} type="date" value={d.decidedOn} onChange={(e) => setD({ ...d, decidedOn: e.target.value })} />
          )}
        </Field>
        <Field id="decide-ref" label="Protokollsreferens (§ eller dnr)" error={issues.protocolRef}>
          {(p) => (
            <input
              {...p}
              value={d.protocolRef}
              placeholder="t.ex. KF 2026-12-14 § 141"
              onChange={(e) => setD({ ...d, protocolRef: e.target.value })}
            />
          )}
        </Field>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="secondary" autoFocus onClick={onCancel}>
            Avbryt
          </button>
          <button type="submit" disabled={busy}>
            Fastställ
          </button>
        </div>
      </form>
    </dialog>
  );
}
