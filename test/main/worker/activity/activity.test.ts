/** The activity list: newest first, with what is unread, kept per account and short. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityEntry, EventChannel, EventPayload } from '../../../../preload/contract';
import { ActivityService } from '../../../../main/worker/activity/activity-service';
import { KEPT_ENTRIES, addActivity, type NewActivity } from '../../../../main/worker/activity/activity-store';
import { AccountService } from '../../../../main/worker/accounts/service';
import { Databases } from '../../../../main/worker/store/databases';

const KEY = 'eu1-0123456789abcdef0123456789abcdef';

let dbs: Databases | null = null;

afterEach(() => {
  dbs?.closeAll();
  dbs = null;
});

async function setup() {
  dbs = new Databases(mkdtempSync(join(tmpdir(), 'cs-activity-')));
  const added: ActivityEntry[] = [];
  const emit = <K extends EventChannel>(channel: K, payload: EventPayload<K>) => {
    if (channel === 'activity:added') added.push(payload as ActivityEntry);
  };
  const accounts = new AccountService(dbs, emit);
  await accounts.start(null);
  accounts.create({ id: 'shop', name: 'Shop', apiKey: KEY, managementUrl: null, searchUrl: null });
  return { dbs, accounts, added, activity: new ActivityService(dbs, accounts, emit) };
}

const entry = (title: string): NewActivity => ({
  kind: 'feed-run',
  level: 'success',
  engine: 'e1',
  title,
  body: '',
  runId: 1,
  notify: true,
  offerRemirror: false,
});

describe('activity list', () => {
  it('lists entries newest first with the unread count, and tells the renderer of each new one', async () => {
    const { activity, added } = await setup();
    activity.add('shop', entry('first'));
    activity.add('shop', entry('second'));
    expect(added.map((item) => [item.title, item.notify])).toEqual([
      ['first', true],
      ['second', true],
    ]);
    const page = activity.list();
    expect(page.unread).toBe(2);
    expect(page.entries.map((item) => [item.title, item.read, item.notify])).toEqual([
      ['second', false, false],
      ['first', false, false],
    ]);
  });

  it('marks chosen entries read, or all of them', async () => {
    const { activity } = await setup();
    const first = activity.add('shop', entry('first'));
    activity.add('shop', entry('second'));
    activity.add('shop', entry('third'));
    expect(activity.markRead([first.id])).toEqual({ unread: 2 });
    expect(activity.list().entries.find((item) => item.id === first.id)?.read).toBe(true);
    expect(activity.markRead(null)).toEqual({ unread: 0 });
  });

  it('is kept per account', async () => {
    const { activity, accounts } = await setup();
    activity.add('shop', entry('in shop'));
    accounts.create({ id: 'other', name: 'Other', apiKey: KEY, managementUrl: null, searchUrl: null });
    expect(activity.list()).toEqual({ entries: [], unread: 0 });
  });

  it(`keeps the newest ${KEPT_ENTRIES} entries`, async () => {
    const { dbs: databases } = await setup();
    const db = databases.account('shop');
    for (let i = 0; i < KEPT_ENTRIES + 5; i += 1) addActivity(db, entry(`entry ${i}`));
    expect(db.prepare('SELECT count(*) FROM activity').pluck().get()).toBe(KEPT_ENTRIES);
    expect(db.prepare('SELECT min(title) FROM activity WHERE title = ?').pluck().get('entry 5')).toBe('entry 5');
  });
});
