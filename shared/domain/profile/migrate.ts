// Stored profile documents carry `schemaVersion`; older documents are upgraded one step at a time by pure
// functions before validation, so a profile saved by an older Odradek keeps working.
import type { z } from 'zod';
import { connectionProfileSchema, PROFILE_SCHEMA_VERSION, type ConnectionProfile } from './profile-schema';

/** Upgrades a document of version N (the key) to version N + 1. */
export type ProfileMigrations = Readonly<Record<number, (document: Record<string, unknown>) => Record<string, unknown>>>;

export type MigrationResult<T> = { ok: true; profile: T; migratedFrom: number | null } | { ok: false; message: string };

/** Version 1 is the first schema: nothing to upgrade yet. */
export const profileMigrations: ProfileMigrations = {};

export function createProfileMigrator<T>(schema: z.ZodType<T>, currentVersion: number, migrations: ProfileMigrations) {
  return (document: unknown): MigrationResult<T> => {
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
      return { ok: false, message: 'The stored profile is not an object.' };
    }
    const startVersion = (document as Record<string, unknown>)['schemaVersion'];
    if (typeof startVersion !== 'number' || !Number.isInteger(startVersion) || startVersion < 0) {
      return { ok: false, message: 'The stored profile has no valid schemaVersion.' };
    }
    if (startVersion > currentVersion) {
      return { ok: false, message: `The profile was saved by a newer Odradek (schema ${startVersion}; this version reads up to ${currentVersion}). Update Odradek.` };
    }
    let current = { ...(document as Record<string, unknown>) };
    for (let version = startVersion; version < currentVersion; version += 1) {
      const step = migrations[version];
      if (!step) return { ok: false, message: `No upgrade from profile schema ${version} to ${version + 1}.` };
      current = { ...step(current), schemaVersion: version + 1 };
    }
    const parsed = schema.safeParse(current);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
      return { ok: false, message: `The stored profile is invalid${where}: ${first?.message ?? 'unknown problem'}` };
    }
    return { ok: true, profile: parsed.data, migratedFrom: startVersion === currentVersion ? null : startVersion };
  };
}

export const migrateProfileDocument: (document: unknown) => MigrationResult<ConnectionProfile> = createProfileMigrator(
  connectionProfileSchema,
  PROFILE_SCHEMA_VERSION,
  profileMigrations,
);
