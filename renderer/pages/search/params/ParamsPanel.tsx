/**
 * Every Search v5 parameter as a compact panel of collapsible sections (search-api-v5.md "The
 * Request"), with the count of parameters set and a Reset.
 *
 * Shared with Compare and Relevance cases: `<ParamsPanel form onChange options problems />`.
 * `form` is a `SearchForm` (see search-form.ts: `emptyForm()`, `paramsToForm(params)`, and
 * `formToParams(form)` for the `SearchParamsView` to send plus the limits broken); `onChange`
 * gets the whole next form. `problems` are messages to show next to their field (from
 * `formToParams`, and from a failed search via `fieldOfError`). The query box is not part of it.
 */
import { RotateCcw } from 'lucide-react';
import { useMemo, useState, type ReactNode } from 'react';
import type { SearchFacetView, SearchOptionsView } from '../../../../preload/contract';
import { ClauseList } from './ClauseList';
import type { ClauseFields } from './ClauseRow';
import { messagesAt } from './field-errors';
import { FieldMessages } from './FieldMessages';
import {
  EXCLUDE_EXECUTION_HELP,
  FILTER_EXECUTION_HELP,
  FILTERS_WITH_QUERY_NAME,
  NOSTATS_HELP,
  QUERY_NAMES,
  TRANSFORMERS,
} from './param-texts';
import { activeParameterCount, emptyForm, MAX_RPP, type FieldProblem, type SearchForm } from './search-form';
import { SortList } from './SortList';

export interface ParamsPanelProps {
  form: SearchForm;
  onChange: (form: SearchForm) => void;
  options: SearchOptionsView | null;
  /** Types when options are not read yet (the engine's own list). */
  types?: readonly string[];
  problems?: readonly FieldProblem[];
  /** The answer's facets, to offer their values in terms filters. */
  facets?: readonly SearchFacetView[];
  /** The query_name of the last answer, to offer pinning it. */
  answeredBy?: string | null;
  /** A prefix for test ids and element ids, so two panels can share a page. */
  idPrefix?: string;
}

/** Opens by itself when it gains content (a facet click adds a filter), and otherwise stays as the user left it. */
function Section({
  title,
  summary,
  open = false,
  children,
}: {
  title: string;
  summary?: string;
  open?: boolean;
  children: ReactNode;
}) {
  const [isOpen, setOpen] = useState(open);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpen(true);
  }
  return (
    <details className="search-section" open={isOpen} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span className="search-section__title">{title}</span>
        {summary && <span className="search-section__summary">{summary}</span>}
      </summary>
      <div className="search-section__body">{children}</div>
    </details>
  );
}

