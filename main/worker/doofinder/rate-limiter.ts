/**
 * Paces every request of one account to one host so the account is never throttled:
 * at most `ratePerSecond` requests in any window of a second (plus a margin), highest
 * priority first. Doofinder's Management API allows 2 requests/s, counted the way Django
 * REST framework counts: a sliding one-second window of arrival times.
 *
 * We cannot see when a request arrived, only that it did before its answer came back. So a
 * request holds its place in the window from when it is sent until a second after its
 * answer (`Ticket.done()`): however slow the network, two requests the server counts in
 * one second can never be more than the rate.
 *
 * Background work (feed and stats polling) never takes a place while other work is active:
 * a background request waits until nothing of higher priority is queued, in flight, or was
 * answered within the last window plus `BACKGROUND_YIELD_MARGIN_MS`, so a running mirror or
 * push keeps the whole budget (issue 11: "polling never slows a sync"); and it never takes the
 * last free place, so a sync or a user starting finds one at once.
 *
 * A 429 pauses the whole bucket (Retry-After, at least 1 s) and resumes at half speed,
 * climbing back with each success. An auth failure or a spent plan stops it until
 * `resume()`; a persistent 429 stops background work only.
 */

import { abortReason } from './errors';

export type Priority = 'interactive' | 'push' | 'mirror' | 'background';

const RANK: Record<Priority, number> = { interactive: 0, push: 1, mirror: 2, background: 3 };

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface BucketOptions {
  ratePerSecond: number;
  /** Extra spacing on top of the one-second window, for requests the network delays. */
  marginMs?: number;
  timers?: Timers;
}

/** Why a bucket refuses work: shown in the status bar and in the errors it gives. */
export interface StopReason {
  kind: 'auth' | 'quota' | 'throttled';
  message: string;
}

export class BucketStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(reason.message);
    this.name = 'BucketStopped';
  }
}

/** A granted request: call `done()` when its answer (or failure) came back. */
export interface Ticket {
  done(): void;
}

interface Slot {
  sentAt: number;
  /** When the answer came back; null while in flight. */
  doneAt: number | null;
}

interface Waiter {
  priority: Priority;
  seq: number;
  resolve: (ticket: Ticket) => void;
  reject: (error: Error) => void;
}

export interface BucketSnapshot {
  /** Requests sent in the last second. */
  requestsPerSecond: number;
  queued: number;
  /** Why requests are not going out right now, in words; null when they are. */
  pausedReason: string | null;
  stopped: StopReason | null;
}

const WINDOW_MS = 1000;
const SLOWEST = 0.25;
/** Between two requests of a sequential mirror or push the app stores a page: time to queue the next. */
export const BACKGROUND_YIELD_MARGIN_MS = 250;

