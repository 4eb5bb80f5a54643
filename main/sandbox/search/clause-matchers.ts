/**
 * Filter and exclude clauses turned into slot tests over the engine's field columns. Each
 * test is decided once per distinct value (code), then per item by a table lookup, so a
 * clause costs the same on 100,000 items whatever it compares.
 */
import type { Bound, Clause, RangeBounds } from './filter-params';
import { type FieldColumn, MISSING, MULTI } from './field-column';
import { haversineMeters } from './geo';

export type SlotTest = (slot: number) => boolean;

const never: SlotTest = () => false;

/** Whether any of the slot's values passes the per-code table. */
function anyCode(column: FieldColumn, passes: Uint8Array): SlotTest {
  const { single } = column;
  return (slot) => {
    const code = single[slot] ?? MISSING;
    if (code >= 0) return passes[code] === 1;
    if (code !== MULTI) return false;
    for (const each of column.listAt(slot)) if (passes[each] === 1) return true;
    return false;
  };
}

function codeTable(column: FieldColumn, passes: (code: number) => boolean): Uint8Array {
  const table = new Uint8Array(column.keys.length);
  for (let code = 0; code < table.length; code += 1) table[code] = passes(code) ? 1 : 0;
  return table;
}

/** Terms compare as text, case-sensitively, with the whole stored value or any element of a stored list. */
function termsTest(column: FieldColumn, values: string[], requireAll: boolean): SlotTest {
  const codes = values.map((value) => column.codeOf(value));
  if (requireAll) {
    if (codes.some((code) => code === undefined)) return never;
    const wanted = [...new Set(codes as number[])];
    return (slot) => {
      const held = column.codesAt(slot);
      return wanted.every((code) => held.includes(code));
    };
  }
  const known = new Set(codes.filter((code): code is number => code !== undefined));
  if (known.size === 0) return never;
  return anyCode(
    column,
    codeTable(column, (code) => known.has(code)),
  );
}

function compare(column: FieldColumn, code: number, bound: Bound): number | null {
  if (typeof bound === 'number') {
    const value = column.numbers[code] ?? Number.NaN;
    return Number.isNaN(value) ? null : value - bound;
  }
  const text = column.keys[code] ?? '';
  return text < bound ? -1 : text > bound ? 1 : 0;
}

function inRange(column: FieldColumn, code: number, bounds: RangeBounds): boolean {
  const checks: Array<[Bound | undefined, (difference: number) => boolean]> = [
    [bounds.gt, (d) => d > 0],
    [bounds.gte, (d) => d >= 0],
    [bounds.lt, (d) => d < 0],
    [bounds.lte, (d) => d <= 0],
  ];
  for (const [bound, passes] of checks) {
    if (bound === undefined) continue;
    const difference = compare(column, code, bound);
    if (difference === null || !passes(difference)) return false;
  }
  return true;
}

export function clauseTest(clause: Clause, column: FieldColumn, requireAllTerms: boolean): SlotTest {
  switch (clause.kind) {
    case 'terms':
      return termsTest(column, clause.values, requireAllTerms);
    case 'range':
      return anyCode(
        column,
        codeTable(column, (code) => inRange(column, code, clause.bounds)),
      );
    case 'geo':
      return anyCode(
        column,
        codeTable(column, (code) => {
          const point = column.pointOf(code);
          return point !== null && haversineMeters(point, clause.origin) <= clause.meters;
        }),
      );
  }
}
