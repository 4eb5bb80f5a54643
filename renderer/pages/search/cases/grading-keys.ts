/**
 * Grading with the keyboard while looking at results: where the cursor is (which query, which
 * result) and what a key does to it. Pure, so every move is tested without a page.
 *
 * ↑/↓ move between results, 0–3 grade the result and step to the next one (the eye is already
 * there), Backspace/Delete remove the grade, Enter/→ go to the next query, ← to the previous.
 */

export interface GradingCursor {
  query: number;
  result: number;
}

/** How many results each query shows, in order. */
export type ResultCounts = readonly number[];

export interface GradingStep {
  cursor: GradingCursor;
  /** A grade to save for the result the cursor was on (null removes it). */
  grade?: { query: number; result: number; grade: number | null };
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** The cursor kept inside the queries and results that exist (after a delete or a new run). */
export function settleCursor(cursor: GradingCursor, counts: ResultCounts): GradingCursor {
  if (counts.length === 0) return { query: 0, result: 0 };
  const query = clamp(cursor.query, 0, counts.length - 1);
  const results = counts[query] ?? 0;
  return { query, result: clamp(cursor.result, 0, Math.max(0, results - 1)) };
}

function toQuery(query: number, counts: ResultCounts): GradingCursor {
  return settleCursor({ query, result: 0 }, counts);
}

/** The step a key makes, or null when the key is not a grading key (the page lets it through). */
export function gradingStep(key: string, at: GradingCursor, counts: ResultCounts): GradingStep | null {
  const cursor = settleCursor(at, counts);
  const results = counts[cursor.query] ?? 0;
  switch (key) {
    case 'ArrowDown':
      return { cursor: settleCursor({ ...cursor, result: cursor.result + 1 }, counts) };
    case 'ArrowUp':
      return { cursor: settleCursor({ ...cursor, result: cursor.result - 1 }, counts) };
    case 'Enter':
    case 'ArrowRight':
      return { cursor: toQuery(cursor.query + 1, counts) };
    case 'ArrowLeft':
      return { cursor: toQuery(cursor.query - 1, counts) };
    case '0':
    case '1':
    case '2':
    case '3':
      if (results === 0) return { cursor };
      return {
        cursor: settleCursor({ ...cursor, result: cursor.result + 1 }, counts),
        grade: { query: cursor.query, result: cursor.result, grade: Number(key) },
      };
    case 'Backspace':
    case 'Delete':
      if (results === 0) return { cursor };
      return { cursor, grade: { query: cursor.query, result: cursor.result, grade: null } };
    default:
      return null;
  }
}

export const GRADE_LEGEND: ReadonlyArray<{ grade: number; label: string }> = [
  { grade: 0, label: 'irrelevant' },
  { grade: 1, label: 'fair' },
  { grade: 2, label: 'good' },
  { grade: 3, label: 'perfect' },
];
