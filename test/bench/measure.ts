/** Small measuring helpers the benchmarks share. */
import { readFileSync } from 'node:fs';

/** Nearest-rank percentile (p in 0..100) of samples in milliseconds, rounded to 0.01 ms. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return round(sorted[rank - 1] ?? Number.NaN);
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * The process's highest resident set size so far, in MB (the kernel's high-water mark, not a
 * sample). On Linux it is read from VmHWM: getrusage's maxRSS survives fork and exec, so a
 * child spawned by a parent holding a big sandbox reported the parent's peak as its own.
 */
export function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Math.round(Number(match[1]) / 1024);
  } catch {
    // not Linux: fall back to getrusage
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function thousands(value: number): string {
  return value.toLocaleString('en-US');
}

/** A whole-number option `--name N` between min and max, or the fallback when absent. */
export function wholeOption(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}; got "${value}".`);
  }
  return parsed;
}
