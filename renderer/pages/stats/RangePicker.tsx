/** The date range: presets as one segmented control, and two date inputs for a custom range. */
import { useState } from 'react';
import {
  customRangeProblem,
  fromInputDate,
  PRESETS,
  toInputDate,
  toYyyymmdd,
  type RangeChoice,
  type RangePreset,
} from './date-range';

export function RangePicker({
  choice,
  today,
  onChange,
}: {
  choice: RangeChoice;
  today: Date;
  onChange: (choice: RangeChoice) => void;
}) {
  const [editing, setEditing] = useState(choice.preset === 'custom');
  const pick = (preset: RangePreset) => {
    if (preset === 'custom') setEditing(true);
    else {
      setEditing(false);
      onChange({ ...choice, preset });
    }
  };
  return (
    <div className="stats-range">
      <div className="segmented" role="radiogroup" aria-label="Date range">
        {PRESETS.map((option) => {
          const on = option.value === 'custom' ? editing : !editing && choice.preset === option.value;
          return (
            <button
              key={option.value}
              type="button"
              role="radio"
              aria-checked={on}
              className="segmented__option stats-preset"
              data-testid={`stats-range-${option.value}`}
              onClick={() => pick(option.value)}
            >
              {option.label}
            </button>
          );
        })}
      </div>
      {editing && (
        <CustomRange
          initial={choice.custom}
          today={today}
          onApply={(custom) => onChange({ preset: 'custom', custom })}
        />
      )}
    </div>
  );
}

function CustomRange({
  initial,
  today,
  onApply,
}: {
  initial: { from: string; to: string };
  today: Date;
  onApply: (range: { from: string; to: string }) => void;
}) {
  const [from, setFrom] = useState(toInputDate(initial.from));
  const [to, setTo] = useState(toInputDate(initial.to));
  const problem = customRangeProblem(fromInputDate(from), fromInputDate(to), today);
  const max = toInputDate(toYyyymmdd(today));
  return (
    <form
      className="stats-range__custom"
      onSubmit={(event) => {
        event.preventDefault();
        const start = fromInputDate(from);
        const end = fromInputDate(to);
        if (!problem && start && end) onApply({ from: start, to: end });
      }}
    >
      <label className="stats-inline">
        <span>From</span>
        <input
          type="date"
          className="input stats-input"
          value={from}
          max={max}
          aria-invalid={problem !== null}
          onChange={(event) => setFrom(event.target.value)}
          data-testid="stats-from"
        />
      </label>
      <label className="stats-inline">
        <span>To</span>
        <input
          type="date"
          className="input stats-input"
          value={to}
          max={max}
          aria-invalid={problem !== null}
          onChange={(event) => setTo(event.target.value)}
          data-testid="stats-to"
        />
      </label>
      <button type="submit" className="button" disabled={problem !== null}>
        Apply
      </button>
      {problem && (
        <span className="text-danger" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
