/**
 * Everything the worker holds, made once at start: the databases, the accounts (and the
 * built-in sandbox), engines, mirrors and the status bar's reporter.
 */
import type { EventChannel, EventPayload } from '../../preload/contract';
import { ActivityService } from './activity/activity-service';
import { EnginesService } from './accounts/engines-service';
import { startSandboxAccount } from './accounts/sandbox-account';
import { AccountService } from './accounts/service';
import type { WorkerBoot } from './protocol';
import { CatalogService } from './catalog/service';
import { CsvService } from './csv/service';
import { FeedService } from './feeds/feed-service';
import { StatusReporter } from './status';
import { SyncService } from './sync/sync-service';
import { Databases } from './store/databases';
import { MirrorService } from './sync/mirror-service';
import { StatsService } from './stats/stats-service';
import { RelevanceService } from './relevance/relevance-service';
import { SearchService } from './search/search-service';

export interface WorkerRuntime {
  boot: WorkerBoot;
  startedAt: Date;
  dbs: Databases;
  accounts: AccountService;
  engines: EnginesService;
  mirrors: MirrorService;
  catalog: CatalogService;
  sync: SyncService;
  csv: CsvService;
  status: StatusReporter;
  feeds: FeedService;
  activity: ActivityService;
  stats: StatsService;
  relevance: RelevanceService;
  search: SearchService;
  stop(): Promise<void>;
}

export type EmitEvent = <K extends EventChannel>(channel: K, payload: EventPayload<K>) => void;

export async function createRuntime(boot: WorkerBoot, emit: EmitEvent): Promise<WorkerRuntime> {
  const dbs = new Databases(boot.dataDir, boot.sqliteBinding);
  const accounts = new AccountService(dbs, emit);
  const sandbox = boot.sandbox ?? { enabled: true };
  await accounts.start(
    sandbox.enabled ? () => startSandboxAccount(boot.dataDir, boot.sqliteBinding, sandbox.items) : null,
  );
  const engines = new EnginesService(dbs, accounts, emit);
  const mirrors = new MirrorService(dbs, accounts, engines, emit);
  const stats = new StatsService(dbs, accounts, engines, emit);
  accounts.onRequestSent = (profileId, api) => stats.counter.record(profileId, api);
  const catalog = new CatalogService(dbs, accounts, emit);
  const sync = new SyncService(dbs, accounts, catalog, emit);
  const csv = new CsvService(dbs, accounts, catalog, emit);
  const activity = new ActivityService(dbs, accounts, emit);
  const search = new SearchService(accounts, engines, catalog);
  const feeds = new FeedService(dbs, accounts, activity, emit, { dataDir: boot.dataDir });
  feeds.start();
  const relevance = new RelevanceService(dbs, accounts, emit, (request) =>
    // A case's queries run when the user asks, one at a time: interactive, like the tester's own.
    search.search(request.engine, request.params, { priority: 'interactive', signal: request.signal }),
  );
  const status = new StatusReporter(dbs, accounts, mirrors, emit, sync);
  status.start();
  sync.startAutoSync();
  return {
    boot,
    startedAt: new Date(),
    dbs,
    accounts,
    engines,
    mirrors,
    catalog,
    sync,
    csv,
    status,
    stats,
    feeds,
    activity,
    relevance,
    search,
    async stop() {
      search.stop();
      status.stop();
      await relevance.stop();
      await feeds.stop();
      await sync.stop();
      await mirrors.stopAll();
      stats.stop();
      catalog.stop();
      await accounts.stop();
      dbs.closeAll();
    },
  };
}
