/** The app's contract spoken by a test the way browser mode's window.api speaks it. */
import WebSocket from 'ws';
import type { EventChannel, RequestChannel } from '../../preload/contract';
import type { RunningApp } from './harness';

/** The app's contract over the host's WebSocket (as browser mode's window.api speaks it). */
export class AppSocket {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: { ok: boolean; value?: unknown; error?: unknown }) => void>();
  private readonly listeners = new Set<(event: EventChannel, payload: unknown) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as
        | { id: number; result: { ok: boolean; value?: unknown; error?: unknown } }
        | { event: EventChannel; payload: unknown };
      if ('id' in message) this.waiting.get(message.id)?.(message.result);
      else for (const listener of this.listeners) listener(message.event, message.payload);
    });
  }

  static open(running: RunningApp): Promise<AppSocket> {
    const token = new URL(running.url).searchParams.get('token') ?? '';
    const ws = new WebSocket(`ws://127.0.0.1:${running.port}/api?token=${token}`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new AppSocket(ws)));
      ws.once('error', reject);
    });
  }

  async call<T>(channel: RequestChannel, input?: unknown): Promise<T> {
    const id = this.nextId++;
    const result = await new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ id, channel, input }));
    });
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  }

  /** Resolves with the first event of `channel` that `accept` takes. */
  next<T>(channel: EventChannel, accept: (payload: T) => boolean): Promise<T> {
    return new Promise((resolve) => {
      const listener = (event: EventChannel, payload: unknown) => {
        if (event !== channel || !accept(payload as T)) return;
        this.listeners.delete(listener);
        resolve(payload as T);
      };
      this.listeners.add(listener);
    });
  }

  /** The embedded sandbox's address (it moves when the worker restarts). */
  async sandboxUrl(): Promise<string> {
    const { accounts } = await this.call<{ accounts: { kind: string; managementUrl: string | null }[] }>(
      'accounts:list',
    );
    return accounts.find((account) => account.kind === 'sandbox')?.managementUrl ?? '';
  }

  /** A call to the embedded sandbox's control API (`/_sandbox/...`), failing on an error answer. */
  async sandboxControl(path: string, body?: unknown, method: 'POST' | 'DELETE' = 'POST'): Promise<void> {
    const response = await fetch(`${await this.sandboxUrl()}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  }

  close(): void {
    this.ws.close();
  }
}
