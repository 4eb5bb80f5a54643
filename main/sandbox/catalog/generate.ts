/**
 * The sample catalog: realistic, deterministic products for the sandbox's seeds, tests
 * and benchmarks. Item N depends only on (seed, profile, N), so a catalog can be made in
 * slices (`start`, `count`) without holding it in memory, and any slice is the same as
 * the matching part of a bigger run.
 */
import { Faker, en } from '@faker-js/faker';
import type { ItemDoc } from '../store/records';
import { fashion } from './fashion';
import { outdoor } from './outdoor';
import { productMaker } from './product';
import { sfc32Randomizer } from './random';

export type CatalogProfile = 'shop' | 'stores';

export interface GenerateOptions {
  count: number;
  seed?: number;
  profile?: CatalogProfile;
  /** First item number, so a catalog can be generated in slices. */
  start?: number;
}

/** The largest catalog the sandbox makes (DESIGN.md §8); item numbers run from 0 below this. */
export const MAX_CATALOG_ITEMS = 1_000_000;

const PROFILES = {
  shop: { vocabulary: fashion, salt: 1 },
  stores: { vocabulary: outdoor, salt: 2 },
} as const;

function checkRange(start: number, count: number): void {
  if (!Number.isInteger(start) || start < 0) {
    throw new RangeError(`start must be a whole number from 0; got ${start}.`);
  }
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number from 0; got ${count}.`);
  }
  if (start + count > MAX_CATALOG_ITEMS) {
    throw new RangeError(
      `A sample catalog has at most ${MAX_CATALOG_ITEMS} items; start ${start} + count ${count} goes past it.`,
    );
  }
}

/** Checks the range at the call, not at the first item, so a bad request fails where it is made. */
export function generateItems(options: GenerateOptions): Generator<ItemDoc> {
  const { count, seed = 1, profile = 'shop', start = 0 } = options;
  checkRange(start, count);
  return items(start, count, seed, profile);
}

function* items(start: number, count: number, seed: number, profile: CatalogProfile): Generator<ItemDoc> {
  const { vocabulary, salt } = PROFILES[profile];
  // A faker of our own: two generators in flight (two engines being seeded) never share state.
  const faker = new Faker({ locale: [en], randomizer: sfc32Randomizer() });
  const make = productMaker(vocabulary, seed);
  for (let index = start; index < start + count; index += 1) {
    faker.seed([seed, salt, index]);
    yield make(faker, index);
  }
}
