// Pure broker arithmetic shared by main, the renderer and the CLI: per-broker partition figures from
// metadata, quorum lag, what a config change will do, a reassignment plan and the confirmation texts.
import type { BrokerConfigEntry, BrokerConfigSource, ConfigChangeRow, PartitionPlan, QuorumReplica } from './broker-schemas';

export interface PartitionPlacement {
  /** −1: no leader. */
  leader: number;
  replicas: readonly number[];
  isr: readonly number[];
}

export interface BrokerFigures {
  leaderPartitions: number;
  replicas: number;
  underReplicatedLed: number;
  offlineReplicas: number;
}

/** Figures for every broker id named (and any other id the metadata names), in one pass over the partitions. */
export function brokerFigures(partitions: Iterable<PartitionPlacement>, brokerIds: Iterable<number>): Map<number, BrokerFigures> {
  const figures = new Map<number, BrokerFigures>();
  const of = (id: number) => {
    let found = figures.get(id);
    if (!found) figures.set(id, (found = { leaderPartitions: 0, replicas: 0, underReplicatedLed: 0, offlineReplicas: 0 }));
    return found;
  };
  for (const id of brokerIds) of(id);
  for (const { leader, replicas, isr } of partitions) {
    for (const replica of replicas) {
      const entry = of(replica);
      entry.replicas += 1;
      if (leader < 0) entry.offlineReplicas += 1;
    }
    if (leader >= 0) {
      const entry = of(leader);
      entry.leaderPartitions += 1;
      if (isr.length < replicas.length) entry.underReplicatedLed += 1;
    }
  }
  return figures;
}

/** Lag as kafka-metadata-quorum reports it: the leader's log end offset minus each replica's. */
export function withQuorumLag(
  leaderId: number,
  replicas: readonly { replicaId: number; logEndOffset: number; lastFetchTimestamp: number | null; lastCaughtUpTimestamp: number | null }[],
  leaderEndOffset: number,
): QuorumReplica[] {
  return replicas.map((replica) => ({
    id: replica.replicaId,
    logEndOffset: replica.logEndOffset,
    lag: Math.max(0, leaderEndOffset - replica.logEndOffset),
    lastFetchTimestamp: replica.lastFetchTimestamp,
    lastCaughtUpTimestamp: replica.lastCaughtUpTimestamp,
    isLeader: replica.replicaId === leaderId,
  }));
}

/** The source a value set at this level has: a broker's own dynamic config, or the cluster-wide default. */
const levelSource = (brokerId: number | null): BrokerConfigSource => (brokerId === null ? 'dynamic-default' : 'dynamic-broker');

/**
 * What each change does at the level changed (one broker's own value, or the cluster-wide default),
 * from a broker's entries and their synonyms: the value before and after and where each comes from.
 * A reset falls back to the next synonym below that level. Problems (unknown or read-only key, a reset
 * of a level that holds nothing) are reported per row. A broker override still outranks a new default:
 * the rows show the default level, the broker's own entry shows what it uses.
 */
