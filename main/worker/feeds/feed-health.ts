/**
 * Feed health (issue 11): after a run, each type's item count and the fields its items
 * carry are compared with a baseline, because a feed that silently lost most of its
 * products is the failure shop owners find last. The baseline is the engine's previous
 * checked run, else the local mirror. Flags:
 * - `drop`: a type lost more than `dropPercent` of its items;
 * - `empty-type`: a type that had items has none;
 * - `field-vanished`: a field on at least half of the baseline's items is on under 10% now.
 */
import type { FeedHealth, FeedHealthFlag, FeedTypeCount } from '../../../preload/contract';

/** A type's item count and, from a sample of its items, the share (0-1) of items that have each field. */
export interface TypeSample {
  type: string;
  count: number;
  fields: Record<string, number>;
}

/** What a run stores: the view, plus its samples as the next run's baseline. */
export interface StoredHealth extends FeedHealth {
  samples: TypeSample[];
}

export const COMMON_FIELD_SHARE = 0.5;
export const VANISHED_FIELD_SHARE = 0.1;
export const DEFAULT_DROP_PERCENT = 10;

export function toHealthView(stored: StoredHealth): FeedHealth {
  return { checkedAt: stored.checkedAt, baseline: stored.baseline, counts: stored.counts, flags: stored.flags };
}

const hasValue = (value: unknown) =>
  value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/** The share of documents that have each field with a value. */
export function fieldShares(docs: ReadonlyArray<Record<string, unknown>>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const doc of docs)
    for (const [field, value] of Object.entries(doc))
      if (hasValue(value)) counts.set(field, (counts.get(field) ?? 0) + 1);
  return Object.fromEntries([...counts].map(([field, n]) => [field, n / docs.length]));
}

const items = (n: number) => n.toLocaleString('en-US');
const percent = (share: number) => `${Math.round(share * 100)}%`;

function countFlags(type: string, before: number, after: number, dropPercent: number): FeedHealthFlag[] {
  if (before <= 0) return [];
  if (after === 0) {
    return [
      { kind: 'empty-type', type, field: null, before, after, message: `${type}: ${items(before)} → 0 items (empty)` },
    ];
  }
  const lost = ((before - after) / before) * 100;
  if (lost <= dropPercent) return [];
  return [
    {
      kind: 'drop',
      type,
      field: null,
      before,
      after,
      message: `${type}: ${items(before)} → ${items(after)} items (−${Math.round(lost)}%)`,
    },
  ];
}

function fieldFlags(type: string, before: TypeSample, after: TypeSample): FeedHealthFlag[] {
  // An empty type is flagged once, as empty: every field "vanishing" with it says nothing more.
  if (after.count === 0 || Object.keys(after.fields).length === 0) return [];
  return Object.entries(before.fields)
    .filter(([field, share]) => share >= COMMON_FIELD_SHARE && (after.fields[field] ?? 0) < VANISHED_FIELD_SHARE)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([field, share]) => {
      const now = after.fields[field] ?? 0;
      return {
        kind: 'field-vanished' as const,
        type,
        field,
        before: share,
        after: now,
        message: `${type}: "${field}" was on ${percent(share)} of items, now on ${percent(now)}`,
      };
    });
}

export interface HealthInput {
  now: TypeSample[];
  previous: TypeSample[] | null;
  mirror: TypeSample[] | null;
  dropPercent: number;
  checkedAt: Date;
}

export function assessHealth({ now, previous, mirror, dropPercent, checkedAt }: HealthInput): StoredHealth {
  const baseline = previous ? 'previous-run' : mirror ? 'mirror' : 'none';
  const compareWith = previous ?? mirror ?? [];
  const find = (samples: TypeSample[] | null, type: string) => samples?.find((sample) => sample.type === type);
  const counts: FeedTypeCount[] = now.map((sample) => ({
    type: sample.type,
    count: sample.count,
    previous: find(previous, sample.type)?.count ?? null,
    mirror: find(mirror, sample.type)?.count ?? null,
  }));
  const flags = now.flatMap((sample) => {
    const before = find(compareWith, sample.type);
    if (!before) return [];
    return [
      ...countFlags(sample.type, before.count, sample.count, dropPercent),
      ...fieldFlags(sample.type, before, sample),
    ];
  });
  return { checkedAt: checkedAt.toISOString(), baseline, counts, flags, samples: now };
}
