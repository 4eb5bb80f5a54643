/**
 * A feed source as a local file the parser can read (twice: once to fingerprint, once to
 * parse). Files are read where they are; http:// feeds are downloaded to a temporary file
 * first, so both passes see the same bytes and a slow server never holds a write slice.
 */
import { createWriteStream } from 'node:fs';
import { access, constants, mkdtemp, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FeedError } from './feed-error';
import type { FeedSource } from './sources';

/** Larger feeds are refused rather than filling the disk or running for hours. */
export const MAX_FEED_BYTES = 1024 * 1024 * 1024;

/** A loopback server that stops answering this long fails the source instead of hanging the task. */
const IDLE_TIMEOUT_MS = 30_000;

export interface LocalFeed {
  path: string;
  release(): Promise<void>;
}

export async function localCopy(
  source: Exclude<FeedSource, { kind: 'refused' }>,
  signal: AbortSignal,
): Promise<LocalFeed> {
  return source.kind === 'file' ? await checkedFile(source.path) : await download(source.url, signal);
}

async function checkedFile(path: string): Promise<LocalFeed> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FeedError('it is not a file');
    size = info.size;
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof FeedError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FeedError(code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? 'error'})`);
  }
  if (size > MAX_FEED_BYTES) throw new FeedError(`the file is larger than ${MAX_FEED_BYTES / 1024 ** 3} GB`);
  return { path, release: async () => {} };
}

function limitSize(): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > MAX_FEED_BYTES) done(new FeedError(`the feed is larger than ${MAX_FEED_BYTES / 1024 ** 3} GB`));
      else done(null, chunk);
    },
  });
}

/** GET on the loopback interface only: no redirects followed, `localhost` pinned to 127.0.0.1. */
function get(url: URL, signal: AbortSignal): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: '127.0.0.1',
        port: url.port === '' ? 80 : Number(url.port),
        path: `${url.pathname}${url.search}`,
        headers: { host: url.host, 'user-agent': 'catalog-studio-sandbox feed reader' },
        signal,
        timeout: IDLE_TIMEOUT_MS,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status === 200) return resolve(response);
        response.resume();
        const redirect = status >= 300 && status < 400 ? ' (redirects are not followed: feeds must be local)' : '';
        reject(new FeedError(`the server answered HTTP ${status}${redirect}`));
      },
    );
    request.on('timeout', () =>
      request.destroy(new FeedError(`the server sent nothing for ${IDLE_TIMEOUT_MS / 1000} seconds`)),
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof FeedError || signal.aborted) reject(error);
      else reject(new FeedError(`the download failed (${error.code ?? error.message})`));
    });
  });
}

async function download(url: URL, signal: AbortSignal): Promise<LocalFeed> {
  const folder = await mkdtemp(join(tmpdir(), 'sandbox-feed-'));
  const release = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, 'feed');
  try {
    const response = await get(url, signal);
    response.setTimeout(IDLE_TIMEOUT_MS, () =>
      response.destroy(new FeedError(`the server stopped sending for ${IDLE_TIMEOUT_MS / 1000} seconds`)),
    );
    await pipeline(response, limitSize(), createWriteStream(path), { signal });
    return { path, release };
  } catch (error) {
    await release();
    if (error instanceof FeedError || signal.aborted) throw error;
    throw new FeedError(`the download failed (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
