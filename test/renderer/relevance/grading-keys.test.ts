import { describe, expect, it } from 'vitest';
import { gradingStep, settleCursor } from '../../../renderer/pages/search/cases/grading-keys';

/** Three queries: 3 results, none, 2 results. */
const counts = [3, 0, 2];

describe('grading with the keyboard while looking at results', () => {
  it('↓ and ↑ move between the results of the query, and stop at its ends', () => {
    expect(gradingStep('ArrowDown', { query: 0, result: 0 }, counts)?.cursor).toEqual({ query: 0, result: 1 });
    expect(gradingStep('ArrowDown', { query: 0, result: 2 }, counts)?.cursor).toEqual({ query: 0, result: 2 });
    expect(gradingStep('ArrowUp', { query: 0, result: 1 }, counts)?.cursor).toEqual({ query: 0, result: 0 });
    expect(gradingStep('ArrowUp', { query: 0, result: 0 }, counts)?.cursor).toEqual({ query: 0, result: 0 });
  });

  it('0 to 3 grade the result under the cursor and step to the next one', () => {
    expect(gradingStep('2', { query: 0, result: 0 }, counts)).toEqual({
      cursor: { query: 0, result: 1 },
      grade: { query: 0, result: 0, grade: 2 },
    });
    expect(gradingStep('0', { query: 2, result: 1 }, counts)).toEqual({
      cursor: { query: 2, result: 1 },
      grade: { query: 2, result: 1, grade: 0 },
    });
  });

  it('grading the last result keeps the cursor on it rather than leaving the query', () => {
    expect(gradingStep('3', { query: 0, result: 2 }, counts)?.cursor).toEqual({ query: 0, result: 2 });
  });

  it('Backspace and Delete remove the grade and leave the cursor where it is', () => {
    for (const key of ['Backspace', 'Delete']) {
      expect(gradingStep(key, { query: 0, result: 1 }, counts)).toEqual({
        cursor: { query: 0, result: 1 },
        grade: { query: 0, result: 1, grade: null },
      });
    }
  });

  it('Enter and → go to the first result of the next query, ← to the previous query', () => {
    expect(gradingStep('Enter', { query: 0, result: 2 }, counts)?.cursor).toEqual({ query: 1, result: 0 });
    expect(gradingStep('ArrowRight', { query: 1, result: 0 }, counts)?.cursor).toEqual({ query: 2, result: 0 });
    expect(gradingStep('ArrowLeft', { query: 2, result: 1 }, counts)?.cursor).toEqual({ query: 1, result: 0 });
  });

  it('there is no query after the last nor before the first', () => {
    expect(gradingStep('Enter', { query: 2, result: 1 }, counts)?.cursor).toEqual({ query: 2, result: 0 });
    expect(gradingStep('ArrowLeft', { query: 0, result: 2 }, counts)?.cursor).toEqual({ query: 0, result: 0 });
  });

  it('a query without results grades nothing', () => {
    expect(gradingStep('1', { query: 1, result: 0 }, counts)).toEqual({ cursor: { query: 1, result: 0 } });
    expect(gradingStep('Delete', { query: 1, result: 0 }, counts)).toEqual({ cursor: { query: 1, result: 0 } });
  });

  it('other keys are left to the page (Tab, letters, 4)', () => {
    for (const key of ['Tab', 'a', '4', 'Escape', ' '])
      expect(gradingStep(key, { query: 0, result: 0 }, counts)).toBeNull();
  });

  it('a cursor left past a deleted query or a shorter new run is brought back inside', () => {
    expect(settleCursor({ query: 5, result: 9 }, counts)).toEqual({ query: 2, result: 1 });
    expect(settleCursor({ query: 1, result: 4 }, counts)).toEqual({ query: 1, result: 0 });
    expect(settleCursor({ query: 3, result: 3 }, [])).toEqual({ query: 0, result: 0 });
    // The grade goes to the result the cursor really is on.
    expect(gradingStep('1', { query: 0, result: 7 }, counts)?.grade).toEqual({ query: 0, result: 2, grade: 1 });
  });
});
