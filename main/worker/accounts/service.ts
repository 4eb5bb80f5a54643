/**
 * Accounts in the worker: profiles (app.db), their keys (in memory only, handed over by
 * main from the keychain), one rate-limited Doofinder client per account, and the Sandbox
 * account. The current account is what the whole app works on.
 */
import type {
  AccountsSnapshot,
  AccountState,
  AccountView,
  EventChannel,
  EventPayload,
} from '../../../preload/contract';
import { AppError } from '../../errors';
import { registerSecret } from '../../redact';
import { toAppError } from '../app-errors';
import { DoofinderClient, type ClientOptions } from '../doofinder/client';
import { endpointFor, parseApiKey } from '../doofinder/endpoints';
import type { Api } from '../doofinder/http';
import { allSearchEngines } from '../doofinder/management-v1';
import type { AccountInput, KeyForProfile } from '../protocol';
import type { Databases } from '../store/databases';
import {
  deleteProfile,
  getProfile,
  getSetting,
  insertProfile,
  listProfiles,
  setSetting,
  updateProfile,
  type Profile,
} from '../store/profiles';
import type { RunningSandbox } from './sandbox-account';

export const SANDBOX_PROFILE_ID = 'sandbox';

export type Emit = <K extends EventChannel>(channel: K, payload: EventPayload<K>) => void;

const STATE_MESSAGES: Record<Exclude<AccountState, 'ok'>, string> = {
  needs_key: 'Doofinder refused this API key. Enter a new key to go on; local data is kept.',
  quota: "This account's monthly request allowance is used up; background work is stopped until you resume it.",
  keychain_unavailable:
    'The keychain could not be read, so this account has no key right now. See the Keychain section.',
  missing_key: 'No key for this account is in the keychain. Enter it again.',
};

export function keyProblem(input: string): string | null {
  return parseApiKey(input)
    ? null
    : 'That is not an API key: a key looks like eu1-ab46030x… (the zone, such as eu1, a dash, then a token of letters and digits).';
}

export class AccountService {
  private readonly keys = new Map<string, string>();
  private readonly problems = new Map<string, 'missing_key' | 'keychain_unavailable'>();
  private readonly clients = new Map<string, DoofinderClient>();
  private sandbox: RunningSandbox | null = null;
  sandboxProblem: string | null = null;
  /** Told of every request an account's client sends (stats/request-counter.ts counts them). */
  onRequestSent: ((profileId: string, api: Api) => void) | null = null;

  constructor(
    private readonly dbs: Databases,
    private readonly emit: Emit,
    private readonly clientOptions: ClientOptions = {},
  ) {}

  /** Brings the Sandbox account up (or says why not) and picks a current account. */
  async start(startSandbox: (() => Promise<RunningSandbox>) | null): Promise<void> {
    const db = this.dbs.app();
    if (startSandbox) {
      try {
        this.sandbox = await startSandbox();
        registerSecret(this.sandbox.apiKey);
        if (!getProfile(db, SANDBOX_PROFILE_ID)) {
          insertProfile(db, {
            id: SANDBOX_PROFILE_ID,
            name: 'Sandbox',
            kind: 'sandbox',
            zone: 'eu1',
            managementUrl: null,
            searchUrl: null,
          });
        }
      } catch (error) {
        this.sandboxProblem = error instanceof Error ? error.message : String(error);
      }
    }
    const current = getSetting(db, 'currentProfile');
    if (!current || !getProfile(db, current)) {
      const first = listProfiles(db)[0];
      if (first) setSetting(db, 'currentProfile', first.id);
    }
  }

  async stop(): Promise<void> {
    await this.sandbox?.close();
    this.sandbox = null;
  }

  snapshot(): AccountsSnapshot {
    const db = this.dbs.app();
    const currentId = getSetting(db, 'currentProfile');
    const accounts = listProfiles(db)
      .filter((profile) => profile.kind !== 'sandbox' || this.sandbox)
      .map((profile) => this.view(profile, profile.id === currentId));
    return { accounts, currentId: accounts.some((account) => account.id === currentId) ? currentId : null };
  }

  current(): Profile | null {
    const db = this.dbs.app();
    const id = getSetting(db, 'currentProfile');
    const profile = id ? getProfile(db, id) : null;
    if (profile?.kind === 'sandbox' && !this.sandbox) return null;
    return profile;
  }

