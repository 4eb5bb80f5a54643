/** The current account's engines and types: read from the server on request, kept in its database. */
import type { EnginesSnapshot } from '../../../preload/contract';
import { toAppError } from '../app-errors';
import { allSearchEngines, listTypes, startScroll } from '../doofinder/management-v1';
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
      void this.countItems(profile.id, types);
    } catch (error) {
      const appError = toAppError(error);
      this.refreshErrors.set(profile.id, appError instanceof Error ? appError.message : String(appError));
    }
    const snapshot = this.snapshot();
    this.emit('engines:changed', snapshot);
    return snapshot;
  }

  /**
   * How many items each type holds on the server: the first page of a one-item scroll says
   * (`count`). Background priority, after the list is shown: counts fill in as they come.
   */
  private async countItems(profileId: string, types: ReadonlyArray<readonly [string, string[]]>): Promise<void> {
    const profile = this.accounts.current();
    if (!profile || profile.id !== profileId) return;
    const client = this.accounts.client(profile);
    const db = this.dbs.account(profileId);
    const save = db.prepare('UPDATE types SET server_count = ? WHERE engine = ? AND name = ?');
    for (const [hashid, names] of types) {
      for (const name of names) {
        try {
          const page = await startScroll(client, hashid, name, 1, { priority: 'background' });
          save.run(page.count, hashid, name);
          this.changed();
        } catch {
          return; // the account stopped or went offline: the counts wait for the next refresh
        }
      }
    }
  }

  changed(): void {
    this.emit('engines:changed', this.snapshot());
  }
}
