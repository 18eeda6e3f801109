/**
 * Rapporter in Chromium through the browser host: a lägesbild for Klippan 2026 created in the Ny rapport
 * dialog, a chapter text autosaved (there after a reload), a figure left out, the preview page by page (as
 * many canvases as the PDF has pages), export as a download (a PDF), a planted personnummer stopped by the
 * review dialog and masked (not in the file), fastställd (texts read-only), a new version (utkast, version 2),
 * Ctrl+P and the menu's print command. Screenshots of list, editor, preview and review at both window sizes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPreview } from '../../src/shared/report-api';
import { launchBrowser, openSession, screenshot, type Session } from './harness';

let browser: Browser;
let s: Session;
beforeAll(async () => {
  browser = await launchBrowser();
  s = await openSession(browser, 3000, 'rapporter');
});
afterAll(async () => {
  await s?.close();
  await browser?.close();
});

const PERSONNUMMER = '811218-9876';
/** A 1×1 PNG. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * A screenshot at 1440×900 and one at 1280×800 (test-results/screenshots/rapporter-<name>-<width>.png),
 * the screen scrolled to its top.
 */
async function shots(page: Page, name: string) {
  await page.locator('section.reports').evaluate((el: { scrollTop: number }) => {
    el.scrollTop = 0;
  });
  await screenshot(page, `rapporter-${name}-1440`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(150);
  await screenshot(page, `rapporter-${name}-1280`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The downloaded file of an export started by `click`. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

function pdfText(bytes: Buffer): string {
  const file = `${s.dataDir}/check.pdf`;
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

describe('Rapporter', () => {
  it('lägesbild för Klippan 2026: text, figurval, förhandsgranskning, export med personuppgiftsgranskning, fastställ och ny version', async () => {
    const { page } = s;
    // The preview's PDF.js runs within the app's CSP (no eval, its worker a file of the app's own).
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) blocked.push(m.text());
    });
    const db = s.host.workspace.db().read((r) => r.db);
    const saved = (editor: ReturnType<Page['getByRole']>) =>
      editor
        .getByTestId('autosave-status')
        .filter({ hasText: /^Sparat \d/ })
        .waitFor();

    // The empty list says what to do.
    await page.getByRole('heading', { name: 'Rapporter', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Inga rapporter ännu' }).waitFor();
    await shots(page, 'tom-lista');

    // Ny rapport: the area is required, and its message stands beside the field.
    await page.getByRole('button', { name: 'Skapa den första rapporten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny rapport' });
    const area = dialog.getByLabel('Kommun eller lokalpolisområde');
    await dialog.getByLabel('Mall').selectOption({ label: 'Lägesbild' });
    await dialog.getByLabel('Från').fill('2026-01-01');
    await dialog.getByLabel('Till').fill('2026-12-31');
    await dialog.getByRole('button', { name: 'Skapa rapport' }).click();
    await expect(area.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect
      .poll(async () => page.locator(`[id="${await area.getAttribute('aria-describedby')}"]`).textContent())
      .toBe('Välj en kommun eller ett lokalpolisområde.');
    await area.selectOption({ label: 'Klippan' });
    await expect(dialog.getByLabel('Rubrik').getAttribute('placeholder')).resolves.toBe(
      'Lägesbild 2026 – Klippans kommun',
    );
    await expect(area.getAttribute('aria-invalid')).resolves.toBeNull();
    // A logo: over 1 MB is refused with the reason; a small PNG is shown as a thumbnail.
    const logo = dialog.getByLabel('Logotyp (valfri)');
    await logo.setInputFiles({ name: 'stor.png', mimeType: 'image/png', buffer: Buffer.alloc(1_200_000, 1) });
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'stor.png är 1 200 kB. Logotypen får vara högst 1 MB' })
      .waitFor();
    await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1X1, 'base64') });
    await dialog.getByRole('img', { name: 'Vald logotyp: logo.png' }).waitFor();
    await expect(dialog.getByRole('alert').count()).resolves.toBe(0);
    await shots(page, 'ny-rapport');
    // The template's content before anything is stored.
    await dialog.getByRole('button', { name: 'Förhandsgranska utan att spara' }).click();
    const unsaved = page.getByRole('dialog', { name: 'Förhandsgranskning: Lägesbild 2026 – Klippans kommun' });
    await unsaved
      .getByTestId('preview-status')
      .filter({ hasText: /^\d+ sidor, A4/ })
      .waitFor({ timeout: 120_000 });
    expect(db.prepare('SELECT count(*) FROM report').pluck().get()).toBe(0);
    await unsaved.getByRole('button', { name: 'Tillbaka till formuläret' }).click();
    await expect(dialog.getByLabel('Kommun eller lokalpolisområde').inputValue()).resolves.toBe('k:1276');
    await dialog.getByRole('button', { name: 'Skapa rapport' }).click();

    const editor = page.getByRole('article');
    await editor.getByRole('heading', { name: 'Lägesbild 2026 – Klippans kommun', level: 3 }).waitFor();
    await expect(editor.getByTestId('report-status').textContent()).resolves.toBe('Utkast');
    const id = Number(/id=(\d+)/.exec(page.url())![1]);
    expect(id).toBeGreaterThan(0);
    // 2026 is not over in the demo data (it runs to today).
    await expect(editor.getByTestId('report-incomplete').textContent()).resolves.toMatch(
      /^Perioden är inte slut: data per \d{4}-\d{2}-\d{2}\.$/,
    );

    // A chapter text, autosaved: there after a reload.
    const summary = editor.getByRole('textbox', { name: 'Sammanfattning', exact: true });
    const text = 'Skadegörelsen i Klippans centrum har ökat. Trygghetsvandringen i oktober pekade ut busstorget.';
    await summary.fill(text);
    await saved(editor);
    await page.reload();
    await expect(
      page.getByRole('article').getByRole('textbox', { name: 'Sammanfattning', exact: true }).inputValue(),
    ).resolves.toBe(text);
    const stored = () => s.host.workspace.db().read((r) => r.reports.get(id));
    expect(stored().edits.texts.sammanfattning).toBe(text);

    // A figure left out.
    const figures = editor.getByRole('group', { name: /^Figurer och tabeller/ }).first();
    const first = figures.getByRole('checkbox').first();
    const caption = (await figures.locator('label').first().textContent())!.trim();
    await expect(first.isChecked()).resolves.toBe(true);
    await first.uncheck();
    await saved(editor);
    const figureId = stored().edits.omitted[0];
    expect(stored().edits.omitted).toHaveLength(1);
    expect(db.prepare('SELECT edits_json FROM report WHERE id = ?').pluck().get(id)).toContain(figureId);
    await shots(page, 'redigera');

    // The preview: one canvas per page of the PDF reports.preview answers.
    const previewAnswer = page.waitForResponse((r) => r.url().includes('/api/reports.preview'), { timeout: 120_000 });
    await editor.getByRole('tab', { name: 'Förhandsgranska' }).click();
    const answer = (await (await previewAnswer).json()) as { ok: true; value: ReportPreview };
    const pages = answer.value.pages;
    expect(pages).toBeGreaterThan(1);
    expect(Buffer.from(answer.value.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const status = editor.getByTestId('preview-status');
    await status.filter({ hasText: `${pages} sidor, A4` }).waitFor({ timeout: 120_000 });
    await expect(editor.locator('canvas').count()).resolves.toBe(pages);
    await editor.getByRole('img', { name: `Sida ${pages} av ${pages}` }).waitFor();
    // Every page is drawn, not blank: each canvas has opaque dark pixels (text) in its upper part.
    const inked = await editor
      .locator('canvas')
      .evaluateAll(
        (
          list: { width: number; getContext(k: '2d'): { getImageData(...a: number[]): { data: Uint8ClampedArray } } }[],
        ) =>
          list.map((c) => {
            const { data } = c.getContext('2d').getImageData(0, 0, c.width, Math.round(c.width / 2));
            let dark = 0;
            for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 200 && data[i]! < 128) dark++;
            return dark;
          }),
      );
    expect(inked).toHaveLength(pages);
    expect(inked.filter((dark) => dark < 100)).toEqual([]);
    // The figure left out is not in the PDF; the text written is.
    const previewText = pdfText(Buffer.from(answer.value.pdfBase64, 'base64')).replace(/\s+/g, ' ');
    expect(previewText).toContain('Trygghetsvandringen i oktober pekade ut busstorget');
    expect(previewText).not.toContain(caption);
    await shots(page, 'forhandsgranska');
    expect(blocked).toEqual([]);
    await editor.getByRole('img', { name: `Sida 4 av ${pages}` }).scrollIntoViewIfNeeded();
    await screenshot(page, 'rapporter-forhandsgranska-sida4');

    // Export as PDF in the browser host: a download of a PDF (any personal data in the demo's texts masked).
    const exportPdf = async () => {
      await editor.getByRole('button', { name: 'Exportera PDF' }).click();
      const review = page.getByRole('dialog', { name: 'Personuppgifter i rapporten' });
      const done = editor.getByRole('status').filter({ hasText: /^Rapporten laddas ned/ });
      await Promise.race([review.waitFor({ timeout: 120_000 }), done.waitFor({ timeout: 120_000 })]);
      return review;
    };
    const first_ = await downloaded(page, async () => {
      const review = await exportPdf();
      if (await review.isVisible()) {
        await review.getByRole('button', { name: 'Maskera alla' }).click();
        await review.getByRole('button', { name: 'Exportera PDF' }).click();
      }
    });
    expect(first_.name).toMatch(/^Lagesbild-2026-Klippans-kommun\.pdf$/);
    expect(first_.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // A personnummer in a text: the review lists it in context; masked, it is not in the file.
    await editor.getByRole('tab', { name: 'Redigera' }).click();
    const analysis = editor.getByRole('textbox', { name: 'Analys', exact: true });
    await analysis.fill(`Kontaktperson i ärendet: ${PERSONNUMMER}, se akten.`);
    await saved(editor);
    const second = await downloaded(page, async () => {
      const review = await exportPdf();
      await review.waitFor();
      const hit = review.getByRole('group').filter({ hasText: PERSONNUMMER });
      await expect(hit.locator('mark').textContent()).resolves.toBe(PERSONNUMMER);
      await expect(hit.locator('legend').textContent()).resolves.toContain('Personnummer');
      await expect(hit.textContent()).resolves.toContain('Kontaktperson i ärendet:');
      const exportButton = review.getByRole('button', { name: 'Exportera PDF' });
      await expect(exportButton.isDisabled()).resolves.toBe(true);
      await shots(page, 'personuppgifter');
      await hit.getByRole('radio', { name: /^Maskera/ }).check();
      // Any other hit (from the demo's texts) is masked too; the one planted was decided by its own button.
      const others = review.getByRole('group').filter({ hasNotText: PERSONNUMMER });
      for (let i = 0; i < (await others.count()); i++)
        await others
          .nth(i)
          .getByRole('radio', { name: /^Maskera/ })
          .check();
      await expect(exportButton.isEnabled()).resolves.toBe(true);
      await exportButton.click();
    });
    expect(second.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const exported = pdfText(second.bytes).replace(/\s+/g, ' ');
    expect(exported).toContain('Kontaktperson i ärendet: [personnummer]');
    expect(exported).not.toContain('811218');
    await editor
      .getByRole('status')
      .filter({ hasText: /Personuppgifter: \d+ maskerade/ })
      .waitFor();

    // Ctrl+P on the report starts the same export: the review first; cancelled, nothing is saved.
    await page.keyboard.press('Control+KeyP');
    const review = page.getByRole('dialog', { name: 'Personuppgifter i rapporten' });
    await review.waitFor();
    await review.getByRole('button', { name: 'Avbryt' }).click();
    await editor.getByRole('status').filter({ hasText: 'Exporten avbröts. Ingen fil skapades.' }).waitFor();
    // The desktop menu's Skriv ut arrives as an app event: the same.
    s.host.workspace.events.emit({ type: 'menu.command', command: 'print' });
    await review.waitFor();
    await review.getByRole('button', { name: 'Avbryt' }).click();

    // Text over the limit stays on screen, unsaved, with its message; leaving asks first.
    await editor.getByRole('tab', { name: 'Redigera' }).click();
    const mapping = editor.getByRole('textbox', { name: 'Kartläggning', exact: true });
    await mapping.fill('x'.repeat(20_001));
    await editor
      .getByTestId('autosave-status')
      .filter({ hasText: 'Inte sparat: rätta fältet markerat nedan.' })
      .waitFor();
    await expect(mapping.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(editor.getByRole('button', { name: 'Fastställ…' }).isDisabled()).resolves.toBe(true);
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('navigation').getByRole('link', { name: 'Översikt' }).click();
    await expect.poll(() => asked).toHaveLength(1);
    expect(asked[0]).toContain('text som inte kunde sparas');
    await expect(mapping.inputValue()).resolves.toHaveLength(20_001);
    expect(stored().edits.texts.kartlaggning ?? '').toBe('');
    await mapping.fill('Kartläggningen visar fler händelser kring busstorget.');
    await saved(editor);

    // Fastställ: the texts are read-only, the header says who decided and the data date.
    await editor.getByRole('button', { name: 'Fastställ…' }).click();
    const decide = page.getByRole('dialog', { name: 'Fastställ rapporten' });
    await expect(decide.getByLabel('Beslutat av').inputValue()).resolves.toBe('Kommunfullmäktige');
    await decide.getByLabel('Beslutsdatum').fill('2026-12-14');
    await decide.getByRole('button', { name: 'Fastställ', exact: true }).click();
    await expect
      .poll(async () =>
        page
          .locator(`[id="${await decide.getByLabel('Protokollsreferens').getAttribute('aria-describedby')}"]`)
          .textContent(),
      )
      .toBe('Ange protokollets paragraf eller diarienummer.');
    await decide.getByLabel('Protokollsreferens').fill('KF 2026-12-14 § 141');
    await decide.getByRole('button', { name: 'Fastställ', exact: true }).click();
    await editor.getByTestId('report-status').filter({ hasText: 'Fastställd' }).waitFor();
    await expect(editor.getByTestId('report-decided').textContent()).resolves.toMatch(
      /^Fastställd 2026-12-14 av Kommunfullmäktige, KF 2026-12-14 § 141 · Data per \d{4}-\d{2}-\d{2}$/,
    );
    const lockedSummary = editor.getByRole('textbox', { name: 'Sammanfattning', exact: true });
    await expect(lockedSummary.getAttribute('readonly')).resolves.not.toBeNull();
    await expect(lockedSummary.isEditable()).resolves.toBe(false);
    await expect(editor.getByRole('checkbox').first().isDisabled()).resolves.toBe(true);
    expect(stored().status).toBe('faststalld');
    await shots(page, 'faststalld');

    // Ny version: a new utkast, version 2, with the same texts, editable.
    await editor.getByRole('button', { name: 'Ny version' }).click();
    await editor.getByText(/· version 2 ·/).waitFor();
    await expect(editor.getByTestId('report-status').textContent()).resolves.toBe('Utkast');
    const v2 = Number(/id=(\d+)/.exec(page.url())![1]);
    expect(v2).not.toBe(id);
    const v2Summary = editor.getByRole('textbox', { name: 'Sammanfattning', exact: true });
    await expect(v2Summary.inputValue()).resolves.toBe(text);
    await expect(v2Summary.isEditable()).resolves.toBe(true);

    // The list: both versions, the first fastställd.
    await editor.getByRole('link', { name: '← Alla rapporter' }).click();
    const rows = page.getByRole('table', { name: 'Rapporter' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    const cells = async (status: string) =>
      (await rows.filter({ hasText: status }).locator('th, td').allTextContents()).map((t) => t.trim());
    const [title, template, areaName, period, , version] = await cells('Fastställd 2026-12-14');
    expect([title, template, areaName, period, version]).toEqual([
      'Lägesbild 2026 – Klippans kommun',
      'Lägesbild',
      'Klippans kommun',
      '2026-01-01 – 2026-12-31',
      '1',
    ]);
    expect((await cells('Utkast'))[5]).toBe('2');
    expect((await cells('Utkast'))[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} av Maja Samordnare/);
    // With no report open, the menu's print says what to do.
    s.host.workspace.events.emit({ type: 'menu.command', command: 'print' });
    await page.getByRole('status').filter({ hasText: 'Öppna en rapport för att skriva ut den.' }).waitFor();
    await shots(page, 'lista');
  });

  it('Medborgarlöfte kräver ett löfte: meddelandet står vid fältet; med löftet skapas rapporten', async () => {
    const { page } = s;
    const db = s.host.workspace.db().read((r) => r.db);
    const kommun = db
      .prepare('SELECT k.name FROM lofte l JOIN kommun k ON k.id = l.kommun_id ORDER BY l.id LIMIT 1')
      .pluck()
      .get() as string;
    await page.goto(`${s.host.url}#/rapporter`);
    await page.getByRole('button', { name: 'Ny rapport' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny rapport' });
    await dialog.getByLabel('Mall').selectOption({ label: 'Medborgarlöfte' });
    await dialog.getByLabel('Kommun eller lokalpolisområde').selectOption({ label: kommun });
    await dialog.getByText('Medborgarlöfte är till för att publiceras').waitFor();
    await dialog.getByRole('button', { name: 'Skapa rapport' }).click();
    const lofte = dialog.getByLabel('Medborgarlöfte', { exact: true });
    await expect
      .poll(async () => page.locator(`[id="${await lofte.getAttribute('aria-describedby')}"]`).textContent())
      .toBe('Välj vilket medborgarlöfte som ska skrivas ut.');
    await expect.poll(() => lofte.locator('option').count()).toBeGreaterThan(1);
    await lofte.selectOption({ index: 1 });
    const chosen = Number(await lofte.inputValue());
    await dialog.getByRole('button', { name: 'Skapa rapport' }).click();
    const editor = page.getByRole('article');
    await editor.getByTestId('report-status').filter({ hasText: 'Utkast' }).waitFor();
    await expect(editor.locator('.report-meta').textContent()).resolves.toMatch(
      new RegExp(`^Medborgarlöfte · ${kommun}`),
    );
    const id = Number(/id=(\d+)/.exec(page.url())![1]);
    const row = s.host.workspace.db().read((r) => r.reports.get(id));
    expect(row.selection.template).toBe('medborgarlofte');
    expect(row.selection.lofteId).toBe(chosen);
  });
});
