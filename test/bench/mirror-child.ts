/**
 * One mirror in a process of its own, as the app's API worker runs it, so its memory is
 * measured apart from the sandbox's. Prints progress as JSON lines, then a final line
 * with the result and the process's peak RSS.
 *   tsx test/bench/mirror-child.ts <sandboxUrl> <apiKey> <hashid> <type> <managementRate>
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DoofinderClient } from '../../main/worker/doofinder/client';
import { endpointFor, parseApiKey } from '../../main/worker/doofinder/endpoints';
import { Databases } from '../../main/worker/store/databases';
import { saveEngines, saveTypes } from '../../main/worker/store/engines';
import { mirrorType } from '../../main/worker/sync/mirror';
import { peakRssMb } from './measure';

const [url = '', apiKey = '', hashid = '', type = 'product', rate = '2'] = process.argv.slice(2);
const key = parseApiKey(apiKey);
if (!key) throw new Error('mirror-child: not an API key');

const dbs = new Databases(mkdtempSync(join(tmpdir(), 'cs-bench-mirror-')));
const db = dbs.account('bench');
saveEngines(db, [{ hashid, name: 'bench', siteUrl: '', language: 'en', currency: 'EUR' }]);
saveTypes(db, hashid, [type]);
const client = new DoofinderClient(endpointFor(key, { management: url, search: url }), {
  managementRate: Number(rate),
});
const started = performance.now();
const result = await mirrorType({
  db,
  client,
  engine: hashid,
  type,
  progressIntervalMs: 250,
  onProgress: (progress) => {
    const memory = process.memoryUsage();
    const mb = (bytes: number) => Math.round(bytes / 1048576);
    const line = {
      at: performance.now() - started,
      fetched: progress.fetched,
      state: progress.state,
      rssMb: mb(memory.rss),
      heapMb: mb(memory.heapUsed),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  },
});
const seconds = (performance.now() - started) / 1000;
// The mirror's own high-water mark, taken before the checks below (count DISTINCT builds a big temporary index).
const mirrorPeakRssMb = peakRssMb();
const stored = db.prepare('SELECT count(*) AS rows, count(DISTINCT id) AS ids FROM items').get() as {
  rows: number;
  ids: number;
};
process.stdout.write(
  `${JSON.stringify({ done: true, state: result.state, error: result.error, fetched: result.fetched, total: result.total, seconds, rows: stored.rows, distinctIds: stored.ids, peakRssMb: mirrorPeakRssMb })}\n`,
);
dbs.closeAll();
