/**
 * Every request of one account goes through here: paced by the account's buckets, then
 * retried the way each failure deserves. 429 pauses the bucket and retries; 5xx, 405 and
 * network errors back off exponentially with full jitter (only requests safe to repeat);
 * 409 waits and retries; 401 and a spent plan stop the account's buckets and fail.
 */
import { abortReason, DoofinderError, type DoofinderErrorKind } from './errors';
import type { AccountEndpoint } from './endpoints';
import { send, type Api, type HttpRequest, type HttpResponse } from './http';
import {
  BucketStopped,
  realTimers,
  RequestBucket,
  type BucketSnapshot,
  type Priority,
  type StopReason,
  type Ticket,
  type Timers,
} from './rate-limiter';

const STOP_KIND: Record<StopReason['kind'], DoofinderErrorKind> = {
  auth: 'auth',
  quota: 'quota',
  throttled: 'rate_limited',
};

/** A request refused before it left, because the account's work is stopped: same error type as the server's. */
function stoppedError(reason: StopReason, request: ClientRequest): DoofinderError {
  return new DoofinderError({
    kind: STOP_KIND[reason.kind],
    status: null,
    serverMessage: reason.message,
    request: { method: request.method, path: request.path },
  });
}

export interface RetryPolicy {
  /** Attempts for 5xx, 405 and network failures, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Waits for a 409 (indexing in progress), and how long each. */
  maxConflictWaits: number;
  conflictDelayMs: number;
  /** 429s in a row (each after its pause) before background work stops. */
  persistent429: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxConflictWaits: 30,
  conflictDelayMs: 2_000,
  persistent429: 6,
};

export interface ClientRequest extends HttpRequest {
  priority: Priority;
  /** Safe to send twice: GET, PUT and PATCH by id, DELETE. POSTs are not unless said so. */
  idempotent?: boolean;
  /** false: one attempt, its failure straight to the caller (the search tester shows every answer). */
  retry?: boolean;
}

export type ClientEvent =
  | { kind: 'stopped'; reason: StopReason }
  /** One request left for the server (each retry again): what the account's usage counts. */
  | { kind: 'sent'; api: Api }
  | { kind: 'retrying'; request: string; attempt: number; delayMs: number; error: DoofinderError };

export interface ClientOptions {
  policy?: Partial<RetryPolicy>;
  timers?: Timers;
  random?: () => number;
  /** Management v1 allows 2 requests/s per account; Stats v2 20/s. */
  managementRate?: number;
  statsRate?: number;
  /**
   * Search v5 documents no limit, but the engine also answers the shop's shoppers: the app's own
   * searches (the tester, a relevance run of hundreds of queries) go at most this fast. Default 5/s.
   */
  searchRate?: number;
  onEvent?: (event: ClientEvent) => void;
}

export class DoofinderClient {
  readonly buckets: { management: RequestBucket; stats: RequestBucket; search: RequestBucket };
  private readonly policy: RetryPolicy;
  private readonly timers: Timers;
  private readonly random: () => number;
  private consecutive429 = 0;

  constructor(
    readonly endpoint: AccountEndpoint,
    private readonly options: ClientOptions = {},
  ) {
    this.policy = { ...defaultRetryPolicy, ...options.policy };
    this.timers = options.timers ?? realTimers;
    this.random = options.random ?? Math.random;
    this.buckets = {
      management: new RequestBucket({ ratePerSecond: options.managementRate ?? 2, timers: this.timers }),
      stats: new RequestBucket({ ratePerSecond: options.statsRate ?? 20, timers: this.timers }),
      search: new RequestBucket({ ratePerSecond: options.searchRate ?? 5, timers: this.timers }),
    };
  }

