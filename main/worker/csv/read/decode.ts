/**
 * A file as text, a chunk at a time (never whole): decoded with the platform's TextDecoder,
 * line endings made `\n` (CRLF, CR and LF may be mixed in one file, as files pasted
 * together from Windows and Mac exports are), and refused when it is not text (NUL bytes,
 * bytes the encoding cannot decode) with the line and column where that starts.
 */
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { fileError } from '../errors';
import type { EncodingChoice } from './encoding';

/** Read a quarter megabyte at a time: bigger reads only raise the peak memory. */
const CHUNK_BYTES = 256 * 1024;

/** The (1-based) line and column of `offset` in `text`, counting from `line`. */
function placeIn(text: string, offset: number, line: number): { line: number; column: number } {
  let at = line;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    at += 1;
    lineStart = index + 1;
  }
  return { line: at, column: offset - lineStart + 1 };
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

export interface DecodeOptions {
  /** Stop after this many bytes (a sample for detection). */
  maxBytes?: number;
  /** Kept up to date with the bytes read from the file so far (BOM included), for a progress bar. */
  read?: FileRead;
}

export interface FileRead {
  bytes: number;
}

export async function* decodedText(
  file: string,
  choice: EncodingChoice,
  options: DecodeOptions = {},
): AsyncGenerator<string> {
  // Windows-1252 decodes any byte; the Unicode encodings are strict so garbage is caught.
  const decoder = new TextDecoder(choice.encoding, { fatal: choice.encoding !== 'windows-1252' });
  const stream = createReadStream(file, {
    start: choice.bomLength,
    highWaterMark: CHUNK_BYTES,
    ...(options.maxBytes !== undefined ? { end: choice.bomLength + options.maxBytes - 1 } : {}),
  });
  let line = 1;
  let heldCr = false;
  const clean = (raw: string): string => {
    let text = heldCr ? `\r${raw}` : raw;
    heldCr = text.endsWith('\r');
    if (heldCr) text = text.slice(0, -1);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    const nul = text.indexOf('\0');
    if (nul !== -1) {
      const at = placeIn(text, nul, line);
      throw fileError(
        at.line,
        at.column,
        'The file holds binary data (a NUL byte), not text: is it a spreadsheet (.xlsx) or an archive rather than a CSV?',
      );
    }
    if (line === 1) refuseControlCharacters(text);
    line += countLines(text);
    return text;
  };
  let raw: string;
  try {
    for await (const chunk of stream) {
      try {
        raw = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        throw fileError(
          line,
          null,
          `The bytes after this line are not valid ${choice.encoding.toUpperCase()} text (choose another encoding, or is the file binary?)`,
        );
      }
      if (options.read) options.read.bytes = choice.bomLength + stream.bytesRead;
      const text = clean(raw);
      if (text !== '') yield text;
    }
    // A sample cut mid-character is not an error: the rest is simply not read.
    const last = options.maxBytes !== undefined ? '' : decodeEnd(decoder, line, choice.encoding);
    const text = clean(last) + (heldCr ? '\n' : '');
    if (text !== '') yield text;
  } finally {
    stream.destroy();
  }
}

/** C0 controls other than tab and line breaks, and DEL: what text files do not hold. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x01-\x08\x0e-\x1f\x7f]/g;

/** Text has few control characters; a file whose first block is full of them is binary (Windows-1252 decodes anything). */
function refuseControlCharacters(text: string): void {
  const head = text.slice(0, 8192);
  const controls = head.match(CONTROL)?.length ?? 0;
  if (controls > 8 && controls * 50 > head.length) {
    const first = head.search(CONTROL);
    const at = placeIn(head, first, 1);
    throw fileError(
      at.line,
      at.column,
      'The file holds binary data (control characters), not text: is it a spreadsheet (.xlsx) or an archive rather than a CSV?',
    );
  }
}

function decodeEnd(decoder: TextDecoder, line: number, encoding: string): string {
  try {
    return decoder.decode();
  } catch {
    throw fileError(
      line,
      null,
      `The file ends in the middle of a ${encoding.toUpperCase()} character (is it cut short?)`,
    );
  }
}
