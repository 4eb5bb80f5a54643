/**
 * The Stats page's channels on the built-in Sandbox account, as the renderer calls them:
 * the cached answer at once, then the parts as they are read (`stats:changed`).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  AccountsSnapshot,
  EnginesSnapshot,
  MirrorProgressView,
  StatsRange,
  StatsView,
  UsageView,
} from '../../../../preload/contract';
import { sandboxWorker, until, type Call } from '../../../helpers/sandbox-worker';
import { changedViews, control, loggedRequests, searchAs, utcDay } from './stats-fixture';

// 600 items: a mirror of a few pages, long enough to overlap a stats read.
/** Reads wait on the real rate limit (2/s) and Doofinder's 2 s re-checks: tens of seconds, not a hang. */
const worker = sandboxWorker({ items: 600, validate: true });

afterEach(() => worker.reset());

interface Booted {
  call: Call;
  url: string;
  apiKey: string;
  engine: string;
  dataDir: string;
}

async function boot(dataDir = mkdtempSync(join(tmpdir(), 'cs-stats-'))): Promise<Booted> {
  const { call } = await worker.boot(dataDir);
  const accounts = await call<AccountsSnapshot>('accounts:list');
  const url = accounts.accounts.find((account) => account.kind === 'sandbox')?.managementUrl ?? '';
  const sandboxAccounts = (await control(url, 'GET', '/accounts')) as { accounts: Array<{ apiKey: string }> };
  const engines = await call<EnginesSnapshot>('engines:list', { refresh: true });
  return {
    call,
    url,
    apiKey: sandboxAccounts.accounts[0]?.apiKey ?? '',
    engine: engines.engines[0]?.hashid ?? '',
    dataDir,
  };
}

const sameRange = (view: StatsView, range: StatsRange) => view.range.from === range.from && view.range.to === range.to;

/** The first view `stats:changed` carried for this range that passes `test`. */
const viewWhere = (range: StatsRange, test: (view: StatsView) => boolean) =>
  until(() => changedViews(worker.events).find((view) => sameRange(view, range) && test(view)));

const allReady = (view: StatsView) =>
  view.aggregates.state === 'ready' && Object.values(view.tops).every((part) => part.state === 'ready');

