import { describe, expect, it } from 'vitest';
import {
  customRangeProblem,
  daysIn,
  fromInputDate,
  presetRange,
  rangeOf,
  toInputDate,
} from '../../../renderer/pages/stats/date-range';

/** A local calendar day, as the page's "today" is. */
const day = (year: number, month: number, date: number) => new Date(year, month - 1, date, 15, 30);

describe('the Stats page date presets, sent as YYYYMMDD', () => {
  it('on 25 Nov 2026 the presets end today and count today as one of their days', () => {
    const today = day(2026, 11, 25);
    expect(presetRange('last7', today)).toEqual({ from: '20261119', to: '20261125' });
    expect(presetRange('last15', today)).toEqual({ from: '20261111', to: '20261125' });
    expect(presetRange('last30', today)).toEqual({ from: '20261027', to: '20261125' });
    expect(presetRange('month', today)).toEqual({ from: '20261101', to: '20261125' });
    expect(daysIn(presetRange('last7', today))).toBe(7);
    expect(daysIn(presetRange('last30', today))).toBe(30);
  });

  it('a preset reaches back over a month end, a year end and a leap day', () => {
    expect(presetRange('last7', day(2026, 3, 3))).toEqual({ from: '20260225', to: '20260303' });
    expect(presetRange('last7', day(2028, 3, 3))).toEqual({ from: '20280226', to: '20280303' });
    expect(presetRange('last15', day(2027, 1, 5))).toEqual({ from: '20261222', to: '20270105' });
    expect(daysIn(presetRange('last30', day(2028, 3, 1)))).toBe(30);
  });

  it('"This month" on the 1st is that one day', () => {
    expect(presetRange('month', day(2026, 12, 1))).toEqual({ from: '20261201', to: '20261201' });
  });

  it('a remembered preset moves on with the calendar; a custom range keeps its dates', () => {
    const custom = { from: '20260101', to: '20260131' };
    expect(rangeOf({ preset: 'last7', custom }, day(2026, 11, 26))).toEqual({ from: '20261120', to: '20261126' });
    expect(rangeOf({ preset: 'custom', custom }, day(2026, 11, 26))).toEqual(custom);
  });
});

describe('a custom range is checked before it is asked for', () => {
  const today = day(2026, 11, 25);

  it('refuses a start after the end, an end in the future, or a missing date, in words', () => {
    expect(customRangeProblem('20261120', '20261110', today)).toBe('The start date must be on or before the end date.');
    expect(customRangeProblem('20261120', '20261126', today)).toMatch(/cannot be in the future/);
    expect(customRangeProblem(null, '20261120', today)).toBe('Pick both a start and an end date.');
    expect(customRangeProblem('20000101', '20261120', today)).toMatch(/at most 3.660 days/);
  });

  it('takes a one-day range ending today', () => {
    expect(customRangeProblem('20261125', '20261125', today)).toBeNull();
  });

  it('reads a date input only when it is a real day', () => {
    expect(fromInputDate('2026-02-28')).toBe('20260228');
    expect(fromInputDate('2026-02-30')).toBeNull();
    expect(fromInputDate('')).toBeNull();
    expect(toInputDate('20260228')).toBe('2026-02-28');
  });
});
