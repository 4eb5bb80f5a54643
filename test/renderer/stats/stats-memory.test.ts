import { describe, expect, it } from 'vitest';
import { readStatsMemory, writeStatsMemory } from '../../../renderer/pages/stats/stats-memory';

function memoryStorage(initial: string | null = null) {
  let value = initial;
  return {
    getItem: () => value,
    setItem: (_key: string, next: string) => {
      value = next;
    },
  };
}

describe('the Stats page reopens on the last engine and range', () => {
  it('remembers the engine and the preset (not its dates) across a restart', () => {
    const storage = memoryStorage();
    const choice = { preset: 'last7' as const, custom: { from: '20261101', to: '20261110' } };
    writeStatsMemory({ engine: 'abc123', choice }, storage);
    expect(readStatsMemory(storage)).toEqual({ engine: 'abc123', choice });
  });

  it('starts fresh on nothing saved, garbage, or a range that ends before it starts', () => {
    expect(readStatsMemory(memoryStorage())).toEqual({ engine: null, choice: null });
    expect(readStatsMemory(memoryStorage('{not json'))).toEqual({ engine: null, choice: null });
    const backwards = JSON.stringify({
      engine: 'e',
      choice: { preset: 'custom', custom: { from: '20261110', to: '20261101' } },
    });
    expect(readStatsMemory(memoryStorage(backwards))).toEqual({ engine: 'e', choice: null });
    const unknownPreset = JSON.stringify({
      engine: 'e',
      choice: { preset: 'year', custom: { from: '20261101', to: '20261110' } },
    });
    expect(readStatsMemory(memoryStorage(unknownPreset)).choice).toBeNull();
  });
});
