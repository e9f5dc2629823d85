import type { ConnectionProfile } from '../../../shared/domain/profile/profile-schema';

// Ports: what main-process services need from the outside world. Services depend on these interfaces
// only; platform/ provides the Electron-, keytar- and electron-store-backed implementations, and tests
// provide in-memory or real ones. Nothing in services/ imports electron.

/** Wall-clock access, injectable so token refresh and rate sampling can be tested deterministically. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Where secrets live: the OS keychain in the app. Fails closed: an unavailable keychain throws. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Accounts currently stored under our service name (used to clean up a deleted profile). */
  list(): Promise<string[]>;
}

/** Raised when the keychain cannot be reached or is locked; callers must refuse, never fall back. */
export class SecretStoreUnavailableError extends Error {
  override readonly name = 'SecretStoreUnavailableError';
}

/** Something wrong with the stored profiles that the user must hear about; nothing is dropped silently. */
export interface StoredProfileProblem {
  kind: 'unreadable-file' | 'invalid-document' | 'invalid-profile';
  message: string;
  /** Where the unreadable file (or a copy of the invalid document) was moved, so nothing is lost. */
  backupPath?: string;
  profileId?: string;
  profileName?: string;
}

export interface StoredProfiles {
  profiles: ConnectionProfile[];
  problems: StoredProfileProblem[];
}

/** Persisted non-secret profile data (electron-store in the app). */
export interface ProfileRepo {
  load(): Promise<StoredProfiles>;
  save(profile: ConnectionProfile): Promise<void>;
  delete(id: string): Promise<boolean>;
}
