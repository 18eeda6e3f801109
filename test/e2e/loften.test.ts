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
    // No SMART warnings: the confirmation only asks for the (optional) protocol reference.
    const decide = page.getByRole('dialog', { name: 'Besluta löftet' });
    await expect(decide.getByRole('list', { name: 'Varningar' }).count()).resolves.toBe(0);
    await decide.getByRole('button', { name: 'Besluta', exact: true }).click();
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

/** The accessible description of a control: its message and its limit, written beside it. */
async function description(page: Page, control: ReturnType<Page['getByLabel']>): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const parts: string[] = [];
  for (const id of ids) parts.push((await page.locator(`[id="${id}"]`).textContent()) ?? '');
  return parts.join(' | ');
}

describe('text som inte får försvinna', () => {
  let t: Session;
  beforeAll(async () => {
    t = await openSession(browser, 300, 'loften');
  });
  afterAll(async () => t?.close());

  it('text över gränsen och Minst antal 99 999 ligger kvar med sitt meddelande; inget tillstånd ändras osparat', async () => {
    const { page } = t;
    const db = t.host.workspace.db().read((r) => r.db);
    const bjuv = db.prepare("SELECT id FROM kommun WHERE name = 'Bjuv'").pluck().get() as number;
    await page.getByRole('button', { name: 'Nytt löfte' }).click();
    const form = page.getByRole('form', { name: 'Nytt löfte' });
    await form.getByLabel('Löftets kommun').selectOption({ label: 'Bjuv' });
    await form.getByLabel('Från').fill('2027-01-01');
    await form.getByLabel('Till').fill('2027-12-31');
    await form.getByRole('button', { name: 'Skapa utkast' }).click();
    const editor = page.getByRole('article');
    await editor.getByTestId('lofte-state').filter({ hasText: 'Utkast' }).waitFor();
    const id = db.prepare('SELECT max(id) FROM lofte WHERE kommun_id = ?').pluck().get(bjuv) as number;
    const stored = () =>
      JSON.parse(db.prepare('SELECT content_json FROM lofte WHERE id = ?').pluck().get(id) as string);
    const status = editor.getByTestId('autosave-status');
    const review = editor.getByRole('button', { name: 'Skicka för granskning' });

    // Every limit is on screen before it is reached.
    const goal = editor.getByLabel('Effektmål', { exact: true });
    await expect(description(page, goal)).resolves.toMatch(/^0 \/ 2\s000 tecken$/);
    await editor.getByLabel('Rubrik', { exact: true }).fill('Trygg park i Bjuv');
    await status.filter({ hasText: /^Sparat \d/ }).waitFor();

    // 5 000 characters where 2 000 fit: kept, marked beside the field, not saved, and said so.
    const long = 'Färre ska känna sig otrygga i parken på kvällen. '.repeat(103).slice(0, 5000);
    await goal.fill(long);
    await expect
      .poll(() => description(page, goal))
      .toMatch(/^Effektmålet får vara högst 2\s000 tecken\. \| 5\s000 \/ 2\s000 tecken$/);
    await expect(goal.inputValue()).resolves.toBe(long);
    await expect(status.textContent()).resolves.toBe('Inte sparat: rätta fältet markerat nedan.');
    await expect(review.isDisabled()).resolves.toBe(true);
    await editor.getByTestId('state-note').filter({ hasText: 'när texten är sparad' }).waitFor();
    // Another field typed meanwhile does not turn the status into "Sparar…" or "Sparat".
    await editor.getByLabel('Problem', { exact: true }).fill('Mörkt i parken.');
    await expect(status.textContent()).resolves.toBe('Inte sparat: rätta fältet markerat nedan.');
    expect(stored().effectGoal).toBe('');
    const revision = db.prepare('SELECT revision FROM lofte WHERE id = ?').pluck().get(id);
    await screenshot(page, 'lofte-over-gransen-1440');
    // Reloading with refused text on screen asks first (the browser's "Lämna sidan?"); staying keeps it.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    void page.reload().catch(() => undefined);
    await expect(asked).resolves.toBe('beforeunload');
    await expect(goal.inputValue()).resolves.toBe(long);
    // Leaving by the menu asks too; staying keeps the text.
    const menuAsked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.message());
        void d.dismiss();
      }),
    );
    await page.getByRole('navigation').getByRole('link', { name: 'Översikt', exact: true }).click();
    await expect(menuAsked).resolves.toMatch(/^Det finns text som inte kunde sparas/);
    expect(new URL(page.url()).hash).toMatch(/^#\/loften/);
    await expect(goal.inputValue()).resolves.toBe(long);

    // "Minst antal" 99 999: kept as typed with its message, the range shown under it.
    await editor.getByRole('button', { name: 'Lägg till aktivitet' }).click();
    const activity = editor.getByRole('group', { name: 'Aktivitet 1' });
    const name = activity.getByLabel('Aktivitet', { exact: true });
    await name.fill('Trygghetsvandring i parken med fastighetsägarna och Bjuvs fritidsgård');
    const quantity = activity.getByLabel('Minst antal');
    await quantity.fill('99999');
    await expect.poll(() => description(page, quantity)).toMatch(/^Minst antal får vara högst 10\s000\. \| 1–10\s000$/);
    await expect(quantity.inputValue()).resolves.toBe('99999');
    await expect(status.textContent()).resolves.toBe('Inte sparat: rätta de 2 fälten markerade nedan.');
    // The activity name shows its whole text at both window sizes.
    const fits = () =>
      name.evaluate((el) => {
        const box = el as unknown as { scrollWidth: number; clientWidth: number };
        return box.scrollWidth <= box.clientWidth;
      });
    await expect(fits()).resolves.toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(fits()).resolves.toBe(true);
    await screenshot(page, 'lofte-over-gransen-1280');
    expect(db.prepare('SELECT revision FROM lofte WHERE id = ?').pluck().get(id)).toBe(revision);

    // Opening another löfte now would lose the refused text: asked first, and cancelling keeps it.
    await page.getByRole('button', { name: /Skadegörelse i Teckomatorp/ }).click();
    const ask = page.getByRole('dialog', { name: 'Texten är inte sparad' });
    await ask.getByRole('button', { name: 'Avbryt' }).click();
    await expect(quantity.inputValue()).resolves.toBe('99999');
    await expect(goal.inputValue()).resolves.toBe(long);

    // Fixed: saved, and the state can change again; after a reload the activity and its number are there.
    await goal.fill(long.slice(0, 2000));
    await quantity.fill('4');
    await status.filter({ hasText: /^Sparat \d/ }).waitFor();
    await expect(review.isDisabled()).resolves.toBe(false);
    expect(stored().effectGoal).toHaveLength(2000);
    expect(stored().activities[0].quantity).toBe(4);
    await page.reload();
    await page.getByRole('button', { name: /Trygg park i Bjuv/ }).click();
    await expect
      .poll(() => page.getByRole('group', { name: 'Aktivitet 1' }).getByLabel('Minst antal').inputValue())
      .toBe('4');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('Besluta med SMART-varningar frågar och listar dem; historiken visar vem, när och protokollet', async () => {
    const { page } = t;
    t.host.workspace.profile.save({ name: 'Anna Andersson', organisation: 'Bjuvs kommun', role: 'samordnare' });
    const editor = page.getByRole('article');
    await editor.getByTestId('lofte-state').filter({ hasText: 'Utkast' }).waitFor();
    // Takt, ansvarig, underlag and uppföljning are missing: four warnings.
    const warnings = editor.getByTestId('smart-checklist').locator('.check-warn');
    await expect.poll(() => warnings.count()).toBe(4);
    const expected = await warnings.allTextContents();
    await editor.getByRole('button', { name: 'Skicka för granskning' }).click();
    await editor.getByTestId('lofte-state').filter({ hasText: 'För granskning' }).waitFor();
    await editor.getByRole('button', { name: 'Besluta' }).click();
    const decide = page.getByRole('dialog', { name: 'Besluta löftet' });
    const listed = await decide.getByRole('list', { name: 'Varningar' }).getByRole('listitem').allTextContents();
    expect(listed).toEqual(expected.map((w) => w.replace(/^⚠ /, '')));
    await screenshot(page, 'lofte-besluta');
    // Cancelling changes nothing.
    await decide.getByRole('button', { name: 'Avbryt' }).click();
    await expect(editor.getByTestId('lofte-state').textContent()).resolves.toBe('För granskning');
    await editor.getByRole('button', { name: 'Besluta' }).click();
    await decide.getByLabel('Protokollhänvisning (valfritt)').fill('KS 2026-12-03 § 141');
    await decide.getByRole('button', { name: 'Besluta ändå' }).click();
    await editor.getByTestId('lofte-state').filter({ hasText: 'Beslutad' }).waitFor();

    await editor.getByRole('tab', { name: 'Historik' }).click();
    const recorded = editor.getByTestId('history-recorded').last();
    await expect
      .poll(() => recorded.textContent())
      .toMatch(
        /^Beslutat \d{4}-\d{2}-\d{2} \d{2}:\d{2} av Anna Andersson \(brottsförebyggande samordnare, Bjuvs kommun\), protokoll KS 2026-12-03 § 141\.Beslutat trots 4 varningar i SMART-kontrollen/,
      );
    const db = t.host.workspace.db().read((r) => r.db);
    expect(
      db
        .prepare("SELECT by_name, protocol_ref FROM lofte_snapshot WHERE state = 'beslutad' ORDER BY id DESC LIMIT 1")
        .get(),
    ).toEqual({ by_name: 'Anna Andersson', protocol_ref: 'KS 2026-12-03 § 141' });
    await screenshot(page, 'lofte-historik-beslut');
  });

  it('uppföljningen visar hela aktiviteter och samma ord som sammanfattningen', async () => {
    const { page } = t;
    await page.getByRole('button', { name: /Ett renare och tryggare Klippans centrum 2026/ }).click();
    const editor = page.getByRole('article');
    await editor.getByTestId('lofte-state').filter({ hasText: 'Uppföljning' }).waitFor();
    const summaries = editor.getByTestId(/^progress-/);
    await expect.poll(() => summaries.count()).toBeGreaterThan(0);
    for (const text of await summaries.allTextContents()) {
      // Whole numbers only: "3 gjorda av 12 för hela perioden; hittills skulle minst 9 vara gjorda".
      expect(text).toMatch(
        /^\d+ gjorda av \d+ för hela perioden; hittills skulle minst \d+ vara gjorda – (efter|enligt) plan\.$/,
      );
    }
    const tables = editor.getByRole('table', { name: /^Framsteg:/ });
    for (let i = 0; i < (await tables.count()); i++) {
      const summary = (await summaries.nth(i).textContent())!;
      const word = summary.includes('efter plan') ? 'efter plan' : 'enligt plan';
      const cells = await tables.nth(i).locator('tbody td').allTextContents();
      expect(cells.join(' ')).not.toMatch(/,\d|Uppnått/);
      // The running stretch says what the summary says.
      const running = await tables.nth(i).getByRole('row').filter({ hasText: 'Pågår' }).textContent();
      expect(running).toContain(`Pågår, ${word}`);
    }
    // The form stays in its column beside the evidence (a long fokusområde once pushed it underneath).
    const form = await editor.locator('.lofte-form').boundingBox();
    const side = await editor.getByRole('complementary', { name: 'Underlag och kontroll' }).boundingBox();
    expect(form!.x + form!.width).toBeLessThanOrEqual(side!.x);
    await screenshot(page, 'lofte-lasta-1440');
    await page.setViewportSize({ width: 1280, height: 800 });
    const narrow = await editor.locator('.lofte-form').boundingBox();
    expect(narrow!.x + narrow!.width).toBeLessThanOrEqual(
      (await editor.getByRole('complementary', { name: 'Underlag och kontroll' }).boundingBox())!.x,
    );
    await screenshot(page, 'lofte-lasta-1280');
    await editor.getByTestId('follow-up').scrollIntoViewIfNeeded();
    await screenshot(page, 'lofte-uppfoljning-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.getByTestId('follow-up').scrollIntoViewIfNeeded();
    await screenshot(page, 'lofte-uppfoljning-1440');
  });
});
