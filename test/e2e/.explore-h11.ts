import { launchBrowser, openSession } from './harness';
(async () => {
  const b = await launchBrowser();
  const s = await openSession(b);
  const p = s.page;
  await p.locator('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="kommun"]').filter({ hasText: /\S/ }).waitFor();
  const dump = async (label: string) => {
    const r = await p.evaluate(() => {
      const hdr = [...document.querySelectorAll('.ag-header-cell')].map((h) => `${h.getAttribute('col-id')}:${h.getAttribute('aria-sort')}:${h.querySelector('.ag-sort-order')?.textContent ?? ''}`).filter((x) => !x.includes(':none:'));
      const rows = [...document.querySelectorAll('.ag-grid-scrolling-container .ag-row')].map((r) => ({ i: Number(r.getAttribute('row-index')), t: r.querySelector('[col-id="occurredAt"]')?.textContent + ' ' + r.querySelector('[col-id="kommun"]')?.textContent })).sort((a, b) => a.i - b.i).slice(0, 4).map((x) => x.t);
      return { hdr, rows };
    });
    console.log(label, JSON.stringify(r));
  };
  await dump('start');
  const h = p.locator('.ag-header-cell[col-id="occurredAt"] .ag-header-cell-label');
  for (let i = 1; i <= 4; i++) { await h.click(); await p.waitForTimeout(800); await dump('click' + i); }
  await p.locator('.ag-header-cell[col-id="kommun"] .ag-header-cell-label').click({ modifiers: ['Shift'] });
  await p.waitForTimeout(800); await dump('shift kommun');
  await p.getByRole('button', { name: 'Ny händelse' }).click();
  await p.waitForTimeout(500);
  await p.screenshot({ path: '/tmp/h11/form-1440.png' });
  await p.setViewportSize({ width: 1280, height: 800 });
  await p.waitForTimeout(500);
  await p.screenshot({ path: '/tmp/h11/form-1280.png' });
  await s.close(); await b.close();
})();
