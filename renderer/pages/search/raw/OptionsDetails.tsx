/** The engine's `/5/options`: facets, the layer's sort options and the currency, as configured. */
import type { SearchOptionsView } from '../../../../preload/contract';
import { formatPrice, type PriceFormat } from '../results/price-format';
import { CopyButton } from './CopyButton';

export function OptionsDetails({
  options,
  priceFormat,
}: {
  options: SearchOptionsView;
  priceFormat: PriceFormat | null;
}) {
  const json = JSON.stringify(options.raw, null, 2);
  return (
    <details className="search-raw__block" data-testid="search-options">
      <summary>
        <h3>Engine options</h3>
        <span className="muted">
          {options.facets.length} facets · {options.sortOptions.length} sort options
          {options.currency ? ` · ${options.currency.code}` : ''}
        </span>
      </summary>
      <dl className="facts">
        <dt>Currency</dt>
        <dd>
          {options.currency ? (
            <>
              {options.currency.code} · 1234.5 reads <strong>{formatPrice(1234.5, priceFormat)}</strong>
              {options.currency.format && (
                <>
                  {' '}
                  (format <code>{options.currency.format}</code>)
                </>
              )}
            </>
          ) : (
            'not set'
          )}
        </dd>
        <dt>Facets</dt>
        <dd>
          {options.facets.length === 0
            ? 'none'
            : options.facets.map((facet) => `${facet.label ?? facet.name} (${facet.name}, ${facet.kind})`).join(' · ')}
        </dd>
        <dt>Sort options</dt>
        <dd>
          {options.sortOptions.length === 0
            ? 'none'
            : options.sortOptions.map((sort) => `${sort.label ?? sort.field}: ${sort.field} ${sort.order}`).join(' · ')}
        </dd>
        <dt>Geo fields</dt>
        <dd>{options.geoFields.length === 0 ? 'none' : options.geoFields.join(', ')}</dd>
      </dl>
      <div className="search-raw__bar">
        <span className="muted">As Doofinder sent it</span>
        <CopyButton text={json} label="Copy JSON" />
      </div>
      <pre className="search-code">{json}</pre>
    </details>
  );
}
