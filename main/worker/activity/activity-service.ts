/** The activity list of the current account; new entries go to the renderer as `activity:added`. */
import type { ActivityEntry, ActivityPage } from '../../../preload/contract';
import type { AccountService, Emit } from '../accounts/service';
import type { Databases } from '../store/databases';
import { addActivity, listActivity, markActivityRead, type NewActivity } from './activity-store';

export class ActivityService {
  constructor(
    private readonly dbs: Databases,
    private readonly accounts: AccountService,
    private readonly emit: Emit,
  ) {}

  /** Adds an entry to an account's list (whichever account it happened on) and tells the renderer. */
  add(profileId: string, entry: NewActivity): ActivityEntry {
    const added = addActivity(this.dbs.account(profileId), entry);
    this.emit('activity:added', added);
    return added;
  }

  list(limit = 100): ActivityPage {
    return listActivity(this.db(), limit);
  }

  markRead(ids: number[] | null): { unread: number } {
    return { unread: markActivityRead(this.db(), ids) };
  }

  private db() {
    return this.dbs.account(this.accounts.requireCurrent().id);
  }
}
