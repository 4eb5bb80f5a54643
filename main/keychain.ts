/**
 * API keys live in the OS keychain (keytar: Secret Service on Linux, Keychain on macOS,
 * Credential Vault on Windows) and nowhere else: never in SQLite, a file, a log or the
 * renderer. keytar is an optional dependency (its build needs libsecret headers on Linux),
 * so everything here says plainly why keys cannot be stored when it is missing, instead of
 * falling back to something weaker.
 */
import type { KeychainStatus } from '../preload/contract';
import { AppError } from './errors';
import { redactSecrets } from './redact';

export const KEYCHAIN_SERVICE = 'catalog-studio';

export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export interface Keychain {
  status(): Promise<KeychainStatus>;
  setKey(profileId: string, apiKey: string): Promise<void>;
  getKey(profileId: string): Promise<string | null>;
  deleteKey(profileId: string): Promise<boolean>;
}

const PROBE_TIMEOUT_MS = 5_000;

async function loadKeytar(): Promise<KeytarApi> {
  const module = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return module.default ?? module;
}

export function createKeychain(load: () => Promise<KeytarApi> = loadKeytar, platform = process.platform): Keychain {
  let cached: Promise<KeychainStatus> | null = null;
  let keytar: KeytarApi | null = null;

  async function probe(): Promise<KeychainStatus> {
    const backend = backendName(platform);
    try {
      keytar = await load();
    } catch {
      return { available: false, backend, ...missingModule(platform) };
    }
    try {
      // Any call that reaches the Secret Service proves it answers (and is unlocked enough to list).
      await withTimeout(keytar.findCredentials(KEYCHAIN_SERVICE), PROBE_TIMEOUT_MS);
      return { available: true, backend, reason: null, remedy: null };
    } catch (error) {
      keytar = null;
      return { available: false, backend, ...serviceDown(platform, error) };
    }
  }

  async function ready(): Promise<KeytarApi> {
    const status = await (cached ??= probe());
    if (!status.available || !keytar) {
      cached = null; // let the user fix it and try again without restarting the app
      throw new AppError('keychain_unavailable', `${status.reason} ${status.remedy}`, { backend: status.backend });
    }
    return keytar;
  }

  return {
    status: () =>
      (cached ??= probe()).then((status) => {
        if (!status.available) cached = null;
        return status;
      }),
    async setKey(profileId, apiKey) {
      await (await ready()).setPassword(KEYCHAIN_SERVICE, profileId, apiKey);
    },
    async getKey(profileId) {
      return (await ready()).getPassword(KEYCHAIN_SERVICE, profileId);
    },
    async deleteKey(profileId) {
      return (await ready()).deletePassword(KEYCHAIN_SERVICE, profileId);
    },
  };
}

function backendName(platform: string): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service (GNOME Keyring, KWallet)';
}

function missingModule(platform: string): Pick<KeychainStatus, 'reason' | 'remedy'> {
  return {
    reason: 'The keychain module (keytar) is not built on this computer, so API keys cannot be stored safely.',
    remedy:
      platform === 'linux'
        ? 'Install the libsecret headers and build tools (Debian/Ubuntu: `sudo apt-get install libsecret-1-dev build-essential`), then run `npm install` again.'
        : 'Run `npm install` again and look for the keytar build error it prints.',
  };
}

function serviceDown(platform: string, error: unknown): Pick<KeychainStatus, 'reason' | 'remedy'> {
  const detail = redactSecrets(error instanceof Error ? error.message : String(error)).split('\n', 1)[0];
  return {
    reason: `The OS keychain did not answer (${detail}), so API keys cannot be stored.`,
    remedy:
      platform === 'linux'
        ? 'Start a Secret Service in your desktop session, such as GNOME Keyring (`sudo apt-get install gnome-keyring`), and unlock it.'
        : 'Unlock the system keychain and try again.',
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
