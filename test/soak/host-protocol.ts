/** Messages between the soak driver and the app process it kills and restarts (soak-host.ts). */
import type { Envelope, EventChannel } from '../../preload/contract';

export type ToHost = { kind: 'call'; id: number; channel: string; input: unknown } | { kind: 'stop' };

export type FromHost =
  | { kind: 'reply'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; channel: EventChannel; payload: unknown };
