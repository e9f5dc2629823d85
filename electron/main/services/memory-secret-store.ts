import type { SecretStore } from './ports';

/** An in-memory keychain for unit tests and for tests that run where no Secret Service exists. */
export function createMemorySecretStore(): SecretStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: async (account) => values.get(account) ?? null,
    set: async (account, value) => void values.set(account, value),
    delete: async (account) => values.delete(account),
    list: async () => [...values.keys()],
  };
}
