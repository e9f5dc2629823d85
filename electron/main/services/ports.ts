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

/** Persisted non-secret profile data. The shape is owned by the profile domain model. */
export interface ProfileRepo<Profile = unknown> {
  list(): Promise<Profile[]>;
  get(id: string): Promise<Profile | null>;
  save(profile: Profile): Promise<void>;
  delete(id: string): Promise<boolean>;
}
