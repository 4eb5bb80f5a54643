/**
 * Follows one run until Doofinder says it ended: its own task (`tasks/{id}`), or, for a run
 * that answered WAITING or was started elsewhere, the engine's latest process
 * (`tasks/process`). Polls at background priority, so a mirror or push keeps the request
 * budget; while the limiter holds a poll back for that, the run's note says so.
 */
import { lastProcessTask, taskInfo, type TaskInfo } from '../doofinder/management-v1';
import { observeProcessTask, type Observed } from './external-runs';
import type { FeedAccount } from './feed-account';
import { getRun, isTerminal, recordNextPoll, recordPoll, recordState, type RunRow } from './run-store';
import { pollUntilDone, type PollAnswer, type PollSchedule } from './task-poller';

export const BUDGET_NOTE = 'waiting: a sync is using the request budget';

export interface FollowDeps {
  account: FeedAccount;
  schedule: PollSchedule;
  signal: AbortSignal;
  /** A run's row changed (state, next poll, note). */
  changed(row: RunRow): void;
  /** What a `tasks/process` answer meant for the engine's other runs. */
  observed(outcome: Observed): void;
}

const followsProcess = (row: RunRow) => row.task_id === null || row.state === 'WAITING';

/** Resolves with the run's last row once it has ended (or is gone); rejects only when aborted. */
export async function followRun(deps: FollowDeps, runId: number): Promise<RunRow | null> {
  const { db } = deps.account;
  const first = getRun(db, runId);
  if (!first || isTerminal(first.state)) return first;
  await pollUntilDone({
    schedule: deps.schedule,
    signal: deps.signal,
    initialState: first.state,
    poll: () => pollOnce(deps, runId),
    waiting: (ms) => deps.changed(recordNextPoll(db, runId, new Date(Date.now() + ms))),
    failed: (error, retryInMs) => {
      const reason = error instanceof Error ? error.message : String(error);
      const note = `could not ask Doofinder (${reason}); trying again in ${Math.round(retryInMs / 1000)} s`;
      deps.changed(recordPoll(db, runId, null, note));
    },
  });
  return getRun(db, runId);
}

async function pollOnce(deps: FollowDeps, runId: number): Promise<PollAnswer> {
  const { db, client } = deps.account;
  const row = getRun(db, runId);
  if (!row || isTerminal(row.state)) return { state: row?.state ?? 'NOTFOUND', done: true };
  if (client.buckets.management.holdsBackBackground()) deps.changed(recordPoll(db, runId, null, BUDGET_NOTE));
  const call = { priority: 'background' as const, signal: deps.signal };
  const viaProcess = followsProcess(row);
  const info: TaskInfo =
    viaProcess || row.task_id === null
      ? await lastProcessTask(client, row.engine, call)
      : await taskInfo(client, row.engine, row.task_id, call);
  const updated = applyAnswer(deps, row, info);
  deps.changed(updated);
  if (viaProcess) deps.observed(observeProcessTask(db, row.engine, info));
  return { state: updated.state, done: isTerminal(updated.state) };
}

function applyAnswer(deps: FollowDeps, row: RunRow, info: TaskInfo): RunRow {
  const { db } = deps.account;
  const message = info.message ?? '';
  // A WAITING run stays WAITING while the process it waits on runs; it ends with that process.
  if (row.state === 'WAITING' && !isTerminal(info.state)) return recordPoll(db, row.id, null, null);
  if (info.state === row.state && message === (row.message ?? '')) return recordPoll(db, row.id, null, null);
  recordPoll(db, row.id, null, null);
  return recordState(db, row.id, info.state === 'WAITING' ? 'STARTED' : info.state, message);
}
