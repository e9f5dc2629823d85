// Runs against the real OS keychain (gnome-keyring's Secret Service under `npm test`, which starts a
// private D-Bus session for it). Without a Secret Service the round-trip cases are skipped locally, and
// fail under CI, which sets ODRADEK_REQUIRE_KEYCHAIN=1.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretStoreUnavailableError } from '../services/ports';
import { createKeytarSecretStore } from './keytar-secret-store';

const keychainAvailable = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']);
const required = process.env['ODRADEK_REQUIRE_KEYCHAIN'] === '1';
const service = `odradek-test-${randomUUID()}`;
const store = createKeytarSecretStore(service);

describe.runIf(keychainAvailable || required)('keytar secret store (real OS keychain)', () => {
  afterAll(async () => {
    for (const account of await store.list()) await store.delete(account);
  });

  it('stores, reads, lists and deletes a secret', async () => {
    await store.set('profile-1/sasl.password', 'pa55-wörd "quoted"');
    expect(await store.get('profile-1/sasl.password')).toBe('pa55-wörd "quoted"');
    expect(await store.list()).toContain('profile-1/sasl.password');
    expect(await store.delete('profile-1/sasl.password')).toBe(true);
    expect(await store.get('profile-1/sasl.password')).toBeNull();
    expect(await store.delete('profile-1/sasl.password')).toBe(false);
  });

  it('keeps services apart', async () => {
    const other = createKeytarSecretStore(`${service}-other`);
    await store.set('shared-account', 'mine');
    expect(await other.get('shared-account')).toBeNull();
  });
});

describe('keytar secret store without a keychain', () => {
  it('refuses with SecretStoreUnavailableError instead of falling back', async () => {
    // An unreachable session bus makes libsecret fail the way a locked or absent keychain does.
    const { spawnSync } = await import('node:child_process');
    const probe = `
      import { createKeytarSecretStore } from './electron/main/platform/keytar-secret-store.ts';
      const store = createKeytarSecretStore('odradek-unavailable-probe');
      try { await store.set('a', 'b'); console.log('STORED'); }
      catch (error) { console.log(error.name + ': ' + error.message); }
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      timeout: 30_000,
    });
    expect(run.stdout).toContain('SecretStoreUnavailableError: The OS keychain could not store a secret');
    expect(run.stdout).not.toContain('STORED');
    expect(new SecretStoreUnavailableError('x').name).toBe('SecretStoreUnavailableError');
  });
});
