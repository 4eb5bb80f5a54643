/**
 * `npm run bench -- upload [--mb N]`
 *
 * Browser mode's way for a file to reach the worker: a catalog uploaded to the host's
 * `/files/imports` (as the page's fetch sends a File: streamed from disk), then an export
 * downloaded from `/files/exports`. A 1,000,000-row catalog is about 200 MB, so the default
 * is 200 MB. Targets: the host never holds the file (peak RSS grows by under 64 MB over the
 * process's start) and an upload costs little next to the dry run that follows (at least
 * 100 MB/s on loopback, i.e. about 2 s for 200 MB).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { startWebHost } from '../../main/web/host';
import type { Benchmark } from './benchmark';
import { round, wholeOption } from './measure';

const TOKEN = 'bench-token-0123456789abcdef';

/** The highest resident set size seen while `work` runs, sampled (the kernel's high-water mark would include the file writing before). */
async function sampledPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; startMb: number; peakMb: number }> {
  const mb = () => Math.round(process.memoryUsage.rss() / 1024 / 1024);
  const startMb = mb();
  let peakMb = startMb;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, mb())), 10);
  try {
    const value = await work();
    return { value, startMb, peakMb: Math.max(peakMb, mb()) };
  } finally {
    clearInterval(timer);
  }
}

/** A CSV-looking file of `mb` megabytes, written a chunk at a time (the benchmark must not hold it either). */
async function writeCatalog(path: string, mb: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  const header = 'id;title;price;brand\n';
  hash.update(header);
  out.write(header);
  const line = (i: number) =>
    `SKU-${String(i).padStart(9, '0')};${randomBytes(60).toString('base64')};${i % 997},99;Brand ${i % 50}\n`;
  let written = header.length;
  for (let i = 0; written < mb * 1024 * 1024; i += 1) {
    const text = line(i);
    written += text.length;
    hash.update(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return hash.digest('hex');
}

function hashOf(path: string): Promise<string> {
  const hash = createHash('sha256');
  return pipeline(createReadStream(path), hash).then(() => hash.digest('hex'));
}

function upload(port: number, path: string): Promise<{ file: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/files/imports?name=catalog.csv',
        headers: { cookie: `cs_token_${port}=${TOKEN}`, 'content-type': 'application/octet-stream' },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          res.statusCode === 201
            ? resolve(JSON.parse(body) as { file: string; bytes: number })
            : reject(new Error(body)),
        );
      },
    );
    req.on('error', reject);
    createReadStream(path).pipe(req);
  });
}

async function download(port: number, url: string, to: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}${url}`, { headers: { cookie: `cs_token_${port}=${TOKEN}` } });
  if (!response.ok || !response.body) throw new Error(`download: ${response.status}`);
  await pipeline(Readable.fromWeb(response.body as WebReadableStream), createWriteStream(to));
}

export const fileTransfer: Benchmark = {
  async run(args, log) {
    const { values } = parseArgs({ args, options: { mb: { type: 'string' } } });
    const mb = wholeOption(values.mb, 'mb', 200, 1, 4_000);
    const folder = mkdtempSync(join(tmpdir(), 'cs-bench-upload-'));
    const dataDir = join(folder, 'data');
    const rendererDir = join(folder, 'renderer');
    const source = join(folder, 'catalog.csv');
    try {
      for (const dir of [dataDir, rendererDir]) rmSync(dir, { recursive: true, force: true });
      await import('node:fs/promises').then((fs) => Promise.all([fs.mkdir(dataDir), fs.mkdir(rendererDir)]));
      writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
      log(`Writing a ${mb} MB catalog...`);
      const sourceHash = await writeCatalog(source, mb);
      const bytes = statSync(source).size;
      const host = await startWebHost({
        rendererDir,
        dataDir,
        token: TOKEN,
        route: () => Promise.resolve({ ok: true as const, value: null }),
        log: () => undefined,
      });
      try {
        log('Uploading it to the host...');
        let started = performance.now();
        const { value: uploaded, startMb, peakMb } = await sampledPeakRss(() => upload(host.port, source));
        const uploadSeconds = (performance.now() - started) / 1000;
        if (uploaded.bytes !== bytes || (await hashOf(uploaded.file)) !== sourceHash)
          throw new Error('the upload is not byte for byte the file');

        log('Downloading it back as an export...');
        const reserve = await fetch(`http://127.0.0.1:${host.port}/files/exports?name=catalog.csv`, {
          method: 'POST',
          headers: { cookie: `cs_token_${host.port}=${TOKEN}` },
        });
        const reserved = (await reserve.json()) as { file: string; url: string };
        rmSync(reserved.file, { force: true });
        await import('node:fs/promises').then((fs) => fs.rename(uploaded.file, reserved.file));
        const back = join(folder, 'back.csv');
        started = performance.now();
        await download(host.port, reserved.url, back);
        const downloadSeconds = (performance.now() - started) / 1000;
        if ((await hashOf(back)) !== sourceHash) throw new Error('the download is not byte for byte the file');

        const rssGrowthMb = peakMb - startMb;
        const figures = {
          fileMb: round(bytes / 1024 / 1024, 1),
          uploadMbPerSecond: round(bytes / 1024 / 1024 / uploadSeconds, 0),
          downloadMbPerSecond: round(bytes / 1024 / 1024 / downloadSeconds, 0),
          peakRssGrowthMb: rssGrowthMb,
          rssAtStartMb: startMb,
        };
        log(
          `${figures.fileMb} MB: upload ${figures.uploadMbPerSecond} MB/s (target >= 100), download ${figures.downloadMbPerSecond} MB/s, RSS grew at most ${rssGrowthMb} MB during the upload (target < 64)`,
        );
        return figures;
      } finally {
        await host.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
