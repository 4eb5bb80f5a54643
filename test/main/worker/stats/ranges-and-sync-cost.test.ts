import { describe, expect, it } from 'vitest';
import type { EngineView, TypeView } from '../../../../preload/contract';
import { daysOf, localDay, monthToDate, rangeProblem } from '../../../../main/worker/stats/calendar';
import { appShare, syncCost } from '../../../../main/worker/stats/usage';

describe('date ranges', () => {
  it("a late evening is still that day on the user's calendar", () => {
    expect(localDay(new Date(2026, 10, 30, 23, 59))).toBe('20261130');
    expect(monthToDate(new Date(2026, 10, 30, 23, 59))).toEqual({ from: '20261101', to: '20261130' });
    expect(monthToDate(new Date(2027, 0, 1, 0, 1))).toEqual({ from: '20270101', to: '20270101' });
  });

  it('lists every day of a range across a month end and a leap day', () => {
    expect(daysOf({ from: '20240227', to: '20240302' })).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-03-02',
    ]);
    expect(daysOf({ from: '20261025', to: '20261025' })).toEqual(['2026-10-25']);
  });

  it('refuses dates that do not exist and ranges that run backwards', () => {
    expect(rangeProblem({ from: '20260230', to: '20260301' })).toMatch(/20260230 is not a date/);
    expect(rangeProblem({ from: '20260301', to: '20260201' })).toMatch(/start on or before/);
    expect(rangeProblem({ from: '20000101', to: '20260101' })).toMatch(/at most/);
    expect(rangeProblem({ from: '20260101', to: '20261231' })).toBeNull();
  });
});

const type = (
  name: string,
  serverCount: number | null,
  localCount: number,
  pendingCount: number,
  lastMirrorAt: string | null = '2026-11-01T10:00:00.000Z',
): TypeView => ({
  name,
  serverCount,
  localCount,
  pendingCount,
  conflictCount: 0,
  lastMirrorAt,
  mirrorState: lastMirrorAt === null ? 'never' : 'completed',
  mirrorError: null,
});

describe('what a full sync would cost', () => {
  it('counts a mirror page per 100 items plus the closing page, and a push batch per 100 pending rows', () => {
    const engine: EngineView = {
      hashid: 'h1',
      name: 'Shop',
      siteUrl: '',
      language: 'en',
      currency: 'EUR',
      types: [type('product', 250, 0, 101), type('page', 0, 0, 0), type('post', null, 100, 1)],
    };
    expect(syncCost([engine])).toEqual([
      { engine: 'h1', engineName: 'Shop', mirrorRequests: 3 + 1 + (0 + 1) + (1 + 1), pushRequests: 2 + 0 + 1 },
    ]);
  });

  it('says the cost is unknown, not cheap, while a type is neither counted nor mirrored', () => {
    const engine: EngineView = {
      hashid: 'h1',
      name: 'Shop',
      siteUrl: '',
      language: 'en',
      currency: 'EUR',
      types: [type('product', 250, 0, 0), type('post', null, 0, 3, null)],
    };
    expect(syncCost([engine])).toEqual([{ engine: 'h1', engineName: 'Shop', mirrorRequests: null, pushRequests: 1 }]);
  });

  it("the app's share is capped at the whole and unknown without a month's count", () => {
    expect(appShare(50, 200)).toBe(0.25);
    expect(appShare(300, 200)).toBe(1);
    expect(appShare(5, null)).toBeNull();
    expect(appShare(5, 0)).toBeNull();
  });
});
