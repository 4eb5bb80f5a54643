/**
 * Testing a shop's tracking end to end: the tester's session, the amount for cart buttons on
 * each result, the shop-level events (clear cart, checkout, a visit with its store id) and what
 * each event answered.
 */
import { LoaderCircle, RefreshCw } from 'lucide-react';
import { useState } from 'react';
import { rememberSearch, readSearchMemory } from '../search-memory';
import { EVENT_LABELS, type Tracking } from './use-tracking';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function EventsPanel({
  tracking,
  amount,
  onAmount,
}: {
  tracking: Tracking;
  amount: number;
  onAmount: (amount: number) => void;
}) {
  const [store, setStore] = useState(() => readSearchMemory().store);
  const storeValid = store.trim().length >= 1 && store.trim().length <= 36;
  return (
    <section className="search-events" aria-labelledby="search-events-title" data-testid="search-events">
      <h2 id="search-events-title">Tracking events</h2>
      <p className="search-help">
        Sent as a shopper of this session would, to check the shop’s tracking. They count in the shop’s stats.
      </p>
      <div className="search-events__row">
        <span className="muted">Session</span>
        <code className="search-events__session" data-testid="search-session">
          {tracking.sessionId}
        </code>
        <button
          type="button"
          className="button button--ghost"
          onClick={tracking.newSession}
          data-testid="search-new-session"
        >
          <RefreshCw size={13} aria-hidden="true" /> New session
        </button>
      </div>
      <label className="search-events__row">
        <span className="muted">Cart amount</span>
        <input
          className="input search-input search-input--short"
          type="number"
          min={1}
          max={10000}
          value={amount}
          onChange={(event) => onAmount(Math.max(1, Math.min(10_000, Math.round(Number(event.target.value)) || 1)))}
          data-testid="search-amount"
        />
      </label>
      <div className="search-events__row">
        <button
          type="button"
          className="button"
          onClick={() => void tracking.send('clear-cart')}
          data-testid="search-event-clear"
        >
          {EVENT_LABELS['clear-cart']}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void tracking.send('checkout')}
          data-testid="search-event-checkout"
        >
          {EVENT_LABELS.checkout}
        </button>
      </div>
      <form
        className="search-events__row"
        onSubmit={(event) => {
          event.preventDefault();
          if (!storeValid) return;
          rememberSearch({ store: store.trim() });
          void tracking.send('visit', { store: store.trim() });
        }}
      >
        <input
          className="input search-input"
          value={store}
          placeholder="Store id"
          aria-label="Store id (from the store setup section)"
          maxLength={36}
          onChange={(event) => setStore(event.target.value)}
          data-testid="search-store"
        />
        <button type="submit" className="button" disabled={!storeValid} data-testid="search-event-visit">
          {EVENT_LABELS.visit}
        </button>
      </form>
      <h3 className="search-events__log-title">
        Answers {tracking.sending && <LoaderCircle size={12} className="spin inline-icon" aria-label="sending" />}
      </h3>
      {tracking.log.length === 0 ? (
        <p className="muted">Use a result’s Click or cart buttons, or the buttons above.</p>
      ) : (
        <ol className="search-events__log" data-testid="search-event-log" aria-live="polite">
          {tracking.log.map((entry) => (
            <li
              key={entry.id}
              className={entry.ok ? 'tone-ok' : 'tone-bad'}
              data-testid="search-event-entry"
              data-kind={entry.kind}
            >
              <span className={`pill ${entry.ok ? 'pill--ok' : 'pill--bad'}`}>{entry.status ?? 'failed'}</span>
              <strong>{EVENT_LABELS[entry.kind]}</strong> <span className="muted">{entry.about}</span>
              <span className="muted search-events__time">{time.format(entry.at)}</span>
              <code className="search-events__body">{entry.body || '(empty body)'}</code>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
