import keytar from 'keytar';
import { SecretStoreUnavailableError, type SecretStore } from '../services/ports';

export const KEYCHAIN_SERVICE = 'odradek';

/**
 * The OS keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows).
 * Every failure surfaces as SecretStoreUnavailableError: secrets fail closed, never to a file.
 */
export function createKeytarSecretStore(service = KEYCHAIN_SERVICE): SecretStore {
  const guarded = async <T>(what: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SecretStoreUnavailableError(`The OS keychain could not ${what}: ${reason}`);
    }
  };
  return {
    get: (account) => guarded('read a secret', () => keytar.getPassword(service, account)),
    set: (account, secret) => guarded('store a secret', () => keytar.setPassword(service, account, secret)),
    delete: (account) => guarded('delete a secret', () => keytar.deletePassword(service, account)),
    list: () =>
      guarded('list secrets', async () => (await keytar.findCredentials(service)).map((entry) => entry.account)),
  };
}
