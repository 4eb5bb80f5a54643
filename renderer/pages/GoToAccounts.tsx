import { KeyRound } from 'lucide-react';
import type { PageProps } from './page-props';

/** The first step on every page until an account is connected. */
export function GoToAccounts({ navigate }: PageProps) {
  return (
    <button type="button" className="button button--primary" onClick={() => navigate('accounts')}>
      <KeyRound size={16} aria-hidden="true" /> Go to Accounts
    </button>
  );
}
