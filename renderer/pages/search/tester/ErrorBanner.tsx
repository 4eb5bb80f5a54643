/**
 * A failed search that no single field caused: a refused key (401) points to Accounts, a
 * network failure offers Retry (searches are never retried silently), anything else in words.
 */
import { CircleAlert } from 'lucide-react';
import { ApiError, describeError } from '../../../api/client';
import type { PageId } from '../../../app/pages';

export function ErrorBanner({
  error,
  onRetry,
  navigate,
}: {
  error: unknown;
  onRetry: () => void;
  navigate: (page: PageId) => void;
}) {
  const code = error instanceof ApiError ? error.code : null;
  return (
    <div className="notice notice--danger search-banner" role="alert" data-testid="search-error">
      <CircleAlert size={15} aria-hidden="true" />
      <div>
        {code === 'auth_failed' ? (
          <>
            <p>Doofinder refused this account’s key (401), so nothing can be searched until it is replaced.</p>
            <button type="button" className="button" onClick={() => navigate('accounts')}>
              Go to Accounts
            </button>
          </>
        ) : code === 'unreachable' || code === 'worker_unavailable' || code === 'disconnected' ? (
          <>
            <p>{describeError(error)}</p>
            <button type="button" className="button" onClick={onRetry} data-testid="search-retry">
              Retry
            </button>
          </>
        ) : (
          <>
            <p>{describeError(error)}</p>
            <button type="button" className="button button--ghost" onClick={onRetry} data-testid="search-retry">
              Try again
            </button>
          </>
        )}
      </div>
    </div>
  );
}
