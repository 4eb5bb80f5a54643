/**
 * The API worker: a worker_thread that will own SQLite and all network I/O, so the main
 * thread (and the window) never waits on either. It answers contract requests that the
 * supervisor forwards, one envelope per request.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toEnvelope } from '../errors';
import { createWorkerHandlers } from './handlers';
import type { FromWorker, ToWorker, WorkerBoot } from './protocol';

if (!parentPort) throw new Error('main/worker/index.ts must run inside a worker_thread.');
const port = parentPort;
// Inputs were validated against the contract's schemas before they were forwarded here.
const handlers = createWorkerHandlers(workerData as WorkerBoot, new Date()) as unknown as Record<
  string,
  ((input: unknown) => unknown) | undefined
>;

function send(message: FromWorker): void {
  port.postMessage(message);
}

port.on('message', (message: ToWorker) => {
  if (message.kind !== 'request') return;
  const handler = handlers[message.channel];
  void toEnvelope(() => {
    if (!handler) throw new Error(`worker has no handler for ${message.channel}`);
    return handler(message.input);
  }).then((result) => send({ kind: 'reply', id: message.id, result }));
});

send({ kind: 'ready' });
