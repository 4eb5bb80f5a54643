/**
 * Adds or edits a query of a case: typed, or with the parameters the Search tab holds, so what
 * the user was just looking at becomes a case query in one step.
 */
import { useState, type FormEvent } from 'react';
import type { EngineView, RelevanceCaseView, SearchParamsView } from '../../../../preload/contract';
import { call, describeError } from '../../../api/client';
import { useSearchOptions } from '../params/use-search-options';
import { Dialog } from '../../../components/Dialog';
import { fieldErrorOf, type FieldError } from '../compare/error-field';
import { ParamsLite } from '../compare/ParamsLite';

export function QueryDialog({
  caseView,
  queryId,
  initial,
  currentParams,
  engines,
  onClose,
  onSaved,
}: {
  caseView: RelevanceCaseView;
  queryId?: number;
  initial: SearchParamsView;
  currentParams?: SearchParamsView | null;
  engines: readonly EngineView[];
  onClose: () => void;
  onSaved: (view: RelevanceCaseView) => void;
}) {
  const [params, setParams] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const { options } = useSearchOptions(caseView.engine);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setFieldError(null);
    try {
      const saved = await call('relevance:saveQuery', {
        caseId: caseView.id,
        ...(queryId === undefined ? {} : { id: queryId }),
        params: { ...params, query: params.query.trim() },
      });
      onSaved(saved);
    } catch (reason) {
      setFieldError(fieldErrorOf(reason));
      setError(describeError(reason));
    }
  }

  return (
    <Dialog open wide title={queryId === undefined ? 'Add a query' : 'Edit the query'} onClose={onClose}>
      <form className="form" onSubmit={(event) => void save(event)} data-testid="query-dialog">
        <label className="field">
          <span className="field__label">Query</span>
          <input
            className="input"
            value={params.query}
            autoFocus
            required
            placeholder="What shoppers type"
            aria-invalid={fieldError?.field === 'query' || undefined}
            onChange={(event) => setParams({ ...params, query: event.target.value })}
            data-testid="query-text"
          />
          {fieldError?.field === 'query' && (
            <span className="field__help text-danger" role="alert">
              {fieldError.message}
            </span>
          )}
        </label>
        <ParamsLite
          idPrefix="query"
          params={params}
          onChange={setParams}
          engines={engines}
          engine={caseView.engine}
          options={options}
          fieldError={fieldError}
        />
        {currentParams && (
          <button
            type="button"
            className="button rel-small"
            onClick={() => setParams({ ...currentParams, query: params.query || currentParams.query })}
            data-testid="query-use-current"
          >
            Use the Search tab’s parameters
          </button>
        )}
        {error && !fieldError && (
          <p className="form__error" role="alert">
            The query was not saved: {error}
          </p>
        )}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={params.query.trim() === ''}
            data-testid="query-save"
          >
            {queryId === undefined ? 'Add query' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
