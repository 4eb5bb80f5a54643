/**
 * Counts every request the app's clients send, per account, calendar month (the worker's
 * local date) and API, for the Usage view. Counting is a map increment on the request's
 * path; the counts reach SQLite (`app_requests`, migration 7) in one transaction every few
 * seconds and on stop, so the hot path never waits on a write.
 */
import type { Api } from '../doofinder/http';
import type { SqliteDatabase } from '../store/open';
import { localMonth } from './calendar';

export type RequestCounts = Record<Api, number>;

export interface RequestCounterOptions {
  /** The account's database, or null when the account is gone (its counts are dropped). */
  databaseOf: (profileId: string) => SqliteDatabase | null;
  flushEveryMs?: number;
  now?: () => Date;
}

const zero = (): RequestCounts => ({ management: 0, search: 0, stats: 0 });

export class RequestCounter {
  /** profile id -> month -> counts not yet written. */
  private readonly unwritten = new Map<string, Map<string, RequestCounts>>();
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: RequestCounterOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    this.timer ??= setInterval(() => this.flush(), this.options.flushEveryMs ?? 5_000);
    this.timer.unref();
  }

  record(profileId: string, api: Api): void {
    const month = localMonth(this.now());
    let months = this.unwritten.get(profileId);
    if (!months) this.unwritten.set(profileId, (months = new Map<string, RequestCounts>()));
    let counts = months.get(month);
    if (!counts) months.set(month, (counts = zero()));
    counts[api] += 1;
  }

  /** What was sent in a month: written counts plus those waiting for the next flush. */
  counts(profileId: string, month: string): RequestCounts {
    const total = zero();
    const db = this.options.databaseOf(profileId);
    if (db) {
      const rows = db.prepare('SELECT api, count FROM app_requests WHERE month = ?').all(month) as Array<{
        api: Api;
        count: number;
      }>;
      for (const row of rows) total[row.api] += row.count;
    }
    const waiting = this.unwritten.get(profileId)?.get(month);
    if (waiting) for (const api of Object.keys(total) as Api[]) total[api] += waiting[api];
    return total;
  }

  flush(): void {
    for (const [profileId, months] of this.unwritten) {
      const db = this.options.databaseOf(profileId);
      if (!db) {
        this.unwritten.delete(profileId);
        continue;
      }
      try {
        const add = db.prepare(
          `INSERT INTO app_requests (month, api, count) VALUES (?, ?, ?)
           ON CONFLICT (month, api) DO UPDATE SET count = count + excluded.count`,
        );
        db.transaction(() => {
          for (const [month, counts] of months)
            for (const api of Object.keys(counts) as Api[]) if (counts[api] > 0) add.run(month, api, counts[api]);
        })();
        this.unwritten.delete(profileId);
      } catch {
        // The database is busy or closing: the counts stay in memory for the next flush.
      }
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }
}
