/**
 * A sandbox with one account, two engines (the first with empty `product` and `notes` types) and a
 * folder for feed files, driven over HTTP as a client would. The management rate limit is
 * off; tests wait for a run with `ctx.tasks.settled()` or by polling the task, never by
 * sleeping a fixed time.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { startSandbox, type Sandbox, type SandboxConfig } from '../../../main/sandbox/index';

export interface FeedSandbox {
  sandbox: Sandbox;
  url: string;
  hashid: string;
  otherHashid: string;
  token: string;
  dir: string;
  close(): Promise<void>;
}

export interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}

export interface TaskAnswer {
  state: string;
  message: string;
  task_name: string;
  link?: string;
}

export interface LogLine {
  date: string;
  level: string;
  msg: string;
  log_type: string;
}

export async function startFeedSandbox(
  config: Partial<SandboxConfig> = {},
  options: { dataFile?: string } = {},
): Promise<FeedSandbox> {
  const sandbox = await startSandbox({
    dataFile: options.dataFile,
    config: { managementRatePerSecond: null, ...config },
    seed: {
      accounts: [
        {
          engines: [
            { name: 'Feeds', types: [{ name: 'product' }, { name: 'notes' }] },
            { name: 'Other', types: [{ name: 'product' }] },
          ],
        },
      ],
    },
  });
  const account = sandbox.seeded?.accounts[0];
  const dir = await mkdtemp(join(tmpdir(), 'feeds-test-'));
  return {
    sandbox,
    url: sandbox.url,
    hashid: account?.engines[0]?.hashid ?? '',
    otherHashid: account?.engines[1]?.hashid ?? '',
    token: account?.apiKey.split('-')[1] ?? '',
    dir,
    async close() {
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A Management v1 request on the first engine (`path` after `/v1/{hashid}`), or anywhere with `absolute`. */
export async function v1(
  t: FeedSandbox,
  method: string,
  path: string,
  body?: unknown,
  options: { absolute?: boolean; token?: string | null } = {},
): Promise<Answer> {
  const url = options.absolute ? `${t.url}${path}` : `${t.url}/v1/${t.hashid}${path}`;
  const token = options.token === undefined ? t.token : options.token;
  const response = await fetch(url, {
    method,
    headers: token === null ? {} : { Authorization: `Token ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text === '' ? null : (JSON.parse(text) as unknown),
  };
}

export async function control(t: FeedSandbox, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${t.url}/_sandbox${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as unknown;
}

export async function writeFeed(t: FeedSandbox, name: string, content: string | Buffer): Promise<string> {
  const path = join(t.dir, name);
  await writeFile(path, content);
  return path;
}

export const gzip = (content: string | Buffer): Buffer => gzipSync(content);

export async function setSources(t: FeedSandbox, sources: string[], type = 'product'): Promise<void> {
  const answer = await v1(t, 'PUT', `/types/${type}`, { sources });
  if (answer.status >= 300) throw new Error(`PUT types/${type}: ${answer.status}`);
}

/** POSTs tasks/process; returns the answer and the task id (the link's last segment). */
export async function startProcess(t: FeedSandbox, query = ''): Promise<{ answer: Answer; taskId: string }> {
  const answer = await v1(t, 'POST', `/tasks/process${query}`);
  const link = (answer.json as TaskAnswer).link ?? '';
  return { answer, taskId: link.split('/').at(-1) ?? '' };
}

export async function task(t: FeedSandbox, taskId: string): Promise<TaskAnswer> {
  return (await v1(t, 'GET', `/tasks/${taskId}`)).json as TaskAnswer;
}

/** Starts a process, waits for the run to end, and answers the task as a client then sees it. */
export async function processFeeds(t: FeedSandbox, query = ''): Promise<TaskAnswer> {
  const { answer, taskId } = await startProcess(t, query);
  if (answer.status !== 201) throw new Error(`tasks/process answered ${answer.status}`);
  await t.sandbox.ctx.tasks.settled();
  return task(t, taskId);
}

/** Polls (briefly, a bounded number of times) until `check` holds: for changes a background run makes. */
export async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 2_000; attempt += 1) {
    if (await check()) return;
    await sleep(5);
  }
  throw new Error(`gave up waiting for ${what}`);
}

export async function itemCount(t: FeedSandbox, type = 'product'): Promise<number> {
  return ((await v1(t, 'GET', `/items/${type}?rpp=1`)).json as { count: number }).count;
}

/** Every item of a type, by id (scrolls through them all). */
export async function items(t: FeedSandbox, type = 'product'): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  let page = (await v1(t, 'GET', `/items/${type}?rpp=100`)).json as {
    scroll_id: string;
    results: Array<Record<string, unknown>>;
  };
  while (page.results.length > 0) {
    for (const item of page.results) {
      const { url: _url, df_url: _dfUrl, df_manual_boost: _boost, df_indexed_text: _text, ...fields } = item;
      found.set(String(item.id), fields);
    }
    page = (await v1(t, 'GET', `/items/${type}?scroll_id=${encodeURIComponent(page.scroll_id)}`)).json as typeof page;
  }
  return found;
}

export async function logs(t: FeedSandbox): Promise<LogLine[]> {
  return (await v1(t, 'GET', '/logs')).json as LogLine[];
}

export async function logMessages(t: FeedSandbox): Promise<string[]> {
  return (await logs(t)).map((line) => line.msg);
}

/** Whether an item write on the engine (type `notes`, no feeds) goes through (201) or meets the indexing block (409). */
export async function writeStatus(t: FeedSandbox): Promise<number> {
  return (await v1(t, 'POST', '/items/notes', { id: `probe-${Math.random().toString(36).slice(2)}` })).status;
}

/** A loopback HTTP server for http:// feed sources; `hold()` makes /held wait until released. */
export async function startFeedServer(routes: Record<string, (response: ServerResponse) => void>) {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
    if (path === '/held') {
      void held.then(() => response.end('id|title\nH1|Held\n'));
      return;
    }
    const route = routes[path];
    if (route) route(response);
    else response.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    release: () => release(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
