/**
 * PLACEHOLDER (being built): syncing an account's pending changes: the pending list,
 * discarding, pushing with progress, pause and cancel, failed rows, auto-sync.
 */
import type { AccountService, Emit } from '../accounts/service';
import type { CatalogService } from '../catalog/service';
import type { Databases } from '../store/databases';

export class SyncService {
  constructor(
    readonly dbs: Databases,
    readonly accounts: AccountService,
    readonly catalog: CatalogService,
    readonly emit: Emit,
  ) {}

  async stop(): Promise<void> {}
}
