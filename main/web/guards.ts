/**
 * Who may talk to browser mode: only pages served by this host, on a loopback address,
 * holding this launch's token. Loopback Host headers stop DNS-rebinding pages; the Origin
 * check stops other local pages from opening our WebSocket; the token stops other local
 * users and programs.
 */
import { timingSafeEqual } from 'node:crypto';
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
  if (!match) return false;
  return LOOPBACK_NAMES.has(match[1] ?? '') && Number(match[2] ?? '80') === port;
}

/** A browser always sends Origin on WebSocket upgrades; other clients must still hold the token. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && isLoopbackHost(url.host, port);
  } catch {
    return false;
  }
}

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieName(port: number): string {
  // Cookies ignore ports: two launches on one machine must not overwrite each other's token.
  return `cs_token_${port}`;
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Maps a URL path to a file inside `root`, or null when it would escape it. */
export function staticFilePath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = resolve(root, `.${normalize(`/${decoded}`)}`);
  const inside = relative(root, candidate);
  if (inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null;
  return candidate;
}
