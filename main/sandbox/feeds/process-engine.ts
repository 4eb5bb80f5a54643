/**
 * A whole process task over an engine: every type with sources, one after the other. The
 * task fails with the first failure's message; else "Feed is empty" if a type's feeds had
 * no items (and the task was not forced); else "No changes" if no type's feeds changed.
 */
import { typesOf } from '../store/engines';
import type { FeedRun } from './feed-run';
import { processType, type TypeOutcome } from './process-type';
import { TASK_MESSAGES } from './task-store';

export interface RunOutcome {
  state: 'SUCCESS' | 'FAILURE';
  message: string;
  result: Record<string, unknown>;
}

function summary(outcomes: Array<{ type: string; outcome: TypeOutcome }>): Record<string, unknown> {
  return { types: Object.fromEntries(outcomes.map(({ type, outcome }) => [type, outcome])) };
}

export async function processEngine(run: FeedRun): Promise<RunOutcome> {
  const types = typesOf(run.ctx.db, run.engine.id).filter((type) => type.sources.length > 0);
  if (types.length === 0) {
    // "In case you don't have any data feed defined, an empty index will be created anyway."
    // Items written through the API are left alone here.
    run.log.add('INFO', 'No data feeds defined: nothing to process');
    return { state: 'SUCCESS', message: TASK_MESSAGES.success, result: { types: {} } };
  }
  const outcomes: Array<{ type: string; outcome: TypeOutcome }> = [];
  for (const type of types) {
    run.checkpoint();
    outcomes.push({ type: type.name, outcome: await processType(run, type) });
  }
  const result = summary(outcomes);
  const failure = outcomes.find(({ outcome }) => outcome.kind === 'failed')?.outcome;
  if (failure?.kind === 'failed') return { state: 'FAILURE', message: failure.message, result };
  if (outcomes.some(({ outcome }) => outcome.kind === 'empty')) {
    return { state: 'FAILURE', message: TASK_MESSAGES.empty, result };
  }
  if (outcomes.every(({ outcome }) => outcome.kind === 'unchanged')) {
    return { state: 'FAILURE', message: TASK_MESSAGES.unchanged, result };
  }
  return { state: 'SUCCESS', message: TASK_MESSAGES.success, result };
}
