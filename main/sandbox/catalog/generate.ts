/**
 * PLACEHOLDER until the catalog generator lands (helper H3 replaces this file):
 * deterministic sample products, without faker yet.
 */
import type { ItemDoc } from '../store/records';

export type CatalogProfile = 'shop' | 'stores';

export interface GenerateOptions {
  count: number;
  seed?: number;
  profile?: CatalogProfile;
  /** First item number, so a catalog can be generated in slices. */
  start?: number;
}

export function* generateItems(options: GenerateOptions): Generator<ItemDoc> {
  const start = options.start ?? 0;
  for (let n = start; n < start + options.count; n += 1) {
    yield { id: `P${String(n).padStart(6, '0')}`, title: `Product ${n}`, price: 10 + (n % 90) };
  }
}
