/** Engine and type of the current account, as two selects side by side. */
import type { EngineView } from '../../../preload/contract';
import { formatCount } from '../../app/format';

export interface Target {
  engine: string;
  type: string;
}

/** The target a page starts on: the one asked for when it exists, else the first type of the first engine. */
export function initialTarget(
  engines: readonly EngineView[],
  wanted: { engine?: string | null; type?: string | null } | null,
): Target | null {
  const engine = engines.find((candidate) => candidate.hashid === wanted?.engine) ?? engines[0];
  if (!engine) return null;
  const type = engine.types.find((candidate) => candidate.name === wanted?.type) ?? engine.types[0];
  return type ? { engine: engine.hashid, type: type.name } : { engine: engine.hashid, type: '' };
}

export function TargetSelect({
  engines,
  value,
  onChange,
  disabled = false,
  idPrefix,
}: {
  engines: readonly EngineView[];
  value: Target | null;
  onChange: (target: Target) => void;
  disabled?: boolean;
  idPrefix: string;
}) {
  const engine = engines.find((candidate) => candidate.hashid === value?.engine);
  return (
    <div className="target-select">
      <label className="field" htmlFor={`${idPrefix}-engine`}>
        <span className="field__label">Search engine</span>
        <select
          id={`${idPrefix}-engine`}
          className="input"
          value={value?.engine ?? ''}
          disabled={disabled}
          onChange={(event) => {
            const next = engines.find((candidate) => candidate.hashid === event.target.value);
            if (next) onChange({ engine: next.hashid, type: next.types[0]?.name ?? '' });
          }}
        >
          {engines.map((candidate) => (
            <option key={candidate.hashid} value={candidate.hashid} title={candidate.hashid}>
              {engines.filter((other) => other.name === candidate.name).length > 1
                ? `${candidate.name} (${candidate.hashid.slice(0, 8)}…)`
                : candidate.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${idPrefix}-type`}>
        <span className="field__label">Type</span>
        <select
          id={`${idPrefix}-type`}
          className="input"
          value={value?.type ?? ''}
          disabled={disabled || !engine || engine.types.length === 0}
          onChange={(event) => value && onChange({ engine: value.engine, type: event.target.value })}
        >
          {engine?.types.map((type) => (
            <option key={type.name} value={type.name}>
              {type.name} · {formatCount(type.localCount)} items{type.mirrorState === 'never' ? ' (not mirrored)' : ''}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
