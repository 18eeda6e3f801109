import { useId, useState } from 'react';
import { formatInteger } from '../../../../shared/format';
import { REPORT_LIMITS, type ReportLogo } from '../../../../shared/report';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/svg+xml'];

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

/** Why a chosen file cannot be the logo, or null when it can. */
export function logoFileProblem(file: { name: string; type: string; size: number }): string | null {
  if (!ACCEPTED.includes(file.type)) return `${file.name} är ingen PNG-, JPEG- eller SVG-bild.`;
  if (file.size > REPORT_LIMITS.logoBytes) {
    const kb = formatInteger(Math.ceil(file.size / 1000));
    return `${file.name} är ${kb} kB. Logotypen får vara högst 1 MB: välj en mindre bild.`;
  }
  return null;
}

/**
 * The title page's logo: a PNG, JPEG or SVG file of at most 1 MB, read into the report (a data URL), shown
 * as a thumbnail and removable. A file that does not fit is refused here with the reason.
 */
export function LogoField({
  logo,
  error,
  disabled = false,
  onChange,
}: {
  logo: ReportLogo | null;
  error?: string | undefined;
  disabled?: boolean;
  onChange: (logo: ReportLogo | null) => void;
}) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const message = problem ?? error;
  return (
    <div className={`report-logo${message ? ' lofte-field-invalid' : ''}`}>
      <label htmlFor={id}>Logotyp (valfri)</label>
      <div className="report-logo-row">
        {logo ? (
          <img className="report-logo-thumb" src={logo.dataUrl} alt={`Vald logotyp: ${logo.fileName}`} />
        ) : (
          <span className="report-logo-none muted">Ingen logotyp</span>
        )}
        <input
          id={id}
          type="file"
          accept="image/png,image/jpeg,image/svg+xml"
          disabled={disabled}
          aria-invalid={message ? true : undefined}
          aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (!file) return;
            const bad = logoFileProblem(file);
            setProblem(bad);
            if (bad) return;
            readDataUrl(file)
              .then((dataUrl) => onChange({ fileName: file.name, dataUrl }))
              .catch(() => setProblem(`${file.name} kunde inte läsas.`));
          }}
        />
        <label htmlFor={id} className="report-logo-button" aria-hidden="true">
          {logo ? 'Byt bild…' : 'Välj bild…'}
        </label>
        {logo && !disabled && (
          <button type="button" className="secondary" onClick={() => onChange(null)}>
            Ta bort logotypen
          </button>
        )}
      </div>
      <span className="field-hint" id={`${id}-hint`}>
        PNG, JPEG eller SVG, högst 1 MB. Visas på titelsidan.
      </span>
      {message && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {message}
        </span>
      )}
    </div>
  );
}
