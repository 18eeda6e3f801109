import type { Incident, Reference } from '../../../shared/domain';
import { PRECISION_LABELS, SOURCE_LABELS, STATUS_LABELS } from '../../../shared/domain';
import { categoryLabel, subcategoryLabel } from '../../../shared/taxonomy';
import { formatLocalDateTime } from '../../../shared/time';

interface Props {
  incident: Incident;
  reference: Reference;
  onEdit: () => void;
  onDelete: () => void;
  onClose: () => void;
}

const coord = (v: number) => v.toLocaleString('sv-SE', { maximumFractionDigits: 5 });

export function DetailPanel({ incident: i, reference, onEdit, onDelete, onClose }: Props) {
  const kommun = reference.kommuner.find((k) => k.id === i.kommunId);
  const lpo = reference.lpos.find((l) => l.id === i.lpoId);
  const rows: [string, string][] = [
    ['Inträffade', formatLocalDateTime(i.occurredAt)],
    ['Rapporterad', formatLocalDateTime(i.reportedAt)],
    ['Kommun', `${kommun?.name ?? ''} (LPO ${lpo?.name ?? ''})`],
    ['Plats', i.placeName || '–'],
    ['Kategori', `${categoryLabel(i.category)} – ${subcategoryLabel(i.subcategory)}`],
    ['Källa', SOURCE_LABELS[i.source] + (i.sourceRef ? ` (${i.sourceRef})` : '')],
    ['Status', STATUS_LABELS[i.status]],
    ['Rapporterande organisation', i.reporterOrg || '–'],
    [
      'Position',
      i.lat !== null && i.lon !== null
        ? `${coord(i.lat)}, ${coord(i.lon)} – ${i.precision ? PRECISION_LABELS[i.precision] : ''}`
        : 'Ingen position',
    ],
    ['Senast ändrad', formatLocalDateTime(i.updatedAt)],
  ];
  return (
    <section className="detail" aria-label={`Händelse ${i.id}`} data-testid="detail-panel">
      <div className="detail-head">
        <h2>Händelse {i.id}</h2>
        <button type="button" className="link" aria-label="Stäng detaljer" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="detail-description">{i.description}</p>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" onClick={onEdit}>
          Redigera
        </button>
        <button type="button" className="danger" onClick={onDelete}>
          Ta bort
        </button>
      </div>
    </section>
  );
}
