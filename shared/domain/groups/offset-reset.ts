// Offset reset planning: from what main read (committed offsets, partition starts and ends, offsets by
// time) to the exact table the user confirms. Pure, so the app, the CLI and the tests compute the same
// rows; main applies the rows of a plan whose fingerprint matches the one the user previewed, and
// nothing else.
import { z } from 'zod';
import { groupIdSchema, groupTypes } from './group-schemas';

const offset = z.number().int().nonnegative();
const partitionNumber = z.number().int().nonnegative();
const topicName = z.string().min(1).max(249);

/**
 * Where the group should resume. `ago` is resolved to a `timestamp` by the preview (the plan carries the
 * resolved request), so applying later means the same instant rather than "N minutes before the apply".
 */
export const resetTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('earliest') }),
  z.object({ kind: z.literal('latest') }),
  /** The first offset whose record timestamp is at or after this instant (ms since the epoch). */
  z.object({ kind: z.literal('timestamp'), timestamp: z.number().int().nonnegative() }),
  /** N milliseconds before the preview. */
  z.object({ kind: z.literal('ago'), ms: z.number().int().positive().max(10 * 365 * 24 * 3_600_000) }),
  /** The same offset on every partition in scope. */
  z.object({ kind: z.literal('offset'), offset }),
  /** One offset per partition; these partitions are the scope (they must lie within the requested one). */
  z.object({ kind: z.literal('offsets'), offsets: z.array(z.object({ topic: topicName, partition: partitionNumber, offset })).min(1).max(100_000) }),
  /** Forward (positive) or back (negative) from the committed offset. */
  z.object({ kind: z.literal('shift'), by: z.number().int().refine((value) => value !== 0, 'A shift of 0 changes nothing.') }),
]);
export type ResetTarget = z.infer<typeof resetTargetSchema>;

/** Which partitions: every topic the group has committed offsets for, or one topic (optionally some partitions). */
export const resetScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('group') }),
  z.object({ kind: z.literal('topic'), topic: topicName, partitions: z.array(partitionNumber).min(1).max(100_000).optional() }),
]);
export type ResetScope = z.infer<typeof resetScopeSchema>;

export const resetRequestSchema = z.object({
  profileId: z.string().min(1).max(128),
  groupId: groupIdSchema,
  scope: resetScopeSchema,
  target: resetTargetSchema,
});
export type ResetRequest = z.infer<typeof resetRequestSchema>;

export const resetRowSchema = z.object({
  topic: z.string(),
  partition: partitionNumber,
  /** The committed offset now; null when the group has none for the partition. */
  current: offset.nullable(),
  /** The offset that will be committed. */
  target: offset,
  /** The partition's range at preview time: earliest (log start) and end (next offset to be written). */
  start: offset,
  end: offset,
  lagBefore: z.number().nonnegative().nullable(),
  lagAfter: z.number().nonnegative(),
  /** Set when the requested offset lay outside [start, end] and was moved to the nearer edge. */
  clamped: z.enum(['start', 'end']).nullable(),
  /** Why this row's target is what it is, when that is not obvious (clamped, no record after the time). */
  note: z.string().nullable(),
});
export type ResetRow = z.infer<typeof resetRowSchema>;

export const resetPlanSchema = z.object({
  groupId: z.string(),
  /** The request as planned, `ago` resolved to a timestamp: send it back unchanged to apply. */
  scope: resetScopeSchema,
  target: resetTargetSchema,
  rows: z.array(resetRowSchema),
  totals: z.object({ lagBefore: z.number().nonnegative(), lagAfter: z.number().nonnegative(), changed: z.number().int().nonnegative(), clamped: z.number().int().nonnegative() }),
  /**
   * Of everything the rows rest on (each partition's committed offset, start, end and new offset): apply
   * recomputes the plan and refuses unless it comes out the same.
   */
  fingerprint: z.string(),
  plannedAt: z.number(),
});
export type ResetPlan = z.infer<typeof resetPlanSchema>;

