import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../main/web/host';
import { isLoopbackHost, staticFilePath } from '../../../main/web/guards';

const token = 'launch-token-for-tests-0123456789';
let host: WebHost;
let base: string;
const route = vi.fn((channel: unknown, input: unknown) =>
  Promise.resolve({ ok: true as const, value: { channel, input } }),
);

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  host = await startWebHost({ rendererDir: dir, route, token, log: () => undefined });
  base = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
});

function cookie(): string {
  return `cs_token_${host.port}=${token}`;
}

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('browser mode host', () => {
  it('prints a loopback URL that carries the launch token', () => {
    expect(host.url).toBe(`${base}/?token=${token}`);
  });

  it('refuses the page without the token, or with a wrong one', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/?token=wrong`)).status).toBe(401);
    expect((await fetch(`${base}/app.js`)).status).toBe(401);
    const text = await (await fetch(`${base}/`)).text();
    expect(text).toContain('npm run web');
  });

  it('trades the token for an HttpOnly cookie and takes it out of the address bar', async () => {
    const res = await fetch(host.url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('set-cookie')).toBe(`${cookie()}; HttpOnly; SameSite=Strict; Path=/`);
    const page = await fetch(`${base}/`, { headers: { cookie: cookie() } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>app</title>');
  });

  it('answers app routes with the page and refuses paths outside the renderer folder', async () => {
    const headers = { cookie: cookie() };
    expect((await fetch(`${base}/feeds`, { headers })).status).toBe(200);
    expect((await fetch(`${base}/missing.js`, { headers })).status).toBe(404);
    expect((await fetch(`${base}/..%2F..%2Fetc%2Fpasswd`, { headers })).status).toBe(404);
    expect(staticFilePath('/srv/app', '/../../etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(staticFilePath('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(staticFilePath('/srv/app', '/a%00b')).toBeNull();
  });

  it('refuses requests whose Host is not loopback (DNS rebinding)', async () => {
    // fetch() cannot set Host, which is exactly what a rebinding page controls: use node:http.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/`, { headers: { cookie: cookie(), host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    expect(isLoopbackHost(`localhost:${host.port}`, host.port)).toBe(true);
    expect(isLoopbackHost(`127.0.0.1:${host.port + 1}`, host.port)).toBe(false);
    expect(isLoopbackHost('127.0.0.1.evil.example', host.port)).toBe(false);
  });

  it('refuses a WebSocket without the token, with a bad token, or from a foreign page', async () => {
    const api = `ws://127.0.0.1:${host.port}/api`;
    await expect(connect(api)).rejects.toThrow('HTTP 401');
    await expect(connect(`${api}?token=nope`)).rejects.toThrow('HTTP 401');
    await expect(connect(api, { cookie: cookie(), origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(connect(api, { cookie: cookie(), origin: `http://127.0.0.1:${host.port + 1}` })).rejects.toThrow(
      'HTTP 403',
    );
  });

  it('carries contract requests and events over the WebSocket', async () => {
    const ws = await connect(`ws://127.0.0.1:${host.port}/api`, { cookie: cookie(), origin: base });
    const messages: unknown[] = [];
    ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString())));
    ws.send(JSON.stringify({ id: 7, channel: 'app:ping', input: { sentAt: 1 } }));
    ws.send('not json');
    await vi.waitFor(() => expect(messages).toHaveLength(1));
    expect(messages[0]).toEqual({ id: 7, result: { ok: true, value: { channel: 'app:ping', input: { sentAt: 1 } } } });
    host.broadcast('app:workerState', { status: 'ready', restarts: 0, lastExit: null, retryAt: null });
    await vi.waitFor(() => expect(messages).toHaveLength(2));
    expect(messages[1]).toMatchObject({ event: 'app:workerState', payload: { status: 'ready' } });
    ws.close();
  });
});