  async request<T = unknown>(request: ClientRequest): Promise<HttpResponse<T>> {
    const bucket =
      request.api === 'search'
        ? this.buckets.search
        : request.api === 'stats'
          ? this.buckets.stats
          : this.buckets.management;
    const idempotent = request.idempotent ?? request.method !== 'POST';
    let failures = 0;
    let conflicts = 0;
    for (;;) {
      const ticket: Ticket | null = await (
        bucket?.acquire(request.priority, request.signal) ?? Promise.resolve(null)
      ).catch((error: unknown) => {
        throw error instanceof BucketStopped ? stoppedError(error.reason, request) : error;
      });
      this.options.onEvent?.({ kind: 'sent', api: request.api });
      try {
        const response = await send<T>(this.endpoint, request);
        ticket?.done();
        bucket?.succeeded();
        if (bucket) this.consecutive429 = 0;
        return response;
      } catch (error) {
        ticket?.done();
        if (!(error instanceof DoofinderError)) throw error;
        const delay = this.afterFailure(
          error,
          bucket,
          idempotent,
          ++failures,
          error.kind === 'conflict' ? ++conflicts : conflicts,
        );
        if (delay === null || request.retry === false) throw error;
        this.options.onEvent?.({
          kind: 'retrying',
          request: `${request.method} ${request.path}`,
          attempt: failures,
          delayMs: delay,
          error,
        });
        if (delay > 0) await this.sleep(delay, request.signal);
      }
    }
  }

  snapshot(): BucketSnapshot {
    const all = [this.buckets.management, this.buckets.stats, this.buckets.search].map((bucket) => bucket.snapshot());
    return {
      requestsPerSecond: all.reduce((sum, one) => sum + one.requestsPerSecond, 0),
      queued: all.reduce((sum, one) => sum + one.queued, 0),
      pausedReason: all.find((one) => one.pausedReason !== null)?.pausedReason ?? null,
      stopped: all.find((one) => one.stopped !== null)?.stopped ?? null,
    };
  }

  /** After the user gave a new key or dismissed a stop. */
  resume(): void {
    this.consecutive429 = 0;
    this.buckets.management.resume();
    this.buckets.stats.resume();
    this.buckets.search.resume();
  }

  /** How long to wait before trying again, or null to give up with this error. */
  private afterFailure(
    error: DoofinderError,
    bucket: RequestBucket | null,
    idempotent: boolean,
    failures: number,
    conflicts: number,
  ): number | null {
    switch (error.kind) {
      case 'auth':
        this.stopAll({ kind: 'auth', message: 'Doofinder refused the API key: enter a new one on the Accounts page.' });
        return null;
      case 'quota':
        this.stopAll({ kind: 'quota', message: "The account's monthly request allowance is used up." });
        return null;
      case 'rate_limited': {
        bucket?.rateLimited(error.retryAfterMs);
        this.consecutive429 += 1;
        if (this.consecutive429 >= this.policy.persistent429 && bucket) {
          const reason: StopReason = {
            kind: 'throttled',
            message: 'Doofinder keeps answering 429 (too many requests): background work is stopped.',
          };
          bucket.stopBackground(reason);
          this.options.onEvent?.({ kind: 'stopped', reason });
        }
        // The bucket's pause does the waiting; a request without a bucket waits itself.
        return bucket ? 0 : Math.max(1000, error.retryAfterMs ?? 0);
      }
      case 'conflict':
        return conflicts > this.policy.maxConflictWaits ? null : this.policy.conflictDelayMs;
      case 'server':
      case 'network':
      case 'not_allowed':
        if (!idempotent || failures >= this.policy.maxAttempts) return null;
        return this.backoff(failures);
      default:
        return null;
    }
  }

  /** Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^(n-1))]. */
  private backoff(failures: number): number {
    const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (failures - 1));
    return Math.round(this.random() * ceiling);
  }

  private stopAll(reason: StopReason): void {
    // Searches are not stopped: each is one the user asked for, and the tester shows Doofinder's own answer.
    this.buckets.management.stop(reason);
    this.buckets.stats.stop(reason);
    this.options.onEvent?.({ kind: 'stopped', reason });
  }

  private sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.timers.clearTimeout(handle);
        reject(abortReason(signal as AbortSignal));
      };
      const handle = this.timers.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