/** The preview as it crosses IPC: the plan, the group as it is now, and what would block applying it. */
export const resetPreviewSchema = resetPlanSchema.extend({
  group: z.object({ type: z.enum(groupTypes), state: z.string(), members: z.number().int().nonnegative(), exists: z.boolean() }),
  /** Why applying would be refused right now (active members, read-only profile, action not allowed); empty when it can be applied. */
  blockers: z.array(z.string()),
});

/** Apply: the preview's scope and target, its fingerprint and rows (to explain a refusal), and the group id typed as confirmation. */
export const resetApplyRequestSchema = resetRequestSchema.extend({
  fingerprint: z.string().min(1).max(64),
  previewed: z.array(resetRowSchema).max(100_000),
  confirmation: z.string().max(1024),
});

export const resetAppliedSchema = z.object({
  groupId: z.string(),
  rows: z.array(resetRowSchema),
  fingerprint: z.string(),
  /** The committed offsets read back after the commit. */
  readBack: z.array(z.object({ topic: z.string(), partition: partitionNumber, committed: offset.nullable() })),
});

export const deleteOffsetsRequestSchema = z.object({
  profileId: z.string().min(1).max(128),
  groupId: groupIdSchema,
  topic: topicName,
  /** Default: every partition of the topic the group has a committed offset for. */
  partitions: z.array(partitionNumber).min(1).max(100_000).optional(),
  confirmation: z.string().max(1024),
});

export const deleteGroupRequestSchema = z.object({ profileId: z.string().min(1).max(128), groupId: groupIdSchema, confirmation: z.string().max(1024) });

/** What main read for one partition in scope. */
export interface ResetPartitionFacts {
  topic: string;
  partition: number;
  committed: number | null;
  start: number;
  end: number;
  /** For a timestamp target: the first offset at or after it (the end when there is none). */
  atTimestamp?: number;
}

/** Thrown for a request that cannot be planned; the message says what to change. */
export class ResetPlanError extends Error {
  override readonly name = 'ResetPlanError';
}

/** `ago` becomes the instant it means now; every other target stays as it is. */
export function resolveTarget(target: ResetTarget, now: number): Exclude<ResetTarget, { kind: 'ago' }> {
  return target.kind === 'ago' ? { kind: 'timestamp', timestamp: Math.max(0, now - target.ms) } : target;
}

/**
 * The partitions a scope and target cover, from the topics' partition lists and the partitions the group
 * has committed offsets for. Refuses partitions that do not exist instead of skipping them.
 */
export function scopePartitions(
  scope: ResetScope,
  target: ResetTarget,
  topicPartitions: ReadonlyMap<string, readonly number[]>,
  committed: readonly { topic: string; partition: number }[],
): { topic: string; partition: number }[] {
  let chosen: { topic: string; partition: number }[];
  if (scope.kind === 'group') {
    chosen = committed.map(({ topic, partition }) => ({ topic, partition }));
    if (chosen.length === 0) throw new ResetPlanError('The group has no committed offsets; choose a topic to set its offsets for.');
  } else {
    const existing = topicPartitions.get(scope.topic);
    if (!existing) throw new ResetPlanError(`Topic '${scope.topic}' does not exist.`);
    const missing = (scope.partitions ?? []).filter((partition) => !existing.includes(partition));
    if (missing.length > 0) throw new ResetPlanError(`Topic '${scope.topic}' has no partition ${missing.join(', ')} (it has ${existing.length}).`);
    chosen = [...new Set(scope.partitions ?? existing)].map((partition) => ({ topic: scope.topic, partition }));
  }
  if (target.kind === 'offsets') {
    const inScope = new Set(chosen.map(key));
    const outside = target.offsets.filter((entry) => !inScope.has(key(entry)));
    if (outside.length > 0) throw new ResetPlanError(`Offsets were given for partitions outside the scope: ${outside.map(key).join(', ')}.`);
    const seen = new Set<string>();
    for (const entry of target.offsets) {
      if (seen.has(key(entry))) throw new ResetPlanError(`Partition ${key(entry)} is given two offsets.`);
      seen.add(key(entry));
    }
    chosen = target.offsets.map(({ topic, partition }) => ({ topic, partition }));
  }
  return chosen.sort(byTopicPartition);
}