export function ParamsPanel({
  form,
  onChange,
  options,
  types = [],
  problems = [],
  facets = [],
  answeredBy = null,
  idPrefix = 'search',
}: ParamsPanelProps) {
  const set = <K extends keyof SearchForm>(key: K, value: SearchForm[K]) => onChange({ ...form, [key]: value });
  const at = (field: 'page' | 'rpp' | 'transformer' | 'types' | 'queryName' | 'nostats') =>
    messagesAt(problems, { field });
  const fieldNames = useMemo(() => (options?.fields ?? []).map((field) => field.name), [options]);
  const clauseFields: ClauseFields = useMemo(
    () => ({
      all: fieldNames,
      geo: options?.geoFields ?? [],
      values: (field) =>
        facets.find((facet) => facet.name === field && facet.kind === 'terms')?.buckets.map((b) => b.key) ?? [],
    }),
    [fieldNames, options, facets],
  );
  const typeList = options?.types.length ? options.types : types;
  const active = activeParameterCount(form);
  const transformer = TRANSFORMERS.find((each) => each.value === form.transformer);
  const queryName = QUERY_NAMES.find((each) => each.value === form.queryName);

  return (
    <section className="search-params" aria-labelledby={`${idPrefix}-params-title`} data-testid={`${idPrefix}-params`}>
      <header className="search-params__header">
        <h2 id={`${idPrefix}-params-title`}>Parameters</h2>
        <span className="pill pill--accent" data-testid={`${idPrefix}-active-count`}>
          {active} set
        </span>
        <button
          type="button"
          className="button button--ghost"
          disabled={active === 0}
          onClick={() => onChange({ ...emptyForm(), query: form.query })}
          data-testid={`${idPrefix}-reset`}
        >
          <RotateCcw size={13} aria-hidden="true" /> Reset
        </button>
      </header>

      <label className="search-switch" data-testid={`${idPrefix}-nostats`}>
        <input
          type="checkbox"
          role="switch"
          checked={form.nostats}
          onChange={(event) => set('nostats', event.target.checked)}
        />
        <span>
          <code>nostats</code> {form.nostats ? 'on' : 'off'}
          <span className="search-help">
            {form.nostats ? NOSTATS_HELP : 'These searches count in the shop’s stats, as a shopper’s would.'}
          </span>
        </span>
      </label>

      <Section title="Results" summary={`page ${form.page} · ${form.rpp} per page · ${form.transformer}`} open>
        <div className="search-grid2">
          <label className="search-field">
            <span>
              <code>page</code>
            </span>
            <input
              className="input search-input"
              inputMode="numeric"
              value={form.page}
              aria-invalid={at('page').length > 0}
              onChange={(event) => set('page', event.target.value)}
              data-testid={`${idPrefix}-page`}
            />
          </label>
          <label className="search-field">
            <span>
              <code>rpp</code> (at most {MAX_RPP})
            </span>
            <input
              className="input search-input"
              inputMode="numeric"
              value={form.rpp}
              aria-invalid={at('rpp').length > 0}
              onChange={(event) => set('rpp', event.target.value)}
              data-testid={`${idPrefix}-rpp`}
            />
          </label>
        </div>
        <FieldMessages messages={[...at('page'), ...at('rpp')]} testId={`${idPrefix}-paging-error`} />
        <label className="search-field">
          <span>
            <code>transformer</code>
          </span>
          <select
            className="input search-input"
            value={form.transformer}
            onChange={(event) => set('transformer', event.target.value as SearchForm['transformer'])}
            data-testid={`${idPrefix}-transformer`}
          >
            {TRANSFORMERS.map((each) => (
              <option key={each.value} value={each.value}>
                {each.label}
              </option>
            ))}
          </select>
        </label>
        <p className="search-help">{transformer?.help}</p>
        <FieldMessages messages={at('transformer')} />
      </Section>

      <Section
        title="Matching"
        summary={`${form.queryName ?? 'automatic'} · ${form.types.length === 0 ? 'every type' : form.types.join(', ')}`}
        open
      >
        <label className="search-field">
          <span>
            <code>query_name</code>
          </span>
          <select
            className="input search-input"
            value={form.queryName ?? ''}
            aria-invalid={at('queryName').length > 0}
            onChange={(event) => set('queryName', (event.target.value || null) as SearchForm['queryName'])}
            data-testid={`${idPrefix}-query-name`}
          >
            {QUERY_NAMES.map((each) => (
              <option key={each.label} value={each.value ?? ''}>
                {each.label}
              </option>
            ))}
          </select>
        </label>
        <p className="search-help">{queryName?.help}</p>
        {form.queryName === null && answeredBy && (
          <p className="search-help">
            Answered by <code>{answeredBy}</code>.{' '}
            {form.filters.length + form.excludes.length > 0 && FILTERS_WITH_QUERY_NAME}{' '}
            <button
              type="button"
              className="search-link"
              onClick={() => set('queryName', answeredBy as SearchForm['queryName'])}
              disabled={!QUERY_NAMES.some((each) => each.value === answeredBy)}
            >
              Pin {answeredBy}
            </button>
          </p>
        )}
        <FieldMessages messages={at('queryName')} />
        <fieldset className="search-types">
          <legend>
            <code>type</code> {form.types.length === 0 ? '(every type)' : ''}
          </legend>
          {typeList.map((type) => (
            <label key={type} className="search-check">
              <input
                type="checkbox"
                checked={form.types.includes(type)}
                onChange={(event) =>
                  set(
                    'types',
                    event.target.checked ? [...form.types, type] : form.types.filter((each) => each !== type),
                  )
                }
                data-testid={`${idPrefix}-type-${type}`}
              />
              {type}
            </label>
          ))}
          {typeList.length === 0 && <span className="muted">No types known yet.</span>}
        </fieldset>
        <FieldMessages messages={at('types')} />
      </Section>

      <Section
        title="Filters"
        summary={form.filters.length ? `${form.filters.length}` : 'none'}
        open={form.filters.length > 0}
      >
        <ClauseList
          list="filters"
          clauses={form.filters}
          execution={form.filterExecution}
          executionHelp={FILTER_EXECUTION_HELP}
          onChange={(filters) => onChange({ ...form, filters, page: '1' })}
          onExecution={(value) => set('filterExecution', value)}
          fields={clauseFields}
          problems={problems}
          idPrefix={idPrefix}
        />
      </Section>

      <Section
        title="Exclusions"
        summary={form.excludes.length ? `${form.excludes.length}` : 'none'}
        open={form.excludes.length > 0}
      >
        <ClauseList
          list="excludes"
          clauses={form.excludes}
          execution={form.excludeExecution}
          executionHelp={EXCLUDE_EXECUTION_HELP}
          onChange={(excludes) => onChange({ ...form, excludes, page: '1' })}
          onExecution={(value) => set('excludeExecution', value)}
          fields={clauseFields}
          problems={problems}
          idPrefix={idPrefix}
        />
      </Section>

      <Section
        title="Sort"
        summary={form.sort.length ? `${form.sort.length}` : 'best match'}
        open={form.sort.length > 0}
      >
        <SortList
          sort={form.sort}
          onChange={(sort) => set('sort', sort)}
          fields={fieldNames}
          geoFields={options?.geoFields ?? []}
          problems={problems}
          presets={options?.sortOptions ?? []}
          idPrefix={idPrefix}
        />
      </Section>
    </section>
  );
}
