import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../main/sandbox/index';
import { artifacts, launchChromium, startApp, type RunningApp } from './harness';

/** Adding accounts stores keys in the real keychain, which npm test provides (a private GNOME Keyring). */
const realKeyring = process.env.CATALOG_STUDIO_TEST_KEYRING === '1';

let app: RunningApp;
let browser: Browser;
let shop: Sandbox;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  // Another "Doofinder" for the account the user adds: a sandbox of its own, at the real rate limit.
  shop = await startSandbox({
    seed: {
      accounts: [
        { engines: [{ name: 'Acme outlet', types: [{ name: 'product', generate: { count: 450, seed: 9 } }] }] },
      ],
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await shop?.close();
});

async function openApp(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(app.url);
  await page.getByTestId('status-worker').getByText('Worker ready').waitFor();
  return page;
}

describe('the Sandbox account, ready on first launch', () => {
  it('lists its engines and mirrors one with live progress, counts and the rate meter', async () => {
    const page = await openApp();
    await page.getByRole('heading', { name: 'Outdoor shop' }).waitFor();
    const row = page.getByTestId('type-Outdoor shop-product');
    await expect(row.getByTestId('mirror-state').textContent()).resolves.toBe('Not mirrored yet');
    await row.getByRole('button', { name: 'Mirror product of Outdoor shop' }).click();
    await row.getByTestId('mirror-progress').waitFor();
    await page
      .getByTestId('status-rate')
      .getByText(/req\/s/)
      .waitFor();
    await page
      .getByTestId('status-sync')
      .getByText(/Mirroring product/)
      .waitFor();
    await page.screenshot({ path: join(artifacts, 'catalog-mirroring.png') });
    await row.getByTestId('mirror-state').getByText('Mirrored', { exact: true }).waitFor({ timeout: 60_000 });
    await row.getByTestId('local-count').getByText('1,500', { exact: true }).waitFor();
    await expect(row.getByTestId('server-count').textContent()).resolves.toBe('1,500');
    await page.screenshot({ path: join(artifacts, 'catalog-mirrored.png') });
    await page.close();
  });
});

describe.skipIf(!realKeyring)('adding an account (real keychain; run by npm test)', () => {
  it('refuses a wrong key with a clear message and saves nothing', async () => {
    const page = await openApp();
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByLabel('Name').fill('Wrong key');
    await page.getByLabel(/API key/).fill(`eu1-${'a'.repeat(40)}`);
    await page.getByText('Advanced: hosts').click();
    await page.getByLabel('Management and stats host').fill(shop.url);
    await page.getByLabel('Search host').fill(shop.url);
    await page.getByRole('button', { name: 'Check and add' }).click();
    const error = page.getByTestId('account-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/did not accept this API key/);
    await page.screenshot({ path: join(artifacts, 'accounts-wrong-key.png') });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('account-Wrong key').count()).resolves.toBe(0);
    await page.close();
  });

  it('adds an account with its key, switches to it and mirrors its catalog', async () => {
    const apiKey = shop.seeded?.accounts[0]?.apiKey ?? '';
    const page = await openApp();
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByLabel('Name').fill('Acme');
    await page.getByLabel(/API key/).fill(apiKey);
    await page.getByText('Advanced: hosts').click();
    await page.getByLabel('Management and stats host').fill(shop.url);
    await page.getByLabel('Search host').fill(shop.url);
    await page.getByRole('button', { name: 'Check and add' }).click();
    await page.getByTestId('account-Acme').getByText('Current').waitFor();
    await page.getByTestId('status-account').getByText('Acme').waitFor();
    await page.screenshot({ path: join(artifacts, 'accounts-added.png') });
    // The key itself is never shown again, nor kept by the page.
    await expect(page.content()).resolves.not.toContain(apiKey.split('-')[1] ?? '');

    await page.getByRole('link', { name: 'Catalog' }).click();
    await page.getByRole('heading', { name: 'Acme outlet' }).waitFor();
    const row = page.getByTestId('type-Acme outlet-product');
    await row.getByRole('button', { name: 'Mirror product of Acme outlet' }).click();
    await row.getByTestId('mirror-state').getByText('Mirrored', { exact: true }).waitFor({ timeout: 60_000 });
    await row.getByTestId('local-count').getByText('450', { exact: true }).waitFor();

    // Switching back to the Sandbox switches the whole app.
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByTestId('account-Sandbox').getByRole('button', { name: 'Switch to' }).click();
    await page.getByTestId('status-account').getByText('Sandbox').waitFor();
    await page.getByRole('link', { name: 'Catalog' }).click();
    await page.getByRole('heading', { name: 'Fashion store' }).waitFor();
    await page.close();
  });
});
