/**
 * Which files the worker may touch for the renderer: exactly the paths main handed out
 * (a dialog the user answered, a browser-mode upload or export reservation, a drop the user
 * confirmed), each with the one right it was given for. A renderer can name any path in a
 * `csv:*` request; the router checks it here first, so a compromised page cannot make the
 * worker read or overwrite a file the user never chose. Kept in memory only: grants end with
 * the app (a restart forgets them) or after `maxAgeMs`, whichever comes first.
 */
import { resolve } from 'node:path';

/** Read: the worker may open the file (preview, dry run). Write: it may create or replace it (export, results). */
export type FileRight = 'read' | 'write';

export interface FileGrants {
  /** Lets the worker use `file` for `right` from now until the grant expires. */
  grant(file: string, right: FileRight): void;
  allows(file: string, right: FileRight): boolean;
}

/** A day: long enough for an import the user leaves open over lunch, short enough to be forgotten. */
export const GRANT_MAX_AGE_MS = 24 * 3600 * 1000;

export function createFileGrants(options: { maxAgeMs?: number; now?: () => number } = {}): FileGrants {
  const maxAgeMs = options.maxAgeMs ?? GRANT_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  // key: right + normalised path; value: when the grant was given.
  const given = new Map<string, number>();
  const keyOf = (file: string, right: FileRight) => `${right}\0${resolve(file)}`;
  return {
    grant(file, right) {
      given.set(keyOf(file, right), now());
    },
    allows(file, right) {
      const key = keyOf(file, right);
      const at = given.get(key);
      if (at === undefined) return false;
      if (now() - at > maxAgeMs) {
        given.delete(key);
        return false;
      }
      return true;
    },
  };
}

/** The right each worker channel's `file` field needs. */
const FILE_RIGHTS: Partial<Record<string, readonly FileRight[]>> = {
  'csv:preview': ['read'],
  'csv:dryRun': ['read'],
  'csv:export': ['write'],
  'csv:results': ['write'],
  'stats:export': ['write'],
  'relevance:import': ['read'],
  'relevance:export': ['write'],
};

/**
 * The rights a request needs for its `file`, if it names one. A channel not listed above that
 * carries a file (one added later) needs both, so it is refused until someone says which.
 */
export function fileRequest(channel: string, input: unknown): { file: string; rights: readonly FileRight[] } | null {
  if (typeof input !== 'object' || input === null || !('file' in input)) return null;
  const { file } = input;
  if (typeof file !== 'string') return null;
  return { file, rights: FILE_RIGHTS[channel] ?? ['read', 'write'] };
}
