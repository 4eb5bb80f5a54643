import { describe, expect, it } from 'vitest';
import { levelsToRequest, levelToggles, levelTone, toggleLevel } from '../../../renderer/pages/feeds/log-filter';

const counts = { INFO: 12, WARNING: 3, ERROR: 1 };

describe('the logs’ level toggles', () => {
  it('list every level with its count, worst first, all on at first', () => {
    expect(levelToggles(counts, new Set())).toEqual([
      { level: 'ERROR', count: 1, on: true },
      { level: 'WARNING', count: 3, on: true },
      { level: 'INFO', count: 12, on: true },
    ]);
  });

  it('a level Doofinder adds later goes after the known ones', () => {
    expect(levelToggles({ NOTICE: 2, ...counts }, new Set()).map((toggle) => toggle.level)).toEqual([
      'ERROR',
      'WARNING',
      'INFO',
      'NOTICE',
    ]);
  });

  it('ask for every level while none is off, only the ones on otherwise', () => {
    expect(levelsToRequest(counts, new Set())).toBeUndefined();
    const off = toggleLevel(new Set(), 'INFO');
    expect(levelsToRequest(counts, off)).toEqual(['WARNING', 'ERROR']);
    expect(levelToggles(counts, off).find((toggle) => toggle.level === 'INFO')?.on).toBe(false);
  });

  it('ask for nothing when every level is off, and turn a level back on with a second click', () => {
    let off: Set<string> = new Set(['INFO', 'WARNING', 'ERROR']);
    expect(levelsToRequest(counts, off)).toBeNull();
    off = toggleLevel(off, 'ERROR');
    expect(levelsToRequest(counts, off)).toEqual(['ERROR']);
  });

  it('colour errors red and warnings amber', () => {
    expect(levelTone('ERROR')).toBe('bad');
    expect(levelTone('warning')).toBe('warn');
    expect(levelTone('INFO')).toBe('muted');
  });
});
