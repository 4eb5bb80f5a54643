/**
 * The shapes `qs` gives bracket-style parameters, reduced to a few: the same filter or sort
 * arrives as `x[]=a`, `x[0]=a`, `x=a`, or `x[][op]=v` (a list of one-key objects).
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A list however it was sent: arrays as they are, `{0: a, 1: b}` (qs turns indexes above its
 * array limit into object keys) as [a, b], anything else as a list of one.
 */
export function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
      return keys.sort((a, b) => Number(a) - Number(b)).map((key) => value[key]);
    }
  }
  return [value];
}

/** `[{gte: 1}, {lt: 9}]` (the document's `x[][gte]=1&x[][lt]=9`) as `{gte: 1, lt: 9}`; null if not all objects. */
export function mergedRecord(value: unknown): Record<string, unknown> | null {
  const list = asList(value);
  if (!list.every(isRecord)) return null;
  return Object.assign({}, ...list) as Record<string, unknown>;
}
