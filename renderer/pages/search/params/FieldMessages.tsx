/** The messages that belong next to one control, announced as they appear. */
export function FieldMessages({ messages, testId }: { messages: readonly string[]; testId?: string }) {
  if (messages.length === 0) return null;
  return (
    <div className="search-field-errors" data-testid={testId}>
      {messages.map((message) => (
        <p key={message} className="search-field-error" role="alert">
          {message}
        </p>
      ))}
    </div>
  );
}
