import {
  CircleAlert,
  CircleUser,
  FlaskConical,
  KeyRound,
  LockKeyhole,
  Pencil,
  Plus,
  RefreshCw,
  ShieldCheck,
  Trash2,
} from 'lucide-react';
import { useState } from 'react';
import type { AccountView, AccountsSnapshot } from '../../preload/contract';
import { call, describeError } from '../api/client';
import { useEvent, useRequest } from '../api/hooks';
import { Dialog } from '../components/Dialog';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { AccountForm } from './accounts/AccountForm';

function KeychainCard() {
  const { data, error, loading, reload } = useRequest('keychain:status');
  let body;
  if (loading && !data) body = <p className="muted">Checking the keychain…</p>;
  else if (error) body = <p className="text-danger">{describeError(error)}</p>;
  else if (data?.available)
    body = (
      <p>
        <ShieldCheck size={16} className="text-success inline-icon" aria-hidden="true" /> API keys are stored in{' '}
        <strong>{data.backend}</strong>, encrypted by your operating system, and never written to a file.
      </p>
    );
  else if (data)
    body = (
      <>
        <p>
          <CircleAlert size={16} className="text-warning inline-icon" aria-hidden="true" /> {data.reason}
        </p>
        <p className="remedy">{data.remedy}</p>
        <p className="muted">
          The Sandbox account needs no key and works without a keychain. Keys are never stored anywhere else instead.
        </p>
      </>
    );
  return (
    <section className="card card--wide" aria-labelledby="keychain-title" data-testid="keychain-card">
      <header className="card__header">
        <h2 id="keychain-title">
          <LockKeyhole size={16} aria-hidden="true" /> Keychain
        </h2>
        <button type="button" className="button button--ghost" onClick={reload} disabled={loading}>
          <RefreshCw size={14} aria-hidden="true" /> Check again
        </button>
      </header>
      {body}
    </section>
  );
}

function AccountRow({ account, onEdit, onRemove }: { account: AccountView; onEdit: () => void; onRemove: () => void }) {
  const [switching, setSwitching] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const sandbox = account.kind === 'sandbox';
  const Icon = sandbox ? FlaskConical : CircleUser;
  async function switchTo() {
    setSwitching(true);
    setProblem(null);
    try {
      await call('accounts:switch', { id: account.id });
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setSwitching(false);
    }
  }
  return (
    <li className={`account${account.current ? ' account--current' : ''}`} data-testid={`account-${account.name}`}>
      <span className="account__icon" aria-hidden="true">
        <Icon size={18} />
      </span>
      <div className="account__main">
        <div className="account__title">
          <strong>{account.name}</strong>
          {sandbox && <span className="badge">Sandbox</span>}
          {account.current && <span className="badge badge--neutral">Current</span>}
        </div>
        <div className="account__meta muted">
          {sandbox ? 'Runs on this computer with a sample catalog; nothing reaches Doofinder.' : `Zone ${account.zone}`}
          {!sandbox &&
            (account.managementUrl || account.searchUrl) &&
            ` · hosts ${account.managementUrl ?? 'default'}, ${account.searchUrl ?? 'default'}`}
        </div>
        {account.stateMessage && (
          <p className="account__state" role="status">
            <CircleAlert size={14} className="inline-icon" aria-hidden="true" /> {account.stateMessage}
          </p>
        )}
        {problem && <p className="text-danger">{problem}</p>}
      </div>
      <div className="account__actions">
        {!account.current && (
          <button type="button" className="button" onClick={() => void switchTo()} disabled={switching}>
            Switch to
          </button>
        )}
        <button
          type="button"
          className="button button--icon"
          aria-label={`Edit ${account.name}`}
          title="Edit"
          onClick={onEdit}
        >
          <Pencil size={15} aria-hidden="true" />
        </button>
        {!sandbox && (
          <button
            type="button"
            className="button button--icon"
            aria-label={`Remove ${account.name}`}
            title="Remove"
            onClick={onRemove}
          >
            <Trash2 size={15} aria-hidden="true" />
          </button>
        )}
      </div>
    </li>
  );
}

function RemoveDialog({ account, onClose }: { account: AccountView | null; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function remove() {
    if (!account) return;
    setBusy(true);
    setProblem(null);
    try {
      await call('accounts:remove', { id: account.id });
      onClose();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open={account !== null} title={`Remove ${account?.name ?? 'account'}?`} onClose={onClose}>
      <p>
        This deletes its key from your keychain and its local copy of the catalog from this computer, including edits
        that were not synced. Nothing changes on Doofinder.
      </p>
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Keep it
        </button>
        <button type="button" className="button button--danger" onClick={() => void remove()} disabled={busy}>
          <Trash2 size={15} aria-hidden="true" /> Remove
        </button>
      </div>
    </Dialog>
  );
}

export function AccountsPage() {
  const accounts = useRequest('accounts:list');
  useEvent('accounts:changed', (snapshot: AccountsSnapshot) => accounts.set(snapshot));
  const [editing, setEditing] = useState<AccountView | 'new' | null>(null);
  const [removing, setRemoving] = useState<AccountView | null>(null);
  const list = accounts.data?.accounts ?? [];

  return (
    <>
      <PageHeader
        title="Accounts"
        subtitle="The Doofinder accounts this app works with, and where their keys are kept."
      >
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          <Plus size={16} aria-hidden="true" /> Add account
        </button>
      </PageHeader>
      {accounts.error ? <p className="notice notice--danger">{describeError(accounts.error)}</p> : null}
      {list.length === 0 && !accounts.loading ? (
        <EmptyState
          icon={KeyRound}
          title="No accounts yet"
          steps={[
            'Find your API key in the Doofinder admin, under My Account › API keys. It looks like eu1-ab46030x…',
            'Add it here with a name: the app checks it with Doofinder before saving it to your keychain.',
          ]}
        >
          <p>Your accounts will be listed here, with their zone. Switching accounts switches the whole app.</p>
        </EmptyState>
      ) : (
        <ul className="accounts" aria-label="Accounts">
          {list.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              onEdit={() => setEditing(account)}
              onRemove={() => setRemoving(account)}
            />
          ))}
        </ul>
      )}
      <KeychainCard />
      <Dialog
        open={editing !== null}
        title={editing === 'new' || editing === null ? 'Add an account' : `Edit ${editing.name}`}
        onClose={() => setEditing(null)}
      >
        <AccountForm
          key={editing === 'new' || editing === null ? 'new' : editing.id}
          account={editing === 'new' || editing === null ? undefined : editing}
          onDone={() => setEditing(null)}
          onCancel={() => setEditing(null)}
        />
      </Dialog>
      <RemoveDialog account={removing} onClose={() => setRemoving(null)} />
    </>
  );
}
