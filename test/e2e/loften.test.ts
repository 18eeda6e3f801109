/**
 * Medborgarlöften in Chromium: a löfte drafted from a saved dashboard view, through review to decided
 * (then locked), activities logged and the progress moving, a new version with its diff in the history.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/shared/time';
import { launchBrowser, openSession, screenshot, type Session } from './harness';

let browser: Browser;
let s: Session;
beforeAll(async () => {
  browser = await launchBrowser();
  s = await openSession(browser, 3000, 'lagesbild');
});
afterAll(async () => {
  await s?.close();
  await browser?.close();
});

const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

describe('Medborgarlöften', () => {
  it('från sparad vy till beslutat löfte, uppföljning som rör sig och en ny version med diff', async () => {
    const { page } = s;
    const db = s.host.workspace.db().read((r) => r.db);
    const today = localDay(new Date().toISOString());
    const year = today.slice(0, 4);

    // A saved view is the evidence.
    await page.getByRole('heading', { name: 'Lägesbild', level: 2 }).waitFor();
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Bjuv' });
    await page.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Skadegörelse' });
    await page.getByLabel('Från').fill('2026-01-01');
    await page.getByLabel('Till').fill('2026-10-31');
    await page.getByLabel('Namn på vyn').fill('Skadegörelse i Bjuv 2026');
    await page.getByRole('button', { name: 'Spara vy' }).click();
    await page.getByRole('status').filter({ hasText: 'är sparad' }).waitFor();

    await nav(page, 'Medborgarlöften');
    await page.getByRole('button', { name: 'Nytt löfte' }).click();
    const form = page.getByRole('form', { name: 'Nytt löfte' });
    await form.getByLabel('Löftets kommun').selectOption({ label: 'Bjuv' });
    await form.getByLabel('Från').fill(`${year}-01-01`);
    await form.getByLabel('Till').fill(`${year}-12-31`);
    await form.getByLabel('Underlag: sparad vy').selectOption({ label: 'Skadegörelse i Bjuv 2026' });
    await form.getByRole('button', { name: 'Skapa utkast' }).click();

    const editor = page.getByRole('article');
    await editor.getByTestId('lofte-state').filter({ hasText: 'Utkast' }).waitFor();
    // The evidence, live: the view's count equals the database.
    const bjuv = db.prepare("SELECT id FROM kommun WHERE name = 'Bjuv'").pluck().get() as number;
    const evidence = editor.getByTestId('evidence');
    await expect
      .poll(() => evidence.textContent())
      .toMatch(/Skadegörelse i Bjuv 2026 \(Jämför kommuner, 2026-01-01 – 2026-10-31\): [\d\s]+ händelser/);
    const shown = number((await evidence.textContent())!.split(':').at(-1)!);
    const expected = s.host.workspace
      .db()
      .read((r) => r.incidents)
      .count({ kommunIds: [bjuv], categories: ['skadegorelse'], fromDay: '2026-01-01', toDay: '2026-10-31' });
    expect(shown).toBe(expected);

    // The SMART checklist warns until the löfte is complete.
    const checklist = editor.getByTestId('smart-checklist');
    await expect.poll(() => checklist.locator('.check-warn').count()).toBe(6);
    await editor.getByLabel('Rubrik', { exact: true }).fill('Mindre skadegörelse i Bjuvs centrum');
    await editor
      .getByLabel('Problem', { exact: true })
      .fill('Skadegörelsen i centrum har ökat enligt EST-rapporterna.');
    await editor.getByRole('button', { name: 'Lägg till aktivitet' }).click();
    const activity = editor.getByRole('group', { name: 'Aktivitet 1' });
    await activity.getByLabel('Aktivitet', { exact: true }).fill('Trygghetsvandring');
    await activity.getByLabel('Minst antal').fill('2');
    await activity.getByLabel('Takt').selectOption('manad');
    await activity.getByLabel('Ansvarig').selectOption('gemensamt');
    await editor
      .getByLabel('Effektmål', { exact: true })
      .fill('Problemindex för skadegörelse ska minska i nästa trygghetsmätning.');
    await editor.getByLabel('Så följs löftet upp').fill('Kvartalsrapport till Lokala Brå.');
    await expect.poll(() => checklist.locator('.check-warn').count()).toBe(0);
    await editor
      .getByTestId('autosave-status')
      .filter({ hasText: /^Sparat \d/ })
      .waitFor();
    await screenshot(page, 'lofte-editor');

    // Review, decide: then the text is locked, in the database too.
    await editor.getByRole('button', { name: 'Skicka för granskning' }).click();
    await editor.getByTestId('lofte-state').filter({ hasText: 'För granskning' }).waitFor();
    await editor.getByRole('button', { name: 'Besluta' }).click();
    await editor.getByTestId('lofte-state').filter({ hasText: 'Beslutad' }).waitFor();
    await expect(editor.getByLabel('Rubrik', { exact: true }).isDisabled()).resolves.toBe(true);
    const lofte = db
      .prepare("SELECT id, state, content_json FROM lofte WHERE content_json LIKE '%Bjuvs centrum%'")
      .get() as {
      id: number;
      state: string;
      content_json: string;
    };
    expect(lofte.state).toBe('beslutad');
    // The effect goal against the evidence: this period so far against the equally long one before it.
    const effect = editor.getByTestId('effect');
    await expect.poll(() => effect.textContent()).toContain('Skadegörelse i Bjuv 2026 (sparad vy)');
    const m =
      /: ([\d\s]+) \((\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})\) → ([\d\s]+) \((\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})\)/.exec(
        (await effect.textContent())!,
      )!;
    const counted = (from: string, to: string) =>
      s.host.workspace
        .db()
        .read((r) => r.incidents)
        .count({ kommunIds: [bjuv], categories: ['skadegorelse'], fromDay: from, toDay: to });
    expect(number(m[1]!)).toBe(counted(m[2]!, m[3]!));
    expect(number(m[4]!)).toBe(counted(m[5]!, m[6]!));
    expect(m[5]).toBe(`${year}-01-01`);
    expect(JSON.parse(lofte.content_json).evidence).toEqual([{ kind: 'view', viewId: expect.any(Number) }]);

    // Follow-up: log today, the progress moves.
    const progress = editor.getByTestId(/^progress-/);
    const before = number((await progress.textContent())!.split('gjorda')[0]!);
    expect(before).toBe(0);
    const logForm = editor.getByRole('form', { name: 'Registrera aktivitet' });
    await logForm.getByLabel('Antal').fill('2');
    await logForm.getByLabel('Plats').fill('Bjuvs torg');
    await logForm.getByRole('button', { name: 'Registrera' }).click();
    await expect.poll(async () => number((await progress.textContent())!.split('gjorda')[0]!)).toBe(2);
    await editor.getByRole('status').filter({ hasText: 'Registrerat: Trygghetsvandring' }).waitFor();
    expect(db.prepare('SELECT sum(count) FROM activity_log WHERE lofte_id = ?').pluck().get(lofte.id)).toBe(2);
    const month = editor
      .getByRole('table', { name: 'Framsteg: Trygghetsvandring' })
      .getByRole('row')
      .filter({ hasText: today.slice(0, 7) });
    await expect(month.locator('td').nth(1).textContent()).resolves.toBe('2');
    await screenshot(page, 'lofte-uppfoljning');
    // Undo the last registration.
    await editor.getByRole('status').getByRole('button', { name: 'Ångra' }).click();
    await expect.poll(async () => number((await progress.textContent())!.split('gjorda')[0]!)).toBe(0);
    await logForm.getByRole('button', { name: 'Registrera' }).click();
    await expect.poll(async () => number((await progress.textContent())!.split('gjorda')[0]!)).toBe(1);

    // A change needs a new version; the history shows what changed since the decision.
    await editor.getByRole('button', { name: 'Ny version' }).click();
    await editor.getByTestId('lofte-state').filter({ hasText: 'Utkast' }).waitFor();
    await editor.getByLabel('Rubrik', { exact: true }).fill('Mindre skadegörelse i Bjuvs centrum och vid stationen');
    await editor
      .getByTestId('autosave-status')
      .filter({ hasText: /^Sparat \d/ })
      .waitFor();
    await editor.getByRole('tab', { name: 'Historik' }).click();
    const history = editor.getByTestId('history');
    await history.getByText(/version 1, Besluta \(Beslutad\)/).click();
    await expect(history.getByTestId('diff').locator('ins').textContent()).resolves.toBe('och vid stationen');
    await screenshot(page, 'lofte-historik');

    // A comment with its author.
    await editor.getByRole('tab', { name: /^Kommentarer/ }).click();
    const commentForm = editor.getByRole('form', { name: 'Ny kommentar' });
    await commentForm.getByLabel('Ditt namn').fill('Samordnaren');
    await commentForm.getByLabel('Kommentar', { exact: true }).fill('Stationen behöver en egen aktivitet.');
    await commentForm.getByRole('button', { name: 'Lägg till kommentar' }).click();
    await editor.getByRole('tab', { name: 'Kommentarer (1)' }).waitFor();
    await editor.getByText('Stationen behöver en egen aktivitet.').waitFor();

    // Next period from this löfte: a new draft with the same text and activities, a year later.
    await editor.getByRole('button', { name: 'Ny period från detta löfte' }).click();
    await editor.getByText(`Bjuv · ${Number(year) + 1}-01-01 – ${Number(year) + 1}-12-31 · version 1`).waitFor();
    await editor.getByTestId('lofte-state').filter({ hasText: 'Utkast' }).waitFor();
    await expect(editor.getByLabel('Rubrik', { exact: true }).inputValue()).resolves.toBe(
      'Mindre skadegörelse i Bjuvs centrum och vid stationen',
    );
    await expect(
      editor.getByRole('group', { name: 'Aktivitet 1' }).getByLabel('Minst antal').inputValue(),
    ).resolves.toBe('2');
    expect(db.prepare('SELECT count(*) FROM lofte WHERE kommun_id = ?').pluck().get(bjuv)).toBe(2);
  });
});
