/**
 * The API worker: a worker_thread that owns SQLite and all network I/O, so the main thread
 * (and the window) never waits on either. It answers contract requests the supervisor
 * forwards, and main's internal operations, one envelope per request.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toEnvelope } from '../errors';
import { createWorkerHandlers } from './handlers';
import { createInternalHandlers } from './handlers/internal';
import type { FromWorker, ToWorker, WorkerBoot } from './protocol';
import { createRuntime } from './runtime';

if (!parentPort) throw new Error('main/worker/index.ts must run inside a worker_thread.');
const port = parentPort;

function send(message: FromWorker): void {
  port.postMessage(message);
}

type AnyHandler = ((input: unknown) => unknown) | undefined;

const runtime = await createRuntime(workerData as WorkerBoot, (channel, payload) =>
  send({ kind: 'event', channel, payload }),
);
// Contract inputs were validated against their schemas by the router before they came here.
const handlers = createWorkerHandlers(runtime) as unknown as Record<string, AnyHandler>;
const internal = createInternalHandlers(runtime) as unknown as Record<string, AnyHandler>;

port.on('message', (message: ToWorker) => {
  const handler = message.kind === 'request' ? handlers[message.channel] : internal[message.op];
  const name = message.kind === 'request' ? message.channel : message.op;
  void toEnvelope(() => {
    if (!handler) throw new Error(`worker has no handler for ${name}`);
    return handler(message.input);
  }).then((result) => send({ kind: 'reply', id: message.id, result }));
});

port.on('close', () => void runtime.stop());
send({ kind: 'ready' });
