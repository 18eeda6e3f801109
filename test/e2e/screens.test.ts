/**
 * Every screen at the two window sizes coordinators use (1440×900 and 1280×800): a screenshot of each
 * (test-results/screenshots/screens-<name>-<width>.png, to be looked at) and a check that nothing with
 * visible text is cut off sideways without a sign — no box whose content is wider than the box unless it
 * says so (the tables' scroll shadow, an ellipsis), no page that scrolls sideways, no control whose text
 * does not fit, and no button drawn onto the text beside it; and axe-core's WCAG 2.1 A/AA rules find nothing
 * serious or critical on any of them.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/*
 * The page-side check is type-checked with the node project's libraries (no DOM lib there): the few DOM
 * shapes it uses are spelled out here instead.
 */
interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
}
interface Style {
  overflowX: string;
  textOverflow: string;
  paddingLeft: string;
  paddingRight: string;
  font: string;
  fontStyle: string;
  fontWeight: string;
  fontSize: string;
  fontFamily: string;
}
interface PageNode {
  nodeType: number;
  textContent: string | null;
}
interface PageElement extends PageNode {
  tagName: string;
  id: string;
  className: unknown;
  innerText?: string;
  scrollWidth: number;
  clientWidth: number;
  classList: { contains(name: string): boolean };
  previousSibling: PageNode | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  closest(selector: string): PageElement | null;
  checkVisibility(): boolean;
  getBoundingClientRect(): Rect;
  getClientRects(): ArrayLike<Rect>;
  /** Inputs and selects. */
  type?: string;
  value?: string;
  selectedOptions?: ArrayLike<{ text: string }>;
}
interface PageGlobals {
  document: {
    documentElement: PageElement;
    body: { querySelectorAll(selector: string): ArrayLike<PageElement> };
    createElement(tag: 'canvas'): {
      getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } } | null;
    };
    createRange(): { selectNodeContents(node: PageNode): void; getClientRects(): ArrayLike<Rect> };
  };
  getComputedStyle(el: PageElement): Style;
}

/**
 * What is cut on the page as it is now, in words; empty when nothing is. Runs in the page.
 *
 * - A box with `overflow-x` other than visible whose content is wider than it, unless it shows a sign:
 *   `scroll-x-left`/`scroll-x-right` (the tables' scroll shadow), `data-overflow-sign`, or an ellipsis.
 *   The register's grid is left out: it has its own scrollbars and column resizing.
 * - The page itself scrolling sideways.
 * - A text input whose value, or a select whose chosen option, is wider than the control.
 * - A button that overlaps, or touches without space, the text right before it on the same line.
 */
function cutsOnPage(): string[] {
  const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
  const TEXT_NODE = 3;
  const problems: string[] = [];
  const name = (el: PageElement) => {
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const cls =
      typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const label = el.getAttribute('aria-label') ?? el.id;
    return `<${el.tagName.toLowerCase()}${cls}${label ? ` "${label}"` : ''}>${text ? ` "${text}"` : ''}`;
  };
  const signed = (el: PageElement, style: Style) =>
    el.classList.contains('scroll-x-left') ||
    el.classList.contains('scroll-x-right') ||
    el.hasAttribute('data-overflow-sign') ||
    style.textOverflow === 'ellipsis';
  const canvas = document.createElement('canvas').getContext('2d')!;
  const textWidth = (text: string, style: Style) => {
    canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return canvas.measureText(text).width;
  };
  const room = (el: PageElement, style: Style) =>
    el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const lastRect = (rects: ArrayLike<Rect>) => (rects.length ? rects[rects.length - 1]! : null);

  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    problems.push(`sidan rullar i sidled: ${root.scrollWidth} px innehåll i ${root.clientWidth} px`);
  }
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    // Text only for screen readers is clipped to 1 px on purpose.
    if (el.closest('.ag-root-wrapper') || el.closest('.visually-hidden') || !el.checkVisibility()) continue;
    const style = getComputedStyle(el);
    const tag = el.tagName;
    const hasText = (el.innerText ?? '').trim().length > 0;
    if (style.overflowX !== 'visible' && hasText && el.scrollWidth > el.clientWidth + 1 && !signed(el, style)) {
      problems.push(`${name(el)} är ${el.scrollWidth - el.clientWidth} px för smal, utan tecken på det`);
    }
    if (tag === 'INPUT' && ['text', 'search'].includes(el.type ?? '') && el.value) {
      if (textWidth(el.value, style) > room(el, style) + 1) {
        problems.push(`${name(el)}: texten "${el.value}" får inte plats`);
      }
    }
    const chosen = tag === 'SELECT' ? el.selectedOptions?.[0] : undefined;
    // The arrow takes about 20 px of a select.
    if (chosen && textWidth(chosen.text, style) > room(el, style) - 20 + 1) {
      problems.push(`${name(el)}: valet "${chosen.text}" får inte plats`);
    }
    if (tag === 'BUTTON' && el.previousSibling && el.getBoundingClientRect().width > 0) {
      const box = el.getBoundingClientRect();
      const before = el.previousSibling;
      let prev: Rect | null = null;
      if ((before.textContent ?? '').trim() === '') prev = null;
      else if (before.nodeType === TEXT_NODE) {
        const range = document.createRange();
        range.selectNodeContents(before);
        prev = lastRect(range.getClientRects());
      } else if ((before as PageElement).checkVisibility?.()) {
        prev = lastRect((before as PageElement).getClientRects());
      }
      const sameLine = prev !== null && prev.bottom > box.top + 2 && prev.top < box.bottom - 2;
      if (prev && sameLine && prev.left < box.left && prev.right > box.left - 3) {
        problems.push(`${name(el)} ligger an mot texten före (${Math.round(box.left - prev.right)} px mellanrum)`);
      }
    }
  }
  return problems;
}

