/** What a feed parser yields: an item as found at a line, or why the line was skipped. */
export type FeedRecord = { line: number; doc: Record<string, unknown> } | { line: number; problem: string };

/** A row or item larger than this fails the feed: it is an unbalanced quote or not a feed. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;