/** The preview table. `target` must be resolved (no `ago`); `facts` are the scope's partitions. */
export function planReset(groupId: string, scope: ResetScope, target: Exclude<ResetTarget, { kind: 'ago' }>, facts: readonly ResetPartitionFacts[], plannedAt: number): ResetPlan {
  if (facts.length === 0) throw new ResetPlanError('No partitions are in scope, so there is nothing to reset.');
  const wanted = target.kind === 'offsets' ? new Map(target.offsets.map((entry) => [key(entry), entry.offset])) : null;
  const withoutCommit = target.kind === 'shift' ? facts.filter((fact) => fact.committed === null) : [];
  if (withoutCommit.length > 0) {
    throw new ResetPlanError(`A shift moves from the committed offset, and the group has none for ${withoutCommit.map(key).join(', ')}; choose those partitions out or use another mode.`);
  }

  const rows = [...facts].sort(byTopicPartition).map((fact): ResetRow => {
    if (fact.end < fact.start) throw new ResetPlanError(`Partition ${key(fact)} reports an end (${fact.end}) before its start (${fact.start}).`);
    let requested: number;
    let note: string | null = null;
    switch (target.kind) {
      case 'earliest':
        requested = fact.start;
        break;
      case 'latest':
        requested = fact.end;
        break;
      case 'timestamp':
        if (fact.atTimestamp === undefined) throw new ResetPlanError(`The offset of ${key(fact)} at ${new Date(target.timestamp).toISOString()} was not read.`);
        requested = fact.atTimestamp;
        if (requested >= fact.end) note = `No record at or after ${new Date(target.timestamp).toISOString()}: the end.`;
        break;
      case 'offset':
        requested = target.offset;
        break;
      case 'offsets':
        requested = wanted!.get(key(fact))!;
        break;
      case 'shift':
        requested = fact.committed! + target.by;
        break;
    }
    let clamped: ResetRow['clamped'] = null;
    let value = requested;
    if (requested < fact.start) {
      clamped = 'start';
      value = fact.start;
      note = requested < 0 ? `${requested} is before the first offset; set to the earliest, ${fact.start}.` : `${requested} is before the earliest offset still stored (${fact.start}); set to ${fact.start}.`;
    } else if (requested > fact.end) {
      clamped = 'end';
      value = fact.end;
      note = `${requested} is past the end (${fact.end}); set to the end.`;
    }
    return {
      topic: fact.topic,
      partition: fact.partition,
      current: fact.committed,
      target: value,
      start: fact.start,
      end: fact.end,
      lagBefore: fact.committed === null ? null : Math.max(0, fact.end - fact.committed),
      lagAfter: fact.end - value,
      clamped,
      note,
    };
  });
  const totals = {
    lagBefore: rows.reduce((sum, row) => sum + (row.lagBefore ?? 0), 0),
    lagAfter: rows.reduce((sum, row) => sum + row.lagAfter, 0),
    changed: rows.filter((row) => row.current !== row.target).length,
    clamped: rows.filter((row) => row.clamped !== null).length,
  };
  return { groupId, scope, target, rows, totals, fingerprint: fingerprintRows(groupId, rows), plannedAt };
}

/**
 * Why a fresh plan differs from the previewed one, in words; null when they are the same. Ends and
 * starts that moved come first: that is the usual reason on a topic being written to.
 */
