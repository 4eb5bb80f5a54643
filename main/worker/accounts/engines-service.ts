/** The current account's engines and types: read from the server on request, kept in its database. */
import type { EnginesSnapshot } from '../../../preload/contract';
import { toAppError } from '../app-errors';
import { allSearchEngines, listTypes } from '../doofinder/management-v1';
import type { Databases } from '../store/databases';
import { listEngines, saveEngines, saveTypes } from '../store/engines';
import { getSetting, setSetting } from '../store/profiles';
import type { AccountService, Emit } from './service';

export class EnginesService {
  private readonly refreshErrors = new Map<string, string>();

  constructor(
    private readonly dbs: Databases,
    private readonly accounts: AccountService,
    private readonly emit: Emit,
  ) {}

  snapshot(): EnginesSnapshot {
    const profile = this.accounts.current();
    if (!profile) return { accountId: null, engines: [], refreshedAt: null, refreshError: null };
    const db = this.dbs.account(profile.id);
    return {
      accountId: profile.id,
      engines: listEngines(db),
      refreshedAt: getSetting(this.dbs.app(), `enginesRefreshedAt:${profile.id}`),
      refreshError: this.refreshErrors.get(profile.id) ?? null,
    };
  }

  /**
   * Lists engines and their types from the server (the user is waiting: interactive
   * priority). A failure keeps the stored list and says why.
   */
  async refresh(): Promise<EnginesSnapshot> {
    const profile = this.accounts.requireCurrent();
    const call = { priority: 'interactive' as const };
    try {
      const client = this.accounts.client(profile);
      const engines = await allSearchEngines(client, call);
      const types = await Promise.all(
        engines.map(async (engine) => [engine.hashid, await listTypes(client, engine.hashid, call)] as const),
      );
      const db = this.dbs.account(profile.id);
      saveEngines(
        db,
        engines.map((engine) => ({
          hashid: engine.hashid,
          name: engine.name,
          siteUrl: engine.site_url,
          language: engine.language,
          currency: engine.currency,
        })),
      );
      for (const [hashid, names] of types) saveTypes(db, hashid, names);
      setSetting(this.dbs.app(), `enginesRefreshedAt:${profile.id}`, new Date().toISOString());
      this.refreshErrors.delete(profile.id);
    } catch (error) {
      const appError = toAppError(error);
      this.refreshErrors.set(profile.id, appError instanceof Error ? appError.message : String(appError));
    }
    const snapshot = this.snapshot();
    this.emit('engines:changed', snapshot);
    return snapshot;
  }

  changed(): void {
    this.emit('engines:changed', this.snapshot());
  }
}
