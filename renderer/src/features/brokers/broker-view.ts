// Words and numbers the broker screens show, kept pure for unit tests.
import type { BrokerConfigEntry, BrokerConfigSource, BrokerRow, QuorumReplica } from '../../../../shared/domain/brokers/broker-schemas';
import { isActionAllowed, type ConnectionProfile, type ProfileAction } from '../../../../shared/domain/profile/profile-schema';

export const sourceWords: Record<BrokerConfigSource, string> = {
  'dynamic-broker': 'dynamic (this broker)',
  'dynamic-default': 'dynamic (cluster default)',
  static: 'static (server.properties)',
  default: 'Kafka default',
  'dynamic-logger': 'dynamic (logger)',
  unknown: 'unknown',
};

export const statusWords: Record<BrokerRow['status'], string> = {
  alive: 'alive',
  fenced: 'unavailable (fenced)',
  unreachable: 'unavailable (not answering)',
};

/** Entries matching a search over key and value; sensitive values are never matched (they are not here). */
export function filterConfigs(entries: readonly BrokerConfigEntry[], search: string, onlySet: boolean): BrokerConfigEntry[] {
  const needle = search.trim().toLowerCase();
  return entries.filter((entry) => (!onlySet || entry.source !== 'default') && (needle === '' || entry.name.toLowerCase().includes(needle) || (entry.value ?? '').toLowerCase().includes(needle)));
}

/** "3 s ago" for a quorum replica's last fetch; "—" when unknown. */
export function sinceWords(timestamp: number | null, now: number): string {
  if (timestamp === null) return '—';
  const seconds = Math.max(0, Math.round((now - timestamp) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
}

/** Quorum rows: voters first (leader on top), then observers. */
export function quorumRows(voters: readonly QuorumReplica[], observers: readonly QuorumReplica[]): Array<QuorumReplica & { role: 'leader' | 'voter' | 'observer' }> {
  return [
    ...[...voters].sort((a, b) => Number(b.isLeader) - Number(a.isLeader) || a.id - b.id).map((replica) => ({ ...replica, role: replica.isLeader ? ('leader' as const) : ('voter' as const) })),
    ...[...observers].sort((a, b) => a.id - b.id).map((replica) => ({ ...replica, role: 'observer' as const })),
  ];
}

/** Why the profile forbids an action, or null; main's tenancy answer (if any) comes after. */
export function profileRefusal(profile: Pick<ConnectionProfile, 'name' | 'safety'> | undefined, action: ProfileAction): string | null {
  if (!profile) return 'Loading the profile…';
  if (isActionAllowed(profile, action)) return null;
  return profile.safety.readOnly ? `Profile '${profile.name}' is read-only.` : `Profile '${profile.name}' does not allow '${action}'.`;
}

/** "0,2-4" → [0, 2, 3, 4]; null when the text is not such a list. */
export function parsePartitionList(text: string): number[] | null {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const partitions = new Set<number>();
  for (const part of parts) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from || to - from > 100_000) return null;
    for (let partition = from; partition <= to; partition++) partitions.add(partition);
  }
  return [...partitions].sort((a, b) => a - b);
}
