/**
 * The answer's facets (search-api-v5.md "Response with facets"): terms with their counts, where
 * a click adds or removes the value as a filter and searches at once; ranges with the min and
 * max Doofinder reports, where a range can be set as a filter.
 */
import { useState } from 'react';
import type { SearchFacetView } from '../../../../preload/contract';
import { formatCount } from '../../../app/format';
import type { SearchForm } from '../params/search-form';
import { rangeFilterOf, setRange, termIsFiltered, toggleTerm } from './facet-filters';

const SHOWN_TERMS = 12;

function TermsFacet({
  facet,
  form,
  onChange,
}: {
  facet: SearchFacetView;
  form: SearchForm;
  onChange: (form: SearchForm) => void;
}) {
  const [all, setAll] = useState(false);
  const buckets = all ? facet.buckets : facet.buckets.slice(0, SHOWN_TERMS);
  return (
    <>
      <ul className="search-facet__terms">
        {buckets.map((bucket) => {
          const on = termIsFiltered(form, facet.name, bucket.key);
          return (
            <li key={bucket.key}>
              <button
                type="button"
                className="search-facet__term"
                aria-pressed={on}
                onClick={() => onChange(toggleTerm(form, facet.name, bucket.key))}
                data-testid={`search-facet-${facet.name}-term`}
                data-value={bucket.key}
              >
                <span className="search-facet__check" aria-hidden="true" />
                <span className="search-facet__key">{bucket.key}</span>
                <span className="search-facet__count">{formatCount(bucket.count)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {facet.buckets.length > SHOWN_TERMS && (
        <button type="button" className="search-link" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${facet.buckets.length}`}
        </button>
      )}
      {facet.missing !== null && facet.missing > 0 && (
        <p className="search-help">{formatCount(facet.missing)} results have no value.</p>
      )}
    </>
  );
}

function RangeFacet({
  facet,
  form,
  onChange,
}: {
  facet: SearchFacetView;
  form: SearchForm;
  onChange: (form: SearchForm) => void;
}) {
  const current = rangeFilterOf(form, facet.name);
  const [lower, setLower] = useState(current?.lower ?? '');
  const [upper, setUpper] = useState(current?.upper ?? '');
  return (
    <>
      <ul className="search-facet__ranges">
        {facet.buckets.map((bucket) => (
          <li key={bucket.key} className="muted">
            {bucket.key}: {formatCount(bucket.count)} results
            {bucket.min !== undefined && bucket.max !== undefined && (
              <>
                , from <strong>{bucket.min}</strong> to <strong>{bucket.max}</strong>
              </>
            )}
          </li>
        ))}
      </ul>
      <form
        className="search-facet__range"
        onSubmit={(event) => {
          event.preventDefault();
          onChange(setRange(form, facet.name, lower, upper));
        }}
      >
        <input
          className="input search-input"
          value={lower}
          placeholder={String(facet.buckets[0]?.min ?? 'min')}
          aria-label={`${facet.label ?? facet.name} from`}
          onChange={(event) => setLower(event.target.value)}
          data-testid={`search-facet-${facet.name}-from`}
        />
        <span aria-hidden="true">–</span>
        <input
          className="input search-input"
          value={upper}
          placeholder={String(facet.buckets[0]?.max ?? 'max')}
          aria-label={`${facet.label ?? facet.name} to`}
          onChange={(event) => setUpper(event.target.value)}
          data-testid={`search-facet-${facet.name}-to`}
        />
        <button type="submit" className="button" data-testid={`search-facet-${facet.name}-apply`}>
          {current && lower === '' && upper === '' ? 'Clear' : 'Apply'}
        </button>
      </form>
    </>
  );
}

export function FacetsPanel({
  facets,
  form,
  onChange,
}: {
  facets: readonly SearchFacetView[];
  form: SearchForm;
  /** The form with the facet's filter applied: the page searches at once. */
  onChange: (form: SearchForm) => void;
}) {
  return (
    <section className="search-facets" aria-labelledby="search-facets-title" data-testid="search-facets">
      <h2 id="search-facets-title">Facets</h2>
      {facets.length === 0 && <p className="muted">This answer has no facets (none are configured on the engine).</p>}
      {facets.map((facet) => (
        <div key={facet.name} className="search-facet" data-testid={`search-facet-${facet.name}`}>
          <h3>
            {facet.label ?? facet.name} <code className="muted">{facet.name}</code>
          </h3>
          {facet.kind === 'terms' ? (
            <TermsFacet facet={facet} form={form} onChange={onChange} />
          ) : (
            <RangeFacet facet={facet} form={form} onChange={onChange} />
          )}
        </div>
      ))}
    </section>
  );
}
