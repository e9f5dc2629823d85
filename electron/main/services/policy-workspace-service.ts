// The offline policy workspace's file access. The renderer is untrusted, so it never names a path of
// its own choosing: main asks the user through a native dialog, remembers the paths granted that way
// for this run, and refuses every other path. Policy files are read and written through the atomic
// PolicyFileService; snapshots are only read, and validated before they cross IPC.
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { parseSnapshot, type ClusterSnapshot } from '../../../shared/domain/snapshot/snapshot';
import { AppFailure } from '../../../shared/ipc/result';
import type { ChannelHandlers } from '../ipc/dispatcher';
import { PolicyFileError, PolicyFileService } from './policy-file-service';

export type WorkspaceFileKind = 'policy' | 'snapshot';

/** Files the user opens: workspace files, and JSON Lines files of messages to produce. */
export type OpenFileKind = WorkspaceFileKind | 'produce-input';
/** Files main writes where the user says: policies, profile exports, message exports, captured snapshots. */
export type SaveFileKind = 'policy' | 'profile-export' | 'message-export' | 'snapshot';

/** Native open/save dialogs; null when the user cancels. */
export interface FileDialogs {
  chooseOpenPath(kind: OpenFileKind): Promise<string | null>;
  chooseSavePath(kind: SaveFileKind, suggestedName: string): Promise<string | null>;
}

/** What a policy file looked like when read or written; save() compares it with the disk. */
export interface PolicyFileVersion {
  hash: string;
  mtimeMs: number;
}

/** Snapshots of 100,000 topics are tens of megabytes; anything far larger is not a snapshot. */
const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;
const MAX_POLICY_BYTES = 16 * 1024 * 1024;

/** Paths the user chose in a dialog during this run, per kind of file. */
export class PathGrants {
  private readonly granted = new Map<WorkspaceFileKind, Set<string>>();

  grant(kind: WorkspaceFileKind, path: string): string {
    const normalized = resolve(path);
    const paths = this.granted.get(kind) ?? new Set<string>();
    paths.add(normalized);
    this.granted.set(kind, paths);
    return normalized;
  }

  /** The normalized path, or NOT_ALLOWED when the user never chose it for this kind of file. */
  require(kind: WorkspaceFileKind, path: string): string {
    const normalized = isAbsolute(path) ? resolve(path) : null;
    if (normalized === null || !this.granted.get(kind)?.has(normalized)) {
      throw new AppFailure(
        'NOT_ALLOWED',
        `Odradek opens ${kind} files only after you choose them in a file dialog; ${JSON.stringify(path.slice(0, 300))} was not chosen in this session.`,
      );
    }
    return normalized;
  }
}

export interface PolicyWorkspaceService {
  choosePolicyFile(mode: 'open' | 'save-as', suggestedName?: string): Promise<string | null>;
  openPolicy(path: string): Promise<{ path: string; text: string; version: PolicyFileVersion }>;
  savePolicy(request: { path: string; text: string; baseVersion: PolicyFileVersion | null; force: boolean }): Promise<{ version: PolicyFileVersion; backupPath?: string }>;
  chooseSnapshotFile(): Promise<string | null>;
  openSnapshot(path: string): Promise<{ path: string; snapshot: ClusterSnapshot }>;
}

export function createPolicyWorkspaceService(dialogs: FileDialogs, files = new PolicyFileService(), grants = new PathGrants()): PolicyWorkspaceService {
  return {
    async choosePolicyFile(mode, suggestedName = 'rbac.yaml') {
      // Only a file name: the renderer must not steer the save dialog into another folder.
      const chosen = mode === 'open' ? await dialogs.chooseOpenPath('policy') : await dialogs.chooseSavePath('policy', basename(suggestedName));
      return chosen === null ? null : grants.grant('policy', chosen);
    },

    async openPolicy(requested) {
      const path = grants.require('policy', requested);
      await refuseLargeFile(path, MAX_POLICY_BYTES, 'policy file');
      const opened = await files.open(path).catch((error: unknown) => rethrow(error, path));
      return { path, text: opened.text, version: { hash: opened.hash, mtimeMs: opened.mtimeMs } };
    },

    async savePolicy({ path: requested, text, baseVersion, force }) {
      const path = grants.require('policy', requested);
      const existed = await stat(path).then(
        () => true,
        () => false,
      );
      const saved = await files.save(path, text, { expectedHash: baseVersion?.hash ?? null, force }).catch((error: unknown) => rethrow(error, path));
      const version = { hash: saved.hash, mtimeMs: saved.mtimeMs };
      return existed ? { version, backupPath: `${path}.bak` } : { version };
    },

    async chooseSnapshotFile() {
      const chosen = await dialogs.chooseOpenPath('snapshot');
      return chosen === null ? null : grants.grant('snapshot', chosen);
    },

    async openSnapshot(requested) {
      const path = grants.require('snapshot', requested);
      await refuseLargeFile(path, MAX_SNAPSHOT_BYTES, 'snapshot');
      const text = await readFile(path, 'utf8').catch((error: unknown) => rethrow(error, path));
      const parsed = parseSnapshot(text);
      if (!parsed.ok) {
        const shown = parsed.issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`);
        const more = parsed.issues.length > shown.length ? ` (and ${parsed.issues.length - shown.length} more)` : '';
        throw new AppFailure('INVALID_INPUT', `${basename(path)} is not a valid Odradek snapshot: ${shown.join('; ')}${more}.`, parsed.issues);
      }
      return { path, snapshot: parsed.snapshot };
    },
  };
}

/** The handlers of the workspace's channels, spread into main's handler map. */
export function createPolicyHandlers(
  service: PolicyWorkspaceService,
): Pick<ChannelHandlers, 'policies:choose-file' | 'policies:open' | 'policies:save' | 'snapshots:choose-file' | 'snapshots:open'> {
  return {
    'policies:choose-file': async ({ mode, suggestedName }) => ({ path: await service.choosePolicyFile(mode, suggestedName) }),
    'policies:open': ({ path }) => service.openPolicy(path),
    'policies:save': ({ path, text, baseVersion, force }) => service.savePolicy({ path, text, baseVersion, force }),
    'snapshots:choose-file': async () => ({ path: await service.chooseSnapshotFile() }),
    'snapshots:open': ({ path }) => service.openSnapshot(path),
  };
}

async function refuseLargeFile(path: string, limit: number, what: string): Promise<void> {
  const info = await stat(path).catch((error: unknown) => rethrow(error, path));
  if (info.size > limit) throw new AppFailure('NOT_ALLOWED', `${basename(path)} is ${info.size} bytes; a ${what} larger than ${limit} bytes is refused.`);
}

function rethrow(error: unknown, path: string): never {
  if (error instanceof AppFailure) throw error;
  if (error instanceof PolicyFileError) {
    if (error.code === 'CHANGED_ON_DISK') {
      throw new AppFailure('CONFLICT', `${basename(path)} changed on disk since you opened it; reload it or overwrite it.`);
    }
    throw new AppFailure(error.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'INTERNAL', error.message);
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') throw new AppFailure('NOT_FOUND', `${path} does not exist.`);
  throw new AppFailure('INTERNAL', `Could not read ${path}: ${(error as Error).message}`);
}
