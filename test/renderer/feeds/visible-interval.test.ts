import { describe, expect, it } from 'vitest';
import { runWhileVisible, type Timers, type VisibilitySource } from '../../../renderer/pages/feeds/visible-interval';

/** A page whose visibility the test sets, and an interval the test fires by hand. */
interface FakePage {
  visible: boolean;
  visibility: VisibilitySource;
  timers: Timers;
  setVisible(next: boolean): void;
  tick(): void;
  listening(): boolean;
}

function fakePage(visible: boolean): FakePage {
  const listeners = new Set<() => void>();
  let tick: (() => void) | null = null;
  const page: FakePage = {
    visible,
    visibility: {
      isVisible: () => page.visible,
      onChange: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    timers: {
      setInterval: (handler: () => void) => {
        tick = handler;
        return 1;
      },
      clearInterval: () => {
        tick = null;
      },
    },
    setVisible(next: boolean) {
      page.visible = next;
      for (const listener of listeners) listener();
    },
    tick: () => tick?.(),
    listening: () => listeners.size > 0 || tick !== null,
  };
  return page;
}

describe('checking for runs started elsewhere while the page is visible', () => {
  it('checks on open and at every tick', () => {
    const page = fakePage(true);
    let checks = 0;
    runWhileVisible(() => (checks += 1), 30_000, page.visibility, page.timers);
    expect(checks).toBe(1);
    page.tick();
    page.tick();
    expect(checks).toBe(3);
  });

  it('spends nothing while hidden, and checks at once when the user comes back', () => {
    const page = fakePage(false);
    let checks = 0;
    runWhileVisible(() => (checks += 1), 30_000, page.visibility, page.timers);
    page.tick();
    expect(checks).toBe(0);
    page.setVisible(true);
    expect(checks).toBe(1);
    page.setVisible(true);
    expect(checks).toBe(1);
  });

  it('stops checking when the page closes', () => {
    const page = fakePage(true);
    let checks = 0;
    const stop = runWhileVisible(() => (checks += 1), 30_000, page.visibility, page.timers);
    stop();
    page.tick();
    page.setVisible(true);
    expect(checks).toBe(1);
    expect(page.listening()).toBe(false);
  });
});
