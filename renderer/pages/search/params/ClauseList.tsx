/** The filters (or the exclusions) with their execution: how their conditions combine. */
import { Plus } from 'lucide-react';
import type { ClauseDraft, FieldProblem } from './search-form';
import { clauseGap } from './search-form';
import { ClauseRow, type ClauseFields } from './ClauseRow';
import { messagesAt } from './field-errors';

export function ClauseList({
  list,
  clauses,
  execution,
  executionHelp,
  onChange,
  onExecution,
  fields,
  problems,
  idPrefix,
}: {
  list: 'filters' | 'excludes';
  clauses: readonly ClauseDraft[];
  execution: 'or' | 'and';
  executionHelp: Record<'or' | 'and', string>;
  onChange: (clauses: ClauseDraft[]) => void;
  onExecution: (execution: 'or' | 'and') => void;
  fields: ClauseFields;
  problems: readonly FieldProblem[];
  /** The panel's prefix (two panels share the Compare tab, and the Search tab stays mounted). */
  idPrefix: string;
}) {
  const noun = list === 'filters' ? 'Filter' : 'Exclusion';
  const parameter = list === 'filters' ? 'filter_execution' : 'exclude_execution';
  const testId = `${idPrefix}-${list === 'filters' ? 'filter' : 'exclude'}`;
  return (
    <div className="search-clauses">
      {clauses.length > 0 && (
        <ol className="search-clauses__list">
          {clauses.map((clause, index) => {
            const gap = clauseGap(clause);
            const messages = [
              ...(gap ? [`Not sent yet: ${gap}`] : []),
              ...messagesAt(problems, { field: list, index }),
            ];
            return (
              <ClauseRow
                // Rows have no identity of their own; the index is theirs while the list is edited in place.
                key={index}
                clause={clause}
                fields={fields}
                label={`${noun} ${index + 1}`}
                testId={`${testId}-${index}`}
                listId={`${idPrefix}-${list}-${index}-values`}
                messages={messages}
                onChange={(next) => onChange(clauses.map((each, at) => (at === index ? next : each)))}
                onRemove={() => onChange(clauses.filter((_, at) => at !== index))}
              />
            );
          })}
        </ol>
      )}
      <div className="search-clauses__footer">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => onChange([...clauses, { kind: 'terms', field: '', values: [] }])}
          data-testid={`${testId}-add`}
        >
          <Plus size={14} aria-hidden="true" /> Add {noun.toLowerCase()}
        </button>
        <label className="search-inline">
          <code>{parameter}</code>
          <select
            className="input search-input search-input--op"
            value={execution}
            onChange={(event) => onExecution(event.target.value as 'or' | 'and')}
            data-testid={`${testId}-execution`}
          >
            <option value="or">or</option>
            <option value="and">and</option>
          </select>
        </label>
      </div>
      <p className="search-help">{executionHelp[execution]}</p>
      {messagesAt(problems, { field: list, index: null }).map((message) => (
        <p key={message} className="search-field-error" role="alert">
          {message}
        </p>
      ))}
    </div>
  );
}
