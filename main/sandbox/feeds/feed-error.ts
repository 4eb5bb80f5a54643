/**
 * A feed source that cannot be processed as a whole (missing, unreadable, refused, not a
 * feed). Its message is what the task's FAILURE message and the ERROR log line say, so it
 * is written for the person who maintains the feed.
 */
export class FeedError extends Error {
  override readonly name = 'FeedError';
}

/** The run was stopped (sandbox closing, state wiped, type deleted): no more writes. */
export class RunInterrupted extends Error {
  override readonly name = 'RunInterrupted';
}
