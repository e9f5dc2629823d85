import { z } from 'zod';
import { profileSummarySchema, type ProfileSummary } from '../../../shared/ipc/contract';
import type { ProfileRepo } from '../services/ports';

/**
 * What the repo needs from electron-store. electron-store is `conf` plus Electron's paths, so the CLI
 * and the test bridge hand in a `conf` instance pointed at the same file and share this code.
 */
export interface ProfileDocumentStore {
  get(key: 'profiles'): unknown;
  set(key: 'profiles', value: unknown): void;
}

/** The electron-store file name (profiles.json in the userData folder). */
export const PROFILE_STORE_NAME = 'profiles';

const storedProfiles = z.array(profileSummarySchema);

export function createStoreProfileRepo(store: ProfileDocumentStore): ProfileRepo<ProfileSummary> {
  const readAll = (): ProfileSummary[] => {
    const raw = store.get('profiles');
    return raw === undefined ? [] : storedProfiles.parse(raw);
  };
  return {
    list: async () => readAll(),
    get: async (id) => readAll().find((profile) => profile.id === id) ?? null,
    save: async (profile) => {
      const others = readAll().filter((existing) => existing.id !== profile.id);
      store.set('profiles', [...others, profileSummarySchema.parse(profile)]);
    },
    delete: async (id) => {
      const all = readAll();
      const remaining = all.filter((profile) => profile.id !== id);
      store.set('profiles', remaining);
      return remaining.length !== all.length;
    },
  };
}
