/**
 * The account operations that touch the OS keychain, so they run in main: a key is checked
 * by the worker (it lists the account's engines), stored in the keychain, and only then is
 * the account saved. Keys go to the worker in memory; the renderer never gets one back.
 */
import { randomUUID } from 'node:crypto';
import type { AccountView, Envelope, HandlersFor } from '../preload/contract';
import { AppError } from './errors';
import type { Keychain } from './keychain';
import { registerSecret } from './redact';
import type { WorkerSupervisor } from './supervisor';
import type { KeyForProfile } from './worker/protocol';

type Worker = Pick<WorkerSupervisor, 'internal'>;

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details);
}

type AccountHandlers = Pick<HandlersFor<'main'>, 'accounts:add' | 'accounts:update' | 'accounts:remove'>;

export function accountHandlers(worker: Worker, keychain: Keychain): AccountHandlers {
  return {
    async 'accounts:add'({ name, apiKey, managementUrl, searchUrl }): Promise<AccountView> {
      registerSecret(apiKey);
      const hosts = { managementUrl: managementUrl ?? null, searchUrl: searchUrl ?? null };
      unwrap(await worker.internal('accounts:verifyKey', { apiKey, ...hosts }));
      const id = randomUUID();
      await keychain.setKey(id, apiKey);
      try {
        return unwrap(await worker.internal('accounts:create', { id, name, apiKey, ...hosts }));
      } catch (error) {
        await keychain.deleteKey(id).catch(() => false);
        throw error;
      }
    },

    async 'accounts:update'({ id, name, apiKey, managementUrl, searchUrl }): Promise<AccountView> {
      if (apiKey) {
        registerSecret(apiKey);
        unwrap(
          await worker.internal('accounts:verifyKey', {
            apiKey,
            managementUrl: managementUrl ?? null,
            searchUrl: searchUrl ?? null,
            profileId: id,
          }),
        );
        await keychain.setKey(id, apiKey);
      }
      return unwrap(await worker.internal('accounts:update', { id, name, apiKey, managementUrl, searchUrl }));
    },

    async 'accounts:remove'({ id }) {
      // The keychain entry goes first: an account must never leave its key behind.
      const holders = unwrap(await worker.internal('accounts:keyholders', undefined));
      if (holders.includes(id)) await keychain.deleteKey(id).catch(explainKeychainFailure);
      return unwrap(await worker.internal('accounts:remove', { id }));
    },
  };
}

function explainKeychainFailure(error: unknown): never {
  if (error instanceof AppError && error.code === 'keychain_unavailable') {
    throw new AppError(
      'keychain_unavailable',
      `The key stored for this account cannot be deleted because the keychain is not available (${error.message}) Fix the keychain, then remove the account.`,
    );
  }
  throw error;
}

/**
 * Hands the worker the keys of its accounts from the keychain, each time a worker starts
 * (a restarted worker starts with none).
 */
export async function deliverKeys(worker: Worker, keychain: Keychain): Promise<void> {
  const holders = await worker.internal('accounts:keyholders', undefined);
  if (!holders.ok || holders.value.length === 0) return;
  const keys: KeyForProfile[] = [];
  for (const profileId of holders.value) {
    try {
      const apiKey = await keychain.getKey(profileId);
      if (apiKey) registerSecret(apiKey);
      keys.push({ profileId, apiKey, problem: apiKey ? null : 'missing_key' });
    } catch {
      keys.push({ profileId, apiKey: null, problem: 'keychain_unavailable' });
    }
  }
  await worker.internal('accounts:keys', { keys });
}