export class RequestBucket {
  private readonly timers: Timers;
  private readonly marginMs: number;
  private slots: Slot[] = [];
  private queue: Waiter[] = [];
  private seq = 0;
  private pausedUntil = 0;
  private pauseMessage: string | null = null;
  /** 1 = full speed; lowered by a 429, raised again by successes. */
  private speed = 1;
  private stopped: StopReason | null = null;
  private backgroundStopped: StopReason | null = null;
  private timer: unknown = null;
  /** Requests above background priority sent and not yet answered, and when the last one was answered. */
  private higherInFlight = 0;
  private higherAnsweredAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: BucketOptions) {
    this.timers = options.timers ?? realTimers;
    this.marginMs = options.marginMs ?? 5;
  }

  /** Resolves when a request of this priority may be sent; it holds a place in the window until `done()`. */
  acquire(priority: Priority, signal?: AbortSignal): Promise<Ticket> {
    const refusal = this.refusal(priority);
    if (refusal) return Promise.reject(new BucketStopped(refusal));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (!this.queue.includes(waiter)) return;
        this.queue = this.queue.filter((entry) => entry !== waiter);
        reject(abortReason(signal as AbortSignal));
      };
      // Listeners come off once settled: a long mirror shares one signal across thousands of requests.
      const waiter: Waiter = {
        priority,
        seq: this.seq++,
        resolve: (ticket) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(ticket);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      this.queue.push(waiter);
      this.queue.sort((a, b) => RANK[a.priority] - RANK[b.priority] || a.seq - b.seq);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pump();
    });
  }

  /** The server said 429: pause everything, then go on at half speed. */
  rateLimited(retryAfterMs: number | null): void {
    const wait = Math.max(1000, retryAfterMs ?? 0);
    this.pausedUntil = Math.max(this.pausedUntil, this.timers.now() + wait);
    this.pauseMessage = 'Doofinder asked to slow down (429)';
    this.speed = Math.max(SLOWEST, this.speed / 2);
    this.pump();
  }

  succeeded(): void {
    this.speed = Math.min(1, this.speed + 0.1);
  }

  /** Refuse all work (401, spent plan) until `resume()`: queued requests fail at once. */
  stop(reason: StopReason): void {
    this.stopped = reason;
    this.rejectWhere(() => true, reason);
  }

  /** Refuse work below `interactive` (a 429 that will not go away), until `resume()`. */
  stopBackground(reason: StopReason): void {
    this.backgroundStopped = reason;
    this.rejectWhere((waiter) => waiter.priority !== 'interactive', reason);
  }

  resume(): void {
    this.stopped = null;
    this.backgroundStopped = null;
    this.pausedUntil = 0;
    this.pauseMessage = null;
    this.pump();
  }

  /** True while background requests are held back because higher-priority work is using the budget. */
  holdsBackBackground(): boolean {
    const now = this.timers.now();
    return this.queue.some((waiter) => waiter.priority !== 'background') || this.higherActiveFor(now) > 0;
  }

  snapshot(): BucketSnapshot {
    const now = this.timers.now();
    const reason = this.stopped ?? this.backgroundStopped;
    let pausedReason: string | null = reason?.message ?? null;
    if (!pausedReason && this.pausedUntil > now) {
      pausedReason = `${this.pauseMessage ?? 'Paused'}; resuming in ${Math.ceil((this.pausedUntil - now) / 1000)} s`;
    }
    return {
      requestsPerSecond: this.slots.filter((slot) => now - slot.sentAt < WINDOW_MS).length,
      queued: this.queue.length,
      pausedReason,
      stopped: this.stopped,
    };
  }

  private refusal(priority: Priority): StopReason | null {
    if (this.stopped) return this.stopped;
    if (this.backgroundStopped && priority !== 'interactive') return this.backgroundStopped;
    return null;
  }

  private rejectWhere(match: (waiter: Waiter) => boolean, reason: StopReason): void {
    const rejected = this.queue.filter(match);
    this.queue = this.queue.filter((waiter) => !match(waiter));
    for (const waiter of rejected) waiter.reject(new BucketStopped(reason));
  }

  /** How long until the next request may go, 0 if now; `rate` lower than the bucket's keeps places free. */
  private delayUntilFree(now: number, rate = this.options.ratePerSecond): number {
    if (this.pausedUntil > now) return this.pausedUntil - now;
    const window = (WINDOW_MS + this.marginMs) / this.speed;
    // A slot counts from when it was sent until a window after its answer; in flight, it counts.
    const holdsUntil = (slot: Slot) => (slot.doneAt === null ? Number.POSITIVE_INFINITY : slot.doneAt + window);
    this.slots = this.slots.filter((slot) => holdsUntil(slot) > now || now - slot.sentAt < WINDOW_MS);
    const holding = this.slots.filter((slot) => holdsUntil(slot) > now);
    if (holding.length < rate) return 0;
    const frees = holding.map(holdsUntil).sort((a, b) => a - b)[holding.length - rate] ?? now;
    // An in-flight request frees nothing until its answer: `done()` pumps the queue again.
    return Number.isFinite(frees) ? Math.max(1, frees - now) : Number.POSITIVE_INFINITY;
  }

  /**
   * Background requests never take the last place in the window: a place they hold cannot
   * be given back, and a sync or a user starting meanwhile should find one free.
   */
  private backgroundRate(): number {
    return Math.max(1, this.options.ratePerSecond - 1);
  }

  /** How long higher-priority work still counts as active (Infinity while one is in flight), 0 if it does not. */
  private higherActiveFor(now: number): number {
    if (this.higherInFlight > 0) return Number.POSITIVE_INFINITY;
    const until = this.higherAnsweredAt + WINDOW_MS + this.marginMs + BACKGROUND_YIELD_MARGIN_MS;
    return until > now ? until - now : 0;
  }

  private pump(): void {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.queue.length > 0) {
      const now = this.timers.now();
      // The queue is sorted by priority: a background waiter at the head means none of higher priority waits.
      const background = this.queue[0]?.priority === 'background';
      const delay = background
        ? Math.max(this.delayUntilFree(now, this.backgroundRate()), this.higherActiveFor(now))
        : this.delayUntilFree(now);
      if (delay > 0) {
        if (Number.isFinite(delay)) {
          this.timer = this.timers.setTimeout(() => {
            this.timer = null;
            this.pump();
          }, delay);
        }
        return;
      }
      const waiter = this.queue.shift();
      if (!waiter) return;
      const slot: Slot = { sentAt: now, doneAt: null };
      const higher = waiter.priority !== 'background';
      if (higher) this.higherInFlight += 1;
      this.slots.push(slot);
      waiter.resolve({
        done: () => {
          if (slot.doneAt !== null) return;
          slot.doneAt = this.timers.now();
          if (higher) {
            this.higherInFlight -= 1;
            this.higherAnsweredAt = slot.doneAt;
          }
          this.pump();
        },
      });
    }
  }
}
