/** Trygghetsvandringar in Chromium: plan a walk, observations become incidents, åtgärder with due dates and reasons. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../src/core/walks/repo';
import { saveView } from '../../src/core/dashboards/views';
import { localDay } from '../../src/shared/time';
import { launchBrowser, openSession, screenshot, type Session } from './harness';

let browser: Browser;
let s: Session;
beforeAll(async () => {
  browser = await launchBrowser();
  s = await openSession(browser, 1500, 'vandringar');
});
afterAll(async () => {
  await s?.close();
  await browser?.close();
});

describe('Trygghetsvandringar', () => {
  it('en vandring med iakttagelser som blir händelser och ett protokoll av åtgärder', async () => {
    const { page } = s;
    const db = s.host.workspace.db().read((r) => r.db);
    const today = localDay(new Date().toISOString());

    await page.getByRole('button', { name: 'Ny vandring' }).click();
    const form = page.getByRole('form', { name: 'Ny vandring' });
    await form.getByLabel('Vandringens kommun').selectOption({ label: 'Perstorp' });
    await form.getByLabel('Namn').fill('Höstvandring i centrum');
    await form.getByLabel('Datum').fill(today);
    await form.getByLabel('Platser').fill('Perstorps torg\nStationen');
    await form.getByLabel('Inbjudna').fill('Perstorps kommun, Teknik\nPerstorps bostäder');
    await form.getByRole('button', { name: 'Spara vandringen' }).click();
    const walk = page.getByRole('article');
    await walk.getByRole('heading', { name: 'Höstvandring i centrum' }).waitFor();

    // An observation: saved, and an incident with source "trygghetsvandring" at that place and day.
    const obsForm = walk.getByRole('form', { name: 'Ny iakttagelse' });
    await obsForm.getByLabel('Plats').fill('Perstorps torg');
    await obsForm.getByLabel('Vad').selectOption('belysning');
    await obsForm.getByLabel('Anteckning').fill('Mörkt vid busshållplatsen');
    await obsForm.getByRole('button', { name: 'Lägg till iakttagelse' }).click();
    await walk
      .getByRole('status')
      .filter({ hasText: /finns i registret som händelse \d+/ })
      .waitFor();
    const incident = db
      .prepare(
        "SELECT source, category, subcategory, place_name, description FROM incident WHERE place_name = 'Perstorps torg' AND source = 'trygghetsvandring'",
      )
      .get();
    expect(incident).toEqual({
      source: 'trygghetsvandring',
      category: 'otrygg_plats',
      subcategory: 'belysning',
      place_name: 'Perstorps torg',
      description: 'Belysning vid Perstorps torg (Höstvandring i centrum): Mörkt vid busshållplatsen',
    });

    // An åtgärd without a date is due six months after the walk.
    const measureForm = walk.getByRole('form', { name: 'Ny åtgärd' });
    await measureForm.getByLabel('Åtgärd', { exact: true }).fill('Ny belysning vid busshållplatsen');
    await measureForm.getByLabel('Ansvarig').fill('Teknik');
    await measureForm.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    const row = walk.getByRole('table', { name: 'Åtgärder' }).getByRole('row').filter({ hasText: 'Ny belysning' });
    await expect.poll(() => row.textContent()).toContain(addMonths(today, 6));

    // Declining needs a reason: refused without one, saved with one.
    await row.getByLabel('Status: Ny belysning vid busshållplatsen').selectOption('avslagen');
    await row.getByRole('button', { name: 'Spara' }).click();
    await walk.getByRole('alert').filter({ hasText: 'Skriv varför åtgärden avslogs.' }).waitFor();
    expect(db.prepare("SELECT status FROM measure WHERE what = 'Ny belysning vid busshållplatsen'").pluck().get()).toBe(
      'planerad',
    );
    await row.getByLabel('Skäl: Ny belysning vid busshållplatsen').fill('Trafikverkets hållplats: anmält dit');
    await row.getByRole('button', { name: 'Spara' }).click();
    await expect
      .poll(() =>
        db
          .prepare(
            "SELECT status || ': ' || decline_reason FROM measure WHERE what = 'Ny belysning vid busshållplatsen'",
          )
          .pluck()
          .get(),
      )
      .toBe('avslagen: Trafikverkets hållplats: anmält dit');
    await screenshot(page, 'trygghetsvandring');

    // The observation opens in the register as exactly that incident.
    await walk.getByRole('button', { name: 'Visa i registret' }).click();
    await expect.poll(async () => (await page.getByTestId('row-count').textContent())?.replace(/\D/g, '')).toBe('1');
  });

  it('försenade åtgärder syns i listan och på Översikt', async () => {
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Trygghetsvandringar' }).click();
    await page.getByRole('tab', { name: 'Försenade åtgärder' }).click();
    // The demo's walk in Klippan (March 2026): more bins along Storgatan, due six months later, still going on.
    const overdue = page.getByTestId('forsenade').getByRole('row').filter({ hasText: 'Fler och större papperskorgar' });
    await expect(overdue.textContent()).resolves.toContain('2026-09-10');
    await page.getByRole('tab', { name: 'Åtgärdsplan' }).click();
    await page.getByText('Välj en kommun: åtgärdsplanen är kommunens.').waitFor();
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Klippan' });
    const plan = page.getByTestId('atgardsplan');
    await expect.poll(() => plan.getByRole('row').count()).toBe(4); // header + three in the plan
    // A measure written into the plan, pointing at its problem as a saved dashboard view.
    const klippan = s.host.workspace
      .db()
      .read((r) => r.db)
      .prepare("SELECT id FROM kommun WHERE name = 'Klippan'")
      .pluck()
      .get() as number;
    const view = saveView(
      s.host.workspace.db().read((r) => r.db),
      {
        name: 'Skadegörelse vid stationen 2026',
        dashboard: 'forandring',
        settings: {
          filter: { kommunIds: [klippan], categories: ['skadegorelse'], fromDay: '2026-01-01', toDay: '2026-10-31' },
        },
      },
    );
    // Written behind the app's back: a reload reads it (the screen starts afresh).
    await page.reload();
    await page.getByRole('tab', { name: 'Åtgärdsplan' }).click();
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Klippan' });
    await page.getByTestId('atgardsplan').waitFor();
    const planForm = plan.getByRole('form', { name: 'Ny åtgärd' });
    await planForm.getByLabel('Problem i lägesbilden').fill('Skadegörelse vid stationen');
    await planForm.getByLabel('Underlag: sparad vy').selectOption({ label: 'Skadegörelse vid stationen 2026' });
    await planForm.getByLabel('Åtgärd').fill('Klotterplank och snabbsanering');
    await planForm.getByLabel('Ansvarig').fill('Teknik och fritid');
    await planForm.getByLabel('Klart senast').fill('2027-03-31');
    await planForm.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    const added = plan.getByRole('row').filter({ hasText: 'Klotterplank och snabbsanering' });
    await added.getByRole('link', { name: 'Skadegörelse vid stationen 2026' }).waitFor();
    await screenshot(page, 'atgardsplan');
    // The link opens the saved view on the dashboard.
    await added.getByRole('link', { name: 'Skadegörelse vid stationen 2026' }).click();
    await page.getByRole('table', { name: 'Förändring per kommun och kategori' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/lagesbild?vy=${view.id}`);
    await expect(page.getByLabel('Kategori', { exact: true }).inputValue()).resolves.toBe('skadegorelse');
    await page.getByRole('navigation').getByRole('link', { name: 'Översikt' }).click();
    await page
      .getByRole('table', { name: 'Försenade åtgärder' })
      .getByText('Fler och större papperskorgar', { exact: false })
      .waitFor();
    await page
      .getByRole('table', { name: 'Aktiviteter efter plan' })
      .getByText('Trygghetsvandring kring stationen')
      .waitFor();
    await screenshot(page, 'oversikt-loften');
  });

  it('listan säger 1 iakttagelse, 1 åtgärd och 1 försenad; en försenad åtgärd säger sitt problem och länkar till vandringen', async () => {
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Trygghetsvandringar' }).click();
    await page.getByRole('tab', { name: 'Trygghetsvandringar' }).click();
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Alla' });
    const list = page.getByRole('complementary', { name: 'Vandringar' });
    const perstorp = list.getByRole('button', { name: /Höstvandring i centrum/ });
    await expect.poll(() => perstorp.textContent()).toMatch(/1 iakttagelse · 1 åtgärd$/);
    // The demo's walk in Klippan: three observations, three åtgärder, one of them overdue.
    const klippan = list.getByRole('button', { name: /Kvällsvandring kring Klippans station/ });
    await expect.poll(() => klippan.textContent()).toMatch(/3 iakttagelser · 3 åtgärder · 1 försenad$/);

    await page.getByRole('tab', { name: 'Försenade åtgärder' }).click();
    const overdue = page.getByTestId('forsenade').getByRole('row').filter({ hasText: 'Fler och större papperskorgar' });
    await expect(overdue.textContent()).resolves.toContain('Nedskräpning i centrum');
    await overdue.getByRole('link', { name: 'Kvällsvandring kring Klippans station (2026-03-10)' }).click();
    await page.getByRole('article').getByRole('heading', { name: 'Kvällsvandring kring Klippans station' }).waitFor();
    await expect(page.getByRole('tab', { name: 'Trygghetsvandringar' }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    expect(new URL(page.url()).hash).toBe('#/vandringar');
    await expect(klippan.getAttribute('aria-current')).resolves.toBe('true');
  });

  it('en åtgärd från protokollet läggs i åtgärdsplanen, som länkar tillbaka till vandringen; ett passerat datum varnar', async () => {
    const { page } = s;
    const db = s.host.workspace.db().read((r) => r.db);
    const walk = page.getByRole('article');
    await walk.getByRole('heading', { name: 'Kvällsvandring kring Klippans station' }).waitFor();
    const what = 'Skyltar om nedskräpning längs Storgatan';
    const measureForm = walk.getByRole('form', { name: 'Ny åtgärd' });
    await measureForm.getByLabel('Åtgärd', { exact: true }).fill(what);
    await measureForm.getByLabel('Ansvarig').fill('Teknik och fritid');
    await measureForm.getByLabel('Klart senast').fill('2026-04-01');
    await measureForm.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    // Saved, with a warning beside the date: not a refusal.
    await measureForm
      .getByRole('status')
      .filter({ hasText: 'Klart senast (2026-04-01) har redan passerat: åtgärden visas som försenad.' })
      .waitFor();
    const row = walk.getByRole('table', { name: 'Åtgärder' }).getByRole('row').filter({ hasText: what });
    await expect.poll(() => row.textContent()).toContain('försenad');
    await measureForm.scrollIntoViewIfNeeded();
    await screenshot(page, 'trygghetsvandring-datum-passerat');

    await row.getByRole('button', { name: `Lägg i åtgärdsplanen: ${what}` }).click();
    const toPlan = walk.getByRole('form', { name: `Till åtgärdsplanen: ${what}` });
    await toPlan.getByLabel('Problem i lägesbilden').fill('Nedskräpning i centrum');
    await toPlan.getByLabel('Löfte').selectOption({ label: 'Ett renare och tryggare Klippans centrum 2026' });
    await screenshot(page, 'trygghetsvandring-till-planen');
    await toPlan.getByRole('button', { name: 'Lägg i planen' }).click();
    await row.getByRole('link', { name: 'I åtgärdsplanen' }).waitFor();
    expect(db.prepare('SELECT in_plan, problem FROM measure WHERE what = ?').get(what)).toEqual({
      in_plan: 1,
      problem: 'Nedskräpning i centrum',
    });
    for (const [width, height] of [
      [1440, 900],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await screenshot(page, `trygghetsvandring-protokoll-${width}x${height}`);
    }

    // The plan shows it with its problem and löfte, and links to its walk.
    await row.getByRole('link', { name: 'I åtgärdsplanen' }).click();
    const plan = page.getByTestId('atgardsplan');
    await plan.getByRole('heading', { name: 'Åtgärdsplan för Klippan' }).waitFor();
    const planned = plan.getByRole('row').filter({ hasText: what });
    await expect(planned.textContent()).resolves.toContain('Nedskräpning i centrum');
    await planned.getByRole('link', { name: 'Ett renare och tryggare Klippans centrum 2026' }).waitFor();
    const walkLink = planned.getByRole('link', { name: 'Kvällsvandring kring Klippans station (2026-03-10)' });
    for (const [width, height] of [
      [1440, 900],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await screenshot(page, `atgardsplan-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await walkLink.click();
    await walk.getByRole('heading', { name: 'Kvällsvandring kring Klippans station' }).waitFor();
    await walk.getByRole('table', { name: 'Åtgärder' }).getByRole('row').filter({ hasText: what }).waitFor();

    // A new åtgärd can go straight onto the plan from the protokoll.
    const direct = 'Belysning i Åbyparken';
    await measureForm.getByLabel('Med i kommunens åtgärdsplan').check();
    await measureForm.getByLabel('Problem i lägesbilden').fill('Otrygg plats i Åbyparken');
    await measureForm.getByLabel('Åtgärd', { exact: true }).fill(direct);
    await measureForm.getByLabel('Ansvarig').fill('Teknik och fritid');
    await measureForm.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    const directRow = walk.getByRole('table', { name: 'Åtgärder' }).getByRole('row').filter({ hasText: direct });
    await directRow.getByRole('link', { name: 'I åtgärdsplanen' }).click();
    await plan
      .getByRole('row')
      .filter({ hasText: direct })
      .getByRole('link', { name: 'Kvällsvandring kring Klippans station (2026-03-10)' })
      .waitFor();
  });
});
