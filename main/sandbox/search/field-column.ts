/**
 * One field's values for every item of an engine, dictionary-encoded: each distinct value
 * gets a code once, and each item slot holds its code. Filters, facets and sorts then
 * compare small integers instead of reading documents, which is what keeps a search over
 * 100,000 items within a few milliseconds.
 */

/** The slot has no usable value for this field. */
export const MISSING = -1;
/** The slot holds a list: its codes are in `lists`. */
export const MULTI = -2;

export type Scalar = string | number | boolean;

const NO_CODES: readonly number[] = [];

/** Scalars of a stored value: lists are flattened, objects and nulls carry no term. */
export function scalarsOf(value: unknown, into: Scalar[] = []): Scalar[] {
  if (typeof value === 'string' || typeof value === 'boolean') into.push(value);
  else if (typeof value === 'number' && Number.isFinite(value)) into.push(value);
  else if (Array.isArray(value)) for (const element of value) scalarsOf(element, into);
  return into;
}

/** "lat,lon" as Doofinder stores geo points; null when the text is not one. */
export function parseLatLon(text: string): { lat: number; lon: number } | null {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}

export class FieldColumn {
  /** Per code: the value as text (what term filters compare against, case-sensitively). */
  readonly keys: string[] = [];
  /** Per code: the value as first stored (facet keys keep numbers as numbers). */
  readonly originals: Scalar[] = [];
  /** Per code: the value as a number, NaN when it is not one. */
  readonly numbers: number[] = [];
  /** Per slot: a code, MISSING or MULTI. */
  readonly single: number[] = [];
  /** Per slot: the codes of a list value, else null (an array: a Map lookup per item costs 5× more). */
  readonly lists: Array<readonly number[] | null> = [];
  private readonly codes = new Map<string, number>();
  private points: Array<{ lat: number; lon: number } | null> | null = null;

  codeOf(key: string): number | undefined {
    return this.codes.get(key);
  }

  /** Codes of a slot's values (empty when missing). */
  codesAt(slot: number): readonly number[] {
    const code = this.single[slot] ?? MISSING;
    if (code >= 0) return [code];
    return code === MULTI ? this.listAt(slot) : [];
  }

  listAt(slot: number): readonly number[] {
    return this.lists[slot] ?? NO_CODES;
  }

  set(slot: number, value: unknown): void {
    this.fill(slot + 1);
    this.lists[slot] = null;
    const scalars = scalarsOf(value);
    if (scalars.length === 0) {
      this.single[slot] = MISSING;
      return;
    }
    const codes = [...new Set(scalars.map((scalar) => this.encode(scalar)))];
    if (codes.length === 1) {
      this.single[slot] = codes[0] ?? MISSING;
      return;
    }
    this.single[slot] = MULTI;
    this.lists[slot] = codes;
  }

  clear(slot: number): void {
    if (slot >= this.single.length) return;
    this.single[slot] = MISSING;
    this.lists[slot] = null;
  }

  /** Makes every slot below `size` exist (as MISSING), so loops never meet holes. */
  fill(size: number): void {
    while (this.single.length < size) {
      this.single.push(MISSING);
      this.lists.push(null);
    }
  }

  /** A code's value as a geo point, parsed once per distinct value. */
  pointOf(code: number): { lat: number; lon: number } | null {
    this.points ??= [];
    while (this.points.length <= code) {
      const key = this.keys[this.points.length] ?? '';
      this.points.push(parseLatLon(key));
    }
    return this.points[code] ?? null;
  }

  private encode(scalar: Scalar): number {
    const key = String(scalar);
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.keys.length;
      this.codes.set(key, code);
      this.keys.push(key);
      this.originals.push(scalar);
      this.numbers.push(toNumber(scalar));
    }
    return code;
  }
}

/** Numbers and numeric text compare as numbers (clients send "4.36"; feeds store "19.99"). */
export function toNumber(value: Scalar): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}
