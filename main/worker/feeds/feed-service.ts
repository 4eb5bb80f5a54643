/**
 * Feed processing for the current account (issue 11, DESIGN.md section 7): start a run,
 * follow it in the background until it ends (surviving the page closing and, through the
 * runs left going in SQLite, a worker restart), notice runs started elsewhere, keep the
 * history and the logs, and check the feed's health after each run.
 */
import type { FeedLogsPage, FeedRunResult, FeedRunsPage, FeedRunView, FeedSettings } from '../../../preload/contract';
import { AppError } from '../../errors';
import { redactSecrets } from '../../redact';
import type { ActivityService } from '../activity/activity-service';
import type { AccountService, Emit } from '../accounts/service';
import { writeSandboxFeed, type SandboxFeedScenario } from '../accounts/sandbox-feed';
import { speakingDoofinder } from '../app-errors';
import { DoofinderError } from '../doofinder/errors';
import { lastProcessTask, processFeeds, processLogs } from '../doofinder/management-v1';
import type { Databases } from '../store/databases';
import type { Profile } from '../store/profiles';
import { observeProcessTask, type Observed } from './external-runs';
import type { FeedAccount } from './feed-account';
import { feedSettings } from './feed-settings';
import { toFeedLogLine } from './log-lines';
import { queryLogLines, recordLogError, replaceLogLines, type LogQuery } from './log-store';
import { finishRun } from './run-finish';
import { followRun } from './run-follower';
import { activeRuns, insertRun, listRuns, toRunView, type RunRow } from './run-store';
import { DEFAULT_SCHEDULE, type PollSchedule } from './task-poller';

export interface FeedServiceOptions {
  schedule?: PollSchedule;
  /** How long a run's activity entry waits for its health check (which waits while a sync runs). */
  healthWaitMs?: number;
  /** The worker's data folder, where the Sandbox account's demo feed lives. */
  dataDir?: string;
}

