import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { base64Bytes, drawPage, openPdf, pageSizes } from './pdf';

/** Widest a page is drawn (CSS px): fit to the width of the pane, but not wider than reads well. */
const MAX_WIDTH = 960;

type Phase =
  { kind: 'opening' } | { kind: 'drawing'; done: number } | { kind: 'done' } | { kind: 'error'; message: string };

/**
 * The PDF page by page as it will print: one canvas per page ("Sida N av M"), fitted to the pane's width,
 * drawn one after the other with the progress said; every page's place is reserved first, so the pane does
 * not jump while they are drawn. Keyed by its PDF: a new PDF is a new component.
 */
export function PdfPages({ pdfBase64, label }: { pdfBase64: string; label: string }) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [sizes, setSizes] = useState<{ width: number; height: number }[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });

  useEffect(() => {
    let alive = true;
    let opened: PDFDocumentProxy | null = null;
    openPdf(base64Bytes(pdfBase64))
      .then(async (d) => {
        opened = d;
        const s = await pageSizes(d);
        if (!alive) return;
        setSizes(s);
        setDoc(d);
      })
      .catch((err: unknown) => {
        console.error('PDF-förhandsgranskning', err);
        if (alive) setPhase({ kind: 'error', message: 'PDF:en kunde inte öppnas för förhandsgranskning.' });
      });
    return () => {
      alive = false;
      setDoc(null);
      void opened?.destroy();
    };
  }, [pdfBase64]);

  useEffect(() => {
    if (!doc) return;
    let alive = true;
    let task: RenderTask | null = null;
    const width = Math.min(MAX_WIDTH, wrap.current?.clientWidth ?? MAX_WIDTH);
    void (async () => {
      try {
        for (let n = 1; n <= doc.numPages && alive; n++) {
          setPhase({ kind: 'drawing', done: n - 1 });
          const canvas = canvases.current[n - 1];
          if (!canvas) continue;
          task = await drawPage(doc, n, canvas, width);
          if (!alive) task.cancel();
          await task.promise;
        }
        if (alive) setPhase({ kind: 'done' });
      } catch (err) {
        if (!alive) return;
        console.error('PDF-förhandsgranskning', err);
        setPhase({ kind: 'error', message: 'En sida kunde inte ritas upp.' });
      }
    })();
    return () => {
      alive = false;
      task?.cancel();
    };
  }, [doc]);

  const total = sizes.length;
  return (
    <div className="pdf-pages" ref={wrap} aria-busy={phase.kind !== 'done' && phase.kind !== 'error'}>
      <p className="pdf-progress" role="status" data-testid="preview-status">
        {phase.kind === 'opening' && 'Öppnar PDF:en…'}
        {phase.kind === 'drawing' && `Ritar sida ${phase.done + 1} av ${total}…`}
        {phase.kind === 'done' && `${total} ${total === 1 ? 'sida' : 'sidor'}, A4, anpassat till bredden.`}
      </p>
      {phase.kind === 'error' && (
        <p className="form-error" role="alert">
          {phase.message} Exportera den i stället och öppna den i en PDF-läsare.
        </p>
      )}
      <ol className="pdf-page-list" aria-label={label}>
        {sizes.map((s, i) => (
          <li key={i} className="pdf-page">
            <canvas
              ref={(el) => {
                canvases.current[i] = el;
              }}
              role="img"
              aria-label={`Sida ${i + 1} av ${total}`}
              style={{ aspectRatio: `${s.width} / ${s.height}`, maxWidth: MAX_WIDTH }}
            />
            <span className="pdf-page-number" aria-hidden="true">
              Sida {i + 1} av {total}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
