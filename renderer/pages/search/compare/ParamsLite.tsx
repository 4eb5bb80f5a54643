/**
 * The parameters a comparison or a relevance query usually varies: engine, query type,
 * type, sort, results per page and transformer, with nostats as a visible switch. The full
 * panel (filters, geo…) is the Search tab's; this one keeps two sides readable next to each other.
 */
import type { EngineView, SearchOptionsView, SearchParamsView, SearchQueryName } from '../../../../preload/contract';
import { NOSTATS_HELP, QUERY_NAMES, TRANSFORMERS } from '../params/param-texts';
import { sortFromKey, sortKey } from './default-params';

export interface ParamsLiteProps {
  idPrefix: string;
  params: SearchParamsView;
  onChange: (params: SearchParamsView) => void;
  engines?: readonly EngineView[];
  engine?: string;
  onEngine?: (engine: string) => void;
  options?: SearchOptionsView | null;
  /** The field the worker named when it refused a value, to show the reason next to it. */
  fieldError?: { field: string; message: string } | null;
}

function FieldError({ field, error }: { field: string; error: ParamsLiteProps['fieldError'] }) {
  if (!error || error.field !== field) return null;
  return (
    <span className="field__help text-danger" role="alert">
      {error.message}
    </span>
  );
}

export function ParamsLite({
  idPrefix,
  params,
  onChange,
  engines,
  engine,
  onEngine,
  options,
  fieldError,
}: ParamsLiteProps) {
  const set = (patch: Partial<SearchParamsView>) => onChange({ ...params, ...patch });
  const engineTypes = engines?.find((candidate) => candidate.hashid === engine)?.types.map((type) => type.name) ?? [];
  const types = options?.types.length ? options.types : engineTypes;
  const sortOptions = options?.sortOptions ?? [];
  const fields = (options?.fields ?? []).filter(
    (field) => field.kind === 'number' || field.kind === 'price' || field.kind === 'date',
  );
  return (
    <div className="rel-params">
      {engines && onEngine && (
        <label className="rel-field">
          <span className="muted">Engine</span>
          <select
            className="input rel-input"
            value={engine}
            onChange={(event) => onEngine(event.target.value)}
            data-testid={`${idPrefix}-engine`}
          >
            {engines.map((candidate) => (
              <option key={candidate.hashid} value={candidate.hashid}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="rel-field">
        <span className="muted">query_name</span>
        <select
          className="input rel-input"
          value={params.queryName ?? ''}
          onChange={(event) => set({ queryName: (event.target.value || null) as SearchQueryName | null })}
          data-testid={`${idPrefix}-query-name`}
        >
          {QUERY_NAMES.map((name) => (
            <option key={name.label} value={name.value ?? ''} title={name.help}>
              {name.label}
            </option>
          ))}
        </select>
      </label>
      <label className="rel-field">
        <span className="muted">type</span>
        <select
          className="input rel-input"
          value={params.types[0] ?? ''}
          onChange={(event) => set({ types: event.target.value ? [event.target.value] : [] })}
          data-testid={`${idPrefix}-type`}
        >
          <option value="">Every type</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      <label className="rel-field">
        <span className="muted">sort</span>
        <select
          className="input rel-input"
          value={sortKey(params.sort)}
          onChange={(event) => set({ sort: sortFromKey(event.target.value) })}
          data-testid={`${idPrefix}-sort`}
        >
          <option value="">Relevance (Doofinder’s order)</option>
          <option value="dfscore:desc">dfscore, highest first</option>
          <option value="dfscore:asc">dfscore, lowest first</option>
          {sortOptions.map((option) => (
            <option key={`${option.field}:${option.order}`} value={`${option.field}:${option.order}`}>
              {option.label ?? `${option.field} ${option.order}`}
            </option>
          ))}
          {fields.flatMap((field) =>
            (['asc', 'desc'] as const)
              .filter((order) => !sortOptions.some((option) => option.field === field.name && option.order === order))
              .map((order) => (
                <option key={`${field.name}:${order}`} value={`${field.name}:${order}`}>
                  {field.name} {order === 'asc' ? 'ascending' : 'descending'}
                </option>
              )),
          )}
        </select>
      </label>
      <label className="rel-field rel-field--narrow">
        <span className="muted">rpp</span>
        <input
          className="input rel-input"
          type="number"
          min={1}
          max={100}
          value={params.rpp}
          aria-invalid={fieldError?.field === 'rpp' || undefined}
          onChange={(event) => set({ rpp: Math.max(1, Math.round(Number(event.target.value) || 1)) })}
          data-testid={`${idPrefix}-rpp`}
        />
        <FieldError field="rpp" error={fieldError} />
      </label>
      <label className="rel-field">
        <span className="muted">transformer</span>
        <select
          className="input rel-input"
          value={params.transformer}
          onChange={(event) => set({ transformer: event.target.value as SearchParamsView['transformer'] })}
          data-testid={`${idPrefix}-transformer`}
        >
          {TRANSFORMERS.map((transformer) => (
            <option key={transformer.value} value={transformer.value} title={transformer.help}>
              {transformer.label}
            </option>
          ))}
        </select>
      </label>
      <label className="rel-switch" title={NOSTATS_HELP}>
        <input
          type="checkbox"
          checked={params.nostats}
          onChange={(event) => set({ nostats: event.target.checked })}
          data-testid={`${idPrefix}-nostats`}
        />
        <span>nostats</span>
      </label>
    </div>
  );
}
