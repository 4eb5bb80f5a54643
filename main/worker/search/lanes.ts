/**
 * Search-as-you-type: a newer call in the same lane makes the older one pointless, so it is
 * cancelled (its request aborted) rather than left to answer out of order.
 */
export class Lanes {
  private readonly running = new Map<string, AbortController>();

  /** A signal for a new call in `lane`, aborting the one before it; no lane, no cancelling. */
  open(lane: string | undefined): { signal: AbortSignal | undefined; close: () => void } {
    if (lane === undefined) return { signal: undefined, close: () => undefined };
    this.running.get(lane)?.abort(new LaneCancelled(lane));
    const controller = new AbortController();
    this.running.set(lane, controller);
    return {
      signal: controller.signal,
      close: () => {
        if (this.running.get(lane) === controller) this.running.delete(lane);
      },
    };
  }

  cancelAll(): void {
    for (const [lane, controller] of this.running) controller.abort(new LaneCancelled(lane));
    this.running.clear();
  }
}

export class LaneCancelled extends Error {
  constructor(readonly lane: string) {
    super(`A newer search in "${lane}" replaced this one.`);
    this.name = 'LaneCancelled';
  }
}
