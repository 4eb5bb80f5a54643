/**
 * Runs as the chart draws them and the list words them: one point per finished run (a run
 * cancelled half way or failed has no fair mean), and what changed before each run.
 */
import type { RelevanceChangeView, RelevanceRunView } from '../../../../preload/contract';

export interface RunPoint {
  run: number;
  /** "#3": the run's place among the case's runs, as the list numbers them. */
  label: string;
  date: string;
  ndcg: number;
  precision: number;
  mrr: number;
  err: number;
}

const shortDate = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatRunDate(iso: string): string {
  return shortDate.format(new Date(iso));
}

/** "#3 · 25 Nov, 18:15": runs of one afternoon share their minute, so the number tells them apart. */
export function runName(runs: readonly RelevanceRunView[], run: RelevanceRunView): string {
  return `#${runs.indexOf(run) + 1} · ${formatRunDate(run.startedAt)}`;
}

export function runPoints(runs: readonly RelevanceRunView[]): RunPoint[] {
  return runs.flatMap((run, index) =>
    run.state === 'completed' && run.metrics
      ? [{ run: run.id, label: `#${index + 1}`, date: formatRunDate(run.startedAt), ...run.metrics }]
      : [],
  );
}

const KIND_WORDS: Record<RelevanceChangeView['kind'], string> = { sync: 'sync', import: 'import', feed: 'feed run' };

/** "2 syncs, 1 feed run" — or the reason nothing is listed. */
export function changesSummary(changes: readonly RelevanceChangeView[], first: boolean): string {
  if (first) return 'first run';
  if (changes.length === 0) return 'nothing the app knows of';
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  return [...counts]
    .map(([kind, count]) => {
      const word = KIND_WORDS[kind as RelevanceChangeView['kind']];
      return `${count} ${count === 1 ? word : `${word}s`}`;
    })
    .join(', ');
}
