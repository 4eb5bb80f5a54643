/**
 * Where a refused comparison belongs on the page. `search:compare` fails as a whole: the worker
 * checks and sends A, then B, and its error names the field at fault (`details.field`, with
 * `index` and `name` for a filter, exclusion or sort row) but not the side. The side is the one
 * whose parameters hold what the error names: the row it points at, or a parameter set away from
 * its default. When both sides hold it, or neither does, the message goes on both: it is true of
 * each, and guessing one could send the user to fix the wrong side.
 */
import { fieldOfError } from '../params/field-errors';
import {
  clauseGap,
  emptyForm,
  formToParams,
  sortGap,
  type FieldKey,
  type FieldProblem,
  type SearchForm,
} from '../params/search-form';
import { detailsOf } from './error-field';

export type SideId = 'a' | 'b';

export const SIDES: readonly SideId[] = ['a', 'b'];

export interface PlacedError {
  /** Messages for the shared query box. */
  query: string[];
  a: FieldProblem[];
  b: FieldProblem[];
}

type ListField = 'filters' | 'excludes' | 'sort';
type SimpleField = 'page' | 'rpp' | 'transformer' | 'types' | 'queryName' | 'nostats';

/** The form rows that are sent (formToParams leaves out rows not finished yet), by their index in the form. */
function sentRows(form: SearchForm, list: ListField): number[] {
  const finished: boolean[] =
    list === 'sort'
      ? form.sort.map((sort) => sortGap(sort) === null)
      : form[list].map((clause) => clauseGap(clause) === null);
  return finished.flatMap((sent, index) => (sent ? [index] : []));
}

/**
 * The worker numbers rows as sent, and the panel as shown (with rows not finished yet among
 * them): the form row of the `index`-th sent row, or null when the side has no such row.
 */
export function formRowOf(form: SearchForm, list: ListField, index: number, name?: string): number | null {
  const row = sentRows(form, list)[index];
  if (row === undefined) return null;
  const draft = form[list][row];
  if (name !== undefined && draft && draft.kind !== 'score' && draft.field !== name) return null;
  return row;
}

function differsFromDefault(form: SearchForm, field: SimpleField): boolean {
  const sent = formToParams(form).params;
  const fresh = formToParams(emptyForm()).params;
  return JSON.stringify(sent[field]) !== JSON.stringify(fresh[field]);
}

/** Where on this side the error belongs, or null when this side does not hold what it names. */
function keyOnSide(details: Record<string, unknown>, form: SearchForm, named: FieldKey): FieldKey | null {
  if (!('index' in named)) {
    return named.field !== 'query' && differsFromDefault(form, named.field) ? named : null;
  }
  const list = named.field;
  if (typeof details.index === 'number') {
    const name = typeof details.name === 'string' ? details.name : undefined;
    const row = formRowOf(form, list, details.index, name);
    return row === null ? null : { field: list, index: row };
  }
  // Named by Doofinder's message ("filter[brand]") and found on this side's rows, or about the list as a whole.
  const key = fieldOfError(details, form);
  if (key && 'index' in key && key.index !== null) return key;
  return formToParams(form).params[list].length > 0 ? { field: list, index: null } : null;
}

/** The messages of a failed comparison by place, or null when it names no field (a banner then). */
export function placeCompareError(error: unknown, forms: Record<SideId, SearchForm>): PlacedError | null {
  const details = error instanceof Error ? detailsOf(error) : undefined;
  const named = details ? fieldOfError(details, null) : null;
  if (!details || !named || !(error instanceof Error)) return null;
  const message = error.message;
  if (named.field === 'query') return { query: [message], a: [], b: [] };
  const placed: PlacedError = { query: [], a: [], b: [] };
  for (const side of SIDES) {
    const at = keyOnSide(details, forms[side], named);
    if (at) placed[side].push({ at, message });
  }
  if (placed.a.length === 0 && placed.b.length === 0) {
    const at: FieldKey = 'index' in named ? { field: named.field, index: null } : named;
    for (const side of SIDES) placed[side].push({ at, message });
  }
  return placed;
}
