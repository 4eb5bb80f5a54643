import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileGrants, type FileGrants } from '../../../main/file-grants';
import { startWebHost, type WebHost } from '../../../main/web/host';
import { pruneTransfers, safeFileName } from '../../../main/web/file-transfer';

const token = 'launch-token-for-file-tests-0123456789';
let host: WebHost;
let base: string;
let dataDir: string;
let grants: FileGrants;

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'cs-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  dataDir = mkdtempSync(join(tmpdir(), 'cs-data-'));
  const route = () => Promise.resolve({ ok: true as const, value: null });
  grants = createFileGrants();
  host = await startWebHost({ rendererDir, route, token, dataDir, grants, log: () => undefined });
  base = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
});

function withToken(headers: Record<string, string> = {}): Record<string, string> {
  return { cookie: `cs_token_${host.port}=${token}`, ...headers };
}

function upload(name: string, body: BodyInit, headers = withToken()): Promise<Response> {
  return fetch(`${base}/files/imports?name=${encodeURIComponent(name)}`, { method: 'POST', body, headers });
}

function uploadedFiles(): string[] {
  const folder = join(dataDir, 'imports');
  return existsSync(folder) ? readdirSync(folder) : [];
}

describe('browser mode file transfer', () => {
  it('refuses an upload without the launch token, and writes nothing', async () => {
    const before = uploadedFiles().length;
    expect((await upload('shop.csv', 'id;title\n1;a\n', {})).status).toBe(401);
    expect((await upload('shop.csv', 'id\n', { cookie: `cs_token_${host.port}=wrong-token` })).status).toBe(401);
    expect(uploadedFiles()).toHaveLength(before);
  });

  it('refuses an upload from a page on another origin, even with the token', async () => {
    const before = uploadedFiles().length;
    const foreign = await upload('shop.csv', 'id\n1\n', withToken({ origin: 'http://evil.example' }));
    expect(foreign.status).toBe(403);
    const otherPort = await upload('shop.csv', 'id\n1\n', withToken({ origin: `http://127.0.0.1:${host.port + 1}` }));
    expect(otherPort.status).toBe(403);
    expect(uploadedFiles()).toHaveLength(before);
  });

  it('lands an upload intact, byte for byte, under imports/ with its extension', async () => {
    // Every byte value, a BOM and a long tail: nothing may be decoded or re-encoded on the way.
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), randomBytes(3 * 1024 * 1024 + 17)]);
    const res = await upload('Shop export (May).TSV', new Uint8Array(bytes), withToken({ origin: base }));
    expect(res.status).toBe(201);
    const { file, bytes: count } = (await res.json()) as { file: string; bytes: number };
    expect(count).toBe(bytes.length);
    expect(dirname(file)).toBe(join(dataDir, 'imports'));
    expect(file).toMatch(/\/Shop export \(May\)-[0-9a-f]{12}\.tsv$/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('chooses the name on disk itself: a name with a path cannot escape imports/', async () => {
    for (const name of ['../../escape.csv', '/etc/cron.d/x.csv', '..\\..\\win.csv', '%2e%2e%2fup.csv']) {
      const res = await upload(name, 'id\n1\n');
      expect(res.status).toBe(201);
      const { file } = (await res.json()) as { file: string };
      expect(relative(join(dataDir, 'imports'), file)).toMatch(/^[\w .()-]+-[0-9a-f]{12}\.csv$/);
      expect(dirname(file)).toBe(join(dataDir, 'imports'));
    }
    expect(existsSync(join(dataDir, 'escape.csv'))).toBe(false);
  });

  it('refuses files that are not CSV, TSV or text', async () => {
    expect((await upload('catalog.xlsx', 'PK')).status).toBe(415);
    expect((await upload('', 'id\n')).status).toBe(415);
  });

  it('reserves an export path under exports/ and serves what was written there as a download', async () => {
    const reserve = await fetch(`${base}/files/exports?name=${encodeURIComponent('../My shop.csv')}`, {
      method: 'POST',
      headers: withToken(),
    });
    expect(reserve.status).toBe(201);
    const { file, url } = (await reserve.json()) as { file: string; url: string };
    expect(relative(join(dataDir, 'exports'), file)).toMatch(/^[0-9a-f]{32}\/My shop\.csv$/);
    writeFileSync(file, '\uFEFFid,title\n1,Señor\n');

    expect((await fetch(`${base}${url}`)).status).toBe(401);
    const download = await fetch(`${base}${url}`, { headers: withToken() });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="My shop.csv"');
    expect(Buffer.from(await download.arrayBuffer()).equals(readFileSync(file))).toBe(true);
  });

  it('lets the worker read an upload and write a reserved export, and nothing more', async () => {
    const uploaded = await upload('shop.csv', 'id\n1\n');
    const { file: imported } = (await uploaded.json()) as { file: string };
    const reserve = await fetch(`${base}/files/exports?name=out.csv`, { method: 'POST', headers: withToken() });
    const { file: exported } = (await reserve.json()) as { file: string };
    expect(grants.allows(imported, 'read')).toBe(true);
    expect(grants.allows(imported, 'write')).toBe(false);
    expect(grants.allows(exported, 'write')).toBe(true);
    expect(grants.allows(exported, 'read')).toBe(false);
    expect(grants.allows(join(dirname(exported), 'other.csv'), 'write')).toBe(false);
  });

  it('grants nothing for a refused upload or a request without the token', async () => {
    const before = uploadedFiles();
    expect((await upload('catalog.xlsx', 'PK')).status).toBe(415);
    const foreign = await fetch(`${base}/files/exports?name=out.csv`, { method: 'POST' });
    expect(foreign.status).toBe(401);
    const landed = uploadedFiles().filter((name) => !before.includes(name));
    expect(landed).toEqual([]);
    expect(grants.allows(join(dataDir, 'imports', 'catalog.xlsx'), 'read')).toBe(false);
  });

  it('serves nothing outside a reserved export folder', async () => {
    writeFileSync(join(dataDir, 'app.db'), 'secret');
    for (const path of ['/files/exports/../app.db', '/files/exports/..%2F..%2Fapp.db', '/files/imports', '/files/x']) {
      const status = await new Promise<number>((resolve, reject) => {
        // node:http keeps the path as written (fetch would normalise the dots away).
        const req = request(`${base}${path}`, { headers: withToken() }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(404);
    }
  });

  it('keeps an export name readable and free of path characters', () => {
    expect(safeFileName('../../etc/passwd.csv')).toBe('passwd.csv');
    expect(safeFileName('C:\\Users\\me\\shop.tsv')).toBe('shop.tsv');
    expect(safeFileName('..csv')).toBeNull();
    expect(safeFileName('shop.exe')).toBeNull();
    expect(safeFileName('ünï<>code.csv')).toBe('_n_code.csv');
  });

  it('clears uploads and exports older than a week, and keeps newer ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-prune-'));
    mkdirSync(join(dir, 'imports'));
    mkdirSync(join(dir, 'exports', 'f'.repeat(32)), { recursive: true });
    writeFileSync(join(dir, 'imports', 'old-000000000000.csv'), 'id\n');
    writeFileSync(join(dir, 'imports', 'new-000000000000.csv'), 'id\n');
    writeFileSync(join(dir, 'app.db'), 'kept');
    const weekAndADay = (Date.now() - 8 * 24 * 3600 * 1000) / 1000;
    utimesSync(join(dir, 'imports', 'old-000000000000.csv'), weekAndADay, weekAndADay);
    utimesSync(join(dir, 'exports', 'f'.repeat(32)), weekAndADay, weekAndADay);
    await expect(pruneTransfers(dir)).resolves.toBe(2);
    expect(readdirSync(join(dir, 'imports'))).toEqual(['new-000000000000.csv']);
    expect(readdirSync(join(dir, 'exports'))).toEqual([]);
    expect(existsSync(join(dir, 'app.db'))).toBe(true);
  });
});
