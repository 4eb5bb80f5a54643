/**
 * One push in a process of its own, as the app's API worker runs it: mirror the type (limit
 * off), edit N items the way the grid stores an edit, then turn the sandbox's real 2
 * requests/s limit on and sync. Prints progress as JSON lines, then the result.
 *   tsx test/bench/push-child.ts <sandboxUrl> <apiKey> <hashid> <type> <edits>
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DoofinderClient } from '../../main/worker/doofinder/client';
import { endpointFor, parseApiKey } from '../../main/worker/doofinder/endpoints';
import { Databases } from '../../main/worker/store/databases';
import { saveEngines, saveTypes } from '../../main/worker/store/engines';
import { mirrorType } from '../../main/worker/sync/mirror';
import { runSync } from '../../main/worker/sync/sync-run';

const [url = '', apiKey = '', hashid = '', type = 'product', edits = '20000'] = process.argv.slice(2);
const key = parseApiKey(apiKey);
if (!key) throw new Error('push-child: not an API key');
const endpoint = endpointFor(key, { management: url, search: url });

async function sandboxConfig(body: unknown): Promise<void> {
  await fetch(`${url}/_sandbox/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const dbs = new Databases(mkdtempSync(join(tmpdir(), 'cs-bench-push-')));
const db = dbs.account('bench');
saveEngines(db, [{ hashid, name: 'bench', siteUrl: '', language: 'en', currency: 'EUR' }]);
saveTypes(db, hashid, [type]);

await sandboxConfig({ managementRatePerSecond: null });
await mirrorType({ db, client: new DoofinderClient(endpoint, { managementRate: 1_000 }), engine: hashid, type });

// One edit per item, as the grid stores it: the doc changes, the base keeps the server's state.
const edit = db.prepare(
  `UPDATE items SET base = doc, doc = json_set(doc, '$.title', 'Edited ' || id), status = 'dirty', rev = rev + 1
   WHERE rowid IN (SELECT rowid FROM items WHERE type = ? ORDER BY rowid LIMIT ?)`,
);
const edited = edit.run(type, Number(edits)).changes;

await sandboxConfig({ managementRatePerSecond: 2 });
await fetch(`${url}/_sandbox/requests`, { method: 'DELETE' });
const client = new DoofinderClient(endpoint, { managementRate: 2 });
const started = performance.now();
let lastReport = 0;
const outcome = await runSync({
  db,
  client,
  accountId: 'bench',
  scope: {},
  stop: new AbortController().signal,
  abort: new AbortController().signal,
  ratePerSecond: 2,
  onBatch: () => undefined,
  onProgress: (progress) => {
    const at = performance.now() - started;
    if (at - lastReport < 1000) return;
    lastReport = at;
    process.stdout.write(`${JSON.stringify({ at, done: progress.done })}\n`);
  },
});
const seconds = (performance.now() - started) / 1000;
const left = db.prepare("SELECT count(*) FROM items WHERE status != 'clean'").pluck().get() as number;
process.stdout.write(
  `${JSON.stringify({ done: true, edited, state: outcome.progress.state, error: outcome.progress.error, pushed: outcome.progress.done, batches: outcome.progress.batches, seconds, left })}\n`,
);
dbs.closeAll();
