/**
 * Runs started elsewhere (the admin panel, a cron job, another copy of the app), seen through
 * `GET tasks/process`, which tells the state of the engine's latest process. The last answer
 * per engine is kept (`feed_observations`) so asking again adds no duplicate rows.
 */
import type { FeedTaskState } from '../../../preload/contract';
import type { TaskInfo } from '../doofinder/management-v1';
import type { SqliteDatabase } from '../store/open';
import { activeRuns, insertRun, isTerminal, lastRun, recordState, type RunRow } from './run-store';

export type Observed =
  /** Nothing new: a run of ours already covers it, or it was seen before. */
  | { kind: 'known' }
  /** A run is going that the app did not start: recorded, to be followed until it ends. */
  | { kind: 'started'; run: RunRow }
  /** A run seen going has ended. */
  | { kind: 'ended'; run: RunRow }
  /** A finished run the app never saw going (its start is unknown): history only. */
  | { kind: 'seen-finished'; run: RunRow };

interface Observation {
  state: string;
  message: string | null;
}

const same = (a: Observation | null, state: string, message: string) =>
  a !== null && a.state === state && (a.message ?? '') === message;

export function observeProcessTask(db: SqliteDatabase, engine: string, info: TaskInfo, at = new Date()): Observed {
  return db.transaction((): Observed => {
    const previous = db.prepare('SELECT state, message FROM feed_observations WHERE engine = ?').get(engine) as
      Observation | undefined;
    const outcome = judge(db, engine, info, previous ?? null, at);
    db.prepare(
      `INSERT INTO feed_observations (engine, state, message, seen_active, observed_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (engine) DO UPDATE SET state = excluded.state, message = excluded.message,
         seen_active = excluded.seen_active,
         observed_at = excluded.observed_at`,
    ).run(engine, info.state, info.message, isTerminal(info.state) ? 0 : 1, at.toISOString());
    return outcome;
  })();
}

function judge(db: SqliteDatabase, engine: string, info: TaskInfo, previous: Observation | null, at: Date): Observed {
  const state: FeedTaskState = info.state;
  const message = info.message ?? '';
  const active = activeRuns(db, engine);
  if (!isTerminal(state)) {
    // Ours (or one already followed) is running: this is it.
    if (active.length > 0) return { kind: 'known' };
    const run = insertRun(db, {
      engine,
      taskId: null,
      origin: 'elsewhere',
      force: false,
      state: state === 'WAITING' ? 'STARTED' : state,
      message,
      link: null,
      startedAt: at,
    });
    return { kind: 'started', run };
  }
  // An engine never processed answers NOTFOUND: there is no run to record.
  if (state === 'NOTFOUND') return { kind: 'known' };
  const followed = active.find((run) => run.origin === 'elsewhere');
  if (followed) return { kind: 'ended', run: recordState(db, followed.id, state, message, at) };
  // A run of ours is still being polled: the finished task is most likely ours, its poll will say.
  if (active.length > 0) return { kind: 'known' };
  const last = lastRun(db, engine);
  if (same(last && { state: last.state, message: last.message }, state, message) || same(previous, state, message))
    return { kind: 'known' };
  const run = insertRun(db, {
    engine,
    taskId: null,
    origin: 'elsewhere',
    force: false,
    state,
    message,
    link: null,
    startedAt: null,
  });
  return { kind: 'seen-finished', run };
}
