/**
 * The bytes of a feed file, gunzipped when they start with gzip's magic number (whatever
 * the file is called). Decompression errors and gzip bombs become FeedErrors.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline, Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { FeedError } from './feed-error';

/** Uncompressed content larger than this is refused: a small .gz can unpack to far more. */
export const MAX_CONTENT_BYTES = 2 * 1024 * 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

function isGzip(chunk: Buffer): boolean {
  return chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b;
}

function limitUnpacked(): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > MAX_CONTENT_BYTES) done(new FeedError(`it unpacks to more than ${MAX_CONTENT_BYTES / 1024 ** 3} GB`));
      else done(null, chunk);
    },
  });
}

/** Read and unpack errors as the feed's maintainer would want them told (the file may change under the run). */
function readError(error: unknown): unknown {
  if (error instanceof FeedError) return error;
  const { code, message, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string') return error;
  if (code.startsWith('Z_')) return new FeedError(`the gzip data is truncated or corrupt (${message})`);
  if (syscall !== undefined) return new FeedError(`the file cannot be read (${code})`);
  return error;
}

/**
 * The feed's content: the file's bytes, or what they unpack to. `onRaw` sees the file's
 * own bytes, for the fingerprint.
 */
export async function* contentBytes(
  path: string,
  signal: AbortSignal,
  onRaw: (chunk: Buffer) => void = () => {},
): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES, signal });
  const chunks = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  async function* raw(): AsyncGenerator<Buffer> {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      onRaw(next.value);
      yield next.value;
    }
  }
  try {
    const first = await chunks.next();
    if (first.done) return;
    onRaw(first.value);
    if (!isGzip(first.value)) {
      yield first.value;
      yield* raw();
      return;
    }
    async function* packed(): AsyncGenerator<Buffer> {
      yield first.value as Buffer;
      yield* raw();
    }
    const unpacked = pipeline(Readable.from(packed()), createGunzip(), limitUnpacked(), () => {});
    try {
      for await (const chunk of unpacked as AsyncIterable<Buffer>) yield chunk;
    } finally {
      unpacked.destroy();
    }
  } catch (error) {
    throw readError(error);
  } finally {
    file.destroy();
  }
}

/**
 * What "No changes" compares: a hash of the file's bytes. Reading it through also unpacks
 * it, so a truncated or oversized .gz fails here, before a single item is written.
 */
export async function fingerprintOf(path: string, signal: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of contentBytes(path, signal, (raw) => hash.update(raw))) void chunk;
  return hash.digest('hex');
}
