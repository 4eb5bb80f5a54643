/**
 * The logs table's level toggles: every level the stored lines have, with its count, on or off.
 * Off levels are remembered by name, so a level that appears after a refresh starts visible.
 */

/** Worst first, as people scan a log; levels Doofinder may add later go after, by name. */
const LEVEL_ORDER = ['CRITICAL', 'ERROR', 'WARNING', 'INFO', 'DEBUG'];

export interface LevelToggle {
  level: string;
  count: number;
  on: boolean;
}

export function levelToggles(counts: Record<string, number>, off: ReadonlySet<string>): LevelToggle[] {
  const rank = (level: string) => {
    const index = LEVEL_ORDER.indexOf(level.toUpperCase());
    return index === -1 ? LEVEL_ORDER.length : index;
  };
  return Object.entries(counts)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([level, count]) => ({ level, count, on: !off.has(level) }));
}

/**
 * The `levels` to ask `feeds:logs` for: undefined for all (nothing switched off), the ones on
 * otherwise, or null when every level is off (nothing to ask for).
 */
export function levelsToRequest(counts: Record<string, number>, off: ReadonlySet<string>): string[] | undefined | null {
  const all = Object.keys(counts);
  const on = all.filter((level) => !off.has(level));
  if (on.length === all.length) return undefined;
  return on.length === 0 ? null : on;
}

export function toggleLevel(off: ReadonlySet<string>, level: string): Set<string> {
  const next = new Set(off);
  if (next.has(level)) next.delete(level);
  else next.add(level);
  return next;
}

export type LevelTone = 'bad' | 'warn' | 'muted';

export function levelTone(level: string): LevelTone {
  const upper = level.toUpperCase();
  if (upper === 'ERROR' || upper === 'CRITICAL') return 'bad';
  if (upper === 'WARNING' || upper === 'WARN') return 'warn';
  return 'muted';
}
