/**
 * What follows a run's end: its feed health (item counts per type against the baseline),
 * then its activity entry, then the engine's log read again so the reasons are there when
 * the user looks. The counts are read at background priority, so during a sync they wait;
 * the entry does not wait for them longer than `healthWaitMs` (a late finding gets its own).
 */
import { processLogs } from '../doofinder/management-v1';
import type { NewActivity } from '../activity/activity-store';
import type { FeedAccount } from './feed-account';
import { engineName, hasMirroredTypes } from './feed-account';
import { assessHealth } from './feed-health';
import { mirrorSamples, serverSamples } from './health-samples';
import { toFeedLogLine } from './log-lines';
import { replaceLogLines } from './log-store';
import { healthActivity, runEndedActivity } from './run-activity';
import { previousHealth, recordHealth, waitedOn, type RunRow } from './run-store';

export interface FinishDeps {
  account: FeedAccount;
  signal: AbortSignal;
  dropPercent: number;
  healthWaitMs: number;
  changed(row: RunRow): void;
  logsChanged(engine: string): void;
  post(entry: NewActivity): void;
}

export async function finishRun(deps: FinishDeps, ended: RunRow): Promise<void> {
  const { db } = deps.account;
  const name = engineName(db, ended.engine);
  // A run that waited on one of ours ends with it: listed, but announced and checked once, by that one.
  if (waitedOn(db, ended)) {
    deps.post({ ...runEndedActivity(ended, name, hasMirroredTypes(db, ended.engine)), notify: false });
    return;
  }
  let posted = false;
  const post = (row: RunRow) => {
    if (posted) return;
    posted = true;
    deps.post(runEndedActivity(row, name, hasMirroredTypes(db, ended.engine)));
  };
  const timer = setTimeout(() => post(ended), deps.healthWaitMs);
  const checked = ended.state === 'SUCCESS' || ended.state === 'FAILURE' ? await checkHealth(deps, ended) : null;
  clearTimeout(timer);
  if (!posted) post(checked ?? ended);
  else if (checked) {
    const late = healthActivity(checked, name);
    if (late) deps.post(late);
  }
  await refreshLogs(deps, ended.engine);
}

/** The run's health, stored on it; null when the counts could not be read (the run stays as it was). */
async function checkHealth(deps: FinishDeps, run: RunRow): Promise<RunRow | null> {
  const { db, client } = deps.account;
  try {
    const now = await serverSamples(client, run.engine, deps.signal);
    const health = assessHealth({
      now,
      previous: previousHealth(db, run.engine, run.id)?.samples ?? null,
      mirror: mirrorSamples(db, run.engine),
      dropPercent: deps.dropPercent,
      checkedAt: new Date(),
    });
    const row = recordHealth(db, run.id, health);
    deps.changed(row);
    return row;
  } catch {
    return null;
  }
}

async function refreshLogs(deps: FinishDeps, engine: string): Promise<void> {
  const { db, client } = deps.account;
  try {
    const lines = await processLogs(client, engine, { priority: 'background', signal: deps.signal });
    replaceLogLines(db, engine, lines.map(toFeedLogLine));
    deps.logsChanged(engine);
  } catch {
    // The user's own refresh says why, if it fails too; the stored lines stay.
  }
}
