/**
 * `npm run soak -- [--edits N] [--kills K] [--seed S]`: the reliability soak (test/soak/soak.ts).
 * Prints progress lines, then ONE JSON object on the last line:
 *   {"edits":N,"kills":N,"lost":0,"duplicated":0,"stuck":0}
 * Exits 1 when anything was lost, duplicated or left stuck.
 */
import { parseArgs } from 'node:util';
import { runSoak } from '../test/soak/soak';

function whole(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed) || parsed < min)
    throw new Error(`--${name} must be a whole number of at least ${min}; got "${value}".`);
  return parsed;
}

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { edits: { type: 'string' }, kills: { type: 'string' }, seed: { type: 'string' } },
});

try {
  const result = await runSoak({
    edits: whole(values.edits, 'edits', 10_000, 1),
    kills: whole(values.kills, 'kills', 20, 0),
    seed: values.seed === undefined ? undefined : whole(values.seed, 'seed', 0, 0),
    log: (line) => console.log(line),
  });
  console.log(`seed ${result.seed}, ${result.seconds} s`);
  const { edits, kills, lost, duplicated, stuck } = result;
  console.log(JSON.stringify({ edits, kills, lost, duplicated, stuck }));
  process.exit(lost + duplicated + stuck === 0 ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
}
