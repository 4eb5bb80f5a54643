/** Which account an import or export works on: the current one, switchable here as on the Accounts page. */
import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import type { AccountsSnapshot } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { useEvent, useRequest } from '../../api/hooks';

export function AccountLine({ disabled = false }: { disabled?: boolean }) {
  const accounts = useRequest('accounts:list');
  useEvent('accounts:changed', (snapshot: AccountsSnapshot) => accounts.set(snapshot));
  const [problem, setProblem] = useState<string | null>(null);
  const list = accounts.data?.accounts ?? [];
  if (list.length === 0) return null;
  return (
    <div className="account-line">
      <label className="inline-field">
        <KeyRound size={14} aria-hidden="true" />
        <span>Account</span>
        <select
          className="input input--small"
          value={accounts.data?.currentId ?? ''}
          disabled={disabled || list.length < 2}
          aria-label="Account"
          onChange={(event) => {
            setProblem(null);
            call('accounts:switch', { id: event.target.value }).then(accounts.set, (error: unknown) =>
              setProblem(`The account could not be switched: ${describeError(error)}`),
            );
          }}
        >
          {list.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
              {account.kind === 'sandbox' ? ' (sandbox)' : ''}
            </option>
          ))}
        </select>
      </label>
      <span className="muted">
        Imports and exports use this account’s engines; switching it switches the whole app.
      </span>
      {problem && <span className="text-danger">{problem}</span>}
    </div>
  );
}
