/**
 * Injected faults for tests and benchmarks (control API `POST /_sandbox/faults`): server
 * errors, 429s, dropped connections, added latency and switched-off methods (405), each
 * with a probability, per path pattern. A seed makes a run repeatable.
 */
import { z } from 'zod';

const probability = z.number().min(0).max(1);

export const faultRuleSchema = z
  .object({
    /** Regular expression tested against the path; every API path when absent. */
    path: z.string().optional(),
    methods: z.array(z.string().toUpperCase()).optional(),
    error5xx: probability.optional(),
    status429: probability.optional(),
    drop: probability.optional(),
    latencyMs: z.union([z.number().min(0), z.tuple([z.number().min(0), z.number().min(0)])]).optional(),
    /** Answer 405 "That operation is not allowed", as during Doofinder maintenance. */
    notAllowed: z.boolean().optional(),
  })
  .strict();

export const faultsSchema = z.object({ rules: z.array(faultRuleSchema), seed: z.number().int().optional() }).strict();

export type FaultRule = z.infer<typeof faultRuleSchema>;

export type FaultAction = 'none' | '5xx' | '429' | 'drop' | '405';

export interface FaultDecision {
  latencyMs: number;
  action: FaultAction;
  status5xx: 500 | 502 | 503;
}

/** mulberry32: small, fast, seedable. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private rules: Array<FaultRule & { pattern: RegExp | null }> = [];
  private random: () => number = Math.random;

  set(rules: FaultRule[], seed?: number): void {
    this.rules = rules.map((rule) => ({ ...rule, pattern: rule.path ? new RegExp(rule.path) : null }));
    this.random = seed === undefined ? Math.random : prng(seed);
  }

  list(): FaultRule[] {
    return this.rules.map(({ pattern: _pattern, ...rule }) => rule);
  }

  clear(): void {
    this.rules = [];
  }

  decide(method: string, path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, action: 'none', status5xx: 500 };
    for (const rule of this.rules) {
      if (rule.pattern && !rule.pattern.test(path)) continue;
      if (rule.methods && !rule.methods.includes(method.toUpperCase())) continue;
      if (rule.latencyMs !== undefined) {
        const [low, high] = Array.isArray(rule.latencyMs) ? rule.latencyMs : [rule.latencyMs, rule.latencyMs];
        decision.latencyMs += low + this.random() * (high - low);
      }
      if (decision.action !== 'none') continue;
      if (rule.notAllowed) decision.action = '405';
      else if (rule.drop && this.random() < rule.drop) decision.action = 'drop';
      else if (rule.status429 && this.random() < rule.status429) decision.action = '429';
      else if (rule.error5xx && this.random() < rule.error5xx) {
        decision.action = '5xx';
        decision.status5xx = ([500, 502, 503] as const)[Math.floor(this.random() * 3)] ?? 500;
      }
    }
    return decision;
  }
}