  /** The current account, or a plain error saying there is none. */
  requireCurrent(): Profile {
    const profile = this.current();
    if (!profile) throw new AppError('not_found', 'There is no account yet: add one on the Accounts page.');
    return profile;
  }

  client(profile: Profile): DoofinderClient {
    const existing = this.clients.get(profile.id);
    if (existing) return existing;
    const key = this.keyOf(profile);
    if (!key) {
      const state = this.stateOf(profile);
      throw new AppError('auth_failed', state === 'ok' ? STATE_MESSAGES.missing_key : STATE_MESSAGES[state], {
        accountId: profile.id,
      });
    }
    const parsed = parseApiKey(key);
    if (!parsed) throw new AppError('auth_failed', STATE_MESSAGES.missing_key, { accountId: profile.id });
    const hosts =
      profile.kind === 'sandbox'
        ? { management: this.sandbox?.url, search: this.sandbox?.url }
        : { management: profile.managementUrl, search: profile.searchUrl };
    const client = new DoofinderClient(endpointFor(parsed, hosts), {
      ...this.clientOptions,
      onEvent: (event) => {
        this.clientOptions.onEvent?.(event);
        if (event.kind === 'sent') this.onRequestSent?.(profile.id, event.api);
        if (event.kind !== 'stopped') return;
        if (event.reason.kind === 'auth') this.setState(profile.id, 'needs_key');
        if (event.reason.kind === 'quota') this.setState(profile.id, 'quota');
      },
    });
    this.clients.set(profile.id, client);
    return client;
  }

  /** The client of the current account, if it can work (used by the status bar). */
  currentClient(): DoofinderClient | null {
    const profile = this.current();
    if (!profile) return null;
    return this.clients.get(profile.id) ?? null;
  }

  async verifyKey(
    input: Omit<AccountInput, 'name'> & { profileId?: string },
  ): Promise<{ engines: number; zone: string }> {
    const parsed = parseApiKey(input.apiKey);
    if (!parsed)
      throw new AppError('invalid_input', keyProblem(input.apiKey) ?? 'Not an API key.', { field: 'apiKey' });
    registerSecret(input.apiKey);
    const existing = input.profileId ? getProfile(this.dbs.app(), input.profileId) : null;
    const hosts = {
      management: input.managementUrl ?? existing?.managementUrl ?? null,
      search: input.searchUrl ?? existing?.searchUrl ?? null,
    };
    const client = new DoofinderClient(endpointFor(parsed, hosts), {
      ...this.clientOptions,
      policy: { maxAttempts: 2, ...this.clientOptions.policy },
    });
    try {
      const engines = await allSearchEngines(client, { priority: 'interactive' });
      return { engines: engines.length, zone: parsed.zone };
    } catch (error) {
      const appError = toAppError(error);
      if (appError instanceof AppError && appError.code === 'auth_failed') {
        throw new AppError(
          'auth_failed',
          `Doofinder did not accept this API key for zone ${parsed.zone}. Check the key (Doofinder admin, My Account › API keys) and its zone.`,
          appError.details,
        );
      }
      if (appError instanceof AppError && appError.code === 'unreachable') {
        const host = new URL(client.endpoint.management).host;
        const reason =
          typeof appError.details?.serverMessage === 'string' ? ` (${appError.details.serverMessage})` : '';
        throw new AppError(
          'unreachable',
          `Could not reach ${host} to check the key${reason}. Check the network connection, or the hosts under Advanced.`,
          appError.details,
        );
      }
      throw appError;
    }
  }

  create(input: AccountInput & { id: string }): AccountView {
    const parsed = parseApiKey(input.apiKey);
    if (!parsed)
      throw new AppError('invalid_input', keyProblem(input.apiKey) ?? 'Not an API key.', { field: 'apiKey' });
    const db = this.dbs.app();
    const profile = insertProfile(db, {
      id: input.id,
      name: input.name,
      kind: 'doofinder',
      zone: parsed.zone,
      managementUrl: input.managementUrl,
      searchUrl: input.searchUrl,
    });
    this.keys.set(profile.id, input.apiKey);
    this.problems.delete(profile.id);
    setSetting(db, 'currentProfile', profile.id);
    this.changed();
    return this.view(profile, true);
  }

