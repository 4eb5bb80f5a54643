/**
 * The status bar's live view: current account, sync activity, pending changes and the
 * account's request rate, queue and pause reason. Pushed as `app:status` when it changes.
 */
import type { StatusSnapshot } from '../../preload/contract';
import type { AccountService, Emit } from './accounts/service';
import type { Databases } from './store/databases';
import type { MirrorService } from './sync/mirror-service';
import type { SyncService } from './sync/sync-service';

const TICK_MS = 500;

export class StatusReporter {
  private timer: NodeJS.Timeout | null = null;
  private last = '';

  constructor(
    private readonly dbs: Databases,
    private readonly accounts: AccountService,
    private readonly mirrors: MirrorService,
    private readonly emit: Emit,
    private readonly sync: Pick<
      SyncService,
      'isRunning' | 'isOffline' | 'isThrottled' | 'activity' | 'onActivity'
    > | null = null,
  ) {
    // A sync starting, asked to stop or ending shows at once, not at the next tick: "Syncing 40%"
    // must not stay on the bar after the user cancelled.
    sync?.onActivity(() => this.publish());
  }

  snapshot(): StatusSnapshot {
    const profile = this.accounts.current();
    const client = this.accounts.currentClient();
    const rate = client?.snapshot() ?? { requestsPerSecond: 0, queued: 0, pausedReason: null };
    const pending = profile
      ? (this.dbs
          .account(profile.id)
          .prepare("SELECT count(*) FROM items WHERE status != 'clean'")
          .pluck()
          .get() as number)
      : 0;
    return {
      account: profile ? { id: profile.id, name: profile.name, kind: profile.kind } : null,
      sync: {
        state: this.syncState(),
        pendingChanges: pending,
        activity: this.activity(),
      },
      rate: { requestsPerSecond: rate.requestsPerSecond, queued: rate.queued, pausedReason: rate.pausedReason },
    };
  }

  /** A running sync, else a running mirror, else what waits to be synced (paused, cut off by a crash). */
  private activity(): string | null {
    if (this.sync?.isRunning()) return this.sync.activity();
    return this.mirrors.activity() ?? this.sync?.activity() ?? null;
  }

  private syncState(): StatusSnapshot['sync']['state'] {
    if (this.mirrors.isRunning() || this.sync?.isRunning()) return 'syncing';
    if (this.sync?.isThrottled()) return 'throttled';
    return this.sync?.isOffline() ? 'offline' : 'idle';
  }

  start(): void {
    this.timer = setInterval(() => this.publish(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Sends the snapshot if it differs from the last one sent. */
  publish(): void {
    const snapshot = this.snapshot();
    const text = JSON.stringify(snapshot);
    if (text === this.last) return;
    this.last = text;
    this.emit('app:status', snapshot);
  }
}