/** The task id is the last path segment of the link Doofinder answers (pydoof reads it the same way). */
export function taskIdOf(link: string): string | null {
  const path = link.split(/[?#]/)[0] ?? '';
  const last = path.split('/').filter(Boolean).at(-1);
  return last && last !== 'process' ? decodeURIComponent(last) : null;
}

const RESUME_LOOK_MS = 5_000;

export class FeedService {
  private readonly closing = new AbortController();
  private readonly following = new Set<string>();
  private readonly checking = new Map<string, Promise<void>>();
  private readonly resumed = new Set<string>();
  /** Runs whose end was handled: their follower and a check may both see it end. */
  private readonly finished = new Set<string>();
  /**
   * The health check of each engine's last finished run, by account/engine: a newer run of the
   * engine stops it, or it would read the new feed's counts as the old run's (and compare the
   * new run against them, hiding a drop).
   */
  private readonly healthChecks = new Map<string, AbortController>();
  private readonly background = new Set<Promise<unknown>>();
  private readonly schedule: PollSchedule;
  private resumeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dbs: Databases,
    private readonly accounts: AccountService,
    private readonly activity: ActivityService,
    private readonly emit: Emit,
    private readonly options: FeedServiceOptions = {},
  ) {
    this.schedule = options.schedule ?? DEFAULT_SCHEDULE;
  }

  /**
   * Polls again the runs a previous worker left going, on the current account. Main hands
   * the keys over after the worker starts, and the user may switch accounts, so the current
   * account is looked at again every few seconds (locally: no request is sent for it).
   */
  start(): void {
    const look = () => {
      const profile = this.accounts.current();
      if (profile) this.resume(profile);
    };
    look();
    this.resumeTimer ??= setInterval(look, RESUME_LOOK_MS);
    this.resumeTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.resumeTimer) clearInterval(this.resumeTimer);
    this.resumeTimer = null;
    this.closing.abort(new AppError('cancelled', 'The app is closing.'));
    await Promise.allSettled([...this.background]);
  }

  async process({ engine, force }: { engine: string; force: boolean }): Promise<FeedRunView> {
    const account = this.account();
    this.requireEngine(account, engine);
    this.stopHealthCheck(account, engine);
    const accepted = await speakingDoofinder(() =>
      processFeeds(account.client, engine, force, { priority: 'interactive' }),
    );
    const waiting = accepted.state === 'WAITING';
    const row = insertRun(account.db, {
      engine,
      taskId: waiting ? null : taskIdOf(accepted.link ?? ''),
      origin: 'app',
      force,
      state: waiting ? 'WAITING' : 'PENDING',
      message: accepted.message ?? '',
      link: accepted.link ?? null,
      startedAt: new Date(),
    });
    this.changed(account, row);
    this.follow(account, row);
    return toRunView(row);
  }

  runs(query: { engine: string; result?: FeedRunResult; offset?: number; limit?: number }): FeedRunsPage {
    const profile = this.accounts.requireCurrent();
    this.resume(profile);
    return listRuns(this.dbs.account(profile.id), query);
  }

  /** Asks `tasks/process` once, soon, at the lowest priority; answers at once. */
  check({ engine }: { engine: string }): { scheduled: boolean } {
    const account = this.account();
    this.requireEngine(account, engine);
    const key = `${account.profile.id}/${engine}`;
    // One question at a time per engine: while a sync holds polls back, checks must not pile up.
    if (this.checking.has(key)) return { scheduled: false };
    const asked = (async () => {
      try {
        const info = await lastProcessTask(account.client, engine, {
          priority: 'background',
          signal: this.closing.signal,
        });
        this.observed(account, observeProcessTask(account.db, engine, info));
      } catch (error) {
        // The page asks again in 30 s; why the account cannot work is the status bar's to say.
        if (!(error instanceof DoofinderError)) throw error;
      } finally {
        this.checking.delete(key);
      }
    })();
    this.checking.set(key, asked);
    this.track(asked);
    return { scheduled: true };
  }

  /** Resolves once the checks asked so far have been answered (or failed). */
  async checked(): Promise<void> {
    await Promise.allSettled([...this.checking.values()]);
  }

  async logs(query: LogQuery & { refresh: boolean }): Promise<FeedLogsPage> {
    const profile = this.accounts.requireCurrent();
    const db = this.dbs.account(profile.id);
    if (query.refresh) {
      try {
        const client = this.accounts.client(profile);
        const lines = await speakingDoofinder(() =>
          processLogs(client, query.engine, { priority: 'interactive', signal: this.closing.signal }),
        );
        replaceLogLines(db, query.engine, lines.map(toFeedLogLine));
        this.emit('feeds:logsChanged', { accountId: profile.id, engine: query.engine });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        recordLogError(db, query.engine, `The logs could not be read again: ${redactSecrets(reason)}`);
      }
    }
    return queryLogLines(db, query);
  }

  settings(change: Partial<FeedSettings>): FeedSettings {
    return feedSettings(this.dbs.app(), change);
  }

  sandboxScenario({ scenario }: { scenario: SandboxFeedScenario }): { scenario: string; file: string } {
    const profile = this.accounts.requireCurrent();
    if (profile.kind !== 'sandbox' || !this.options.dataDir)
      throw new AppError(
        'invalid_input',
        'Feed scenarios are for the built-in Sandbox account only: switch to it on the Accounts page to try them.',
      );
    return { scenario, ...writeSandboxFeed(this.options.dataDir, scenario) };
  }

  private account(): FeedAccount {
    const profile = this.accounts.requireCurrent();
    // Fails now, in words, when the account cannot work (no key, a refused key).
    this.accounts.client(profile);
    this.resume(profile);
    return this.accountOf(profile);
  }

  /** The client is looked up at each use: a new key replaces it, and a long poll must use the new one. */
  private accountOf(profile: Profile): FeedAccount {
    const { accounts } = this;
    return {
      profile,
      db: this.dbs.account(profile.id),
      get client() {
        return accounts.client(profile);
      },
    };
  }

  private requireEngine(account: FeedAccount, engine: string): void {
    const known = account.db.prepare('SELECT 1 FROM engines WHERE hashid = ?').get(engine);
    if (!known)
      throw new AppError(
        'not_found',
        `This account has no search engine "${engine}". Refresh the engine list on the Catalog page.`,
      );
  }

  /** Follows the runs a previous worker left going; tried again on next use if the account cannot work yet. */
  private resume(profile: Profile): void {
    if (this.resumed.has(profile.id)) return;
    try {
      this.accounts.client(profile);
    } catch {
      return;
    }
    this.resumed.add(profile.id);
    const account = this.accountOf(profile);
    for (const row of activeRuns(account.db)) this.follow(account, row);
  }

  private follow(account: FeedAccount, row: RunRow): void {
    const key = `${account.profile.id}/${row.id}`;
    if (this.following.has(key)) return;
    this.following.add(key);
    const signal = this.closing.signal;
    this.track(
      (async () => {
        try {
          const ended = await followRun(
            {
              account,
              schedule: this.schedule,
              signal,
              changed: (changed) => this.changed(account, changed),
              observed: (outcome) => this.observed(account, outcome),
            },
            row.id,
          );
          if (ended && ended.result !== 'running') await this.finish(account, ended);
        } finally {
          this.following.delete(key);
        }
      })(),
    );
  }

  private async finish(account: FeedAccount, ended: RunRow): Promise<void> {
    const key = `${account.profile.id}/${ended.id}`;
    if (this.finished.has(key)) return;
    this.finished.add(key);
    const engineKey = `${account.profile.id}/${ended.engine}`;
    this.healthChecks.get(engineKey)?.abort();
    const health = new AbortController();
    this.healthChecks.set(engineKey, health);
    await finishRun(
      {
        account,
        signal: AbortSignal.any([this.closing.signal, health.signal]),
        dropPercent: this.settings({}).dropPercent,
        healthWaitMs: this.options.healthWaitMs ?? 20_000,
        changed: (row) => this.changed(account, row),
        logsChanged: (engine) => this.emit('feeds:logsChanged', { accountId: account.profile.id, engine }),
        post: (entry) => this.activity.add(account.profile.id, entry),
      },
      ended,
    );
  }

  private observed(account: FeedAccount, outcome: Observed): void {
    if (outcome.kind === 'known') return;
    this.changed(account, outcome.run);
    if (outcome.kind === 'started') {
      this.stopHealthCheck(account, outcome.run.engine);
      this.follow(account, outcome.run);
    }
    if (outcome.kind === 'ended') this.track(this.finish(account, outcome.run));
  }

  private stopHealthCheck(account: FeedAccount, engine: string): void {
    const key = `${account.profile.id}/${engine}`;
    this.healthChecks.get(key)?.abort();
    this.healthChecks.delete(key);
  }

  private changed(account: FeedAccount, row: RunRow): void {
    this.emit('feeds:changed', { accountId: account.profile.id, engine: row.engine, run: toRunView(row) });
  }

  /** Background work the worker waits for when it stops; its failures are logged, never thrown. */
  private track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => {
        if (this.closing.signal.aborted) return;
        const text = error instanceof Error ? error.message : String(error);
        process.stderr.write(`feeds: ${redactSecrets(text)}\n`);
      })
      .finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }
}
