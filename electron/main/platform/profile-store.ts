// Profiles live in electron-store's JSON file (Conf under plain Node: the same engine and file). Each
// stored profile is migrated and validated on its own, so one bad entry never hides the others, and an
// unreadable file is moved aside and reported instead of being replaced. While the app runs, each save
// also copies the document it wrote to profiles.json.bak (Conf itself writes temp + fsync + rename), and
// a file damaged behind the app's back is refused in words and left untouched, never rewritten.
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { AppFailure } from '../../../shared/ipc/result';
import { migrateProfileDocument } from '../../../shared/domain/profile/migrate';
import type { ConnectionProfile } from '../../../shared/domain/profile/profile-schema';
import type { ProfileRepo, StoredProfileProblem } from '../services/ports';

/** The electron-store file name (profiles.json in the userData folder). */
export const PROFILE_STORE_NAME = 'profiles';

/** What the repo needs from electron-store / Conf. */
export interface ProfileDocumentStore {
  get(key: 'profiles'): unknown;
  set(key: 'profiles', value: unknown): void;
  readonly path: string;
}

export interface OpenedProfileStore {
  store: ProfileDocumentStore;
  /** Set when the file could not be read and was moved aside. */
  recovered: StoredProfileProblem | null;
}

/**
 * Opens the store; electron-store and Conf throw on a file that is not valid JSON, and we then keep that
 * file as a backup next to it before starting an empty one.
 */
export function openProfileStore(create: () => ProfileDocumentStore, filePath: string, now: () => Date = () => new Date()): OpenedProfileStore {
  try {
    return { store: create(), recovered: null };
  } catch (error) {
    if (!existsSync(filePath)) throw error;
    const backupPath = backupPathFor(filePath, 'unreadable', now());
    renameSync(filePath, backupPath);
    const reason = error instanceof Error ? error.message : String(error);
    return {
      store: create(),
      recovered: {
        kind: 'unreadable-file',
        message: `The profiles file could not be read (${reason}). It was moved to ${backupPath}; no profile was deleted.`,
        backupPath,
      },
    };
  }
}

export function createStoreProfileRepo({ store, recovered }: OpenedProfileStore, now: () => Date = () => new Date()): ProfileRepo {
  let documentBackup: StoredProfileProblem | null = null;

  const backupFile = `${store.path}.bak`;
  /** The document as Conf reads it (from disk, on every access); a file that no longer parses is refused. */
  const readDocument = (): unknown => {
    try {
      return store.get('profiles');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppFailure(
        'CONFLICT',
        `The profiles file ${store.path} was changed outside Odradek and is not valid JSON (${reason.slice(0, 120)}). It was left as it is; ${existsSync(backupFile) ? `the last version Odradek saved is ${backupFile}` : 'no earlier version was kept'}. Restore or remove it, then try again.`,
      );
    }
  };
  const writeDocument = (entries: unknown[]): void => {
    try {
      store.set('profiles', entries);
      // The copy is made after the write, so the backup is the last good document, whatever damages the file later.
      copyFileSync(store.path, backupFile);
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'the disk is read-only' : code === 'ENOSPC' ? 'the disk is full' : error instanceof Error ? error.message : String(error);
      throw new AppFailure('NOT_ALLOWED', `The profiles file ${store.path} cannot be written (${reason}); nothing was changed.`);
    }
  };

  /** The raw entries, valid or not: saving rewrites only the entry it changes. */
  const rawEntries = (): unknown[] => {
    const raw = readDocument();
    if (raw === undefined || Array.isArray(raw)) return raw ?? [];
    if (!documentBackup) {
      const backupPath = backupPathFor(store.path, 'invalid', now());
      copyFileSync(store.path, backupPath);
      documentBackup = {
        kind: 'invalid-document',
        message: `The profiles file holds no list of profiles; a copy was kept at ${backupPath} before it is rewritten.`,
        backupPath,
      };
    }
    return [];
  };

  const idOf = (entry: unknown) => (entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined);

  return {
    async load() {
      const profiles: ConnectionProfile[] = [];
      const problems: StoredProfileProblem[] = [];
      for (const entry of rawEntries()) {
        const migrated = migrateProfileDocument(entry);
        if (migrated.ok) {
          profiles.push(migrated.profile);
          continue;
        }
        const { id, name } = (entry ?? {}) as { id?: unknown; name?: unknown };
        problems.push({
          kind: 'invalid-profile',
          message: `${typeof name === 'string' ? `Profile '${name}'` : 'A stored profile'} cannot be used: ${migrated.message.replace(/\.?$/, '.')} It is kept in the file unchanged.`,
          ...(typeof id === 'string' ? { profileId: id } : {}),
          ...(typeof name === 'string' ? { profileName: name } : {}),
        });
      }
      return { profiles, problems: [...(recovered ? [recovered] : []), ...(documentBackup ? [documentBackup] : []), ...problems] };
    },
    async save(profile) {
      const entries = rawEntries();
      const index = entries.findIndex((entry) => idOf(entry) === profile.id);
      if (index >= 0) entries[index] = profile;
      else entries.push(profile);
      writeDocument(entries);
    },
    async delete(id) {
      const entries = rawEntries();
      const remaining = entries.filter((entry) => idOf(entry) !== id);
      writeDocument(remaining);
      return remaining.length !== entries.length;
    },
  };
}

function backupPathFor(filePath: string, reason: string, when: Date): string {
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  return filePath.replace(/\.json$/, '') + `.${reason}-${stamp}.json`;
}
