import type { EngineView } from '../../../preload/contract';

export function EngineSelect({
  engines,
  value,
  onChange,
}: {
  engines: readonly EngineView[];
  value: string;
  onChange: (hashid: string) => void;
}) {
  return (
    <label className="feeds-engine">
      <span className="muted">Search engine</span>
      <select
        className="input feeds-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid="feeds-engine"
      >
        {engines.map((engine) => (
          <option key={engine.hashid} value={engine.hashid} title={engine.hashid}>
            {engines.filter((other) => other.name === engine.name).length > 1
              ? `${engine.name} (${engine.hashid.slice(0, 8)}…)`
              : engine.name}
          </option>
        ))}
      </select>
    </label>
  );
}
