/**
 * A feed's bytes as text. UTF-8 (with or without a BOM) unless the bytes are not valid
 * UTF-8, in which case they are Windows-1252 (what spreadsheet exports on Windows write)
 * from there on. Binary data is refused before any of it is parsed.
 */
import { FeedError } from './feed-error';

/** How much of the start is checked for binary data. */
const SNIFF_BYTES = 8 * 1024;

/**
 * Windows-1252 bytes 0x80–0x9F. Node 20's TextDecoder('windows-1252') decodes them as
 * ISO-8859-1 control characters (nodejs/node#56542), so they are mapped here; the five
 * bytes Windows-1252 leaves undefined keep their control-character meaning, as WHATWG says.
 */
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80] ?? c);
}

/** Length of the prefix of `bytes` that does not end inside a multi-byte UTF-8 sequence. */
function completeUtf8Length(bytes: Buffer): number {
  let start = bytes.length - 1;
  while (start >= 0 && bytes.length - start <= 3 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start -= 1;
  if (start < 0) return bytes.length;
  const lead = bytes[start] ?? 0;
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return start + needed > bytes.length ? start : bytes.length;
}

function assertText(start: Buffer): void {
  let controls = 0;
  for (const byte of start) {
    if (byte === 0) throw new FeedError('it is not a text feed (binary data, or UTF-16 text: save it as UTF-8)');
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls += 1;
  }
  if (controls > start.length / 20) throw new FeedError('it is not a text feed (it looks like binary data)');
}

class FeedDecoder {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private carry: Buffer = Buffer.alloc(0);
  private windows1252 = false;
  private atStart = true;

  push(chunk: Buffer): string {
    let bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    if (this.atStart) {
      this.atStart = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    if (this.windows1252) return decodeWindows1252(bytes);
    const complete = completeUtf8Length(bytes);
    try {
      const text = this.utf8.decode(bytes.subarray(0, complete));
      this.carry = Buffer.from(bytes.subarray(complete));
      return text;
    } catch {
      this.windows1252 = true;
      return decodeWindows1252(bytes);
    }
  }

  end(): string {
    if (this.carry.length === 0) return '';
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    // A file that ends inside a UTF-8 sequence was not UTF-8 there.
    return decodeWindows1252(rest);
  }
}

export async function* feedText(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const head: Buffer[] = [];
  let headBytes = 0;
  let decoder: FeedDecoder | null = null;
  const begin = (): FeedDecoder => {
    const start = Buffer.concat(head);
    assertText(start.subarray(0, SNIFF_BYTES));
    head.length = 0;
    head.push(start);
    return new FeedDecoder();
  };
  for await (const chunk of bytes) {
    if (decoder) {
      yield decoder.push(chunk);
      continue;
    }
    head.push(chunk);
    headBytes += chunk.length;
    if (headBytes >= SNIFF_BYTES) {
      decoder = begin();
      yield decoder.push(head[0] ?? Buffer.alloc(0));
    }
  }
  if (!decoder) {
    decoder = begin();
    yield decoder.push(head[0] ?? Buffer.alloc(0));
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}
