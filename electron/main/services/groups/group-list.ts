// The groups list as a stream: rows from ListGroups first (id, type, state, coordinator), so the
// table is usable at once; then patches keyed by group id as describes (members, assignor) and lag
// (committed offsets against end offsets) arrive. Describes and offset reads run at the same time.
import { summarizeLag } from '../../../../shared/domain/groups/group-lag';
import type { GroupListItem, GroupListPhase, GroupListProgress, GroupListSummary, GroupRow, GroupRowError } from '../../../../shared/domain/groups/group-schemas';
import type { StreamSink } from '../../../../shared/ipc/stream';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import type { Clock } from '../ports';
import { principalOf } from '../topics/kafka-error-words';
import { openGroupSession, type CommittedPartition, type GroupDescription, type GroupSession, type ListedGroupAt, type Outcome } from './group-reads';

/** Rows per batch frame: 10,000 groups take a handful of frames. */
const ROWS_PER_BATCH = 2_500;

export interface GroupListDeps {
  clock: Clock;
  log?(line: string): void;
}

/** What the list knows about every group once all phases ran; the CLI and benchmarks read this. */
export interface GroupListResult {
  rows: GroupRow[];
  summary: GroupListSummary;
}

export function listedRow(group: ListedGroupAt): GroupRow {
  return {
    groupId: group.groupId,
    type: group.kind,
    brokerType: group.type,
    protocolType: group.protocolType,
    protocol: null,
    state: group.state,
    members: null,
    topics: null,
    partitions: null,
    totalLag: null,
    maxLag: null,
    coordinator: group.coordinator,
    health: null,
    error: null,
  };
}

/** The patch a describe outcome makes to a row. */
export function describedPatch(groupId: string, outcome: Outcome<GroupDescription> | undefined): GroupListItem {
  if (!outcome) return { groupId };
  if (!outcome.ok) return { groupId, error: outcome.error };
  const { state, protocolType, protocol, members } = outcome.value;
  return { groupId, state, protocolType, protocol, members: members.length };
}

/** Topics a group reads: those with commits, and those a member subscribed to or is (or will be) assigned. */
export function groupTopics(committed: readonly CommittedPartition[], description: GroupDescription | undefined): string[] {
  const topics = new Set(committed.map(({ topic }) => topic));
  for (const member of description?.members ?? []) {
    for (const topic of member.subscribedTopics ?? []) topics.add(topic);
    for (const { topic } of member.assignment) topics.add(topic);
    for (const { topic } of member.targetAssignment ?? []) topics.add(topic);
  }
  return [...topics].sort();
}

/**
 * Committed offsets and end offsets into lag patches. `ends` holds the end offsets by topic and
 * partition; a partition missing there has an unknown lag and does not count toward the totals.
 */
export function lagPatches(
  groups: readonly ListedGroupAt[],
  committed: ReadonlyMap<string, Outcome<CommittedPartition[]>>,
  described: ReadonlyMap<string, Outcome<GroupDescription>>,
  ends: ReadonlyMap<string, bigint[]>,
): { patches: GroupListItem[]; unknownPartitions: number } {
  let unknownPartitions = 0;
  const patches = groups.map((group): GroupListItem => {
    const outcome = committed.get(group.groupId);
    const description = described.get(group.groupId);
    const describedValue = description?.ok ? description.value : undefined;
    if (!outcome) return { groupId: group.groupId, topics: groupTopics([], describedValue) };
    if (!outcome.ok) {
      // A describe error is already on the row; it says more than the offsets' (usually the same) refusal.
      return { groupId: group.groupId, topics: groupTopics([], describedValue), ...(description && !description.ok ? {} : { error: outcome.error }) };
    }
    const summary = summarizeLag(outcome.value.map(({ topic, partition, offset }) => ({ committed: offset, end: ends.get(topic)?.[partition] })));
    unknownPartitions += summary.unknown;
    return {
      groupId: group.groupId,
      topics: groupTopics(outcome.value, describedValue),
      partitions: outcome.value.length,
      totalLag: summary.known === 0 && summary.unknown > 0 ? null : summary.totalLag,
      maxLag: summary.known === 0 && summary.unknown > 0 ? null : summary.maxLag,
    };
  });
  return { patches, unknownPartitions };
}

