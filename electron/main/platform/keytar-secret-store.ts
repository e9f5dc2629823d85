import type * as KeytarModule from 'keytar';
import { SecretStoreUnavailableError, type SecretStore } from '../services/ports';

type Keytar = typeof KeytarModule;

export const KEYCHAIN_SERVICE = 'odradek';

/**
 * The OS keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows).
 * Every failure surfaces as SecretStoreUnavailableError: secrets fail closed, never to a file.
 */
export function createKeytarSecretStore(service = KEYCHAIN_SERVICE): SecretStore {
  const guarded = async <T>(what: string, action: (keytar: Keytar) => Promise<T>): Promise<T> => {
    try {
      // Loaded on first use: a native module built for another runtime (Node vs Electron) then fails
      // this call with a clear keychain error instead of crashing the app at start-up.
      const keytar = (await import('keytar')).default;
      return await action(keytar);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SecretStoreUnavailableError(`The OS keychain could not ${what}: ${reason}`);
    }
  };
  return {
    get: (account) => guarded('read a secret', (keytar) => keytar.getPassword(service, account)),
    set: (account, secret) => guarded('store a secret', (keytar) => keytar.setPassword(service, account, secret)),
    delete: (account) => guarded('delete a secret', (keytar) => keytar.deletePassword(service, account)),
    list: () =>
      guarded('list secrets', async (keytar) => (await keytar.findCredentials(service)).map((entry) => entry.account)),
  };
}
