/** The values of a terms filter as chips; Enter or a comma adds what was typed, Backspace on empty removes the last. */
import { X } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';

export function TermValues({
  values,
  suggestions,
  onChange,
  listId,
  label,
}: {
  values: readonly string[];
  suggestions: readonly string[];
  onChange: (values: string[]) => void;
  listId: string;
  label: string;
}) {
  const [draft, setDraft] = useState('');

  function add(text: string) {
    const value = text.trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setDraft('');
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  }

  return (
    <div className="search-chips">
      {values.map((value) => (
        <span key={value} className="search-chip">
          {value}
          <button
            type="button"
            className="search-chip__remove"
            aria-label={`Remove ${value}`}
            onClick={() => onChange(values.filter((each) => each !== value))}
          >
            <X size={11} aria-hidden="true" />
          </button>
        </span>
      ))}
      <input
        className="search-chips__input"
        value={draft}
        list={listId}
        placeholder={values.length === 0 ? 'Value, then Enter' : ''}
        aria-label={label}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => add(draft)}
      />
      <datalist id={listId}>
        {suggestions
          .filter((each) => !values.includes(each))
          .map((each) => (
            <option key={each} value={each} />
          ))}
      </datalist>
    </div>
  );
}
