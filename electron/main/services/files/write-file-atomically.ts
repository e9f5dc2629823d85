// Files Odradek writes for the user (policies, snapshots, exported settings) are written beside the
// target, flushed, and renamed over it: a crash or a full disk never leaves half a file, and the
// temporary file is removed when anything fails.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Permission bits of a new file, e.g. 0o600 for anything holding secrets. */
  mode?: number;
  /** Runs after the new content is on disk and before it replaces the old file (e.g. to keep a backup). */
  beforeReplace?(): Promise<void>;
}

export async function writeFileAtomically(path: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeReplace?.();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
