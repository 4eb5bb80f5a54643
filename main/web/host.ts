/**
 * Browser mode: serves the built renderer on 127.0.0.1 and carries the contract over a
 * WebSocket, so the app runs (and end-to-end tests drive it) where Electron cannot.
 * The page gets the launch token once in its URL; the host trades it for an HttpOnly
 * cookie and redirects, so the token leaves the address bar and history.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EventChannel } from '../../preload/contract';
import { createFileGrants, type FileGrants } from '../file-grants';
import type { RouteRequest } from '../router';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { pruneTransfers, serveFileTransfer, TRANSFER_PREFIX } from './file-transfer';
import { cookieName, isAllowedOrigin, isLoopbackHost, readCookie, staticFilePath, tokensMatch } from './guards';

export interface WebHostOptions {
  rendererDir: string;
  route: RouteRequest;
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
  log?: (line: string) => void;
  /** The data folder: files to import are uploaded to its imports/, exports downloaded from exports/. */
  dataDir?: string;
  /**
   * The app host's grants: uploads become readable and reserved exports writable by the worker.
   * Without them (tests of the host alone) transfers work but grant nothing the router sees.
   */
  grants?: FileGrants;
}

export interface WebHost {
  url: string;
  port: number;
  broadcast(channel: EventChannel, payload: unknown): void;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Largest message a page may send: generous for pasted blocks, small enough to stop abuse. */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let port = 0;
  const grants = options.grants ?? createFileGrants();

  const server = createServer((req, res) => {
    void serveHttp(req, res).catch((error: unknown) => {
      log(`browser mode: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) plain(res, 500, 'The app host failed to answer this request.');
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackHost(req.headers.host, port)) return plain(res, 403, 'Catalog Studio only answers on 127.0.0.1.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (options.dataDir && url.pathname.startsWith(TRANSFER_PREFIX)) {
      const transfer = { dataDir: options.dataDir, grants, port, token, headers: SECURITY_HEADERS };
      return serveFileTransfer(req, res, url, transfer);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Only GET is served here.');
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!tokensMatch(queryToken, token)) return refuseToken(res);
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        Location: `${url.pathname}${url.search}`,
        'Set-Cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    if (!tokensMatch(readCookie(req.headers.cookie, cookieName(port)), token)) return refuseToken(res);
    await sendStatic(url.pathname, res);
  }

  async function sendStatic(pathname: string, res: ServerResponse): Promise<void> {
    let file = staticFilePath(options.rendererDir, pathname === '/' ? '/index.html' : pathname);
    if (!file) return plain(res, 404, 'Not found.');
    const info = await stat(file).catch(() => null);
    // Unknown paths without an extension are app routes: the single page answers them.
    if (!info?.isFile()) {
      if (extname(pathname)) return plain(res, 404, 'Not found.');
      file = join(options.rendererDir, 'index.html');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
    });
    createReadStream(file).pipe(res);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const given = url.searchParams.get('token') ?? readCookie(req.headers.cookie, cookieName(port));
    const reject = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== '/api') return reject(404, 'Not Found');
    if (!isLoopbackHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return reject(403, 'Forbidden');
    }
    if (!tokensMatch(given, token)) return reject(401, 'Unauthorized');
    sockets.handleUpgrade(req, socket, head, (ws) => acceptClient(ws));
  });

  function acceptClient(ws: WebSocket): void {
    ws.on('message', (data: RawData) => {
      void answer(ws, rawToText(data));
    });
  }

  async function answer(ws: WebSocket, text: string): Promise<void> {
    let message: { id?: unknown; channel?: unknown; input?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null || typeof message.id !== 'number') return;
    const result = await options.route(message.channel, message.input);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id, result }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  if (options.dataDir) {
    void pruneTransfers(options.dataDir).catch((error: unknown) =>
      log(`browser mode: old uploads could not be removed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    broadcast(channel, payload) {
      const frame = JSON.stringify({ event: channel, payload });
      for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(frame);
    },
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function rawToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data))).toString('utf8');
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function refuseToken(res: ServerResponse): void {
  plain(
    res,
    401,
    'This page needs the launch token. Open the exact URL that `npm run web` (or `npm start`) printed; it changes at every launch.',
  );
}
