/**
 * Every record of a feed file, whatever its format: gzip or not (magic bytes), UTF-8 or
 * Windows-1252, Google Shopping XML or header-row CSV/TXT (a first character of `<`).
 * The file's name is never consulted.
 */
import { contentBytes } from './feed-bytes';
import { csvRecords } from './csv-records';
import { MAX_RECORD_CHARS, type FeedRecord } from './feed-record';
import { feedText } from './feed-text';
import { xmlRecords } from './xml-records';

/** `head`, then the rest of `chunks`; closes `chunks` however the reader stops. */
async function* prepend(head: string, chunks: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  } finally {
    await chunks.return?.();
  }
}

export async function* readFeed(path: string, signal: AbortSignal): AsyncGenerator<FeedRecord> {
  const chunks = feedText(contentBytes(path, signal))[Symbol.asyncIterator]();
  let head = '';
  while (head.trim() === '' && head.length <= MAX_RECORD_CHARS) {
    const next = await chunks.next();
    if (next.done) return;
    head += next.value;
  }
  // Leading blank lines stay: line numbers in the log must match the file.
  const text = prepend(head, chunks);
  yield* head.trimStart().startsWith('<') ? xmlRecords(text) : csvRecords(text);
}
