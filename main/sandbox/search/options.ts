/**
 * GET /5/options/{hashid} (search-api-v5.md "The /options call"): the engine's options as
 * configured (facets, layerSortOptions, and whatever else was stored: the document warns
 * clients to expect undocumented options), the documented keys it lacks with empty values,
 * and `currency` derived from the engine's currency.
 */
import type { Engine } from '../store/records';
import { currencyFormat } from './currency';

export function optionsOf(engine: Engine): Record<string, unknown> {
  return {
    currency: currencyFormat(engine.currency, engine.language),
    layerSortOptions: [],
    facets: [],
    noResultsHTML: '',
    checkoutURL: '',
    addons: {},
    ...engine.options,
  };
}
