/**
 * Samverkansöverenskommelser in Chromium: the demo agreement for Svalöv edited (a used fokusområde cannot
 * be removed, a signing date in the future is refused), a new fokusområde with its orsaksanalys in three
 * parts and övrigt saved, then offered to a new löfte without reloading, and read back after a reload.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDay } from '../../src/shared/time';
import { launchBrowser, openSession, screenshot, type Session } from './harness';

let browser: Browser;
let s: Session;
beforeAll(async () => {
  browser = await launchBrowser();
  s = await openSession(browser, 1500, 'loften');
});
afterAll(async () => {
  await s?.close();
  await browser?.close();
});

const TITLE = 'Samverkansöverenskommelse Svalöv 2027–2030 (förslag)';
const NEW_AREA = 'Otrygghet vid stationen i Teckomatorp';
/** The new fokusområde's orsaksanalys, by the label of its field. */
const CAUSES = {
  Brottsutsatt: 'Pendlare och unga som väntar på tåget kvällstid.',
  Gärningsperson: 'En mindre grupp tonåringar som samlas i väntsalen.',
  Plats: 'Dålig belysning och ingen insyn vid perrongen och cykelstället.',
  Övrigt: 'Få vuxna i rörelse efter klockan 20.',
} as const;

describe('Samverkansöverenskommelser', () => {
  it('ett nytt fokusområde sparas och erbjuds direkt för ett nytt löfte', async () => {
    const { page } = s;
    const db = s.host.workspace.db().read((r) => r.db);
    const agreement = db.prepare('SELECT id FROM agreement WHERE title = ?').pluck().get(TITLE) as number;
    const skadegorelse = db
      .prepare("SELECT id FROM focus_area WHERE agreement_id = ? AND title = 'Skadegörelse'")
      .pluck()
      .get(agreement) as number;

    // The löfte form has read the fokusområden already (cached): saving must refresh them.
    await page.getByRole('heading', { name: 'Medborgarlöften', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Nytt löfte' }).click();
    let form = page.getByRole('form', { name: 'Nytt löfte' });
    await form.getByLabel('Löftets kommun').selectOption({ label: 'Svalöv' });
    const focusSelect = form.getByLabel('Fokusområde');
    await expect
      .poll(() => focusSelect.locator('option').allTextContents())
      .toEqual(['Inget valt', `Skadegörelse (${TITLE})`]);

    await page.getByRole('tab', { name: 'Samverkansöverenskommelser' }).click();
    await page
      .getByRole('complementary', { name: 'Samverkansöverenskommelser' })
      .getByRole('button', { name: TITLE })
      .click();
    const editor = page.getByRole('form', { name: TITLE });
    await expect(editor.getByLabel('Rubrik', { exact: true }).inputValue()).resolves.toBe(TITLE);
    await expect(editor.getByRole('checkbox', { name: 'Svalöv' }).isChecked()).resolves.toBe(true);
    const first = editor.getByRole('group', { name: 'Fokusområde 1' });
    await expect(first.getByLabel('Fokusområde', { exact: true }).inputValue()).resolves.toBe('Skadegörelse');
    await first.getByText('Används av 1 löfte.').waitFor();
    // The demo's orsaksanalys, in its three parts; nothing of its own in övrigt.
    const firstCauses = first.getByRole('group', { name: 'Orsaksanalys' });
    await expect(firstCauses.getByLabel('Plats', { exact: true }).inputValue()).resolves.toContain('Teckomatorp');
    await expect(firstCauses.getByLabel('Övrigt', { exact: true }).inputValue()).resolves.toBe('');
    await screenshot(page, 'samverkansoverenskommelse-lista');

    // The draft löfte for 2027 uses "Skadegörelse": it cannot be removed, and nothing is written.
    await first.getByRole('button', { name: 'Ta bort fokusområde 1' }).click();
    await editor.getByRole('button', { name: 'Spara', exact: true }).click();
    await editor
      .getByRole('alert')
      .filter({ hasText: 'Fokusområdet "Skadegörelse" används av 1 löfte och kan inte tas bort.' })
      .waitFor();
    expect(db.prepare('SELECT agreement_id FROM focus_area WHERE id = ?').pluck().get(skadegorelse)).toBe(agreement);
    await editor.getByRole('button', { name: 'Ångra ändringarna' }).click();
    await expect(first.getByLabel('Fokusområde', { exact: true }).inputValue()).resolves.toBe('Skadegörelse');

    // Signed tomorrow: refused with the server's message.
    const tomorrow = addDays(localDay(new Date().toISOString()), 1);
    await editor.getByLabel('Datum för underskrift').fill(tomorrow);
    await editor.getByRole('button', { name: 'Spara', exact: true }).click();
    await editor.getByRole('alert').filter({ hasText: 'Datumet för underskrift ligger i framtiden' }).waitFor();
    await editor.getByLabel('Datum för underskrift').fill('');

    // A second fokusområde with its orsaksanalys, goals and follow-up.
    await editor.getByLabel('Undertecknad av (LPO-chef)').fill('Lokalpolisområdeschef Landskrona');
    await editor.getByRole('button', { name: 'Lägg till fokusområde' }).click();
    const second = editor.getByRole('group', { name: 'Fokusområde 2' });
    await second.getByLabel('Fokusområde', { exact: true }).fill(NEW_AREA);
    await second
      .getByLabel('Problem', { exact: true })
      .fill('Många upplever stationsområdet som otryggt kvällstid (trygghetsmätningen 2026).');
    const causes = second.getByRole('group', { name: 'Orsaksanalys' });
    // One part too long: refused with its name, the field marked, the text kept.
    const victim = causes.getByLabel('Brottsutsatt', { exact: true });
    await victim.fill('x'.repeat(8001));
    await editor.getByRole('button', { name: 'Spara', exact: true }).click();
    await editor
      .getByRole('alert')
      .filter({ hasText: 'Fokusområde 2: Orsaksanalys – brottsutsatt får vara högst 8' })
      .waitFor();
    await expect(victim.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(victim.inputValue()).resolves.toHaveLength(8001);
    expect(db.prepare('SELECT count(*) FROM focus_area WHERE agreement_id = ?').pluck().get(agreement)).toBe(1);
    for (const [label, text] of Object.entries(CAUSES)) await causes.getByLabel(label, { exact: true }).fill(text);
    await second
      .getByLabel('Mätbara mål')
      .fill('Minst två trygghetsvandringar om året; problemindex för stationen ska minska.');
    await second.getByLabel('Dokumentation och uppföljning').fill('Kvartalsrapport till Lokala Brå; årsuppföljning.');
    await editor.getByRole('button', { name: 'Spara', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Överenskommelsen "${TITLE}" är sparad.` })
      .waitFor();
    await expect(editor.getByRole('alert').count()).resolves.toBe(0);

    const areas = db
      .prepare(
        `SELECT id, title, cause_victim, cause_offender, cause_place, causes, sort_order
         FROM focus_area WHERE agreement_id = ? ORDER BY sort_order`,
      )
      .all(agreement) as (Record<'cause_victim' | 'cause_offender' | 'cause_place' | 'causes', string> & {
      id: number;
      title: string;
      sort_order: number;
    })[];
    expect(areas.map((a) => [a.title, a.sort_order])).toEqual([
      ['Skadegörelse', 0],
      [NEW_AREA, 1],
    ]);
    expect(areas[0]!.id).toBe(skadegorelse);
    const { cause_victim, cause_offender, cause_place, causes: other } = areas[1]!;
    expect([cause_victim, cause_offender, cause_place, other]).toEqual(Object.values(CAUSES));
    expect(db.prepare('SELECT signed_by_lpo, signed_on FROM agreement WHERE id = ?').get(agreement)).toEqual({
      signed_by_lpo: 'Lokalpolisområdeschef Landskrona',
      signed_on: null,
    });
    await second.getByText('Inga löften ännu.').waitFor();
    await screenshot(page, 'samverkansoverenskommelse');

    // Back to the löften: the new fokusområde is offered for Svalöv, and a draft can be created under it.
    await page.getByRole('tab', { name: 'Löften' }).click();
    await page.getByRole('button', { name: 'Nytt löfte' }).click();
    form = page.getByRole('form', { name: 'Nytt löfte' });
    await form.getByLabel('Löftets kommun').selectOption({ label: 'Svalöv' });
    await expect
      .poll(() => form.getByLabel('Fokusområde').locator('option').allTextContents())
      .toEqual(['Inget valt', `Skadegörelse (${TITLE})`, `${NEW_AREA} (${TITLE})`]);
    await form.getByLabel('Fokusområde').selectOption({ label: `${NEW_AREA} (${TITLE})` });
    await form.getByRole('button', { name: 'Skapa utkast' }).click();
    await page.getByRole('article').getByTestId('lofte-state').filter({ hasText: 'Utkast' }).waitFor();
    expect(db.prepare('SELECT focus_area_id FROM lofte ORDER BY id DESC LIMIT 1').pluck().get()).toBe(areas[1]!.id);

    // After a reload the orsaksanalys is read back from the database, each part in its field.
    await page.reload();
    await page.getByRole('tab', { name: 'Samverkansöverenskommelser' }).click();
    await page
      .getByRole('complementary', { name: 'Samverkansöverenskommelser' })
      .getByRole('button', { name: TITLE })
      .click();
    const reread = page
      .getByRole('form', { name: TITLE })
      .getByRole('group', { name: 'Fokusområde 2' })
      .getByRole('group', { name: 'Orsaksanalys' });
    for (const [label, text] of Object.entries(CAUSES)) {
      await expect.poll(() => reread.getByLabel(label, { exact: true }).inputValue()).toBe(text);
    }
  });
});
