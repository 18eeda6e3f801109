/**
 * Autosave survives `kill -9`: type in a löfte, wait two seconds, kill the host process outright, start it
 * again on the same data folder, and the text is there. The host runs as its own process (npm run serve).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, TEST_PROFILE } from './harness';

const repoRoot = path.resolve(__dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
let browser: Browser;
let dataDir = '';
const children: ChildProcess[] = [];

/**
 * Whether a process of the group still runs. tsx runs the script in a child process of its own, so the
 * host is a grandchild: killing `child` alone left it running (and holding the database) after the suite.
 * A killed process may stay a zombie until it is reaped; it no longer runs, so it does not count.
 */
function groupRuns(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  if (!fs.existsSync('/proc/self/stat')) return true;
  return fs.readdirSync('/proc').some((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pgid && state !== 'Z';
    } catch {
      return false; // ended while we looked
    }
  });
}

/** Sends `signal` to the host's whole process group and waits until none of it runs (SIGKILL after 10 s). */
async function stopGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  const send = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      // the group is gone already
    }
  };
  send(signal);
  // Polled, not slept: returns as soon as the group is gone (expect.poll is not allowed in afterAll).
  const started = Date.now();
  while (groupRuns(pgid)) {
    const waited = Date.now() - started;
    if (waited > 20_000) throw new Error(`värdens processgrupp ${pgid} avslutades inte`);
    if (waited > 10_000) send('SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts `src/host/cli.ts` in a process group of its own and resolves with the address it prints. */
function startHost(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [tsx, 'src/host/cli.ts', '--data-dir', dataDir, '--port', '0', '--demo-rows', '300'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that a kill reaches the host itself and not only tsx in front of it.
      detached: true,
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`värden startade inte: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = out.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`värden avslutades (${code}): ${out}`)));
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-kill-'));
  // As every e2e session: a profile, so the first-start question does not cover the screen.
  fs.writeFileSync(path.join(dataDir, 'profile.json'), JSON.stringify(TEST_PROFILE));
});
afterAll(async () => {
  // Whatever the test left running (it failed half-way, or a shutdown hung): the whole group, awaited.
  for (const c of children) await stopGroup(c, 'SIGKILL');
  await browser?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('autospar', () => {
  it('det som skrevs för mer än 2 s sedan finns kvar efter kill -9 av värdprocessen', async () => {
    const first = await startHost();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${first.url}#/loften`);
    // The demo's löften appear once first-start seeding is done.
    await page.getByRole('button', { name: /Medborgarlöfte Kävlinge 2017/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Nytt löfte' }).click();
    const form = page.getByRole('form', { name: 'Nytt löfte' });
    await form.getByLabel('Löftets kommun').selectOption({ label: 'Perstorp' });
    await form.getByRole('button', { name: 'Skapa utkast' }).click();
    const editor = page.getByRole('article');
    await editor.getByTestId('lofte-state').filter({ hasText: 'Utkast' }).waitFor();
    await editor.getByLabel('Rubrik', { exact: true }).click();
    await page.keyboard.type('Trygg skolväg i Perstorp', { delay: 15 });
    const problem = 'Föräldrar oroar sig för trafiken vid skolan på morgonen.';
    await editor.getByLabel('Problem', { exact: true }).click();
    await page.keyboard.type(problem, { delay: 15 });
    // Two seconds after the last key, nothing more: then the process dies without warning.
    await new Promise((r) => setTimeout(r, 2000));
    await stopGroup(first.child, 'SIGKILL');
    await context.close();

    // The file itself holds the text (WAL included), before anything starts again.
    const file = path.join(
      dataDir,
      fs.readdirSync(dataDir).find((f) => f.endsWith('.sqlite'))!,
    );
    const raw = new Database(file, { readonly: true });
    const saved = raw
      .prepare("SELECT content_json FROM lofte WHERE content_json LIKE '%Trygg skolväg%'")
      .pluck()
      .get() as string | undefined;
    raw.close();
    expect(saved && JSON.parse(saved)).toMatchObject({ title: 'Trygg skolväg i Perstorp', problem });

    const second = await startHost();
    const again = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
    const page2 = await again.newPage();
    await page2.goto(`${second.url}#/loften`);
    await page2.getByRole('button', { name: /Trygg skolväg i Perstorp/ }).click();
    await expect
      .poll(() => page2.getByRole('article').getByLabel('Problem', { exact: true }).inputValue())
      .toBe(problem);
    await screenshot(page2, 'lofte-efter-kill');
    await again.close();
    await stopGroup(second.child, 'SIGTERM');
  }, 120_000);
});
