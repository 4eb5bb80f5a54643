/** The Sandbox account's sample feeds for its "Feed demo" engine (`feeds:sandboxScenario`). */

export type SampleFeed = 'healthy' | 'bad-rows' | 'empty' | 'lost-products';

export const SAMPLE_FEEDS: ReadonlyArray<{ value: SampleFeed; label: string }> = [
  { value: 'healthy', label: 'Healthy' },
  { value: 'bad-rows', label: 'With bad rows' },
  { value: 'empty', label: 'Empty' },
  { value: 'lost-products', label: 'Lost 60% of products' },
];

const KEY = 'catalog-studio.feeds.sample-feed';

export function rememberedSampleFeed(storage: Pick<Storage, 'getItem'>): SampleFeed | null {
  const value = storage.getItem(KEY);
  return SAMPLE_FEEDS.find((option) => option.value === value)?.value ?? null;
}

export function rememberSampleFeed(storage: Pick<Storage, 'setItem'>, value: SampleFeed): void {
  storage.setItem(KEY, value);
}
