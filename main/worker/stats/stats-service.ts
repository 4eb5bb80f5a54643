/**
 * The Stats page and the Usage view. `load` answers at once from the cache (the page opens
 * offline) and, when asked to refresh or when a part was never read, reads the parts in
 * the background, telling the page with `stats:changed` each time a part moves on. One
 * read per engine at a time: asking for another range of the same engine cancels the
 * previous one (its requests are cancelled, and the range is read afresh next time).
 */
import type {
  EnginesSnapshot,
  RequestInput,
  RequestOutput,
  StatsRange,
  StatsView,
  UsageView,
} from '../../../preload/contract';
import { AppError } from '../../errors';
import type { Emit } from '../accounts/service';
import { toAppError } from '../app-errors';
import type { DoofinderClient } from '../doofinder/client';
import type { Databases } from '../store/databases';
import type { SqliteDatabase } from '../store/open';
import { getProfile, type Profile } from '../store/profiles';
import { localMonth, monthToDate, rangeProblem } from './calendar';
import { RequestCounter } from './request-counter';
import { cachedParts, PART_NAMES, readMonthAggregates, readPart, savePart, type StatsPartName } from './stats-cache';
import { writeStatsCsv } from './stats-csv';
import { fetchAggregates, fetchTopList, MAX_PAGES, type RecheckPolicy } from './stats-fetch';
import { LOADING, statsView, type PartStatus, type PartStatuses } from './stats-view';
import { appShare, monthTotals, syncCost } from './usage';

export interface StatsAccounts {
  requireCurrent(): Profile;
  client(profile: Profile): DoofinderClient;
}

export interface StatsEngines {
  snapshot(): EnginesSnapshot;
}

export interface StatsServiceOptions {
  recheck?: RecheckPolicy;
  /** How often the request counts are written. */
  flushEveryMs?: number;
  now?: () => Date;
}

const PART_LABEL: Record<StatsPartName, string> = {
  aggregates: 'The daily figures',
  searches: 'Top searches',
  clicked: 'Top clicked results',
  opportunities: 'Top opportunities',
  noresults: 'Searches without results',
};

/** Ranges whose part states are remembered (errors, caps); the oldest are forgotten first. */
const KEEP_STATUSES = 50;

interface RunningRead {
  rangeKey: string;
  controller: AbortController;
}

interface ReadContext {
  accountId: string;
  db: SqliteDatabase;
  client: DoofinderClient;
  engine: string;
  range: StatsRange;
  rangeKey: string;
  signal: AbortSignal;
}

const rangeKeyOf = (accountId: string, engine: string, range: StatsRange) =>
  `${accountId}\u0000${engine}\u0000${range.from}\u0000${range.to}`;

function sentence(what: string, error: unknown): string {
  const reason = toAppError(error);
  const why = reason instanceof Error ? reason.message : String(reason);
  return `${what} could not be read: ${why}`;
}

export class StatsService {
  readonly counter: RequestCounter;
  private readonly statuses = new Map<string, PartStatuses>();
  private readonly reads = new Map<string, RunningRead>();
  private readonly usageReads = new Map<string, Promise<string | null>>();
  private readonly stopping = new AbortController();
  private readonly now: () => Date;

  constructor(
    private readonly dbs: Databases,
    private readonly accounts: StatsAccounts,
    private readonly engines: StatsEngines,
    private readonly emit: Emit,
    private readonly options: StatsServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.counter = new RequestCounter({
      databaseOf: (profileId) => (this.accountExists(profileId) ? this.dbs.account(profileId) : null),
      flushEveryMs: options.flushEveryMs,
      now: this.now,
    });
    this.counter.start();
  }

  load({ engine, range, refresh }: RequestInput<'stats:load'>): StatsView {
    const problem = rangeProblem(range);
    if (problem) throw new AppError('invalid_input', problem, { field: 'range' });
    const profile = this.accounts.requireCurrent();
    const db = this.dbs.account(profile.id);
    const rangeKey = rangeKeyOf(profile.id, engine, range);
    const running = this.reads.get(`${profile.id}\u0000${engine}`);
    if (running?.rangeKey !== rangeKey) {
      const cached = cachedParts(db, engine, range);
      const parts = refresh ? PART_NAMES : PART_NAMES.filter((part) => !cached.has(part));
      if (parts.length > 0) this.startRead(profile, db, engine, range, parts);
    }
    return statsView(db, engine, range, this.statuses.get(rangeKey) ?? {});
  }

  async export({ file, engine, range, table }: RequestInput<'stats:export'>): Promise<RequestOutput<'stats:export'>> {
    const profile = this.accounts.requireCurrent();
    const cached = readPart(this.dbs.account(profile.id), engine, range, table);
    if (!cached) {
      throw new AppError(
        'not_found',
        `${PART_LABEL[table]} of ${engine} from ${range.from} to ${range.to} have not been read yet: open that range on the Stats page first, then export.`,
      );
    }
    return { file, rows: await writeStatsCsv(file, table, cached.rows) };
  }

