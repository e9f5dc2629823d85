// The first-run screen's question "is the local demo running?", answered from the discovery file
// `npm run demo` writes into the user data folder and whether the processes it names are alive. No
// socket is opened: Odradek talks only to endpoints a profile names.
import { readFileSync } from 'node:fs';
import { localDemoStatus, type LocalDemoStatus } from '../../../shared/domain/demo/local-demo';
import type { ProfileRepo } from './ports';

export interface LocalDemoDeps {
  /** The discovery file's text, or null when there is none. */
  readDiscoveryFile(): Promise<string | null>;
  profiles: ProfileRepo;
  isAlive?(pid: number): boolean;
}

/** Alive and not a zombie (an exited process nobody reaped yet still answers signal 0). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export async function localDemoStatusOf(deps: LocalDemoDeps): Promise<LocalDemoStatus> {
  let text: string | null;
  try {
    text = await deps.readDiscoveryFile();
  } catch (error) {
    return { state: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  if (text === null) return { state: 'absent' };
  const stored = await deps.profiles.load();
  return localDemoStatus(text, deps.isAlive ?? processIsAlive, new Set(stored.profiles.map((profile) => profile.id)));
}

/** Reads a file's text; a missing file is null, any other failure is thrown. */
export async function readOptionalText(read: (path: string) => Promise<Uint8Array>, path: string): Promise<string | null> {
  try {
    return new TextDecoder().decode(await read(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
