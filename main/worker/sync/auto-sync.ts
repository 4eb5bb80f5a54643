/**
 * Auto-sync (optional, per account): pushes the current account's changes once edits have
 * settled (a quiet period after the last change), at the latest a period after the first
 * unsent change even while edits keep coming, and at once for rows a crash left `pushing`.
 * Never while the account is stopped (refused key, spent plan) or paused by the user; after
 * a failed sync (offline, say) it waits before trying again.
 *
 * It watches the rows rather than hooking every writer: the queue's fingerprint moves with
 * any change (grid edit, paste, CSV apply, undo), whoever made it.
 */
import type { SyncProgress } from '../../../preload/contract';
import { redactSecrets } from '../../redact';
import type { Profile } from '../store/profiles';
import type { QueueState } from './sync-queue';

export interface AutoSyncTimings {
  /** Quiet time after the last change before pushing. */
  quietMs: number;
  /** Longest an unsent change waits while edits keep coming. */
  periodMs: number;
  /** Wait after a failed sync before the next attempt. */
  retryMs: number;
  /** How often the queue is looked at. */
  tickMs: number;
}

export const defaultAutoSyncTimings: AutoSyncTimings = {
  quietMs: 10_000,
  periodMs: 120_000,
  retryMs: 30_000,
  tickMs: 1_000,
};

/** What the scheduler needs from the sync service. */
export interface AutoSyncHost {
  current(): Profile | null;
  enabled(profileId: string): boolean;
  /** A sync is running, or the user paused one (auto-sync does not resume it). */
  busy(profileId: string): boolean;
  /** The account can send requests: its key is accepted, its plan not spent, its work not stopped. */
  usable(profile: Profile): boolean;
  queue(profileId: string): QueueState;
  startAuto(profile: Profile): void;
}

interface Watch {
  fingerprint: string;
  changedAt: number;
  /** When the queue last went from empty to not empty. */
  pendingSince: number | null;
  retryAt: number;
  /** After a cancel: only a new change starts a sync again. */
  held: boolean;
}

export class AutoSync {
  private readonly watches = new Map<string, Watch>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly host: AutoSyncHost,
    private readonly timings: AutoSyncTimings = defaultAutoSyncTimings,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      // A failed look (a database being closed at shutdown, say) must not end the worker; the next tick tries again.
      try {
        this.tick();
      } catch (error) {
        process.stderr.write(`auto-sync: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`);
      }
    }, this.timings.tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Looks at the current account's queue and starts a sync if one is due. */
  tick(): void {
    const profile = this.host.current();
    if (!profile || !this.host.enabled(profile.id) || this.host.busy(profile.id)) return;
    const queue = this.host.queue(profile.id);
    const watch = this.observe(profile.id, queue);
    if (queue.pushable === 0 || watch.held) return;
    const now = this.now();
    if (now < watch.retryAt || !this.host.usable(profile)) return;
    // Rows left pushing with no sync running were cut off by a crash: send them at once.
    const interrupted = queue.pushing > 0;
    const settled = now - watch.changedAt >= this.timings.quietMs;
    const overdue = watch.pendingSince !== null && now - watch.pendingSince >= this.timings.periodMs;
    if (interrupted || settled || overdue) this.host.startAuto(profile);
  }

  /** A run of this account ended: wait after a failure, hold after a cancel. */
  finished(profileId: string, progress: SyncProgress, queue: QueueState): void {
    const watch = this.observe(profileId, queue);
    watch.retryAt = progress.state === 'failed' ? this.now() + this.timings.retryMs : 0;
    watch.held = progress.state === 'cancelled';
    // What is left (edits made during the run) waits its own quiet period and period.
    watch.pendingSince = queue.pushable === 0 ? null : this.now();
  }

  private observe(profileId: string, queue: QueueState): Watch {
    const now = this.now();
    let watch = this.watches.get(profileId);
    if (!watch) {
      watch = { fingerprint: queue.fingerprint, changedAt: now, pendingSince: null, retryAt: 0, held: false };
      this.watches.set(profileId, watch);
    }
    if (watch.fingerprint !== queue.fingerprint) {
      watch.fingerprint = queue.fingerprint;
      watch.changedAt = now;
      watch.held = false;
    }
    if (queue.pushable === 0) watch.pendingSince = null;
    else watch.pendingSince ??= now;
    return watch;
  }
}
