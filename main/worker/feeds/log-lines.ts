/**
 * Doofinder's processing log lines name the feed line a problem is on ("Item does not have
 * key field: 'id' at line number: 2"); the number is shown in a column of its own so a
 * shop owner can go straight to it. Variants seen in feeds and proxies ("at line 2",
 * "line number 2", "line #2") are read too; the message itself is kept whole.
 */
import type { FeedLogLine } from '../../../preload/contract';
import type { LogLine } from '../doofinder/management-v1';

const LINE_NUMBER = /\bline(?:\s+number)?\s*(?::|#|no\.?)?\s*(\d{1,10})\b/gi;

/** The last line number a message names (a message may quote an earlier one), else null. */
export function lineNumberOf(message: string): number | null {
  let found: number | null = null;
  for (const match of message.matchAll(LINE_NUMBER)) {
    const line = Number(match[1]);
    if (Number.isSafeInteger(line)) found = line;
  }
  return found;
}

export function toFeedLogLine(line: LogLine): FeedLogLine {
  const message = typeof line.msg === 'string' ? line.msg : String(line.msg ?? '');
  return {
    date: typeof line.date === 'string' ? line.date : '',
    level: typeof line.level === 'string' && line.level ? line.level.toUpperCase() : 'INFO',
    message,
    line: lineNumberOf(message),
  };
}
