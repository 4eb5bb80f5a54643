/**
 * The Stats page once Doofinder cannot be reached: the last answer is still there, at once,
 * with when it was read, and a part that fails keeps it and says why.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { EventChannel, StatsView } from '../../../../preload/contract';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/index';
import { DoofinderClient } from '../../../../main/worker/doofinder/client';
import { endpointFor, parseApiKey } from '../../../../main/worker/doofinder/endpoints';
import { StatsService } from '../../../../main/worker/stats/stats-service';
import { Databases } from '../../../../main/worker/store/databases';
import { insertProfile } from '../../../../main/worker/store/profiles';
import { until, type EmittedEvent } from '../../../helpers/sandbox-worker';
import { changedViews, searchAs, utcDay } from './stats-fixture';

let sandbox: Sandbox | null = null;
let service: StatsService | null = null;

afterEach(async () => {
  service?.stop();
  await sandbox?.close();
  sandbox = null;
});

const allReady = (view: StatsView) =>
  view.aggregates.state === 'ready' && Object.values(view.tops).every((part) => part.state === 'ready');

async function setup() {
  sandbox = await startSandbox({
    config: { managementRatePerSecond: null, statsGenerationMs: 0 },
    seed: {
      accounts: [
        { engines: [{ name: 'Shop', types: [{ name: 'product', items: [{ id: '1', title: 'Red boots' }] }] }] },
      ],
    },
  });
  const account = sandbox.seeded?.accounts[0];
  const apiKey = account?.apiKey ?? '';
  const engine = account?.engines[0]?.hashid ?? '';
  const dbs = new Databases(mkdtempSync(join(tmpdir(), 'cs-stats-offline-')));
  const profile = insertProfile(dbs.app(), {
    id: 'p1',
    name: 'Shop',
    kind: 'doofinder',
    zone: 'eu1',
    managementUrl: sandbox.url,
    searchUrl: sandbox.url,
  });
  const parsed = parseApiKey(apiKey);
  if (!parsed) throw new Error('bad key');
  const client = new DoofinderClient(endpointFor(parsed, { management: sandbox.url, search: sandbox.url }), {
    managementRate: 50,
    policy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
  });
  const events: EmittedEvent[] = [];
  const start = () =>
    new StatsService(
      dbs,
      { requireCurrent: () => profile, client: () => client },
      { snapshot: () => ({ accountId: 'p1', engines: [], refreshedAt: null, refreshError: null }) },
      (channel: EventChannel, payload: unknown) => events.push({ channel, payload }),
      { recheck: { firstDelayMs: 20, maxDelayMs: 50, giveUpAfterMs: 10_000 } },
    );
  return { url: sandbox.url, apiKey, engine, events, start };
}

it('shows the last answer and when it was read after Doofinder went away, and says why a refresh failed', async () => {
  const app = await setup();
  await searchAs(app.url, app.apiKey, app.engine, 'boots');
  const range = { from: utcDay(), to: utcDay() };
  service = app.start();
  service.load({ engine: app.engine, range, refresh: false });
  const read = await until(() => changedViews(app.events).find(allReady));
  expect(read.tops.searches.rows).toEqual([{ term: 'boots', count: 1, url: null }]);

  await sandbox?.close();
  sandbox = null;

  // A restarted app opens the page from its cache, without asking anyone.
  service.stop();
  service = app.start();
  const offline = service.load({ engine: app.engine, range, refresh: false });
  expect(offline.aggregates).toEqual({ ...read.aggregates, state: 'ready', message: null, nextCheckAt: null });
  expect(offline.tops.searches).toMatchObject({ state: 'ready', rows: read.tops.searches.rows });
  expect(offline.tops.searches.fetchedAt).toBe(read.tops.searches.fetchedAt);

  // Refreshing answers the cached rows at once; the parts then fail, keeping them.
  app.events.length = 0;
  const refreshing = service.load({ engine: app.engine, range, refresh: true });
  expect(refreshing.tops.searches).toMatchObject({ state: 'loading', rows: read.tops.searches.rows });
  const failed = await until(() =>
    changedViews(app.events).find(
      (view) => view.aggregates.state === 'error' && Object.values(view.tops).every((part) => part.state === 'error'),
    ),
  );
  expect(failed.tops.searches.message).toMatch(/^Top searches could not be read: /);
  expect(failed.tops.searches.rows).toEqual(read.tops.searches.rows);
  expect(failed.tops.searches.fetchedAt).toBe(read.tops.searches.fetchedAt);
  expect(failed.aggregates.rows).toEqual(read.aggregates.rows);
});