export function previewConfigChanges(
  entries: readonly BrokerConfigEntry[],
  brokerId: number | null,
  set: Readonly<Record<string, string>>,
  reset: readonly string[],
  /** For the cluster-wide level: the defaults set now (the default resource's own entries), which a broker may not have applied yet. */
  defaults?: ReadonlyMap<string, string | null>,
): ConfigChangeRow[] {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const level = levelSource(brokerId);
  const unknown = (name: string) => `${name} is not a configuration this broker reports; check the spelling.`;
  /** Below the level changed: what applies when that level holds nothing. */
  const below = (entry: BrokerConfigEntry) => entry.synonyms.find((synonym) => precedence(synonym.source) > precedence(level)) ?? null;
  /** The value in force at the level changed and under it (for the default: ignoring a per-broker override). */
  const current = (entry: BrokerConfigEntry): { value: string | null; source: BrokerConfigSource; key: string } => {
    if (brokerId !== null) return { value: entry.value, source: entry.source, key: entry.name };
    if (defaults?.has(entry.name)) return { value: defaults.get(entry.name) ?? null, source: 'dynamic-default', key: entry.name };
    const found = defaults ? below(entry) : entry.synonyms.find((synonym) => precedence(synonym.source) >= precedence(level));
    return found ? { value: found.value, source: found.source, key: found.name } : { value: entry.value, source: entry.source, key: entry.name };
  };
  const rows: ConfigChangeRow[] = [];
  for (const [name, value] of Object.entries(set)) {
    const entry = byName.get(name);
    const sensitive = entry?.sensitive ?? false;
    const before = entry ? current(entry) : { value: null, source: 'unknown' as const, key: name };
    rows.push({
      name,
      operation: 'set',
      before: before.value,
      beforeSource: before.source,
      beforeKey: before.key,
      after: sensitive ? null : value,
      afterSource: level,
      afterKey: name,
      sensitive,
      problem: entry === undefined ? unknown(name) : entry.readOnly ? `${name} is read-only: it changes only with a restart.` : null,
    });
  }
  for (const name of reset) {
    const entry = byName.get(name);
    const before = entry ? current(entry) : { value: null, source: 'unknown' as const, key: name };
    const next = entry ? below(entry) : null;
    const heldHere = brokerId === null && defaults ? defaults.has(name) : (entry?.synonyms.some((synonym) => synonym.source === level) ?? false);
    rows.push({
      name,
      operation: 'reset',
      before: before.value,
      beforeSource: before.source,
      beforeKey: before.key,
      after: next?.value ?? null,
      afterSource: next?.source ?? 'default',
      afterKey: next?.name ?? name,
      sensitive: entry?.sensitive ?? false,
      problem: entry === undefined ? unknown(name) : heldHere ? null : `${name} has no ${brokerId === null ? 'cluster-wide default' : `value set on broker ${brokerId}`} to reset.`,
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** Lower is stronger, as Kafka resolves broker configs. */
function precedence(source: BrokerConfigSource): number {
  return { 'dynamic-logger': 0, 'dynamic-broker': 1, 'dynamic-default': 2, static: 3, default: 4, unknown: 5 }[source];
}

/**
 * Moves a topic's replicas onto the chosen brokers with as little copying as possible: replicas already
 * on a chosen broker stay (in their order, so the preferred leader stays where it can), the rest go to
 * the chosen brokers holding fewest of the topic's replicas so far; leaders are spread as new
 * preferred leaders are needed. Partitions whose placement does not change are kept as they are.
 */
export function proposeReassignment(current: readonly { partition: number; replicas: readonly number[] }[], brokerIds: readonly number[], replicationFactor?: number): PartitionPlan[] {
  const targets = [...new Set(brokerIds)].sort((a, b) => a - b);
  if (targets.length === 0) throw new Error('Choose at least one broker for the replicas.');
  const load = new Map(targets.map((id) => [id, 0]));
  const leads = new Map(targets.map((id) => [id, 0]));
  const sorted = [...current].sort((a, b) => a.partition - b.partition);
  for (const { replicas } of sorted) for (const replica of replicas) if (load.has(replica)) load.set(replica, load.get(replica)! + 1);
  const plans: PartitionPlan[] = [];
  for (const { partition, replicas } of sorted) {
    const factor = replicationFactor ?? replicas.length;
    if (factor > targets.length) throw new Error(`Replication factor ${factor} needs at least ${factor} brokers; ${targets.length} chosen.`);
    const kept = replicas.filter((replica) => load.has(replica)).slice(0, factor);
    for (const replica of replicas) if (load.has(replica) && !kept.includes(replica)) load.set(replica, load.get(replica)! - 1);
    const proposed = [...kept];
    while (proposed.length < factor) {
      const candidates = targets.filter((id) => !proposed.includes(id));
      // A new first replica is a new preferred leader: spread those by leadership, the rest by replicas.
      const weight = proposed.length === 0 ? (id: number) => leads.get(id)! * 1_000_000 + load.get(id)! : (id: number) => load.get(id)! * 1_000_000 + leads.get(id)!;
      const pick = candidates.reduce((best, id) => (weight(id) < weight(best) ? id : best));
      proposed.push(pick);
      load.set(pick, load.get(pick)! + 1);
    }
    leads.set(proposed[0]!, leads.get(proposed[0]!)! + 1);
    plans.push({ partition, current: [...replicas], proposed });
  }
  return plans;
}

/** Replicas a plan copies to a broker that does not hold them yet. */
export function movedReplicas(plans: readonly PartitionPlan[]): number {
  return plans.reduce((sum, plan) => sum + plan.proposed.filter((id) => !plan.current.includes(id)).length, 0);
}

/** The text a user types to confirm a preferred leader election. */
export function electionConfirmationText(partitions: readonly { topic: string; partition: number }[] | null): string {
  if (partitions === null) return 'elect all partitions';
  const topics = new Set(partitions.map((entry) => entry.topic));
  return topics.size === 1 ? [...topics][0]! : `elect ${partitions.length} partitions`;
}
