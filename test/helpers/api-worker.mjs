// Runs the API worker from its TypeScript source, so unit tests need no build.
import { register } from 'tsx/esm/api';

register();
await import('../../main/worker/index.ts');
