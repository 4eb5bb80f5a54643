import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { artifacts, launchChromium, startApp, type RunningApp } from './harness';

const pages = [
  { id: 'catalog', label: 'Catalog' },
  { id: 'import-export', label: 'Import / Export' },
  { id: 'feeds', label: 'Feeds' },
  { id: 'search', label: 'Search' },
  { id: 'stats', label: 'Stats' },
  { id: 'accounts', label: 'Accounts' },
];

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openApp(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.newPage({ colorScheme, viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.url);
  await page.getByTestId('status-worker').getByText('Worker ready').waitFor();
  expect(errors).toEqual([]);
  return page;
}

describe('the app in browser mode', () => {
  it('opens on the Catalog page inside a complete frame', async () => {
    const page = await openApp();
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    await expect(page.locator('h1').textContent()).resolves.toBe('Catalog');
    await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link').count()).resolves.toBe(6);
    // The status bar shows 'No account' until the worker's first status arrives.
    await page.getByTestId('status-account').filter({ hasText: 'Sandbox' }).waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('status-account').textContent()).resolves.toContain('Sandbox');
    await expect(page.getByTestId('status-sync').textContent()).resolves.toContain('Nothing to sync');
    await expect(page.getByTestId('status-rate').textContent()).resolves.toMatch(/^API /);
    await expect(page.getByText('Browser mode', { exact: true }).count()).resolves.toBe(1);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`reaches every page from the sidebar, each showing its content or what to do first (${scheme})`, async () => {
      const page = await openApp(scheme);
      for (const { id, label } of pages) {
        await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: label }).click();
        await page.locator('h1', { hasText: label }).waitFor();
        expect(new URL(page.url()).hash).toBe(`#/${id}`);
        if (id === 'catalog') await page.getByRole('heading', { name: 'Fashion store' }).waitFor();
        else if (id === 'accounts') await page.getByTestId('account-Sandbox').waitFor();
        else if (id === 'import-export') await page.getByTestId('import-drop-zone').waitFor();
        else if (id === 'feeds') await page.getByTestId('feed-process').waitFor();
        else if (id === 'stats') await page.getByTestId('stats-usage').waitFor();
        else if (id === 'search') await page.getByTestId('search-query').waitFor();
        else {
          await expect(page.locator('.empty-state h2').textContent()).resolves.toBeTruthy();
          await expect(page.locator('.empty-state__steps li').count()).resolves.toBeGreaterThan(0);
        }
        await page.screenshot({ path: join(artifacts, `${id}-${scheme}.png`) });
      }
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      // Light and dark really differ: the page background is near white or near black.
      const [r = 0] = background.match(/\d+/g)?.map(Number) ?? [];
      expect(scheme === 'dark' ? r < 60 : r > 200).toBe(true);
      await page.close();
    });
  }

  it('moves between pages from the keyboard', async () => {
    const page = await openApp();
    await page.keyboard.press('Control+3');
    await page.locator('h1', { hasText: 'Feeds' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
    await page.getByRole('link', { name: 'Feeds' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'Search' }).waitFor();
    await page.keyboard.press('Control+6');
    await page.locator('h1', { hasText: 'Accounts' }).waitFor();
    await page.close();
  });

  it("shows the worker's info and a ping from a round trip through the contract", async () => {
    const page = await openApp();
    await page.getByTestId('status-worker').click();
    const info = page.getByTestId('app-info');
    await info.waitFor();
    await expect(page.getByTestId('data-dir').textContent()).resolves.toBe(app.dataDir);
    await expect(info.textContent()).resolves.toContain('Browser mode');
    await expect(page.getByTestId('worker-uptime').textContent()).resolves.toMatch(/^up \d+ s/);
    await page.getByRole('button', { name: 'Ping the worker' }).click();
    await expect(page.getByTestId('ping-result').textContent()).resolves.toMatch(/ms round trip \(worker thread \d+\)/);
    await page.screenshot({ path: join(artifacts, 'about-light.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('app-info').waitFor({ state: 'detached' });
    await page.close();
  });

  it('keeps the chosen theme across reloads', async () => {
    const page = await openApp('light');
    await page.getByRole('radio', { name: 'Dark theme' }).click();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await page.reload();
    await page.getByTestId('status-worker').getByText('Worker ready').waitFor();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await page.screenshot({ path: join(artifacts, 'catalog-dark-chosen.png') });
    await page.getByRole('radio', { name: 'Follow the system theme' }).click();
    await page.close();
  });

  it('tells the user when the API worker dies, and recovers', async () => {
    const page = await openApp();
    app.process.kill('SIGUSR2');
    await page.getByTestId('worker-notice').waitFor();
    await page.getByTestId('status-worker').getByText('Worker ready').waitFor();
    await page.getByTestId('status-worker').click();
    await expect(page.getByTestId('worker-uptime').textContent()).resolves.toContain('restarted 1 time');
    await page.close();
  });
});

describe('browser mode refuses whoever lacks the launch token', () => {
  it('refuses the page without the token or with a wrong one', async () => {
    expect((await fetch(`${app.origin}/`)).status).toBe(401);
    expect((await fetch(`${app.origin}/?token=guess`)).status).toBe(401);
  });

  it('refuses the API socket with a bad token, from Node and from inside the page', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${app.port}/api?token=guess`);
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
    });
    expect(status).toBe(401);

    const page = await openApp();
    const outcome = await page.evaluate(
      (port) =>
        new Promise<string>((resolve) => {
          const ws = new window.WebSocket(`ws://127.0.0.1:${port}/api?token=guess`);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      app.port,
    );
    expect(outcome).toBe('refused');
    await page.close();
  });
});
