import { describe, expect, it } from 'vitest';
import { statsFileName } from '../../../renderer/pages/stats/export-names';

const range = { from: '20261101', to: '20261125' };

describe('the file names a stats export suggests', () => {
  it('names the engine, the table and the days', () => {
    expect(statsFileName('Outdoor shop', 'aggregates', range)).toBe('outdoor-shop-daily-20261101-20261125.csv');
    expect(statsFileName('Outdoor shop', 'searches', range)).toBe('outdoor-shop-top-searches-20261101-20261125.csv');
    expect(statsFileName('Outdoor shop', 'clicked', range)).toBe('outdoor-shop-top-clicked-20261101-20261125.csv');
    expect(statsFileName('Outdoor shop', 'opportunities', range)).toBe(
      'outdoor-shop-top-opportunities-20261101-20261125.csv',
    );
    expect(statsFileName('Outdoor shop', 'noresults', range)).toBe('outdoor-shop-no-results-20261101-20261125.csv');
  });

  it('keeps only letters and digits of an engine name, so it is a file name on every system', () => {
    expect(statsFileName('Moda & Señora / ES', 'searches', range)).toBe(
      'moda-senora-es-top-searches-20261101-20261125.csv',
    );
    expect(statsFileName('***', 'searches', range)).toBe('engine-top-searches-20261101-20261125.csv');
  });
});
