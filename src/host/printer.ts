/**
 * The PDF printer outside Electron (the browser host, `npm run report`, tests): the print layer's HTML
 * rendered by Chromium through playwright-core, `page.pdf` tagged and with a document outline, then the
 * document's metadata. One browser, launched when first needed and kept; each print gets its own context.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { loadPrintFonts } from '../core/reports/fonts';
import type { ReportPrinter } from '../core/reports/printer';
import { chartFigures, chartsHtml, pageTemplates, PAGE_MARGIN_MM, renderReportHtml, setPdfMetadata } from '../print';
import type { ReportDocument } from '../shared/report';

export interface ChromiumPrinterOptions {
  /** Chromium's binary; else $CHROMIUM_PATH, else /usr/bin/chromium. */
  executablePath?: string | undefined;
  /** A folder with the report font's woff2 files; else the @fontsource package's. */
  fontDir?: string | undefined;
}

export interface ChromiumPrinter extends ReportPrinter {
  /** Closes the browser if one was launched (a later print launches a new one). */
  close(): Promise<void>;
}

const mm = (n: number) => `${n}mm`;
/** Resolves when the page's fonts are loaded (a string: this side has no DOM types). */
const FONTS_READY = 'document.fonts.ready.then(() => document.fonts.size)';

export function createChromiumPrinter(options: ChromiumPrinterOptions = {}): ChromiumPrinter {
  let browser: Promise<Browser> | null = null;
  const fonts = () => loadPrintFonts({ fontDir: options.fontDir });

  function launch(): Promise<Browser> {
    browser ??= chromium
      .launch({ executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
      .catch((e: unknown) => {
        browser = null;
        throw e;
      });
    return browser;
  }

  /** A fresh context that fetches nothing: everything the report needs is in its HTML (data URLs). */
  async function withPage<T>(
    contextOptions: Parameters<Browser['newContext']>[0],
    html: string,
    run: (page: Awaited<ReturnType<BrowserContext['newPage']>>) => Promise<T>,
  ): Promise<T> {
    const context = await (await launch()).newContext(contextOptions);
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(FONTS_READY);
      return await run(page);
    } finally {
      await context.close();
    }
  }

  return {
    async pdf(doc: ReportDocument): Promise<Uint8Array> {
      const fontFaces = fonts();
      const html = renderReportHtml(doc, { fontFaces });
      const { headerTemplate, footerTemplate } = pageTemplates(doc, { fontFaces });
      const printed = await withPage({}, html, (page) =>
        page.pdf({
          format: 'A4',
          tagged: true,
          outline: true,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate,
          footerTemplate,
          margin: {
            top: mm(PAGE_MARGIN_MM.top),
            right: mm(PAGE_MARGIN_MM.right),
            bottom: mm(PAGE_MARGIN_MM.bottom),
            left: mm(PAGE_MARGIN_MM.left),
          },
        }),
      );
      return setPdfMetadata(new Uint8Array(printed), doc);
    },

    async chartImages(doc: ReportDocument): Promise<Map<string, Uint8Array>> {
      const images = new Map<string, Uint8Array>();
      if (chartFigures(doc).length === 0) return images;
      const html = chartsHtml(doc, fonts());
      await withPage({ deviceScaleFactor: 2, viewport: { width: 700, height: 900 } }, html, async (page) => {
        for (const el of await page.locator('[data-chart-id]').all()) {
          const id = await el.getAttribute('data-chart-id');
          if (id) images.set(id, new Uint8Array(await el.screenshot({ type: 'png', animations: 'disabled' })));
        }
      });
      return images;
    },

    async close(): Promise<void> {
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close();
    },
  };
}
