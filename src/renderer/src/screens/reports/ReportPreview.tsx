import type { ReportSource } from '../../../../shared/report-api';
import { errorMessage } from '../../lib/client';
import { useOp } from '../../lib/queries';
import { PdfPages } from './PdfPages';

/**
 * Förhandsgranska: the PDF exactly as it will be saved (`reports.preview`, printed by the same route as
 * the export), shown page by page. Personal data is not masked here; that is decided at export.
 */
export function ReportPreview({ source }: { source: ReportSource }) {
  const q = useOp('reports.preview', { source }, { staleTime: 0, gcTime: 60_000 });
  return (
    <section className="report-preview" aria-label="Förhandsgranskning">
      {q.error && (
        <p className="form-error" role="alert">
          Förhandsgranskningen kunde inte skapas: {errorMessage(q.error)}
        </p>
      )}
      {q.isPending && !q.error && (
        <p className="pdf-progress" role="status" aria-busy="true">
          Skapar PDF:en som den skrivs ut…
        </p>
      )}
      {q.data && <PdfPages key={q.dataUpdatedAt} pdfBase64={q.data.pdfBase64} label="Rapportens sidor" />}
    </section>
  );
}
