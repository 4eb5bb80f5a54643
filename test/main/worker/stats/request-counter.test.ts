import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { RequestCounter } from '../../../../main/worker/stats/request-counter';
import { Databases } from '../../../../main/worker/store/databases';

function setup() {
  const dbs = new Databases(mkdtempSync(join(tmpdir(), 'cs-counter-')));
  let gone = false;
  let now = new Date(2026, 10, 30, 23, 0);
  const counter = new RequestCounter({
    databaseOf: (id) => (gone ? null : dbs.account(id)),
    flushEveryMs: 60_000,
    now: () => now,
  });
  const written = () =>
    dbs.account('p1').prepare('SELECT month, api, count FROM app_requests ORDER BY month, api').all();
  return {
    counter,
    written,
    goes: () => (gone = true),
    nextMonth: () => (now = new Date(2026, 11, 1, 0, 30)),
  };
}

it('counts every request at once but writes them in one batch, per month and API', () => {
  const { counter, written, nextMonth } = setup();
  for (let n = 0; n < 1_000; n += 1) counter.record('p1', 'management');
  counter.record('p1', 'search');
  expect(written()).toEqual([]);
  expect(counter.counts('p1', '2026-11')).toEqual({ management: 1_000, search: 1, stats: 0 });

  counter.flush();
  nextMonth();
  counter.record('p1', 'management');
  counter.stop();
  expect(written()).toEqual([
    { month: '2026-11', api: 'management', count: 1_000 },
    { month: '2026-11', api: 'search', count: 1 },
    { month: '2026-12', api: 'management', count: 1 },
  ]);
  expect(counter.counts('p1', '2026-11')).toEqual({ management: 1_000, search: 1, stats: 0 });
});

it('drops the counts of an account that was removed instead of bringing its database back', () => {
  const { counter, goes } = setup();
  counter.record('p1', 'management');
  goes();
  counter.flush();
  expect(counter.counts('p1', '2026-11')).toEqual({ management: 0, search: 0, stats: 0 });
});
