/**
 * Where feeds may come from: local files (absolute paths or file:// URLs) and http:// URLs
 * on the loopback interface. Anything that would leave the machine is refused with a log
 * line, before any connection is attempted.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  itemCount,
  items,
  logs,
  processFeeds,
  setSources,
  startFeedServer,
  startFeedSandbox,
  writeFeed,
  type FeedSandbox,
} from './harness';

const CSV = 'id|title\nH1|From HTTP\nH2|Also from HTTP\n';

let t: FeedSandbox;
let server: Awaited<ReturnType<typeof startFeedServer>>;
beforeAll(async () => {
  t = await startFeedSandbox();
  server = await startFeedServer({
    '/feed.csv': (response) => response.writeHead(200, { 'Content-Type': 'text/csv' }).end(CSV),
    '/moved': (response) => response.writeHead(302, { Location: 'https://feeds.example.com/feed.csv' }).end(),
    '/broken': (response) => {
      response.writeHead(200, { 'Content-Length': '1000' }).write('id|title\nB1|');
      response.destroy();
    },
  });
});
afterAll(async () => {
  await server.close();
  await t.close();
});
beforeEach(async () => {
  await setSources(t, []);
  await processFeeds(t, '?force=true');
});

async function processSource(source: string) {
  await setSources(t, [source]);
  return processFeeds(t, '?force=true');
}

describe('allowed sources', () => {
  it('an absolute file path', async () => {
    const path = await writeFeed(t, 'plain.csv', 'id|title\nF1|File\n');
    expect((await processSource(path)).state).toBe('SUCCESS');
    expect([...(await items(t)).keys()]).toEqual(['F1']);
  });

  it('a file:// URL, spaces in the path included', async () => {
    const path = await writeFeed(t, 'with space.csv', 'id|title\nF2|File URL\n');
    expect((await processSource(pathToFileURL(path).href)).state).toBe('SUCCESS');
    expect([...(await items(t)).keys()]).toEqual(['F2']);
  });

  it.each(['127.0.0.1', 'localhost'])('an http:// URL on %s', async (host) => {
    expect((await processSource(`http://${host}:${server.port}/feed.csv`)).state).toBe('SUCCESS');
    expect([...(await items(t)).keys()].sort()).toEqual(['H1', 'H2']);
  });
});

describe('refused sources: FAILURE with the reason, and an ERROR log line', () => {
  it.each([
    ['https://feeds.example.com/feed.csv', 'https:// is not allowed'],
    ['http://feeds.example.com/feed.csv', 'feeds.example.com is not on this machine'],
    ['http://10.0.0.8/feed.csv', '10.0.0.8 is not on this machine'],
    ['ftp://127.0.0.1/feed.csv', 'ftp:// is not allowed'],
    ['feeds/feed.csv', 'a file path must be absolute'],
  ])('%s', async (source, reason) => {
    await writeFeed(t, 'kept.csv', 'id|title\nK1|Kept\n');
    await processSource(join(t.dir, 'kept.csv'));
    const task = await processSource(source);
    expect(task.state).toBe('FAILURE');
    expect(task.message).toBe(
      `Feed ${source} (type product) refused: ${reason}` +
        (reason.includes('absolute')
          ? ''
          : ': the sandbox reads feeds from local files and http://127.0.0.1 or http://localhost URLs only'),
    );
    const [last] = await logs(t);
    expect(last).toMatchObject({ level: 'ERROR', msg: task.message, log_type: 'log.parser' });
    // A failed source changes nothing.
    expect(await itemCount(t)).toBe(1);
  });
});

describe('sources that cannot be read: FAILURE with a clear message', () => {
  it.each([
    ['a missing file', () => join(t.dir, 'nowhere.csv'), 'the file does not exist'],
    ['a directory', () => t.dir, 'it is not a file'],
    ['HTTP 404', () => `http://127.0.0.1:${server.port}/missing.csv`, 'the server answered HTTP 404'],
    [
      'a redirect (never followed: it could lead off the machine)',
      () => `http://127.0.0.1:${server.port}/moved`,
      'the server answered HTTP 302 (redirects are not followed: feeds must be local)',
    ],
    ['a download that breaks off', () => `http://127.0.0.1:${server.port}/broken`, 'the download failed ('],
  ])('%s', async (_name, source, reason) => {
    const task = await processSource(source());
    expect(task.state).toBe('FAILURE');
    expect(task.message).toContain(`Feed ${source()} (type product) could not be processed: ${reason}`);
  });

  it('a server that is not there', async () => {
    const gone = await startFeedServer({});
    const port = gone.port;
    await gone.close();
    const task = await processSource(`http://127.0.0.1:${port}/feed.csv`);
    expect(task).toMatchObject({ state: 'FAILURE' });
    expect(task.message).toContain('the download failed (ECONNREFUSED)');
  });
});
