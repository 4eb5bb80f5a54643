/**
 * The soak's verdict must see what it is there to see: an edit the server lacks, a deletion
 * that did not reach it, an acknowledged edit missing here, a row stuck in `pushing`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../main/sandbox/index';
import { Databases } from '../../main/worker/store/databases';
import { compareWithServer } from './compare';

let sandbox: Sandbox;
let hashid: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: {
      accounts: [
        {
          engines: [
            {
              name: 'Check',
              types: [
                {
                  name: 'product',
                  items: [
                    { id: 'same', title: 'Same' },
                    { id: 'edited', title: 'Old' },
                    { id: 'gone-here', title: 'Deleted here' },
                    { id: 'stuck', title: 'Stuck' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  });
  hashid = sandbox.seeded?.accounts[0]?.engines[0]?.hashid ?? '';
});

afterAll(async () => {
  await sandbox.close();
});

function accountDb(rows: Array<{ id: string; doc: Record<string, unknown>; status: string }>): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-soak-compare-'));
  const dbs = new Databases(dataDir);
  const db = dbs.account('check');
  const insert = db.prepare("INSERT INTO items (engine, type, id, doc, status) VALUES (?, 'product', ?, ?, ?)");
  for (const row of rows) insert.run(hashid, row.id, JSON.stringify({ id: row.id, ...row.doc }), row.status);
  const file = dbs.accountFile('check');
  dbs.closeAll();
  return file;
}

const serverDoc = (id: string) =>
  JSON.parse(
    sandbox.ctx.db.prepare("SELECT doc FROM items WHERE type = 'product' AND id = ?").pluck().get(id) as string,
  ) as Record<string, unknown>;

describe('the soak verdict', () => {
  it('finds nothing wrong when both sides hold the same documents (server URL fields aside)', () => {
    const file = accountDb(
      ['same', 'edited', 'gone-here', 'stuck'].map((id) => {
        const { df_url: _dfUrl, ...doc } = serverDoc(id);
        return { id, doc, status: 'clean' };
      }),
    );
    expect(compareWithServer({ accountDb: file, sandbox, hashid, acked: [] })).toMatchObject({
      lost: 0,
      duplicated: 0,
      stuck: 0,
      localItems: 4,
      serverItems: 4,
    });
  });

  it('counts an edit the server lacks, a deletion it missed, a lost acknowledged edit and a stuck row', () => {
    const file = accountDb([
      { id: 'same', doc: serverDoc('same'), status: 'clean' },
      { id: 'edited', doc: { ...serverDoc('edited'), title: 'New' }, status: 'clean' },
      { id: 'gone-here', doc: serverDoc('gone-here'), status: 'deleted' },
      { id: 'stuck', doc: serverDoc('stuck'), status: 'pushing' },
    ]);
    const verdict = compareWithServer({
      accountDb: file,
      sandbox,
      hashid,
      acked: [{ type: 'product', id: 'same', field: 'title', value: 'Typed but lost' }],
    });
    expect(verdict).toMatchObject({ lost: 3, duplicated: 0, stuck: 1 });
    expect(verdict.problems).toEqual([
      'differs on the server: product/edited (clean) fields title',
      'deleted here, still on the server: product/gone-here',
      'acknowledged edit not kept: product/same title = Typed but lost',
    ]);
  });

  it('counts an item the server holds that is gone here', () => {
    const file = accountDb([{ id: 'same', doc: serverDoc('same'), status: 'clean' }]);
    expect(compareWithServer({ accountDb: file, sandbox, hashid, acked: [] })).toMatchObject({ lost: 3 });
  });
});
