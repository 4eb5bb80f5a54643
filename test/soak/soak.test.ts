/**
 * The soak, small (npm run soak runs it large): 1,000 edits through the contract while the
 * app is SIGKILLed 5 times and the sandbox throws faults; afterwards the server holds
 * exactly what the app holds.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from './soak';

describe('the soak', () => {
  it('loses nothing, duplicates nothing and leaves nothing pushing through kills and faults', async () => {
    const lines: string[] = [];
    const result = await runSoak({ edits: 1_000, kills: 5, log: (line) => lines.push(line) });
    const report = `seed ${result.seed}:\n${lines.join('\n')}`;
    expect({ ...result, verdict: undefined }, report).toMatchObject({
      edits: 1_000,
      kills: 5,
      lost: 0,
      duplicated: 0,
      stuck: 0,
    });
    expect(result.verdict.localItems, report).toBeGreaterThan(250);
  }, 170_000);
});
