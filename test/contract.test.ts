import { describe, expect, it } from 'vitest';
import { eventChannels, requestChannels, requests } from '../preload/contract';
import { createMainHandlers } from '../main/handlers';
import { createWorkerHandlers } from '../main/worker/handlers';
import type { WorkerRuntime } from '../main/worker/runtime';

// Handler factories only pick their services out of the runtime; nothing runs here.
const runtime = {} as WorkerRuntime;

describe('the contract', () => {
  it('has exactly one handler for every request channel, where the contract says it runs', () => {
    const worker = Object.keys(createWorkerHandlers(runtime));
    const main = Object.keys(createMainHandlers({ keychain: {} as never, worker: {} as never }));
    expect([...worker, ...main].sort()).toEqual([...requestChannels].sort());
    for (const channel of worker) expect(requests[channel as keyof typeof requests].runs).toBe('worker');
    for (const channel of main) expect(requests[channel as keyof typeof requests].runs).toBe('main');
  });

  it("names channels 'domain:verb'", () => {
    for (const channel of [...requestChannels, ...eventChannels]) expect(channel).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
  });

  it('has no channel that could hand the renderer a secret or the file system', () => {
    // Keys go renderer -> main once (to be stored); nothing ever sends one back.
    const dangerous = /(getKey|readKey|secret|password|token|readFile|writeFile|exec|shell|eval|openExternal)/i;
    for (const channel of [...requestChannels, ...eventChannels]) expect(channel).not.toMatch(dangerous);
  });
});
