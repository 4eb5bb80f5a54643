/**
 * PLACEHOLDER (being built): the catalog grid's side of the worker: views over an account's
 * items (sorted, filtered, searched), edits as undoable actions, history, conflicts.
 */
import type { AccountService, Emit } from '../accounts/service';
import type { Databases } from '../store/databases';

export class CatalogService {
  constructor(
    readonly dbs: Databases,
    readonly accounts: AccountService,
    readonly emit: Emit,
  ) {}
}
