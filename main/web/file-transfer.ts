/**
 * Browser mode's way for files to reach the worker, which only takes absolute paths: a page
 * has none, so it uploads a file's bytes (streamed to disk, never held whole in memory) into
 * the data folder's `imports/` and gets the path back; for an export it reserves a path in
 * `exports/`, the worker writes there, and the page downloads it. The same checks as the
 * WebSocket: loopback Host (checked by the host before this), a loopback Origin when one is
 * sent, and this launch's token cookie. Names on disk are generated, so no request can
 * choose where a file lands. Each upload is granted for reading and each reservation for
 * writing (main/file-grants.ts): those are the only files a browser page can have the
 * worker touch.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat, unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileGrants } from '../file-grants';
import { cookieName, isAllowedOrigin, readCookie, tokensMatch } from './guards';

export interface FileTransferOptions {
  dataDir: string;
  port: number;
  token: string;
  headers: Record<string, string>;
  /** Where an upload (read) and a reserved export (write) are granted to the worker. */
  grants: FileGrants;
  /** Largest upload accepted; a 1M-row catalog is about 200 MB. */
  maxUploadBytes?: number;
}

/** Where uploads and exports live, and the paths of this endpoint. */
export const TRANSFER_PREFIX = '/files/';
const IMPORTS_PATH = '/files/imports';
const EXPORTS_PATH = '/files/exports';
const DEFAULT_MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

const EXTENSION = /\.(csv|tsv|txt)$/i;
/** A reserved export: a random folder (the capability) and a plain file name. */
const EXPORT_URL = /^\/files\/exports\/([0-9a-f]{32})\/([\w .()-]{1,120}\.(?:csv|tsv|txt))$/i;

export async function serveFileTransfer(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: FileTransferOptions,
): Promise<void> {
  const reply = replier(res, options.headers);
  if (!isAllowedOrigin(req.headers.origin, options.port) || req.headers['sec-fetch-site'] === 'cross-site') {
    req.resume();
    return reply.text(403, 'Files are only exchanged with the Catalog Studio page itself.');
  }
  if (!tokensMatch(readCookie(req.headers.cookie, cookieName(options.port)), options.token)) {
    req.resume();
    return reply.text(401, 'This request needs the launch token: reopen the URL that `npm run web` printed.');
  }
  if (url.pathname === IMPORTS_PATH && req.method === 'POST') return receiveUpload(req, url, options, reply);
  req.resume();
  if (url.pathname === EXPORTS_PATH && req.method === 'POST') return reserveExport(url, options, reply);
  const download = EXPORT_URL.exec(decodedPath(url.pathname));
  if (download && (req.method === 'GET' || req.method === 'HEAD')) {
    return sendExport(
      res,
      join(options.dataDir, 'exports', download[1] ?? '', download[2] ?? ''),
      download[2] ?? '',
      options.headers,
    );
  }
  return reply.text(404, 'There is no such file here.');
}

async function receiveUpload(
  req: IncomingMessage,
  url: URL,
  options: FileTransferOptions,
  reply: Replier,
): Promise<void> {
  const requested = url.searchParams.get('name') ?? '';
  const extension = EXTENSION.exec(requested)?.[1]?.toLowerCase();
  if (!extension) {
    req.resume();
    return reply.text(415, 'Only .csv, .tsv and .txt files can be imported.');
  }
  const limit = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return reply.text(413, `The file is larger than the ${formatBytes(limit)} an import may be.`);
  }
  const folder = join(options.dataDir, 'imports');
  await mkdir(folder, { recursive: true });
  // The user's name kept readable (the worker's messages and the undo entry quote it), made
  // safe and unique: the host, never the request, decides where the bytes land.
  const stem = (safeFileName(requested) ?? 'upload.csv').replace(EXTENSION, '').slice(0, 60) || 'upload';
  const file = join(folder, `${stem}-${randomBytes(6).toString('hex')}.${extension}`);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > limit ? new TooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(req, counter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await unlink(file).catch(() => undefined);
    if (error instanceof TooLarge)
      return reply.text(413, `The file is larger than the ${formatBytes(limit)} an import may be.`);
    throw error;
  }
  options.grants.grant(file, 'read');
  return reply.json(201, { file, bytes });
}

async function reserveExport(url: URL, options: FileTransferOptions, reply: Replier): Promise<void> {
  const name = safeFileName(url.searchParams.get('name') ?? '');
  if (!name) return reply.text(415, 'An export is written as a .csv, .tsv or .txt file.');
  const id = randomBytes(16).toString('hex');
  const folder = join(options.dataDir, 'exports', id);
  await mkdir(folder, { recursive: true });
  options.grants.grant(join(folder, name), 'write');
  return reply.json(201, { file: join(folder, name), url: `${EXPORTS_PATH}/${id}/${encodeURIComponent(name)}` });
}

async function sendExport(
  res: ServerResponse,
  file: string,
  name: string,
  headers: Record<string, string>,
): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile())
    return replier(res, headers).text(404, 'That export is not there (it was never written, or was removed).');
  res.writeHead(200, {
    ...headers,
    'Content-Type': name.toLowerCase().endsWith('.tsv') ? 'text/tab-separated-values' : 'text/csv',
    'Content-Length': String(info.size),
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

/** Uploads and exports are a way through, not storage: those older than this go at the next start. */
export const TRANSFER_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** Removes uploads and reserved exports older than `maxAgeMs` (a 200 MB upload a week is a lot of disk). */
export async function pruneTransfers(
  dataDir: string,
  maxAgeMs = TRANSFER_MAX_AGE_MS,
  now = Date.now(),
): Promise<number> {
  let removed = 0;
  for (const folder of ['imports', 'exports']) {
    const root = join(dataDir, folder);
    const names = await readdir(root).catch(() => [] as string[]);
    for (const name of names) {
      const info = await stat(join(root, name)).catch(() => null);
      if (!info || now - info.mtimeMs <= maxAgeMs) continue;
      await rm(join(root, name), { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}

/** A name for a file in the exports folder: the user's wording kept, path characters gone. */
export function safeFileName(requested: string): string | null {
  const base = requested.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\w .()-]+/g, '_')
    .replace(/^[.\s]+/, '')
    .slice(-120);
  return EXTENSION.test(cleaned) && cleaned.length > 4 ? cleaned : null;
}

class TooLarge extends Error {}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return '';
  }
}

interface Replier {
  text(status: number, text: string): void;
  json(status: number, value: unknown): void;
}

function replier(res: ServerResponse, headers: Record<string, string>): Replier {
  const send = (status: number, type: string, body: string) => {
    res.writeHead(status, { ...headers, 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  return {
    text: (status, text) => send(status, 'text/plain; charset=utf-8', text),
    json: (status, value) => send(status, 'application/json', JSON.stringify(value)),
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${Math.round(bytes / 1024 ** 3)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}
