/**
 * PDF.js for the preview, loaded only when a preview is opened (it is large). The legacy build: it carries
 * its own polyfills, so it runs in Electron's Chromium as well as in a current browser. Its worker is a file
 * of the app's own (the CSP's 'self'); no eval (the CSP has no 'unsafe-eval').
 */
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  loading ??= Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    // Bundled by Vite into a .js file of the app's own (a .mjs asset is not served as a script everywhere).
    import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?worker&url'),
  ]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return loading;
}

export function base64Bytes(base64: string): Uint8Array {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false }).promise;
}

/** Each page's size in CSS pixels at 100 % (a PDF point is 1/72 in, a CSS pixel 1/96 in). */
export async function pageSizes(doc: PDFDocumentProxy): Promise<{ width: number; height: number }[]> {
  const out: { width: number; height: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const vp = (await doc.getPage(n)).getViewport({ scale: 96 / 72 });
    out.push({ width: vp.width, height: vp.height });
  }
  return out;
}

/**
 * Draws page `n` into `canvas`, `cssWidth` CSS pixels wide, sharp on the screen's pixel ratio. Returns the
 * render task (cancel it when the preview goes away) and its promise.
 */
export async function drawPage(
  doc: PDFDocumentProxy,
  n: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
): Promise<RenderTask> {
  const page = await doc.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const ratio = Math.min(window.devicePixelRatio || 1, 2);
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  return page.render({ canvas, viewport });
}