  async usage({ refresh }: RequestInput<'stats:usage'>): Promise<UsageView> {
    const profile = this.accounts.requireCurrent();
    const db = this.dbs.account(profile.id);
    const today = this.now();
    const month = monthToDate(today);
    const engines = this.engines.snapshot().engines;
    const unread = engines.filter((engine) => refresh || !readMonthAggregates(db, engine.hashid, month));
    let error =
      unread.length > 0
        ? await this.readMonth(
            profile,
            db,
            unread.map((e) => e.hashid),
            month,
          )
        : null;
    if (engines.length === 0)
      error ??= 'No search engines are listed for this account yet: open the Catalog page to read them.';
    const cached = engines.map((engine) => readMonthAggregates(db, engine.hashid, month));
    const complete = engines.length > 0 && cached.every((part) => part !== null);
    const totals = complete ? monthTotals(cached.map((part) => part?.rows ?? [])) : null;
    const appRequests = this.counter.counts(profile.id, localMonth(today)).management;
    const fetchedAt = complete ? (cached.map((part) => part?.fetchedAt ?? '').sort()[0] ?? null) : null;
    return {
      month: localMonth(today),
      monthApiRequests: totals?.api ?? null,
      monthAllRequests: totals?.requests ?? null,
      appRequests,
      appShare: appShare(appRequests, totals?.api ?? null),
      syncCost: syncCost(engines),
      fetchedAt,
      error,
    };
  }

  /** Cancels every read and writes the request counts (worker stop). */
  stop(): void {
    this.stopping.abort();
    for (const read of this.reads.values()) read.controller.abort();
    this.reads.clear();
    this.counter.stop();
  }

  private startRead(
    profile: Profile,
    db: SqliteDatabase,
    engine: string,
    range: StatsRange,
    parts: readonly StatsPartName[],
  ): void {
    const engineKey = `${profile.id}\u0000${engine}`;
    const previous = this.reads.get(engineKey);
    if (previous) {
      previous.controller.abort();
      this.statuses.delete(previous.rangeKey);
    }
    const rangeKey = rangeKeyOf(profile.id, engine, range);
    const statuses = this.statusesOf(rangeKey);
    let client: DoofinderClient;
    try {
      client = this.accounts.client(profile);
    } catch (error) {
      for (const part of parts)
        statuses[part] = { state: 'error', message: sentence(PART_LABEL[part], error), nextCheckAt: null };
      return;
    }
    for (const part of parts) statuses[part] = LOADING;
    const controller = new AbortController();
    this.reads.set(engineKey, { rangeKey, controller });
    const ctx: ReadContext = { accountId: profile.id, db, client, engine, range, rangeKey, signal: controller.signal };
    void Promise.all(parts.map((part) => this.readPart(ctx, part))).finally(() => {
      if (this.reads.get(engineKey)?.controller === controller) this.reads.delete(engineKey);
    });
  }

  private async readPart(ctx: ReadContext, part: StatsPartName): Promise<void> {
    let status: PartStatus;
    try {
      let message: string | null = null;
      if (part === 'aggregates') {
        const rows = await fetchAggregates(ctx.client, ctx.engine, ctx.range, { signal: ctx.signal });
        savePart(ctx.db, ctx.engine, ctx.range, part, rows, this.now().toISOString());
      } else {
        const list = await fetchTopList(ctx.client, ctx.engine, part, ctx.range, {
          signal: ctx.signal,
          ...(this.options.recheck ? { recheck: this.options.recheck } : {}),
          onGenerating: (said, nextCheckAt) =>
            this.moved(ctx, part, { state: 'generating', message: said, nextCheckAt: nextCheckAt.toISOString() }),
        });
        if (list.capped)
          message = `Showing the first ${list.rows.length.toLocaleString('en')} of ${list.total.toLocaleString('en')} (${MAX_PAGES} pages); narrow the range to see the rest.`;
        savePart(ctx.db, ctx.engine, ctx.range, part, list.rows, this.now().toISOString());
      }
      status = { state: 'ready', message, nextCheckAt: null };
    } catch (error) {
      if (ctx.signal.aborted) return;
      status = { state: 'error', message: sentence(PART_LABEL[part], error), nextCheckAt: null };
    }
    this.moved(ctx, part, status);
  }

  /** A part moved on: remember where it stands and tell the page the whole view. */
  private moved(ctx: ReadContext, part: StatsPartName, status: PartStatus): void {
    if (ctx.signal.aborted) return;
    this.statusesOf(ctx.rangeKey)[part] = status;
    try {
      const view = statsView(ctx.db, ctx.engine, ctx.range, this.statuses.get(ctx.rangeKey) ?? {});
      this.emit('stats:changed', { accountId: ctx.accountId, view });
    } catch {
      // The account was removed (its database closed) while the read ran: nobody is looking.
    }
  }

  private statusesOf(rangeKey: string): PartStatuses {
    let statuses = this.statuses.get(rangeKey);
    if (!statuses) {
      statuses = {};
      this.statuses.set(rangeKey, statuses);
      for (const key of this.statuses.keys()) {
        if (this.statuses.size <= KEEP_STATUSES) break;
        this.statuses.delete(key);
      }
    }
    return statuses;
  }

  /** Reads the month's aggregates of these engines (the user is waiting); one read per account at a time. */
  private readMonth(
    profile: Profile,
    db: SqliteDatabase,
    engines: string[],
    month: StatsRange,
  ): Promise<string | null> {
    const running = this.usageReads.get(profile.id);
    if (running) return running;
    const read = (async () => {
      try {
        const client = this.accounts.client(profile);
        for (const engine of engines) {
          const rows = await fetchAggregates(client, engine, month, { signal: this.stopping.signal });
          savePart(db, engine, month, 'aggregates', rows, this.now().toISOString());
        }
        return null;
      } catch (error) {
        return sentence("This month's request count", error);
      } finally {
        this.usageReads.delete(profile.id);
      }
    })();
    this.usageReads.set(profile.id, read);
    return read;
  }

  private accountExists(profileId: string): boolean {
    return getProfile(this.dbs.app(), profileId) !== null;
  }
}