/** Waits until the screen has drawn what it fetches: no "Hämtar…" or "Räknar…" left. */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const { document } = globalThis as unknown as PageGlobals;
          return Array.from(document.body.querySelectorAll('body *')).some(
            (el) => /^(Hämtar|Räknar|Laddar)…$/.test((el.innerText ?? '').trim()) && el.checkVisibility(),
          );
        }),
      { timeout: 60_000 },
    )
    .toBe(false);
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA rules on the page as it is: the serious and critical violations, in words. */
async function axeSerious(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP (no inline script) stays as it is.
  if (!(await page.evaluate('typeof window.axe !== "undefined"')))
    await page.evaluate(`(function () {\n${AXE_SOURCE}\n}).call(window)`);
  const found = (await page.evaluate(`window.axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    .then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`)) as string[];
  return found;
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
] as const;

describe('varje skärm i två fönsterstorlekar', () => {
  it.each(SIZES)('$width×$height: inget med text skärs av', async ({ width, height }) => {
    const s = await openSession(browser, 3000, 'oversikt');
    const { page } = s;
    const found: Record<string, string[]> = {};
    const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
    const look = async (name: string) => {
      await settled(page);
      await screenshot(page, `screens-${name}-${width}`);
      const problems = await page.evaluate(cutsOnPage);
      if (problems.length) found[name] = problems;
      const serious = await axeSerious(page);
      if (serious.length) axeFound[name] = serious;
    };
    const axeFound: Record<string, string[]> = {};
    try {
      await page.setViewportSize({ width, height });

      await page.getByRole('heading', { name: 'Översikt', level: 2 }).waitFor();
      await look('oversikt');

      await nav('Händelser');
      const firstRow = page.locator('.ag-grid-scrolling-container .ag-row[row-index="0"]');
      await firstRow.locator('[col-id="kommun"]').filter({ hasText: /\S/ }).waitFor();
      await look('handelser');
      await page.getByRole('button', { name: 'Ny händelse' }).click();
      await page.getByRole('form', { name: 'Ny händelse' }).waitFor();
      await look('handelse-ny');
      await page.getByRole('button', { name: 'Avbryt' }).click();
      await firstRow.locator('[col-id="description"]').click();
      const detail = page.getByTestId('detail-panel');
      await look('handelse-detalj');
      await detail.getByRole('button', { name: 'Redigera' }).click();
      await page.getByRole('form', { name: /^Redigera händelse \d+$/ }).waitFor();
      await look('handelse-redigera');

      await nav('Lägesbild');
      await page.getByRole('heading', { name: 'Lägesbild', level: 2 }).waitFor();
      for (const [tab, slug] of [
        ['Jämför kommuner', 'jamfor'],
        ['Karta', 'karta'],
        ['Förändring', 'forandring'],
        ['Trend', 'trend'],
        ['EST-lägesbild', 'est'],
        ['Trygghetsmätning', 'trygghet'],
      ] as const) {
        await page.getByRole('tab', { name: tab }).click();
        await expect.poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
        await page.getByRole('table').first().waitFor();
        await look(`lagesbild-${slug}`);
      }

      await nav('Medborgarlöften');
      await page.getByRole('heading', { name: 'Medborgarlöften', level: 2 }).waitFor();
      const list = page.getByRole('complementary', { name: 'Löften' });
      await list.getByRole('listitem').first().waitFor();
      await look('loften');
      // A draft (editable fields, evidence that can be removed) and one in follow-up (progress, history).
      for (const [state, slug] of [
        ['Utkast', 'lofte-utkast'],
        ['Uppföljning', 'lofte-uppfoljning'],
      ] as const) {
        await list.getByRole('button').filter({ hasText: state }).first().click();
        await page.getByRole('article').getByTestId('lofte-state').filter({ hasText: state }).waitFor();
        await look(slug);
      }
      await page.getByRole('tab', { name: 'Samverkansöverenskommelser' }).click();
      await page.getByRole('complementary', { name: 'Samverkansöverenskommelser' }).waitFor();
      await look('overenskommelser');
      const agreements = page.getByRole('complementary', { name: 'Samverkansöverenskommelser' });
      if ((await agreements.getByRole('listitem').count()) > 0) {
        await agreements.getByRole('listitem').first().getByRole('button').click();
        await settled(page);
        await look('overenskommelse');
      }

      await nav('Trygghetsvandringar');
      await page.getByRole('heading', { name: 'Trygghetsvandringar och åtgärder', level: 2 }).waitFor();
      await look('vandringar');
      const walks = page.getByRole('complementary', { name: 'Vandringar' });
      if ((await walks.getByRole('listitem').count()) > 0) {
        await walks.getByRole('listitem').first().getByRole('button').click();
        await settled(page);
        await look('vandring');
      }
      await page.getByRole('group', { name: 'Urval' }).getByLabel('Kommun').selectOption({ label: 'Kävlinge' });
      await page.getByRole('tab', { name: 'Åtgärdsplan' }).click();
      await page.getByRole('heading', { name: /^Åtgärdsplan för Kävlinge/ }).waitFor();
      await look('atgardsplan');
      await page.getByRole('tab', { name: 'Försenade åtgärder' }).click();
      await look('forsenade');

      await nav('Rapporter');
      await page.getByRole('heading', { name: 'Rapporter', level: 2 }).waitFor();
      await look('rapporter-tom');
      await page.getByRole('button', { name: 'Ny rapport' }).click();
      const newReport = page.getByRole('dialog', { name: 'Ny rapport' });
      await newReport.getByLabel('Kommun eller lokalpolisområde').selectOption({ label: 'Klippan' });
      await look('rapport-ny');
      await newReport.getByRole('button', { name: 'Skapa rapport' }).click();
      await page.getByRole('article').getByTestId('report-status').waitFor();
      await look('rapport-redigera');
      await page.getByRole('tab', { name: 'Förhandsgranska' }).click();
      await page
        .getByTestId('preview-status')
        .filter({ hasText: /sidor, A4/ })
        .waitFor({ timeout: 120_000 });
      await look('rapport-forhandsgranska');
      await page.getByRole('link', { name: '← Alla rapporter' }).click();
      await page.getByRole('table', { name: 'Rapporter' }).waitFor();
      await look('rapporter');

      await nav('Import');
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await look('import');

      await nav('Databas');
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await look('databas');

      await nav('Säkerhetskopior');
      await page.getByTestId('backup-row').first().waitFor({ timeout: 20_000 });
      await look('sakerhetskopior');

      await nav('Personuppgifter');
      await page.getByRole('heading', { name: 'Personuppgifter', level: 2 }).waitFor();
      await page.getByTestId('privacy-pending').waitFor();
      await look('personuppgifter');
      await page.getByLabel('Namn, personnummer eller annan text').fill('station');
      await page.getByRole('button', { name: 'Sök', exact: true }).click();
      await page.getByTestId('privacy-count').waitFor();
      await look('personuppgifter-traffar');

      await nav('Ändringslogg');
      await page.getByRole('heading', { name: 'Ändringslogg', level: 2 }).waitFor();
      await page.getByRole('button', { name: 'Kontrollera loggen' }).click();
      await page.getByText(/Loggen är obruten/).waitFor();
      await look('andringslogg');
    } finally {
      await s.close();
    }
    expect(found).toEqual({});
    // axe-core (WCAG 2.1 A and AA rules, e.g. aria-hidden-focus): nothing serious or critical on any screen.
    expect(axeFound).toEqual({});
  });
});
