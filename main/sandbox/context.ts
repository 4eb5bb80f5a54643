/** Everything a sandbox route needs, made once per sandbox. */
import { Clock } from './clock';
import { defaultConfig, type SandboxConfig } from './config';
import { Faults } from './http/faults';
import { RequestLog } from './http/request-log';
import { Throttle } from './http/throttle';
import { FtsIndex } from './search/fts-index';
import type { SandboxDb } from './store/database';
import { ItemStore } from './store/items';

export interface SandboxContext {
  db: SandboxDb;
  config: SandboxConfig;
  clock: Clock;
  fts: FtsIndex;
  items: ItemStore;
  faults: Faults;
  requests: RequestLog;
  throttles: { management: Throttle; visit: Throttle };
}

export function createContext(db: SandboxDb, config: Partial<SandboxConfig> = {}): SandboxContext {
  const fullConfig: SandboxConfig = { ...defaultConfig, ...config };
  const fts = new FtsIndex(db);
  return {
    db,
    config: fullConfig,
    clock: new Clock(),
    fts,
    items: new ItemStore(db, fts),
    faults: new Faults(),
    requests: new RequestLog(),
    throttles: {
      management: new Throttle(() => fullConfig.managementRatePerSecond),
      visit: new Throttle(() => fullConfig.visitRatePerSecond),
    },
  };
}
