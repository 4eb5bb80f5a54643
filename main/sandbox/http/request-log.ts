/** What clients sent, for tests to inspect (`GET /_sandbox/requests`). Tokens are masked. */
export interface LoggedRequest {
  seq: number;
  at: number;
  method: string;
  path: string;
  query: string;
  status: number;
  /** The Authorization header with all but the last 4 characters of its secret masked. */
  authorization: string | null;
  origin: string | null;
  contentType: string | null;
  bodyBytes: number;
  /** What the sandbox did besides answering: a fault it injected, the limit it applied. */
  outcome: string | null;
}

const CAPACITY = 20_000;

export function maskAuthorization(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, secret] = header.includes(' ') ? header.split(/\s+/, 2) : ['', header];
  const value = secret ?? '';
  const masked = value.length > 4 ? `${'*'.repeat(Math.min(8, value.length - 4))}${value.slice(-4)}` : '****';
  return scheme ? `${scheme} ${masked}` : masked;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ ...entry, seq: this.seq });
    if (this.entries.length > CAPACITY) this.entries = this.entries.slice(-CAPACITY / 2);
  }

  list(since = 0, limit = 1000): LoggedRequest[] {
    return this.entries.filter((entry) => entry.seq > since).slice(0, limit);
  }

  clear(): void {
    this.entries = [];
  }
}
