/**
 * The desktop's report printer: the print template (src/print) rendered in a hidden window and printed
 * with Chromium's own `printToPDF` — tagged, with a document outline, A4, header and footer — the same
 * HTML `npm run report` and the browser host print through playwright-core. Nothing is kept: the HTML
 * goes to a temporary file that is removed with the window.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, type WebContents } from 'electron';
import type { ReportPrinter } from '../core/reports/printer';
import { loadPrintFonts } from '../core/reports/fonts';
import { chartsHtml, pageTemplates, PAGE_MARGIN_MM, renderReportHtml, setPdfMetadata } from '../print';

const MM_PER_INCH = 25.4;

async function inHiddenWindow<T>(html: string, work: (contents: WebContents) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-utskrift-'));
  const file = path.join(dir, 'rapport.html');
  fs.writeFileSync(file, html);
  const win = new BrowserWindow({
    show: false,
    width: 1000,
    height: 1400,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    const contents = win.webContents;
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    await win.loadFile(file);
    await contents.executeJavaScript('document.fonts.ready.then(() => true)');
    return await work(contents);
  } finally {
    win.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function createElectronPrinter(): ReportPrinter {
  const fontFaces = loadPrintFonts();
  return {
    async pdf(doc) {
      const { headerTemplate, footerTemplate } = pageTemplates(doc, { fontFaces });
      const inches = (mm: number) => mm / MM_PER_INCH;
      const bytes = await inHiddenWindow(renderReportHtml(doc, { fontFaces }), (contents) =>
        contents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate,
          footerTemplate,
          margins: {
            top: inches(PAGE_MARGIN_MM.top),
            right: inches(PAGE_MARGIN_MM.right),
            bottom: inches(PAGE_MARGIN_MM.bottom),
            left: inches(PAGE_MARGIN_MM.left),
          },
          generateTaggedPDF: true,
          generateDocumentOutline: true,
        }),
      );
      return setPdfMetadata(new Uint8Array(bytes), doc);
    },

    async chartImages(doc) {
      const images = new Map<string, Uint8Array>();
      await inHiddenWindow(chartsHtml(doc, fontFaces), async (contents) => {
        const ids = (await contents.executeJavaScript(
          "[...document.querySelectorAll('[data-chart-id]')].map((e) => e.getAttribute('data-chart-id'))",
        )) as string[];
        for (const id of ids) {
          // Scrolled into view, then captured where it is on screen.
          const rect = (await contents.executeJavaScript(
            `(() => { const e = document.querySelector('[data-chart-id="${id.replace(/["\\]/g, '')}"]');
              e.scrollIntoView(); const r = e.getBoundingClientRect();
              return { x: Math.floor(r.x), y: Math.floor(r.y), width: Math.ceil(r.width), height: Math.ceil(r.height) }; })()`,
          )) as Electron.Rectangle;
          const image = await contents.capturePage(rect);
          images.set(id, new Uint8Array(image.toPNG()));
        }
      });
      return images;
    },
  };
}
