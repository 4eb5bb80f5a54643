/**
 * Requests per second per account, the way Django REST framework's SimpleRateThrottle
 * counts them: a sliding one-second window of request times. Real time, not the sandbox
 * clock, so moving the clock never opens or closes the gate.
 */
export class Throttle {
  private readonly history = new Map<string | number, number[]>();

  constructor(
    private readonly rate: () => number | null,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records the request and returns 0, or returns how long to wait (ms) without recording. */
  take(key: string | number): number {
    const limit = this.rate();
    if (limit === null) return 0;
    const now = this.now();
    const times = (this.history.get(key) ?? []).filter((time) => now - time < 1000);
    if (times.length >= limit) {
      this.history.set(key, times);
      return 1000 - (now - (times[0] ?? now));
    }
    times.push(now);
    this.history.set(key, times);
    return 0;
  }

  clear(): void {
    this.history.clear();
  }
}
