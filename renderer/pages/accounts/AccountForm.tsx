import { Eye, EyeOff, LoaderCircle } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../preload/contract';
import { ApiError, call, describeError } from '../../api/client';

/** `eu1-…`: the zone is the part before the first dash. */
function zoneOf(key: string): string | null {
  return /^([a-z]{2,4}\d{1,2})-/.exec(key.trim())?.[1] ?? null;
}

interface Props {
  /** The account to edit; absent to add one. */
  account?: AccountView;
  onDone: (account: AccountView) => void;
  onCancel: () => void;
}

export function AccountForm({ account, onDone, onCancel }: Props) {
  const ids = useId();
  const [name, setName] = useState(account?.name ?? '');
  const [apiKey, setApiKey] = useState('');
  const [showKey, setShowKey] = useState(false);
  const [managementUrl, setManagementUrl] = useState(account?.managementUrl ?? '');
  const [searchUrl, setSearchUrl] = useState(account?.searchUrl ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: 'name' | 'apiKey' | 'hosts' | null; message: string } | null>(null);
  const sandbox = account?.kind === 'sandbox';
  const zone = zoneOf(apiKey) ?? account?.zone ?? 'eu1';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!name.trim())
      return setError({ field: 'name', message: 'Give the account a name, such as the shop it serves.' });
    if (!account && !apiKey.trim())
      return setError({ field: 'apiKey', message: 'Paste the API key from the Doofinder admin.' });
    setBusy(true);
    try {
      const hosts = sandbox ? {} : { managementUrl: managementUrl.trim() || null, searchUrl: searchUrl.trim() || null };
      const saved = account
        ? await call('accounts:update', {
            id: account.id,
            name: name.trim(),
            ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
            ...hosts,
          })
        : await call('accounts:add', { name: name.trim(), apiKey: apiKey.trim(), ...hosts });
      setApiKey('');
      onDone(saved);
    } catch (caught) {
      const field =
        caught instanceof ApiError && (caught.code === 'auth_failed' || caught.details?.field === 'apiKey')
          ? 'apiKey'
          : caught instanceof ApiError &&
              caught.code === 'invalid_input' &&
              JSON.stringify(caught.details ?? {}).includes('Url')
            ? 'hosts'
            : null;
      setError({ field, message: describeError(caught) });
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: 'name' | 'apiKey' | 'hosts') => (error?.field === field ? true : undefined);

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <label className="field" htmlFor={`${ids}-name`}>
        <span className="field__label">Name</span>
        <input
          id={`${ids}-name`}
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="My shop"
          autoFocus
          aria-invalid={invalid('name')}
          maxLength={80}
        />
      </label>
      {!sandbox && (
        <label className="field" htmlFor={`${ids}-key`}>
          <span className="field__label">API key{account ? ' (leave empty to keep the stored one)' : ''}</span>
          <span className="input-with-button">
            <input
              id={`${ids}-key`}
              className="input input--mono"
              type={showKey ? 'text' : 'password'}
              value={apiKey}
              onChange={(event) => setApiKey(event.target.value)}
              placeholder="eu1-ab46030xza33960aac71a10248489b6c26172f07"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={invalid('apiKey')}
              aria-describedby={`${ids}-key-help`}
            />
            <button
              type="button"
              className="button button--icon"
              aria-label={showKey ? 'Hide the key' : 'Show the key'}
              onClick={() => setShowKey((shown) => !shown)}
            >
              {showKey ? <EyeOff size={15} aria-hidden="true" /> : <Eye size={15} aria-hidden="true" />}
            </button>
          </span>
          <span className="field__help" id={`${ids}-key-help`}>
            Doofinder admin › My Account › API keys. It is checked with Doofinder, then kept in your OS keychain.
          </span>
        </label>
      )}
      {!sandbox && (
        <details
          className="advanced"
          open={Boolean(account?.managementUrl || account?.searchUrl) || error?.field === 'hosts'}
        >
          <summary>Advanced: hosts</summary>
          <p className="muted">For a proxy or a sandbox. Empty means Doofinder's own hosts for zone {zone}.</p>
          <label className="field" htmlFor={`${ids}-management`}>
            <span className="field__label">Management and stats host</span>
            <input
              id={`${ids}-management`}
              className="input input--mono"
              value={managementUrl}
              onChange={(event) => setManagementUrl(event.target.value)}
              placeholder={`https://${zone}-api.doofinder.com`}
              aria-invalid={invalid('hosts')}
            />
          </label>
          <label className="field" htmlFor={`${ids}-search`}>
            <span className="field__label">Search host</span>
            <input
              id={`${ids}-search`}
              className="input input--mono"
              value={searchUrl}
              onChange={(event) => setSearchUrl(event.target.value)}
              placeholder={`https://${zone}-search.doofinder.com`}
              aria-invalid={invalid('hosts')}
            />
          </label>
        </details>
      )}
      {error && (
        <p className="form__error" role="alert" data-testid="account-error">
          {error.message}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy && <LoaderCircle size={15} className="spin" aria-hidden="true" />}
          {busy ? (apiKey ? 'Checking the key…' : 'Saving…') : account ? 'Save' : 'Check and add'}
        </button>
      </div>
    </form>
  );
}
