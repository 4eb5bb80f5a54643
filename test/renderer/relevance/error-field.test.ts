import { describe, expect, it } from 'vitest';
import { fieldErrorOf } from '../../../renderer/pages/search/compare/error-field';

/** What the client's ApiError carries: the worker's message and details. */
function refused(message: string, details?: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { code: 'invalid_input', details });
}

describe('a refused search names the field at fault, so the message shows next to it', () => {
  it('reads the parameter as the API or the contract spells it', () => {
    expect(fieldErrorOf(refused('The query is longer than 200 characters.', { field: 'query' }))).toEqual({
      field: 'query',
      message: 'The query is longer than 200 characters.',
    });
    expect(fieldErrorOf(refused('rpp is at most 100.', { field: 'rpp' }))?.field).toBe('rpp');
    expect(fieldErrorOf(refused('Unknown query type.', { field: 'query_name' }))?.field).toBe('queryName');
  });

  it('an error that names no field is left for the banner', () => {
    expect(fieldErrorOf(refused('The key was refused.'))).toBeNull();
    expect(fieldErrorOf(new Error('socket closed'))).toBeNull();
    expect(fieldErrorOf('not an error')).toBeNull();
  });
});
