/**
 * Keeps API keys out of every string that leaves a process: error messages, log lines,
 * reports. Known secrets are replaced exactly; patterns catch what looks like a key or an
 * Authorization header even when we never saw that secret (a key echoed by a proxy, say).
 */

const REDACTED = '[redacted]';
const knownSecrets = new Set<string>();

/** Remember a secret for this process so that `redactSecrets` removes it wherever it appears. */
export function registerSecret(secret: string): void {
  if (secret.length < 6) return; // too short to replace safely without mangling ordinary text
  knownSecrets.add(secret);
  const dash = secret.indexOf('-');
  // A Doofinder key is `{zone}-{token}` and requests carry only the token.
  if (dash > 0 && secret.length - dash > 8) knownSecrets.add(secret.slice(dash + 1));
}

export function forgetSecret(secret: string): void {
  knownSecrets.delete(secret);
  const dash = secret.indexOf('-');
  if (dash > 0) knownSecrets.delete(secret.slice(dash + 1));
}

const patterns: Array<[RegExp, string]> = [
  // Authorization: Token abc / Authorization: Bearer abc / authorization=abc
  [/(authorization["']?\s*[:=]\s*["']?)(?:token\s+|bearer\s+)?[^\s"',}]+/gi, `$1${REDACTED}`],
  [/\b(Token|Bearer)\s+[A-Za-z0-9._~+/=-]{16,}/g, `$1 ${REDACTED}`],
  // {zone}-{token}: eu1-ab46030xza33960aac71a10248489b6c26172f07
  [/\b[a-z]{2,4}\d{1,2}-[A-Za-z0-9]{24,}\b/g, REDACTED],
  // ?token=... in URLs (browser mode's launch token)
  [/([?&]token=)[^&\s"']+/gi, `$1${REDACTED}`],
];

export function redactSecrets(text: string): string {
  let out = text;
  // Longest first, so a key is replaced whole before its token part is.
  for (const secret of [...knownSecrets].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}
