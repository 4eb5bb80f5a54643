/** Short forms of a run for the history table: its message cut to fit, its origin, its health. */
import type { FeedHealthFlag, FeedRunView } from '../../../preload/contract';

/** Cuts at a word boundary near `max` characters; the full text goes in the cell's title. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

export function originLabel(run: Pick<FeedRunView, 'origin'>): string {
  return run.origin === 'app' ? 'This app' : 'Seen elsewhere';
}

const FLAG_NAMES: Record<FeedHealthFlag['kind'], string> = {
  drop: 'Items dropped',
  'empty-type': 'Empty type',
  'field-vanished': 'Field vanished',
};

export function flagName(flag: Pick<FeedHealthFlag, 'kind'>): string {
  return FLAG_NAMES[flag.kind];
}

export function healthFlagCount(run: Pick<FeedRunView, 'health'>): number {
  return run.health?.flags.length ?? 0;
}

/** "−60%", "+3%", "0%", or null without a baseline to compare with. */
export function changeText(count: number, baseline: number | null): string | null {
  if (baseline === null) return null;
  if (baseline === 0) return count === 0 ? '0%' : 'new';
  const percent = Math.round(((count - baseline) / baseline) * 100);
  if (percent === 0) return count === baseline ? '0%' : count > baseline ? '+<1%' : '−<1%';
  return percent > 0 ? `+${percent}%` : `−${Math.abs(percent)}%`;
}

/** The history's empty state, per filter: what to do to see runs here. */
export function emptyHistoryText(filter: string): string {
  switch (filter) {
    case 'running':
      return 'No run is in progress. Press Process now to start one.';
    case 'success':
      return 'No successful run yet.';
    case 'failure':
      return 'No failed run: nothing to look into.';
    case 'unknown':
      return 'No run with an unknown result (a task Doofinder had no information on).';
    default:
      return 'No runs yet. Press Process now, or wait: runs started in the Doofinder admin are picked up here.';
  }
}
