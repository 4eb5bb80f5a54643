/** A field of the engine to filter or sort on; a field not in the list (typed in a saved set) stays selectable. */
export function FieldSelect({
  value,
  fields,
  onChange,
  label,
  invalid = false,
  testId,
}: {
  value: string;
  fields: readonly string[];
  onChange: (field: string) => void;
  label: string;
  invalid?: boolean;
  testId?: string;
}) {
  const all = value && !fields.includes(value) ? [value, ...fields] : fields;
  return (
    <select
      className="input search-input search-input--field"
      value={value}
      aria-label={label}
      aria-invalid={invalid}
      onChange={(event) => onChange(event.target.value)}
      data-testid={testId}
    >
      <option value="">Field…</option>
      {all.map((field) => (
        <option key={field} value={field}>
          {field}
        </option>
      ))}
    </select>
  );
}
