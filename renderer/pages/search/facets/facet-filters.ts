/**
 * A click in the facets panel edits the filters: a term toggles its value in the field's terms
 * row (the row goes when its last value does), a range replaces the field's range row. Doofinder
 * ORs the values of one field and ANDs fields (search-api-v5.md "Filter parameters"), so one
 * terms row per field is the same search as several, and easier to read.
 */
import type { ClauseDraft, SearchForm } from '../params/search-form';

export function termIsFiltered(form: SearchForm, field: string, value: string): boolean {
  return form.filters.some(
    (clause) => clause.kind === 'terms' && clause.field === field && clause.values.includes(value),
  );
}

export function toggleTerm(form: SearchForm, field: string, value: string): SearchForm {
  const at = form.filters.findIndex((clause) => clause.kind === 'terms' && clause.field === field);
  const existing = form.filters[at];
  if (at < 0 || existing?.kind !== 'terms') {
    return { ...form, page: '1', filters: [...form.filters, { kind: 'terms', field, values: [value] }] };
  }
  const values = existing.values.includes(value)
    ? existing.values.filter((each) => each !== value)
    : [...existing.values, value];
  const filters =
    values.length === 0
      ? form.filters.filter((_, index) => index !== at)
      : form.filters.map((clause, index) => (index === at ? { ...existing, values } : clause));
  // A narrower result list may not reach the page the user was on.
  return { ...form, page: '1', filters };
}

export function rangeFilterOf(form: SearchForm, field: string): Extract<ClauseDraft, { kind: 'range' }> | null {
  const found = form.filters.find((clause) => clause.kind === 'range' && clause.field === field);
  return found?.kind === 'range' ? found : null;
}

/** Sets (or, with both bounds empty, removes) the field's range filter, inclusive at both ends. */
export function setRange(form: SearchForm, field: string, lower: string, upper: string): SearchForm {
  const others = form.filters.filter((clause) => !(clause.kind === 'range' && clause.field === field));
  if (lower.trim() === '' && upper.trim() === '') return { ...form, page: '1', filters: others };
  const clause: ClauseDraft = { kind: 'range', field, lowerOp: 'gte', lower, upperOp: 'lte', upper };
  return { ...form, page: '1', filters: [...others, clause] };
}
