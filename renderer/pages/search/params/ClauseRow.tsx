/** One filter or exclusion: terms, a range with its bounds, or a geo circle. */
import { Trash2 } from 'lucide-react';
import type { ClauseDraft } from './search-form';
import { FieldSelect } from './FieldSelect';
import { TermValues } from './TermValues';

export interface ClauseFields {
  all: readonly string[];
  geo: readonly string[];
  /** Values seen for a field (the answer's facets), offered while typing. */
  values: (field: string) => readonly string[];
}

function switchKind(clause: ClauseDraft, kind: ClauseDraft['kind'], fields: ClauseFields): ClauseDraft {
  if (kind === 'terms') return { kind, field: clause.field, values: [] };
  if (kind === 'range') return { kind, field: clause.field, lowerOp: 'gte', lower: '', upperOp: 'lte', upper: '' };
  return { kind, field: fields.geo[0] ?? '', point: '', distance: '' };
}

export function ClauseRow({
  clause,
  onChange,
  onRemove,
  fields,
  label,
  testId,
  listId,
  messages,
}: {
  clause: ClauseDraft;
  onChange: (clause: ClauseDraft) => void;
  onRemove: () => void;
  fields: ClauseFields;
  /** "Filter 1", "Exclusion 2": names the row's controls for screen readers. */
  label: string;
  testId: string;
  /** The id of the row's value suggestions: unique on the page, which may hold several panels. */
  listId: string;
  /** Why the row is not sent yet, or what Doofinder said about it. */
  messages: readonly string[];
}) {
  const invalid = messages.length > 0;
  return (
    <li className="search-clause" data-testid={testId}>
      <div className="search-clause__line">
        <select
          className="input search-input search-input--kind"
          value={clause.kind}
          aria-label={`${label}: kind`}
          onChange={(event) => onChange(switchKind(clause, event.target.value as ClauseDraft['kind'], fields))}
        >
          <option value="terms">is one of</option>
          <option value="range">in range</option>
          <option value="geo">near (geo)</option>
        </select>
        <FieldSelect
          value={clause.field}
          fields={clause.kind === 'geo' && fields.geo.length > 0 ? fields.geo : fields.all}
          onChange={(field) => onChange({ ...clause, field })}
          label={`${label}: field`}
          invalid={invalid && !clause.field}
          testId={`${testId}-field`}
        />
        <button type="button" className="button button--icon" aria-label={`Remove ${label}`} onClick={onRemove}>
          <Trash2 size={14} aria-hidden="true" />
        </button>
      </div>
      {clause.kind === 'terms' && (
        <TermValues
          values={clause.values}
          suggestions={fields.values(clause.field)}
          onChange={(values) => onChange({ ...clause, values })}
          listId={listId}
          label={`${label}: values`}
        />
      )}
      {clause.kind === 'range' && (
        <div className="search-clause__line">
          <select
            className="input search-input search-input--op"
            value={clause.lowerOp}
            aria-label={`${label}: lower bound operator`}
            onChange={(event) => onChange({ ...clause, lowerOp: event.target.value as 'gte' | 'gt' })}
          >
            <option value="gte">≥ gte</option>
            <option value="gt">&gt; gt</option>
          </select>
          <input
            className="input search-input"
            value={clause.lower}
            placeholder="from"
            aria-label={`${label}: lower bound`}
            onChange={(event) => onChange({ ...clause, lower: event.target.value })}
          />
          <select
            className="input search-input search-input--op"
            value={clause.upperOp}
            aria-label={`${label}: upper bound operator`}
            onChange={(event) => onChange({ ...clause, upperOp: event.target.value as 'lte' | 'lt' })}
          >
            <option value="lte">≤ lte</option>
            <option value="lt">&lt; lt</option>
          </select>
          <input
            className="input search-input"
            value={clause.upper}
            placeholder="to"
            aria-label={`${label}: upper bound`}
            onChange={(event) => onChange({ ...clause, upper: event.target.value })}
          />
        </div>
      )}
      {clause.kind === 'geo' && (
        <div className="search-clause__line">
          <input
            className="input search-input input--mono"
            value={clause.point}
            placeholder="lat,lon e.g. 40,-70"
            aria-label={`${label}: point`}
            onChange={(event) => onChange({ ...clause, point: event.target.value })}
          />
          <input
            className="input search-input input--mono search-input--short"
            value={clause.distance}
            placeholder="200km"
            aria-label={`${label}: distance`}
            onChange={(event) => onChange({ ...clause, distance: event.target.value })}
          />
        </div>
      )}
      {messages.map((message) => (
        <p key={message} className="search-field-error" role="alert">
          {message}
        </p>
      ))}
    </li>
  );
}
