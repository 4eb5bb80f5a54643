import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/errors';
import { createKeychain, KEYCHAIN_SERVICE, type KeytarApi } from '../../main/keychain';

/** Set by `npm test`, which runs the unit tests inside a D-Bus session with an unlocked GNOME Keyring. */
const realKeyring = process.env.CATALOG_STUDIO_TEST_KEYRING === '1';

describe('keychain without keytar or without a Secret Service', () => {
  it('says keytar is not built and what to install, and refuses to store a key', async () => {
    const keychain = createKeychain(() => Promise.reject(new Error("Cannot find module 'keytar'")), 'linux');
    const status = await keychain.status();
    expect(status.available).toBe(false);
    expect(status.reason).toMatch(/keytar.*not built/);
    expect(status.remedy).toContain('libsecret-1-dev');
    const error = await keychain.setKey('p1', 'eu1-secret').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('keychain_unavailable');
    expect((error as AppError).message).toContain('libsecret-1-dev');
    expect((error as AppError).message).not.toContain('eu1-secret');
  });

  it('says the Secret Service did not answer when keytar loads but D-Bus has no keyring', async () => {
    const keytar = {
      findCredentials: () =>
        Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
    } as unknown as KeytarApi;
    const status = await createKeychain(() => Promise.resolve(keytar), 'linux').status();
    expect(status).toMatchObject({ available: false });
    expect(status.reason).toContain('org.freedesktop.secrets');
    expect(status.remedy).toContain('gnome-keyring');
  });

  it('checks again after a failure, so installing a keyring needs no restart', async () => {
    let attempts = 0;
    const keychain = createKeychain(() => {
      attempts += 1;
      return Promise.reject(new Error('missing'));
    }, 'linux');
    await keychain.status();
    await keychain.status();
    expect(attempts).toBe(2);
  });
});

describe.skipIf(!realKeyring)('keychain against a real GNOME Keyring (run by npm test)', () => {
  it('adds, reads, replaces and removes a key', async () => {
    const keychain = createKeychain();
    await expect(keychain.status()).resolves.toMatchObject({ available: true });
    const profile = `test-${randomUUID()}`;
    await keychain.setKey(profile, 'eu1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    await expect(keychain.getKey(profile)).resolves.toBe('eu1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    await keychain.setKey(profile, 'us1-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
    await expect(keychain.getKey(profile)).resolves.toBe('us1-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
    await expect(keychain.deleteKey(profile)).resolves.toBe(true);
    await expect(keychain.getKey(profile)).resolves.toBeNull();
  });

  it('keeps keys under the catalog-studio service, one entry per profile', async () => {
    const keytar = ((await import('keytar')) as { default: KeytarApi }).default;
    const keychain = createKeychain();
    const profile = `test-${randomUUID()}`;
    await keychain.setKey(profile, 'eu1-cccccccccccccccccccccccccccccccc');
    const entries = await keytar.findCredentials(KEYCHAIN_SERVICE);
    expect(entries.filter((entry) => entry.account === profile)).toEqual([
      { account: profile, password: 'eu1-cccccccccccccccccccccccccccccccc' },
    ]);
    await keychain.deleteKey(profile);
  });
});
