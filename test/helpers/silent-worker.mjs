// A worker that starts but never answers: requests sent to it stay in flight until it dies.
import { parentPort } from 'node:worker_threads';

parentPort.postMessage({ kind: 'ready' });
setInterval(() => undefined, 1000);