export async function streamGroupList(
  settings: KafkaConnectionSettings,
  sink: StreamSink<GroupListItem, GroupListProgress>,
  deps: GroupListDeps,
): Promise<GroupListSummary> {
  const started = deps.clock.now();
  const phaseMs: GroupListSummary['phaseMs'] = {};
  const send = async (items: GroupListItem[]) => {
    for (let start = 0; start < items.length; start += ROWS_PER_BATCH) await sink.batch(items.slice(start, start + ROWS_PER_BATCH));
  };
  const errors = new Map<string, GroupRowError>();
  const mark = (phase: GroupListPhase) => (phaseMs[phase] = deps.clock.now() - started);

  sink.phase('list', 'Listing groups on every broker');
  const session = await openGroupSession(settings, deps.clock, principalOf(settings), {}, deps.log);
  try {
    const { groups, warnings } = await session.listAll();
    // Both phases' requests go out before the rows are sent, so the brokers work while the window takes them.
    const describing = session.describe(groups);
    const lagging = readLag(session, groups, describing);
    lagging.catch(() => undefined);
    await send(groups.map(listedRow));
    sink.progress({ phase: 'list', done: groups.length, total: groups.length });
    mark('list');

    sink.phase('describe', 'Describing groups at their coordinators');
    const described = await describing;
    const describePatches = groups.map((group) => describedPatch(group.groupId, described.get(group.groupId)));
    for (const patch of describePatches) if (patch.error) errors.set(patch.groupId, patch.error);
    await send(describePatches);
    sink.progress({ phase: 'describe', done: groups.length, total: groups.length });
    mark('describe');

    sink.phase('offsets', 'Reading committed and end offsets');
    const { patches, unknownPartitions, endWarnings } = await lagging;
    for (const patch of patches) if (patch.error) errors.set(patch.groupId, patch.error);
    await send(patches);
    sink.progress({ phase: 'offsets', done: groups.length, total: groups.length });
    mark('offsets');
    if (unknownPartitions > 0) warnings.push(`End offsets of ${unknownPartitions} committed partition(s) could not be read (no leader, deleted topic or not authorized): their lag is left out.`);
    warnings.push(...endWarnings);
    return { groups: groups.length, errors: errors.size, phaseMs, warnings };
  } finally {
    await session.close().catch(() => undefined);
  }
}

async function readLag(session: GroupSession, groups: readonly ListedGroupAt[], describing: Promise<Map<string, Outcome<GroupDescription>>>) {
  const committed = await session.committed(groups);
  const partitions: { topic: string; partition: number }[] = [];
  for (const outcome of committed.values()) if (outcome.ok) for (const { topic, partition } of outcome.value) partitions.push({ topic, partition });
  const ends = await session.endOffsets(partitions);
  const endWarnings = ends.unknownTopics.size > 0 ? [`${ends.unknownTopics.size} topic(s) with committed offsets are not in the metadata (deleted or not visible to this principal).`] : [];
  const { patches, unknownPartitions } = lagPatches(groups, committed, await describing, ends.offsets);
  return { patches, unknownPartitions, endWarnings };
}

/** The whole list in memory: what the stream sends, merged (CLI, benchmarks, overview). */
export async function readGroupList(settings: KafkaConnectionSettings, deps: GroupListDeps, signal: AbortSignal = new AbortController().signal): Promise<GroupListResult> {
  const rows = new Map<string, GroupRow>();
  const summary = await streamGroupList(
    settings,
    {
      signal,
      phase: () => undefined,
      progress: () => undefined,
      batch: async (items) => {
        for (const item of items) {
          const row = rows.get(item.groupId);
          if (row) Object.assign(row, item);
          else rows.set(item.groupId, item as GroupRow);
        }
      },
    },
    deps,
  );
  return { rows: [...rows.values()], summary };
}
