/**
 * One side of a comparison: its engine and every Search v5 parameter (the Search tab's panel),
 * with the limits it breaks and the errors pinned on it shown at their field, and what the last
 * answer said.
 */
import type { ReactNode } from 'react';
import type { EngineView, SearchAnswerView, SearchOptionsView } from '../../../../preload/contract';
import { formatCount } from '../../../app/format';
import { ParamsPanel } from '../params/ParamsPanel';
import type { FieldProblem, SearchForm } from '../params/search-form';
import type { SideId } from './side-errors';

export interface SideState {
  engine: string;
  form: SearchForm;
}

export interface CompareSidePanelProps {
  id: SideId;
  side: SideState;
  onChange: (side: SideState) => void;
  engines: readonly EngineView[];
  options: SearchOptionsView | null;
  problems: readonly FieldProblem[];
  /** This side breaks a limit: nothing is sent until it is fixed. */
  held: boolean;
  answer: SearchAnswerView | null;
  action?: ReactNode;
}

function AnswerLine({ answer }: { answer: SearchAnswerView }) {
  return (
    <p className="muted rel-answer" data-testid="compare-answer">
      {formatCount(answer.total)} results · {formatCount(answer.tookMs)} ms · answered by{' '}
      <code>{answer.queryName ?? 'unknown'}</code>
    </p>
  );
}

export function CompareSidePanel({
  id,
  side,
  onChange,
  engines,
  options,
  problems,
  held,
  answer,
  action,
}: CompareSidePanelProps) {
  const prefix = `compare-${id}`;
  const label = id.toUpperCase();
  const types = engines.find((engine) => engine.hashid === side.engine)?.types.map((type) => type.name) ?? [];
  return (
    <section className="card rel-side" aria-label={`Side ${label}`} data-testid={`${prefix}-side`}>
      <header className="rel-side__header">
        <h2>{label}</h2>
        <label className="rel-field rel-side__engine">
          <span className="muted">Engine</span>
          <select
            className="input rel-input"
            value={side.engine}
            onChange={(event) => onChange({ ...side, engine: event.target.value })}
            data-testid={`${prefix}-engine`}
          >
            {engines.map((engine) => (
              <option key={engine.hashid} value={engine.hashid}>
                {engine.name}
              </option>
            ))}
          </select>
        </label>
        <span className="rel-spacer" />
        {action}
      </header>
      {answer && <AnswerLine answer={answer} />}
      {held && (
        <p className="rel-held" role="status" data-testid={`${prefix}-held`}>
          {label} is not sent until the field marked below is fixed.
        </p>
      )}
      <ParamsPanel
        idPrefix={prefix}
        form={side.form}
        onChange={(form) => onChange({ ...side, form })}
        options={options}
        types={types}
        problems={problems}
        facets={answer?.facets ?? []}
        answeredBy={answer?.queryName ?? null}
      />
    </section>
  );
}
