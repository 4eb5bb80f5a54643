import { CircleAlert, KeyRound, LockKeyhole, RefreshCw, ShieldCheck } from 'lucide-react';
import { useRequest } from '../api/hooks';
import { describeError } from '../api/client';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

function KeychainCard() {
  const { data, error, loading, reload } = useRequest('keychain:status');
  let body;
  if (loading && !data) body = <p className="muted">Checking the keychain…</p>;
  else if (error) body = <p className="text-danger">{describeError(error)}</p>;
  else if (data?.available)
    body = (
      <p>
        <ShieldCheck size={16} className="text-success inline-icon" aria-hidden="true" /> API keys will be stored in{' '}
        <strong>{data.backend}</strong>, encrypted by your operating system. They are never written to a file.
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
    <section className="card" aria-labelledby="keychain-title" data-testid="keychain-card">
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

export function AccountsPage() {
  return (
    <>
      <PageHeader title="Accounts" subtitle="Doofinder accounts this app works with, and where their keys are kept." />
      <EmptyState
        icon={KeyRound}
        title="No accounts yet"
        steps={[
          'Find your API key in the Doofinder admin, under My Account › API keys. It looks like eu1-ab46030x…',
          'Add it here with a name: the app checks it against the API before saving it to your keychain.',
        ]}
      >
        <p>
          Your accounts will be listed here, with their zone and search engines. Switching accounts switches the whole
          app. A Sandbox account, which runs on this computer, lets you try every feature without a Doofinder account.
        </p>
      </EmptyState>
      <KeychainCard />
    </>
  );
}
