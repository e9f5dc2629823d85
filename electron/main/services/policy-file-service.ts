// Opens and saves tenant policy files. Saves are atomic (temp file in the same directory, then
// rename) so a crash never leaves half a policy; the previous version is kept as FILE.bak; and a
// save refuses to overwrite a file that changed on disk since it was opened, unless forced.
import { createHash } from 'node:crypto';
import { copyFile, readFile, stat } from 'node:fs/promises';
import { writeFileAtomically } from './files/write-file-atomically';

export interface OpenedPolicyFile {
  path: string;
  text: string;
  /** sha256 of the content as read; pass it back to save() to detect concurrent changes. */
  hash: string;
  mtimeMs: number;
}

export interface SavePolicyOptions {
  /** The hash from open() (or the last save); null for a file that did not exist. */
  expectedHash: string | null;
  /** Overwrite even if the file changed on disk. */
  force?: boolean;
}

export type PolicyFileErrorCode = 'NOT_FOUND' | 'CHANGED_ON_DISK' | 'IO_ERROR';

export class PolicyFileError extends Error {
  override readonly name = 'PolicyFileError';
  constructor(
    readonly code: PolicyFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function hashPolicyText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class PolicyFileService {
  async open(path: string): Promise<OpenedPolicyFile> {
    try {
      const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      return { path, text, hash: hashPolicyText(text), mtimeMs: info.mtimeMs };
    } catch (error) {
      throw toPolicyFileError(error, path, 'open');
    }
  }

  async save(path: string, text: string, options: SavePolicyOptions): Promise<OpenedPolicyFile> {
    const current = await this.readIfExists(path);
    if (!options.force && (current?.hash ?? null) !== options.expectedHash) {
      throw new PolicyFileError(
        'CHANGED_ON_DISK',
        current === null
          ? `${path} was deleted since it was opened; save again with force to recreate it.`
          : `${path} changed on disk since it was opened; reload it, or save with force to overwrite the other change.`,
      );
    }
    try {
      await writeFileAtomically(path, text, {
        mode: current?.mode ?? 0o644,
        // The version being replaced stays beside it as .bak.
        beforeReplace: async () => {
          if (current !== null) await copyFile(path, `${path}.bak`);
        },
      });
    } catch (error) {
      throw toPolicyFileError(error, path, 'save');
    }
    const info = await stat(path);
    return { path, text, hash: hashPolicyText(text), mtimeMs: info.mtimeMs };
  }

  private async readIfExists(path: string): Promise<{ hash: string; mode: number } | null> {
    try {
      const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      return { hash: hashPolicyText(text), mode: info.mode & 0o777 };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw toPolicyFileError(error, path, 'read');
    }
  }
}

function toPolicyFileError(error: unknown, path: string, verb: string): PolicyFileError {
  if (error instanceof PolicyFileError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new PolicyFileError('NOT_FOUND', `${path} does not exist.`);
  return new PolicyFileError('IO_ERROR', `Could not ${verb} ${path}: ${(error as Error).message}`);
}
