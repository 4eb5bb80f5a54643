/**
 * One type's part of a process task: fetch and fingerprint each source, skip the type when
 * nothing changed (unless forced), write every source's items, then sweep out the items the
 * feeds no longer have. Nothing is written until every source has been fetched and checked.
 */
import { recordEvent } from '../stats/events';
import type { ItemType } from '../store/records';
import { fingerprintOf } from './feed-bytes';
import { FeedError } from './feed-error';
import { readFeed } from './read-feed';
import type { FeedRun } from './feed-run';
import { lastFingerprint, rememberFingerprint } from './feed-state';
import { localCopy, type LocalFeed } from './local-copy';
import { resolveSource } from './sources';
import { TASK_MESSAGES } from './task-store';
import { TypeWriter } from './type-writer';

export type TypeOutcome =
  | { kind: 'done'; items: number; removed: number; skipped: number }
  | { kind: 'unchanged' }
  | { kind: 'empty' }
  | { kind: 'failed'; message: string };

interface FetchedSource {
  source: string;
  feed: LocalFeed;
  fingerprint: string;
}

function failed(run: FeedRun, message: string): TypeOutcome {
  run.log.add('ERROR', message);
  return { kind: 'failed', message };
}

function feedProblem(source: string, type: string, error: unknown): string {
  if (error instanceof FeedError) return `Feed ${source} (type ${type}) could not be processed: ${error.message}`;
  throw error;
}

/** Every source of the type as a local file with its fingerprint, or the first source's failure. */
async function fetchAll(run: FeedRun, type: ItemType, fetched: FetchedSource[]): Promise<string | null> {
  for (const source of type.sources) {
    const resolved = resolveSource(source);
    if (resolved.kind === 'refused') return `Feed ${source} (type ${type.name}) refused: ${resolved.reason}`;
    let feed: LocalFeed | null = null;
    try {
      feed = await localCopy(resolved, run.signal);
      fetched.push({ source, feed, fingerprint: await fingerprintOf(feed.path, run.signal) });
    } catch (error) {
      await feed?.release();
      if (run.signal.aborted) throw error;
      return feedProblem(source, type.name, error);
    }
    run.checkpoint(type.name);
  }
  return null;
}

function unchanged(run: FeedRun, type: ItemType, fetched: FetchedSource[]): boolean {
  const { ctx, engine } = run;
  // An emptied type (deleted and made again, say) is processed even if its feed is the same.
  return (
    ctx.items.count(engine.id, type.name) > 0 &&
    fetched.every(({ source, fingerprint }) => lastFingerprint(ctx.db, engine.id, type.name, source) === fingerprint)
  );
}

async function writeAll(run: FeedRun, type: ItemType, fetched: FetchedSource[]): Promise<TypeOutcome> {
  const writer = new TypeWriter(run, type.name);
  for (const { source, feed } of fetched) {
    run.log.add('INFO', `Processing feed ${source} for type ${type.name}`);
    const before = writer.indexedCount;
    let problem: string | null = null;
    try {
      await writer.writeSource(readFeed(feed.path, run.signal));
    } catch (error) {
      if (run.signal.aborted) throw error;
      problem = feedProblem(source, type.name, error);
    }
    // Items written before a feed broke off were indexed all the same.
    recordEvent(run.ctx, { engineId: run.engine.id, kind: 'parser', amount: writer.indexedCount - before });
    if (problem) return failed(run, problem);
  }
  if (writer.itemCount === 0 && !run.force) {
    run.log.add('ERROR', `${TASK_MESSAGES.empty}: no items found for type ${type.name}`);
    return { kind: 'empty' };
  }
  const removed = await writer.sweep();
  for (const { source, fingerprint } of fetched) {
    rememberFingerprint(run.ctx.db, run.engine.id, type.name, source, fingerprint);
  }
  const outcome = { kind: 'done', items: writer.itemCount, removed, skipped: writer.skippedLines } as const;
  run.log.add(
    'INFO',
    `Type ${type.name}: ${outcome.items} items indexed, ${removed} removed, ${outcome.skipped} lines skipped`,
  );
  return outcome;
}

export async function processType(run: FeedRun, type: ItemType): Promise<TypeOutcome> {
  const fetched: FetchedSource[] = [];
  try {
    const problem = await fetchAll(run, type, fetched);
    if (problem) return failed(run, problem);
    if (!run.force && unchanged(run, type, fetched)) {
      run.log.add(
        'INFO',
        `${TASK_MESSAGES.unchanged} in the feeds of type ${type.name} since they were last processed`,
      );
      return { kind: 'unchanged' };
    }
    return await writeAll(run, type, fetched);
  } finally {
    await Promise.allSettled(fetched.map(({ feed }) => feed.release()));
  }
}
