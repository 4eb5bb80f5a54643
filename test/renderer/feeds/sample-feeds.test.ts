import { describe, expect, it } from 'vitest';
import { rememberedSampleFeed, rememberSampleFeed, SAMPLE_FEEDS } from '../../../renderer/pages/feeds/sample-feeds';

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

describe('the Sandbox’s sample feed choice', () => {
  it('offers the four scenarios of the demo engine', () => {
    expect(SAMPLE_FEEDS.map((feed) => feed.label)).toEqual([
      'Healthy',
      'With bad rows',
      'Empty',
      'Lost 60% of products',
    ]);
  });

  it('remembers the last choice, and nothing it does not know', () => {
    const storage = memoryStorage();
    expect(rememberedSampleFeed(storage)).toBeNull();
    rememberSampleFeed(storage, 'empty');
    expect(rememberedSampleFeed(storage)).toBe('empty');
    storage.setItem('catalog-studio.feeds.sample-feed', 'deleted-scenario');
    expect(rememberedSampleFeed(storage)).toBeNull();
  });
});
