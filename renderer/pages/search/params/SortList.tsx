/** Sort clauses in order of precedence: a field, dfscore (Doofinder's own score), or distance from a point. */
import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import type { FieldProblem, SortDraft } from './search-form';
import { sortGap } from './search-form';
import { FieldSelect } from './FieldSelect';
import { messagesAt } from './field-errors';

function switchKind(sort: SortDraft, kind: SortDraft['kind'], geoFields: readonly string[]): SortDraft {
  if (kind === 'score') return { kind, order: 'desc' };
  if (kind === 'geo') return { kind, field: geoFields[0] ?? '', point: '', order: 'asc' };
  return { kind, field: sort.kind === 'field' ? sort.field : '', order: sort.order };
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

export function SortList({
  sort,
  onChange,
  fields,
  geoFields,
  problems,
  presets = [],
  idPrefix,
}: {
  sort: readonly SortDraft[];
  onChange: (sort: SortDraft[]) => void;
  fields: readonly string[];
  geoFields: readonly string[];
  problems: readonly FieldProblem[];
  /** The engine's layer sort options (`/5/options` layerSortOptions), offered as one-click sorts. */
  presets?: ReadonlyArray<{ field: string; order: 'asc' | 'desc'; label: string | null }>;
  /** The panel's prefix for test ids (several panels may share the page). */
  idPrefix: string;
}) {
  const update = (index: number, next: SortDraft) => onChange(sort.map((each, at) => (at === index ? next : each)));
  return (
    <div className="search-clauses">
      {sort.length > 0 && (
        <ol className="search-clauses__list">
          {sort.map((each, index) => {
            const gap = sortGap(each);
            const messages = [
              ...(gap ? [`Not sent yet: ${gap}`] : []),
              ...messagesAt(problems, { field: 'sort', index }),
            ];
            const label = `Sort ${index + 1}`;
            return (
              <li key={index} className="search-clause" data-testid={`${idPrefix}-sort-${index}`}>
                <div className="search-clause__line">
                  <select
                    className="input search-input search-input--kind"
                    value={each.kind}
                    aria-label={`${label}: by`}
                    onChange={(event) =>
                      update(index, switchKind(each, event.target.value as SortDraft['kind'], geoFields))
                    }
                  >
                    <option value="field">field</option>
                    <option value="score">dfscore</option>
                    <option value="geo">distance</option>
                  </select>
                  {each.kind !== 'score' && (
                    <FieldSelect
                      value={each.field}
                      fields={each.kind === 'geo' && geoFields.length > 0 ? geoFields : fields}
                      onChange={(field) => update(index, { ...each, field })}
                      label={`${label}: field`}
                      testId={`${idPrefix}-sort-${index}-field`}
                    />
                  )}
                </div>
                <div className="search-clause__line">
                  <select
                    className="input search-input search-input--op"
                    value={each.order}
                    aria-label={`${label}: order`}
                    onChange={(event) => update(index, { ...each, order: event.target.value as 'asc' | 'desc' })}
                  >
                    <option value="asc">asc</option>
                    <option value="desc">desc</option>
                  </select>
                  <span className="search-grow" />
                  <button
                    type="button"
                    className="button button--icon"
                    aria-label={`Move ${label} up`}
                    disabled={index === 0}
                    onClick={() => onChange(move(sort, index, index - 1))}
                  >
                    <ArrowUp size={14} aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    className="button button--icon"
                    aria-label={`Move ${label} down`}
                    disabled={index === sort.length - 1}
                    onClick={() => onChange(move(sort, index, index + 1))}
                  >
                    <ArrowDown size={14} aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    className="button button--icon"
                    aria-label={`Remove ${label}`}
                    onClick={() => onChange(sort.filter((_, at) => at !== index))}
                  >
                    <Trash2 size={14} aria-hidden="true" />
                  </button>
                </div>
                {each.kind === 'geo' && (
                  <input
                    className="input search-input input--mono"
                    value={each.point}
                    placeholder="from lat,lon e.g. 40,-70"
                    aria-label={`${label}: point`}
                    onChange={(event) => update(index, { ...each, point: event.target.value })}
                  />
                )}
                {messages.map((message) => (
                  <p key={message} className="search-field-error" role="alert">
                    {message}
                  </p>
                ))}
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        className="button button--ghost"
        onClick={() => onChange([...sort, { kind: 'field', field: '', order: 'asc' }])}
        data-testid={`${idPrefix}-sort-add`}
      >
        <Plus size={14} aria-hidden="true" /> Add sort
      </button>
      {presets.length > 0 && (
        <div className="search-presets">
          <span className="muted">The shop’s sorts:</span>
          {presets.map((preset) => (
            <button
              key={`${preset.field}|${preset.order}`}
              type="button"
              className="search-link"
              onClick={() => onChange([{ kind: 'field', field: preset.field, order: preset.order }])}
            >
              {preset.label ?? `${preset.field} ${preset.order}`}
            </button>
          ))}
        </div>
      )}
      <p className="search-help">
        Without a sort, the best match comes first (<code>dfscore</code>, descending).
      </p>
      {messagesAt(problems, { field: 'sort', index: null }).map((message) => (
        <p key={message} className="search-field-error" role="alert">
          {message}
        </p>
      ))}
    </div>
  );
}
