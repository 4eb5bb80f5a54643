/** Everything a sandbox route needs, made once per sandbox. */
import { Clock } from './clock';
import { defaultConfig, type SandboxConfig } from './config';
import { Faults } from './http/faults';
import { RequestLog } from './http/request-log';
import { FeedTasks } from './feeds/feed-tasks';
import { Throttle } from './http/throttle';
import { ColumnStore } from './search/column-store';
import { FtsIndex } from './search/fts-index';
import type { SandboxDb } from './store/database';
import { ItemStore } from './store/items';

export interface SandboxContext {
  db: SandboxDb;
  config: SandboxConfig;
  clock: Clock;
  fts: FtsIndex;
  /** Field values of searched engines in memory (filters, facets, sorts); fts passes it every item write. */
  columns: ColumnStore;
  items: ItemStore;
  faults: Faults;
  requests: RequestLog;
  throttles: { management: Throttle; visit: Throttle };
  /** Feed process tasks running in the background. */
  tasks: FeedTasks;
}

export function createContext(db: SandboxDb, config: Partial<SandboxConfig> = {}): SandboxContext {
  const fullConfig: SandboxConfig = { ...defaultConfig, ...config };
  const columns = new ColumnStore(db);
  const fts = new FtsIndex(db, columns);
  const ctx: SandboxContext = {
    db,
    config: fullConfig,
    clock: new Clock(),
    fts,
    columns,
    items: new ItemStore(db, fts),
    faults: new Faults(),
    requests: new RequestLog(),
    throttles: {
      management: new Throttle(() => fullConfig.managementRatePerSecond),
      visit: new Throttle(() => fullConfig.visitRatePerSecond),
    },
    tasks: new FeedTasks(() => ctx),
  };
  return ctx;
}
