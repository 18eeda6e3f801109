import type { DatabaseInfo } from '../../../shared/domain';

/** On every screen while the open file is damaged: why nothing can be changed, and where to restore it. */
export function ReadOnlyBanner({ info }: { info: DatabaseInfo | undefined }) {
  if (!info?.readOnly) return null;
  return (
    <div className="read-only-banner" role="alert" data-testid="read-only-banner">
      <strong>Skrivskyddad:</strong> {info.readOnly} <a href="#/sakerhetskopior">Återställ från en säkerhetskopia</a>
    </div>
  );
}
