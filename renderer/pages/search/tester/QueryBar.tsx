/** The query box: searches as you type, Enter searches now, Esc clears, "/" anywhere on the tab comes back here. */
import { LoaderCircle, Search } from 'lucide-react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { MAX_QUERY_LENGTH } from '../params/search-form';
import { FieldMessages } from '../params/FieldMessages';
import { HelpPopover } from './HelpPopover';

function typingElsewhere(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export function QueryBar({
  query,
  onQuery,
  onSearchNow,
  onLeaveDown,
  loading,
  messages,
  active,
}: {
  query: string;
  onQuery: (query: string) => void;
  onSearchNow: () => void;
  /** ArrowDown: to the results. */
  onLeaveDown: () => void;
  loading: boolean;
  messages: readonly string[];
  /** Only the visible tab answers "/". */
  active: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!active) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingElsewhere(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      onSearchNow();
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      onQuery('');
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      onLeaveDown();
    }
  }

  const tooLong = query.length > MAX_QUERY_LENGTH;
  return (
    <div className="search-query">
      <div className="search-query__box">
        <Search size={16} className="search-query__icon" aria-hidden="true" />
        <input
          ref={input}
          className="input search-query__input"
          type="search"
          value={query}
          placeholder="Type what a shopper would type…"
          aria-label="Query"
          aria-invalid={messages.length > 0}
          aria-describedby="search-query-count"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={onKeyDown}
          data-testid="search-query"
        />
        {loading && <LoaderCircle size={16} className="spin search-query__spinner" aria-label="Searching" />}
        <span id="search-query-count" className={`search-query__count${tooLong ? ' text-danger' : ''}`}>
          {query.length}/{MAX_QUERY_LENGTH}
        </span>
        <HelpPopover />
      </div>
      <FieldMessages messages={messages} testId="search-query-error" />
    </div>
  );
}
