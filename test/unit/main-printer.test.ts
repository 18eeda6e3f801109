/**
 * The desktop printer with Electron mocked (its binary cannot run here): the report's HTML is loaded in a
 * hidden, sandboxed window and printed by printToPDF tagged, with an outline, A4, header and footer; the
 * PDF gets its metadata; the window and the temporary file are gone afterwards, also when printing fails.
 */
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportDocument } from '../../src/shared/report';

interface FakeWindow {
  options: { show: boolean; webPreferences: Record<string, unknown> };
  loaded: string | null;
  html: string;
  destroyed: boolean;
  webContents: {
    printToPDF: ReturnType<typeof vi.fn>;
    executeJavaScript: ReturnType<typeof vi.fn>;
    capturePage: ReturnType<typeof vi.fn>;
    setWindowOpenHandler: ReturnType<typeof vi.fn>;
    on: ReturnType<typeof vi.fn>;
  };
}
const windows: FakeWindow[] = [];
let printResult: () => Promise<Buffer>;

vi.mock('electron', () => ({
  BrowserWindow: vi.fn(function (this: FakeWindow, options: FakeWindow['options']) {
    const self: FakeWindow = {
      options,
      loaded: null,
      html: '',
      destroyed: false,
      webContents: {
        printToPDF: vi.fn(() => printResult()),
        executeJavaScript: vi.fn(async (code: string) => (code.includes('querySelectorAll') ? ['trend'] : true)),
        capturePage: vi.fn(async () => ({ toPNG: () => Buffer.from('PNG') })),
        setWindowOpenHandler: vi.fn(),
        on: vi.fn(),
      },
    };
    windows.push(self);
    return Object.assign(this, self, {
      loadFile: async (file: string) => {
        self.loaded = file;
        self.html = fs.readFileSync(file, 'utf8');
      },
      destroy: () => {
        self.destroyed = true;
      },
    });
  }),
}));

const { createElectronPrinter } = await import('../../src/main/printer');

const doc: ReportDocument = {
  template: 'lagesbild',
  title: 'Lägesbild 2026 – Klippans kommun',
  subtitle: 'Lägesbild enligt lag (2023:196)',
  areaName: 'Klippans kommun',
  kommunCodes: ['1276'],
  period: { from: '2026-01-01', to: '2026-12-31' },
  periodLabel: '1 januari–31 december 2026',
  dataAsOf: '2026-10-31',
  periodIncomplete: true,
  diarienummer: 'KS 2026/112',
  logo: null,
  draft: false,
  publication: false,
  decided: null,
  author: 'Maja Samordnare',
  subject: 'Lägesbild för Klippans kommun',
  generatedAt: '2026-11-22T10:00:00.000Z',
  chapters: [
    {
      id: 'kartlaggning',
      title: 'Kartläggning',
      sections: [],
      blocks: [
        {
          kind: 'figure',
          id: 'trend',
          caption: 'Händelser per månad',
          table: { head: ['Månad', 'Antal'], rows: [['januari', '71']] },
          chart: { type: 'bars', labels: ['januari'], series: [{ name: 'Antal', values: [71] }], unit: 'händelser' },
          alt: 'Staplar per månad.',
        },
      ],
    },
  ],
};

beforeEach(async () => {
  windows.length = 0;
  const blank = await PDFDocument.create();
  blank.addPage();
  const bytes = Buffer.from(await blank.save());
  printResult = async () => bytes;
});

describe('skrivbordets utskrift av rapporter', () => {
  it('skriver ut taggat, med disposition, A4, sidhuvud och sidfot, och sätter metadata', async () => {
    const pdf = await createElectronPrinter().pdf(doc);
    const [win] = windows;
    expect(win!.options.show).toBe(false);
    expect(win!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(win!.html).toContain('<html lang="sv"');
    expect(win!.html).toContain('Kartläggning');
    const options = win!.webContents.printToPDF.mock.calls[0]![0] as Record<string, unknown>;
    expect(options).toMatchObject({
      pageSize: 'A4',
      displayHeaderFooter: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      printBackground: true,
    });
    expect(options.footerTemplate).toContain('pageNumber');
    expect(options.footerTemplate).toContain('totalPages');
    expect(options.headerTemplate).toContain('Klippans kommun');
    const read = await PDFDocument.load(pdf);
    expect(read.getTitle()).toBe(doc.title);
    expect(read.getAuthor()).toBe('Maja Samordnare');
    expect(read.getSubject()).toBe(doc.subject);
    expect(win!.destroyed).toBe(true);
    expect(fs.existsSync(win!.loaded!)).toBe(false);
  });

  it('stänger fönstret och tar bort filen också när utskriften misslyckas', async () => {
    printResult = () => Promise.reject(new Error('skrivaren svarar inte'));
    await expect(createElectronPrinter().pdf(doc)).rejects.toThrow('skrivaren svarar inte');
    expect(windows[0]!.destroyed).toBe(true);
    expect(fs.existsSync(windows[0]!.loaded!)).toBe(false);
  });

  it('fotograferar varje diagram för Word-versionen', async () => {
    const images = await createElectronPrinter().chartImages(doc);
    expect([...images.keys()]).toEqual(['trend']);
    expect(Buffer.from(images.get('trend')!).toString()).toBe('PNG');
    expect(windows[0]!.html).toContain('data-chart-id="trend"');
    expect(windows[0]!.webContents.capturePage).toHaveBeenCalledOnce();
  });
});
