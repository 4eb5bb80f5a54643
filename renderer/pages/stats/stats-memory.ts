/**
 * The Stats page reopens on the engine and range last looked at (per browser profile, like the
 * Catalog page's last type). A preset is remembered as a preset, so "Last 7 days" moves on
 * with the calendar; a custom range is remembered as its dates.
 */
import type { StatsRange } from '../../../preload/contract';
import { PRESETS, type RangeChoice, type RangePreset } from './date-range';

const KEY = 'catalog-studio.stats.last';

export interface StatsMemory {
  engine: string | null;
  choice: RangeChoice | null;
}

function isRange(value: unknown): value is StatsRange {
  if (typeof value !== 'object' || value === null) return false;
  const { from, to } = value as Record<string, unknown>;
  return typeof from === 'string' && typeof to === 'string' && /^\d{8}$/.test(from) && /^\d{8}$/.test(to) && from <= to;
}

function isChoice(value: unknown): value is RangeChoice {
  if (typeof value !== 'object' || value === null) return false;
  const { preset, custom } = value as Record<string, unknown>;
  return PRESETS.some((option) => option.value === (preset as RangePreset)) && isRange(custom);
}

export function readStatsMemory(storage: Pick<Storage, 'getItem'> = localStorage): StatsMemory {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? 'null') as unknown;
    if (typeof value !== 'object' || value === null) return { engine: null, choice: null };
    const { engine, choice } = value as Record<string, unknown>;
    return { engine: typeof engine === 'string' ? engine : null, choice: isChoice(choice) ? choice : null };
  } catch {
    return { engine: null, choice: null };
  }
}

export function writeStatsMemory(memory: StatsMemory, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify(memory));
}
