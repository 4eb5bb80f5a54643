/**
 * Mirrors running in the background, one per account, engine and type at most; progress
 * goes to the renderer as `mirror:progress` events, and counts as `engines:changed`.
 */
import type { MirrorProgressView } from '../../../preload/contract';
import { AppError } from '../../errors';
import type { AccountService, Emit } from '../accounts/service';
import type { EnginesService } from '../accounts/engines-service';
import type { Databases } from '../store/databases';
import { mirrorType, type MirrorProgress } from './mirror';

interface Running {
  controller: AbortController;
  done: Promise<MirrorProgress>;
  last: MirrorProgressView;
}

export class MirrorService {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly dbs: Databases,
    private readonly accounts: AccountService,
    private readonly engines: EnginesService,
    private readonly emit: Emit,
  ) {}

  isRunning(): boolean {
    return this.running.size > 0;
  }

  /** What is running, in words, for the status bar. */
  activity(): string | null {
    const runs = [...this.running.values()].map((run) => run.last);
    if (runs.length === 0) return null;
    const [first] = runs;
    const more = runs.length > 1 ? ` (+${runs.length - 1} more)` : '';
    const percent = first?.percent === null || first?.percent === undefined ? '' : ` ${Math.floor(first.percent)}%`;
    return `Mirroring ${first?.type ?? ''}${percent}${more}`;
  }

  start(engine: string, type: string): MirrorProgressView {
    const profile = this.accounts.requireCurrent();
    const key = `${profile.id}/${engine}/${type}`;
    const existing = this.running.get(key);
    if (existing) return existing.last;
    const db = this.dbs.account(profile.id);
    const known = db.prepare('SELECT 1 FROM types WHERE engine = ? AND name = ?').get(engine, type);
    if (!known)
      throw new AppError(
        'not_found',
        `This account has no type "${type}" in that search engine. Refresh the engine list.`,
      );
    const client = this.accounts.client(profile);
    const controller = new AbortController();
    const view = (progress: MirrorProgress): MirrorProgressView => ({ ...progress, accountId: profile.id });
    const initial: MirrorProgressView = {
      accountId: profile.id,
      engine,
      type,
      runId: 0,
      pass: 0,
      state: 'running',
      fetched: 0,
      total: null,
      percent: null,
      etaSeconds: null,
      itemsPerSecond: null,
      error: null,
    };
    const entry: Running = { controller, last: initial, done: Promise.resolve(null as unknown as MirrorProgress) };
    this.running.set(key, entry);
    entry.done = mirrorType({
      db,
      client,
      engine,
      type,
      signal: controller.signal,
      onProgress: (progress) => {
        entry.last = view(progress);
        this.emit('mirror:progress', entry.last);
      },
    }).finally(() => {
      this.running.delete(key);
      this.engines.changed();
    });
    return entry.last;
  }

  cancel(engine: string, type: string): boolean {
    const profile = this.accounts.current();
    if (!profile) return false;
    const run = this.running.get(`${profile.id}/${engine}/${type}`);
    run?.controller.abort(new Error('Cancelled; the mirror resumes where it stopped next time.'));
    return Boolean(run);
  }

  /** Stops every mirror (the worker is shutting down); each resumes next time. */
  async stopAll(): Promise<void> {
    for (const run of this.running.values()) run.controller.abort(new Error('The app is closing.'));
    await Promise.allSettled([...this.running.values()].map((run) => run.done));
  }
}
