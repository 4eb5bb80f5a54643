/**
 * Which text encoding a file is in: a byte order mark says UTF-8, UTF-16 LE or UTF-16 BE;
 * without one, UTF-8 when every byte sequence of the file is valid UTF-8 (checked over the
 * whole file, a chunk at a time: an accent on the last line counts), else Windows-1252, what
 * Excel and PrestaShop write on Western Windows machines.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';

export const encodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type CsvEncoding = (typeof encodings)[number];

export interface EncodingChoice {
  encoding: CsvEncoding;
  /** Bytes of byte order mark to skip. */
  bomLength: number;
}

const BOMS: Array<{ bytes: number[]; encoding: CsvEncoding }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

export function bomOf(head: Uint8Array): EncodingChoice | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, index) => head[index] === byte))
      return { encoding: bom.encoding, bomLength: bom.bytes.length };
  }
  return null;
}

/** How many bytes of `bytes` end on a character boundary (a UTF-8 sequence cut by the chunk stays for the next). */
export function wholeCharsLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(4, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0xc0) return bytes.length;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

async function readHead(file: string, length: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function isUtf8File(file: string): Promise<boolean> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const whole = wholeCharsLength(bytes);
    if (!isUtf8(bytes.subarray(0, whole))) return false;
    carry = bytes.subarray(whole);
  }
  return carry.length === 0;
}

/** The file's encoding; `override` (the user's choice) wins, a BOM is still skipped. */
export async function detectEncoding(file: string, override?: CsvEncoding): Promise<EncodingChoice> {
  const bom = bomOf(await readHead(file, 4));
  if (override) return { encoding: override, bomLength: bom?.encoding === override ? bom.bomLength : 0 };
  if (bom) return bom;
  return { encoding: (await isUtf8File(file)) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}
