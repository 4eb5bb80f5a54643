/**
 * Feeds end to end, in browser mode against the built-in Sandbox account and its "Feed demo"
 * engine: Process now goes from PENDING (the sandbox's queue is slowed through its control
 * API so the state is visible) to SUCCESS, with a history row, an activity entry and a desktop
 * notification (the page's Notification API, permission asked once); the "Empty" sample feed
 * fails with the document's hint and is processed again with force; the "With bad rows" feed
 * leaves log lines whose line numbers get a column of their own. Screenshots of each step,
 * light and dark, go to test/artifacts/feeds-*.png.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineView } from '../../preload/contract';
import { AppSocket } from './app-socket';
import { artifacts, launchChromium, openAppPage, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let page: Page;
let api: AppSocket;
let demo: EngineView;

/** Long enough to see PENDING, short enough for a test. */
const QUEUE_MS = 3_000;
const RUN_TIMEOUT_MS = 45_000;

async function shoot(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(artifacts, `feeds-${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The run shown as current, once it is in `state`. */
function currentRun(state: string) {
  return page.locator(`.feeds-card--current [data-testid="feed-run"][data-state="${state}"]`);
}

/** The run shown as current, once it has ended (whatever its result). */
function finishedRun() {
  return page.locator(
    '.feeds-card--current [data-testid="feed-run"]:not([data-state="PENDING"]):not([data-state="STARTED"]):not([data-state="WAITING"])',
  );
}

async function chooseSampleFeed(label: string): Promise<void> {
  const select = page.getByTestId('feeds-sample-select');
  await select.selectOption({ label });
  await expect.poll(() => select.isEnabled()).toBe(true);
}

async function runIdShown(): Promise<string | null> {
  return page.locator('.feeds-card--current [data-testid="feed-run"]').getAttribute('data-run-id');
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  api = await AppSocket.open(app);
  const engines = await api.call<{ engines: EngineView[] }>('engines:list', { refresh: true });
  const engine = engines.engines.find((candidate) => candidate.name === 'Feed demo');
  if (!engine) throw new Error('The Sandbox account has no Feed demo engine');
  demo = engine;

  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  // The page's Notification, recorded: headless Chromium shows none, and the test wants to see what was asked.
  await context.addInitScript(() => {
    const record = { prompts: 0, shown: [] as Array<{ title: string; body: string }> };
    (window as unknown as { __notifications: typeof record }).__notifications = record;
    class RecordingNotification {
      static permission: NotificationPermission = 'default';
      static requestPermission(): Promise<NotificationPermission> {
        record.prompts += 1;
        RecordingNotification.permission = 'granted';
        return Promise.resolve('granted');
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        record.shown.push({ title, body: options?.body ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
  });
  page = await openAppPage(context, app);
}, 120_000);

afterAll(async () => {
  api?.close();
  await browser?.close();
  await app?.stop();
});

describe('Feeds, against the Sandbox account', () => {
  it('opens on the Feed demo engine with the sample feed switch', async () => {
    await page.getByRole('link', { name: /Feeds/ }).click();
    await page.getByTestId('feeds-engine').selectOption(demo.hashid);
    await page.getByTestId('feeds-sample').waitFor();
    await expect(page.getByTestId('feed-process').isEnabled()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'History' }).isVisible()).resolves.toBe(true);
    // P moves to Process now (and only moves: starting a run spends requests, so Enter does that).
    await page.locator('main h1').click();
    await page.keyboard.press('p');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'feed-process',
    );
    await shoot('1-start');
  });

  it('Process now goes from PENDING to SUCCESS, with a history row, an activity entry and a notification', async () => {
    await api.sandboxControl('/_sandbox/config', { feedQueueMs: QUEUE_MS });
    await chooseSampleFeed('Healthy');
    await page.getByTestId('feed-process').click();
    await currentRun('PENDING').waitFor({ timeout: 10_000 });
    // While it runs, neither button can start another run.
    await expect(page.getByTestId('feed-process').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('feed-force').isDisabled()).resolves.toBe(true);
    await shoot('2-pending');

    await currentRun('SUCCESS').waitFor({ timeout: RUN_TIMEOUT_MS });
    await expect(page.getByTestId('feed-process').isEnabled()).resolves.toBe(true);
    await expect(page.getByTestId('feed-run-elapsed').textContent()).resolves.toMatch(/^took \d+/);
    // The history reads its page again once the run's events settle.
    const row = page.getByTestId('feed-history-row').first();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('SUCCESS');
    await expect(row.textContent()).resolves.toContain('This app');
    await page.getByTestId('feed-remirror').waitFor();

    await page.getByTestId('activity-unread').waitFor({ timeout: 10_000 });
    await page.getByTestId('activity-button').click();
    const entry = page.getByTestId('activity-entry').first();
    await entry.waitFor();
    await expect(entry.getAttribute('data-level')).resolves.toBe('success');
    await expect(entry.textContent()).resolves.toContain('Feed demo');
    const notifications = await page.evaluate(
      () =>
        (window as unknown as { __notifications: { prompts: number; shown: Array<{ title: string }> } })
          .__notifications,
    );
    expect(notifications.prompts).toBe(1);
    expect(notifications.shown.length).toBeGreaterThanOrEqual(1);
    expect(notifications.shown[0]?.title).toContain('Feed demo');
    await shoot('3-success-activity');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('activity-panel').count()).resolves.toBe(0);
  });

  it('the history row opens the run’s details, and Escape closes them', async () => {
    await page.getByTestId('feed-history-row').first().click();
    const dialog = page.getByRole('dialog', { name: /Feed run/ });
    await dialog.getByTestId('feed-run').waitFor();
    await expect(dialog.getByTestId('feed-run').getAttribute('data-state')).resolves.toBe('SUCCESS');
    await shoot('4-details');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('the activity entry’s Open lands on the run it is about, and marks it read', async () => {
    await page.getByRole('link', { name: /Catalog/ }).click();
    await page.getByTestId('activity-button').click();
    await page.getByTestId('activity-entry').first().getByTestId('activity-open').click();
    const dialog = page.getByRole('dialog', { name: /Feed run/ });
    await dialog.getByTestId('feed-run').waitFor();
    await expect(page.locator('main').getAttribute('data-page')).resolves.toBe('feeds');
    await expect.poll(() => page.getByTestId('activity-unread').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('a second process while one runs is WAITING, and follows the running one to its end', async () => {
    await api.sandboxControl('/_sandbox/config', { feedQueueMs: QUEUE_MS });
    // Two requests in a row (two windows, or a script beside the app): the second finds the first queued.
    const first = await api.call<{ id: number }>('feeds:process', { engine: demo.hashid, force: true });
    const second = await api.call<{ id: number; state: string }>('feeds:process', { engine: demo.hashid, force: true });
    expect(second.state).toBe('WAITING');
    const waiting = page.locator(`.feeds-card--current [data-testid="feed-run"][data-run-id="${second.id}"]`);
    await waiting.waitFor({ timeout: 10_000 });
    await expect(waiting.textContent()).resolves.toContain('A previous process is still running; following it.');
    await shoot('5-waiting');
    await expect
      .poll(() => waiting.getAttribute('data-state'), { timeout: RUN_TIMEOUT_MS })
      .not.toMatch(/WAITING|PENDING|STARTED/);
    expect(first.id).toBeLessThan(second.id);
    await api.sandboxControl('/_sandbox/config', { feedQueueMs: 0 });
  });

  it('an empty feed fails with the document’s hint, and Process again with force runs it forced', async () => {
    await chooseSampleFeed('Empty');
    await page.getByTestId('feed-process').click();
    await currentRun('FAILURE').waitFor({ timeout: RUN_TIMEOUT_MS });
    const hint = page.locator('.feeds-card--current').getByTestId('feed-hint');
    await hint.waitFor();
    await expect(hint.getAttribute('data-kind')).resolves.toBe('feed-empty');
    await expect(page.getByTestId('feed-run-message').textContent()).resolves.toMatch(/Feed is empty/i);
    await shoot('6-empty-hint');

    const failedRun = await runIdShown();
    await hint.getByTestId('feed-retry-force').click();
    await expect.poll(runIdShown, { timeout: 10_000 }).not.toBe(failedRun);
    await finishedRun().waitFor({ timeout: RUN_TIMEOUT_MS });
    await expect(page.locator('.feeds-card--current .badge', { hasText: 'forced' }).count()).resolves.toBe(1);
    await shoot('7-forced');
  });

  it('a feed with bad rows leaves log lines with their line numbers in a column of their own', async () => {
    await chooseSampleFeed('With bad rows');
    const before = await runIdShown();
    await page.getByTestId('feed-process').click();
    await expect.poll(runIdShown, { timeout: 10_000 }).not.toBe(before);
    await finishedRun().waitFor({ timeout: RUN_TIMEOUT_MS });
    // R reads the logs again (the worker may already have, after the run).
    await page.locator('main h1').click();
    await page.keyboard.press('r');
    const numbered = page.getByTestId('feed-log-line').filter({ hasText: /^\d+$/ });
    await numbered.first().waitFor({ timeout: 20_000 });
    const line = Number(await numbered.first().textContent());
    expect(line).toBeGreaterThan(1);
    // The message beside it still says where, as Doofinder wrote it.
    const message = await numbered.first().locator('xpath=following-sibling::td').textContent();
    expect(message).toContain(`line number: ${line}`);
    await page.getByRole('button', { name: /^WARNING/ }).waitFor();
    // The run's item counts come a little after its end; the next run is compared with them.
    await page.locator('.feeds-card--current').getByTestId('feed-counts').waitFor({ timeout: RUN_TIMEOUT_MS });
    await shoot('8-logs');
  });

  it('a feed that lost most of its products is flagged in the run, the history and the activity list', async () => {
    await chooseSampleFeed('Lost 60% of products');
    const before = await runIdShown();
    await page.getByTestId('feed-process').click();
    await expect.poll(runIdShown, { timeout: 10_000 }).not.toBe(before);
    await finishedRun().waitFor({ timeout: RUN_TIMEOUT_MS });
    // Health is checked after the run ends (the counts are read at the lowest priority).
    const flags = page.locator('.feeds-card--current').getByTestId('feed-health-flags');
    await flags.waitFor({ timeout: RUN_TIMEOUT_MS });
    await expect(flags.textContent()).resolves.toContain('Items dropped');
    const counts = page.locator('.feeds-card--current').getByTestId('feed-counts');
    await expect(counts.locator('.feed-counts__flagged').count()).resolves.toBeGreaterThan(0);
    await expect(counts.textContent()).resolves.toMatch(/−\d+%/);
    const row = page.getByTestId('feed-history-row').first();
    await expect.poll(() => row.locator('.pill--bad').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('activity-button').click();
    const entry = page.getByTestId('activity-entry').first();
    await expect.poll(() => entry.getAttribute('data-level'), { timeout: 10_000 }).toBe('warning');
    await expect(entry.textContent()).resolves.toContain('Check the feed');
    await shoot('9-lost-products');
    await page.keyboard.press('Escape');
  });

  it('where desktop notifications are denied, a finished run shows an in-app toast instead', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
    await context.addInitScript(() => {
      class DeniedNotification {
        static permission: NotificationPermission = 'denied';
        static requestPermission(): Promise<NotificationPermission> {
          return Promise.resolve('denied');
        }
      }
      Object.defineProperty(window, 'Notification', { value: DeniedNotification, configurable: true });
    });
    const other = await context.newPage();
    try {
      await other.goto(app.url);
      await other.getByTestId('status-worker').getByText('Worker ready').waitFor();
      await api.call('feeds:process', { engine: demo.hashid, force: true });
      const toast = other.getByTestId('toast').filter({ hasText: 'Feed demo' }).first();
      await toast.waitFor({ timeout: RUN_TIMEOUT_MS });
      await expect(toast.getByRole('link', { name: 'Open' }).getAttribute('href')).resolves.toMatch(
        new RegExp(`^#/feeds/${demo.hashid}/run/\\d+$`),
      );
      for (const scheme of ['light', 'dark'] as const) {
        await other.emulateMedia({ colorScheme: scheme });
        await other.screenshot({ path: join(artifacts, `feeds-10-toast-${scheme}.png`) });
      }
      await toast.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => other.getByTestId('toast').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