describe('the Stats page', { timeout: 60_000 }, () => {
  it("opens at once with the parts loading, then shows every day of the range with today's searches", async () => {
    const app = await boot();
    for (const term of ['boots', 'boots', 'jacket']) await searchAs(app.url, app.apiKey, app.engine, term);
    const range = { from: utcDay(-6), to: utcDay() };

    const first = await app.call<StatsView>('stats:load', { engine: app.engine, range, refresh: false });
    expect(first.aggregates).toMatchObject({ state: 'loading', rows: [], fetchedAt: null });

    const view = await viewWhere(range, (v) => v.aggregates.state === 'ready');
    expect(view.aggregates.rows.map((day) => day.date)).toEqual(
      Array.from({ length: 7 }, (_, n) => {
        const day = utcDay(n - 6);
        return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`;
      }),
    );
    expect(view.aggregates.rows.at(-1)).toMatchObject({ searches: 3, queries: 3 });
    expect(view.aggregates.fetchedAt).not.toBeNull();
  });

  it('shows top lists as being generated, never as an error, until Doofinder has them', async () => {
    const app = await boot();
    await control(app.url, 'POST', '/config', { statsGenerationMs: 3_600_000 });
    for (const term of ['boots', 'boots', 'jacket']) await searchAs(app.url, app.apiKey, app.engine, term);
    const range = { from: utcDay(), to: utcDay() };

    await app.call('stats:load', { engine: app.engine, range, refresh: false });
    // Each list's report starts with its first request: wait until all four were asked.
    const generating = await viewWhere(range, (v) =>
      Object.values(v.tops).every((part) => part.state === 'generating'),
    );
    expect(generating.tops.searches.message).toMatch(/being processed/);
    expect(Date.parse(generating.tops.searches.nextCheckAt ?? '')).toBeGreaterThan(Date.now() - 1_000);

    await control(app.url, 'POST', '/clock', { advanceMs: 3_600_000 });
    const ready = await viewWhere(range, allReady);
    expect(ready.tops.searches.rows).toEqual([
      { term: 'boots', count: 2, url: null },
      { term: 'jacket', count: 1, url: null },
    ]);
    const states = changedViews(worker.events).flatMap((v) => [
      v.aggregates.state,
      ...Object.values(v.tops).map((p) => p.state),
    ]);
    expect(states).not.toContain('error');
  });

  it('reads every page of a long top list', async () => {
    const app = await boot();
    const terms = Array.from({ length: 130 }, (_, n) => `term${String(n).padStart(3, '0')}`);
    for (const term of terms) await searchAs(app.url, app.apiKey, app.engine, term);
    const range = { from: utcDay(), to: utcDay() };

    await app.call('stats:load', { engine: app.engine, range, refresh: false });
    const view = await viewWhere(range, allReady);
    expect(view.tops.searches.rows.map((entry) => entry.term).sort()).toEqual(terms);
    expect(view.tops.noresults.rows).toHaveLength(130);
    const pages = (await loggedRequests(app.url)).filter(
      (request) => request.path.endsWith('/stats/top_searches') && request.query.includes('page=2'),
    );
    expect(pages.length).toBeGreaterThan(0);
  });

  it('shows an empty period as zeros and empty lists, not as an error', async () => {
    const app = await boot();
    const range = { from: '20200101', to: '20200110' };
    await app.call('stats:load', { engine: app.engine, range, refresh: false });
    const view = await viewWhere(range, allReady);
    expect(view.aggregates.rows).toHaveLength(10);
    expect(view.aggregates.rows[0]).toEqual({
      date: '2020-01-01',
      searches: 0,
      queries: 0,
      clicks: 0,
      requests: 0,
      api: 0,
      parser: 0,
    });
    expect(view.aggregates.rows.every((day) => day.searches === 0 && day.api === 0)).toBe(true);
    for (const part of Object.values(view.tops))
      expect(part).toMatchObject({ state: 'ready', rows: [], message: null });
  });

  it('exports the daily figures and a top list as CSV that Excel opens, and says when nothing was read', async () => {
    const app = await boot();
    for (const term of ['boots', '=cmd|calc']) await searchAs(app.url, app.apiKey, app.engine, term);
    // Today only: the sample account's stats history fills the days before.
    const range = { from: utcDay(), to: utcDay() };
    await app.call('stats:load', { engine: app.engine, range, refresh: false });
    const view = await viewWhere(range, allReady);

    const daily = join(app.dataDir, 'daily.csv');
    await expect(
      app.call('stats:export', { file: daily, engine: app.engine, range, table: 'aggregates' }),
    ).resolves.toEqual({ file: daily, rows: 1 });
    const dailyText = readFileSync(daily, 'utf8');
    expect(dailyText.startsWith('\ufeffdate,searches,queries,clicks,requests,api,parser\r\n')).toBe(true);
    const today = view.aggregates.rows[0];
    expect(dailyText).toContain(
      `${today?.date},${today?.searches},${today?.queries},${today?.clicks},${today?.requests},${today?.api},${today?.parser}\r\n`,
    );

    const searches = join(app.dataDir, 'searches.csv');
    await app.call('stats:export', { file: searches, engine: app.engine, range, table: 'searches' });
    // A visitor's term that looks like a formula is not run by the spreadsheet.
    expect(readFileSync(searches, 'utf8')).toBe('\ufeffterm,count\r\n"\'=cmd|calc",1\r\nboots,1\r\n');

    await expect(
      app.call('stats:export', {
        file: join(app.dataDir, 'never.csv'),
        engine: app.engine,
        range: { from: '20190101', to: '20190102' },
        table: 'clicked',
      }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/open that range on the Stats page/) as unknown,
    });
  });
});

describe('sharing the rate limit', { timeout: 60_000 }, () => {
  it('reading stats while a mirror runs at full rate never makes Doofinder answer 429', async () => {
    const app = await boot();
    await control(app.url, 'DELETE', '/requests');
    await app.call('mirror:start', { engine: app.engine, type: 'product' });
    const range = { from: utcDay(-13), to: utcDay() };
    await app.call('stats:load', { engine: app.engine, range, refresh: true });
    await viewWhere(range, allReady);
    await until(() =>
      worker.events.some(
        (event) => event.channel === 'mirror:progress' && (event.payload as MirrorProgressView).state === 'completed',
      ),
    );
    const log = await loggedRequests(app.url);
    expect(log.filter((request) => request.path.includes('/stats')).length).toBeGreaterThanOrEqual(5);
    expect(log.filter((request) => request.path.includes('/items/')).length).toBeGreaterThan(3);
    expect(log.filter((request) => request.status === 429)).toEqual([]);
  });
});

describe('usage', { timeout: 60_000 }, () => {
  it("counts the app's own requests, compares them with the month's, and keeps the count across a restart", async () => {
    const app = await boot();
    // The engine list's item counts are read in the background; let them finish first.
    await until(() => {
      const last = worker.events.filter((event) => event.channel === 'engines:changed').at(-1);
      return (last?.payload as EnginesSnapshot | undefined)?.engines.every((engine) =>
        engine.types.every((type) => type.serverCount !== null),
      );
    });
    const before = (await loggedRequests(app.url)).filter((request) => request.path.startsWith('/v1')).length;
    const usage = await app.call<UsageView>('stats:usage', { refresh: true });
    const after = (await loggedRequests(app.url)).filter((request) => request.path.startsWith('/v1')).length;

    expect(usage.error).toBeNull();
    expect(usage.appRequests).toBeGreaterThan(before);
    expect(usage.appRequests).toBeLessThanOrEqual(after);
    expect(usage.monthApiRequests).toBeGreaterThan(0);
    expect(usage.appShare).toBeCloseTo(Math.min(1, usage.appRequests / (usage.monthApiRequests ?? 1)), 6);
    expect(usage.month).toMatch(/^\d{4}-\d{2}$/);
    expect(usage.syncCost.length).toBeGreaterThan(0);
    expect(usage.syncCost[0]?.mirrorRequests).toBeGreaterThan(0);

    await worker.reset();
    const again = await boot(app.dataDir);
    const restarted = await again.call<UsageView>('stats:usage', { refresh: false });
    expect(restarted.appRequests).toBeGreaterThanOrEqual(usage.appRequests);
    expect(restarted.monthApiRequests).toBe(usage.monthApiRequests);
  });
});
