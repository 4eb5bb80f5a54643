/**
 * Where a type's feed comes from. The sandbox must never reach the internet, so a source is
 * a local file (an absolute path or a file:// URL) or an http:// URL on the loopback
 * interface; anything else is refused with a reason the log line shows.
 */
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

export type FeedSource =
  { kind: 'file'; path: string } | { kind: 'http'; url: URL } | { kind: 'refused'; reason: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

const ONLY_LOCAL = 'the sandbox reads feeds from local files and http://127.0.0.1 or http://localhost URLs only';

export function resolveSource(source: string): FeedSource {
  const text = source.trim();
  if (text === '') return { kind: 'refused', reason: 'the source is empty' };
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text) || /^[a-z]:[\\/]/i.test(text)) {
    return isAbsolute(text)
      ? { kind: 'file', path: text }
      : { kind: 'refused', reason: 'a file path must be absolute' };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'refused', reason: 'not a valid URL' };
  }
  if (url.protocol === 'file:') {
    try {
      return { kind: 'file', path: fileURLToPath(url) };
    } catch {
      return { kind: 'refused', reason: 'not a valid file:// URL' };
    }
  }
  if (url.protocol !== 'http:') return { kind: 'refused', reason: `${url.protocol}// is not allowed: ${ONLY_LOCAL}` };
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    return { kind: 'refused', reason: `${url.hostname} is not on this machine: ${ONLY_LOCAL}` };
  }
  if (url.username || url.password) return { kind: 'refused', reason: 'credentials in feed URLs are not supported' };
  return { kind: 'http', url };
}