export function explainPlanChange(previewed: readonly ResetRow[], fresh: readonly ResetRow[]): string | null {
  const before = new Map(previewed.map((row) => [key(row), row]));
  const after = new Map(fresh.map((row) => [key(row), row]));
  const moved: string[] = [];
  const committed: string[] = [];
  const membership: string[] = [];
  for (const [name, row] of after) {
    const old = before.get(name);
    if (!old) membership.push(`${name} is new in scope`);
    else if (old.end !== row.end || old.start !== row.start) moved.push(`${name} ${old.start}..${old.end} → ${row.start}..${row.end}`);
    else if (old.current !== row.current) committed.push(`${name} ${old.current ?? 'none'} → ${row.current ?? 'none'}`);
    else if (old.target !== row.target) committed.push(`${name} target ${old.target} → ${row.target}`);
  }
  for (const name of before.keys()) if (!after.has(name)) membership.push(`${name} is no longer in scope`);
  const shown = (list: string[]) => (list.length > 5 ? `${list.slice(0, 5).join('; ')} and ${list.length - 5} more` : list.join('; '));
  if (moved.length > 0) return `Ends moved since the preview (${shown(moved)}); nothing was changed. Preview again and confirm the new table.`;
  if (committed.length > 0) return `Committed offsets changed since the preview (${shown(committed)}); nothing was changed. Preview again.`;
  if (membership.length > 0) return `The partitions in scope changed since the preview (${shown(membership)}); nothing was changed. Preview again.`;
  return null;
}

/** A compact, deterministic digest (two FNV-1a 32-bit hashes) of everything the rows rest on. */
export function fingerprintRows(groupId: string, rows: readonly ResetRow[]): string {
  const text = [groupId, ...rows.map((row) => `${row.topic}\u0000${row.partition}:${row.current ?? '-'}:${row.start}:${row.end}:${row.target}`)].join('\u0001');
  return `${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}`;
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The target in words for headings and the CLI: "earliest", "2026-12-01T10:00:00.000Z", "shift -100". */
export function describeTarget(target: ResetTarget): string {
  switch (target.kind) {
    case 'earliest':
    case 'latest':
      return target.kind;
    case 'timestamp':
      return `the first record at or after ${new Date(target.timestamp).toISOString()}`;
    case 'ago':
      return `${target.ms / 60_000} minutes ago`;
    case 'offset':
      return `offset ${target.offset}`;
    case 'offsets':
      return `offsets per partition (${target.offsets.length})`;
    case 'shift':
      return `shift ${target.by > 0 ? '+' : ''}${target.by}`;
  }
}

/**
 * The CLI's `--to`: earliest | latest | an ISO date-time | offset:<n> | shift:<±n> | <N>m-ago / <N>h-ago.
 * Throws ResetPlanError with the accepted forms for anything else.
 */
export function parseResetTo(text: string): ResetTarget {
  const value = text.trim();
  if (value === 'earliest' || value === 'latest') return { kind: value };
  const offsetMatch = /^offset:(\d+)$/.exec(value);
  if (offsetMatch) return { kind: 'offset', offset: Number(offsetMatch[1]) };
  const shiftMatch = /^shift:([+-]?\d+)$/.exec(value);
  if (shiftMatch) {
    const by = Number(shiftMatch[1]);
    if (by === 0) throw new ResetPlanError('shift:0 changes nothing; give a positive or negative number.');
    return { kind: 'shift', by };
  }
  const agoMatch = /^(\d+)(m|min|h)-ago$/.exec(value);
  if (agoMatch) {
    const amount = Number(agoMatch[1]);
    if (amount <= 0) throw new ResetPlanError(`'${value}' is not a time in the past.`);
    return { kind: 'ago', ms: amount * (agoMatch[2] === 'h' ? 3_600_000 : 60_000) };
  }
  // Date.parse accepts more than ISO 8601; require the ISO shape so "12/01" cannot mean two things.
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value)) {
    const timestamp = Date.parse(value);
    if (Number.isFinite(timestamp) && timestamp >= 0) return { kind: 'timestamp', timestamp };
  }
  throw new ResetPlanError(`--to '${text}' is not understood; use earliest, latest, an ISO time (2026-12-01T10:00:00Z), offset:<n>, shift:<±n> or <N>m-ago / <N>h-ago.`);
}

const key = (entry: { topic: string; partition: number }) => `${entry.topic}-${entry.partition}`;
const byTopicPartition = (a: { topic: string; partition: number }, b: { topic: string; partition: number }) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition);