  update(input: {
    id: string;
    name?: string;
    apiKey?: string;
    managementUrl?: string | null;
    searchUrl?: string | null;
  }): AccountView {
    const db = this.dbs.app();
    const profile = getProfile(db, input.id);
    if (!profile) throw new AppError('not_found', 'That account does not exist any more.');
    if (
      profile.kind === 'sandbox' &&
      (input.apiKey || input.managementUrl !== undefined || input.searchUrl !== undefined)
    ) {
      throw new AppError('invalid_input', 'The Sandbox account runs on this computer: only its name can change.');
    }
    const parsed = input.apiKey ? parseApiKey(input.apiKey) : null;
    if (input.apiKey && !parsed)
      throw new AppError('invalid_input', keyProblem(input.apiKey) ?? 'Not an API key.', { field: 'apiKey' });
    const next = updateProfile(db, input.id, {
      ...(input.name ? { name: input.name } : {}),
      ...(parsed ? { zone: parsed.zone, state: 'ok' as const } : {}),
      ...(input.managementUrl !== undefined ? { managementUrl: input.managementUrl } : {}),
      ...(input.searchUrl !== undefined ? { searchUrl: input.searchUrl } : {}),
    });
    if (input.apiKey) {
      this.keys.set(input.id, input.apiKey);
      this.problems.delete(input.id);
    }
    // Hosts or key changed: the next request builds a fresh client (and resumes stopped work).
    if (input.apiKey || input.managementUrl !== undefined || input.searchUrl !== undefined)
      this.clients.delete(input.id);
    this.changed();
    return this.view(next ?? profile, getSetting(db, 'currentProfile') === input.id);
  }

  remove(id: string): void {
    const db = this.dbs.app();
    const profile = getProfile(db, id);
    if (!profile) return;
    if (profile.kind === 'sandbox')
      throw new AppError('invalid_input', 'The Sandbox account is built in and cannot be removed.');
    deleteProfile(db, id);
    this.keys.delete(id);
    this.clients.delete(id);
    this.dbs.dropAccount(id);
    const first = listProfiles(db)[0];
    if (!getSetting(db, 'currentProfile') && first) setSetting(db, 'currentProfile', first.id);
    this.changed();
  }

  switchTo(id: string): AccountsSnapshot {
    const db = this.dbs.app();
    const profile = getProfile(db, id);
    if (!profile || (profile.kind === 'sandbox' && !this.sandbox))
      throw new AppError('not_found', 'That account does not exist any more.');
    setSetting(db, 'currentProfile', id);
    this.changed();
    return this.snapshot();
  }

  keyholders(): string[] {
    return listProfiles(this.dbs.app())
      .filter((profile) => profile.kind === 'doofinder')
      .map((profile) => profile.id);
  }

  receiveKeys(keys: KeyForProfile[]): number {
    let received = 0;
    for (const { profileId, apiKey, problem } of keys) {
      if (apiKey) {
        registerSecret(apiKey);
        if (this.keys.get(profileId) !== apiKey) this.clients.delete(profileId);
        this.keys.set(profileId, apiKey);
        this.problems.delete(profileId);
        received += 1;
      } else if (problem) {
        this.problems.set(profileId, problem);
      }
    }
    this.changed();
    return received;
  }

  private keyOf(profile: Profile): string | null {
    if (profile.kind === 'sandbox') return this.sandbox?.apiKey ?? null;
    return this.keys.get(profile.id) ?? null;
  }

  private stateOf(profile: Profile): AccountState {
    if (profile.state !== 'ok') return profile.state;
    if (profile.kind === 'doofinder' && !this.keys.has(profile.id))
      return this.problems.get(profile.id) ?? 'missing_key';
    return 'ok';
  }

  private setState(id: string, state: 'needs_key' | 'quota'): void {
    updateProfile(this.dbs.app(), id, { state });
    this.changed();
  }

  private view(profile: Profile, current: boolean): AccountView {
    const state = this.stateOf(profile);
    const sandbox = profile.kind === 'sandbox';
    return {
      id: profile.id,
      name: profile.name,
      kind: profile.kind,
      zone: profile.zone,
      managementUrl: sandbox ? (this.sandbox?.url ?? null) : profile.managementUrl,
      searchUrl: sandbox ? (this.sandbox?.url ?? null) : profile.searchUrl,
      state,
      stateMessage: state === 'ok' ? null : STATE_MESSAGES[state],
      current,
    };
  }

  private changed(): void {
    this.emit('accounts:changed', this.snapshot());
  }
}
