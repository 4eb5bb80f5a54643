/**
 * The search as a curl command anyone can paste. The token shows as {token}; revealing it asks
 * first (it is the account's secret) and calls `search:curl` with `reveal`, which sends nothing.
 */
import { Eye, EyeOff } from 'lucide-react';
import { useState } from 'react';
import type { SearchParamsView } from '../../../../preload/contract';
import { call, describeError } from '../../../api/client';
import { CopyButton } from './CopyButton';

export function CurlBox({ engine, params, curl }: { engine: string; params: SearchParamsView; curl: string }) {
  const [revealed, setRevealed] = useState<{ for: string; curl: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A reveal belongs to the command it was asked for: a new search hides the token again.
  const shown = revealed?.for === curl ? revealed.curl : curl;

  async function reveal() {
    if (!window.confirm('Show the search token in the command? Anyone who sees it can search this engine.')) return;
    try {
      const answer = await call('search:curl', { engine, params, reveal: true });
      setRevealed({ for: curl, curl: answer.curl });
      setError(null);
    } catch (cause) {
      setError(describeError(cause));
    }
  }

  return (
    <div className="search-raw__block">
      <div className="search-raw__bar">
        <h3>Request as curl</h3>
        {shown === curl ? (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void reveal()}
            data-testid="search-curl-reveal"
          >
            <Eye size={14} aria-hidden="true" /> Reveal token
          </button>
        ) : (
          <button type="button" className="button button--ghost" onClick={() => setRevealed(null)}>
            <EyeOff size={14} aria-hidden="true" /> Hide token
          </button>
        )}
        <CopyButton text={shown} label="Copy" testId="search-curl-copy" />
      </div>
      <pre className="search-code" data-testid="search-curl">
        {shown}
      </pre>
      {error && (
        <p className="search-field-error" role="alert">
          The token could not be shown: {error}
        </p>
      )}
    </div>
  );
}
