/**
 * The feed and activity channels as the renderer reaches them (checked by the contract's
 * schemas), on the built-in Sandbox account and its Feed demo engine: a user picks a bad
 * feed scenario, processes it, reads why it failed, and sees it in the activity list.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ActivityPage,
  EnginesSnapshot,
  FeedLogsPage,
  FeedRunsPage,
  FeedRunView,
} from '../../../../preload/contract';
import { AppError } from '../../../../main/errors';
import { sandboxWorker, until } from '../../../helpers/sandbox-worker';

const worker = sandboxWorker({ items: 30, validate: true });
const { events } = worker;

afterEach(() => worker.reset());

describe('the feed channels', () => {
  it('process the Feed demo engine with a scenario, and tell the user how it went', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-feeds-channels-'));
    const { call } = await worker.boot(dataDir);
    const picked = await call<{ scenario: string; file: string }>('feeds:sandboxScenario', { scenario: 'bad-rows' });
    expect(picked.scenario).toBe('bad-rows');
    expect(existsSync(picked.file)).toBe(true);
    expect(readFileSync(picked.file, 'utf8').split('\n').length).toBeGreaterThan(300);

    const { engines } = await call<EnginesSnapshot>('engines:list', { refresh: true });
    const demo = engines.find((engine) => engine.name === 'Feed demo');
    expect(demo).toBeDefined();
    const engine = demo?.hashid ?? '';
    const started = await call<FeedRunView>('feeds:process', { engine, force: false });
    expect(started.state).toBe('PENDING');
    await until(() =>
      events.some(
        (event) =>
          event.channel === 'feeds:changed' &&
          (event.payload as { run: FeedRunView }).run.id === started.id &&
          (event.payload as { run: FeedRunView }).run.result !== 'running',
      ),
    );
    const history = await call<FeedRunsPage>('feeds:runs', { engine, result: 'success' });
    expect(history.runs.map((run) => run.id)).toEqual([started.id]);

    const logs = await call<FeedLogsPage>('feeds:logs', { engine, refresh: true, levels: ['WARNING'] });
    expect(logs.total).toBe(3);
    expect(logs.lines.every((line) => line.line !== null)).toBe(true);

    await until(() => events.some((event) => event.channel === 'activity:added'));
    const activity = await call<ActivityPage>('activity:list', {});
    expect(activity.entries[0]).toMatchObject({
      kind: 'feed-run',
      engine,
      runId: started.id,
      title: 'Feed processed: Feed demo',
    });
    await expect(call('activity:markRead', { ids: null })).resolves.toEqual({ unread: 0 });
    await expect(call('feeds:check', { engine })).resolves.toEqual({ scheduled: true });
    await expect(call('feeds:settings', {})).resolves.toEqual({ dropPercent: 10 });
  });

  it('offer feed scenarios on the Sandbox account only', async () => {
    const { call, runtime } = await worker.boot(mkdtempSync(join(tmpdir(), 'cs-feeds-channels-')));
    runtime.accounts.create({
      id: 'real',
      name: 'Real shop',
      apiKey: 'eu1-0123456789abcdef0123456789abcdef',
      managementUrl: null,
      searchUrl: null,
    });
    const refused = call('feeds:sandboxScenario', { scenario: 'empty' });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'invalid_input', message: /Sandbox account only/ });
  });
});
