// The offset reset dialog's form, kept pure: what the user picked (mode, scope, inputs as typed) turned
// into the target and scope main previews, or the one specific problem that stops it.
import type { GroupDetail } from '../../../../shared/domain/groups/group-schemas';
import type { ResetScope, ResetTarget } from '../../../../shared/domain/groups/offset-reset';

export const resetModes = ['earliest', 'latest', 'datetime', 'ago', 'offset', 'shift'] as const;
export type ResetMode = (typeof resetModes)[number];

export const agoUnits = ['minutes', 'hours', 'days'] as const;
export type AgoUnit = (typeof agoUnits)[number];

export type ScopeKind = 'topic' | 'partitions' | 'all';

export interface ResetForm {
  mode: ResetMode;
  scope: ScopeKind;
  topic: string | null;
  /** Chosen partitions of `topic` (scope `partitions`). */
  partitions: number[];
  /** `YYYY-MM-DDTHH:mm[:ss]` in local time, as a datetime-local input gives it. */
  dateTime: string;
  agoAmount: string;
  agoUnit: AgoUnit;
  /** Mode `offset`: the offset typed per `topic:partition`. */
  offsets: Record<string, string>;
  shift: string;
}

export type ResetBuild = { ok: true; target: ResetTarget; scope: ResetScope } | { ok: false; problem: string };

export function initialResetForm(detail: Pick<GroupDetail, 'offsets'>): ResetForm {
  const topics = [...new Set(detail.offsets.map((entry) => entry.topic))].sort();
  return {
    mode: 'earliest',
    scope: topics.length > 1 ? 'topic' : 'all',
    topic: topics[0] ?? null,
    partitions: [],
    dateTime: '',
    agoAmount: '15',
    agoUnit: 'minutes',
    offsets: {},
    shift: '',
  };
}

/** The partitions the scope covers, in topic then partition order. */
export function scopedPartitions(form: Pick<ResetForm, 'scope' | 'topic' | 'partitions'>, detail: Pick<GroupDetail, 'offsets'>): { topic: string; partition: number }[] {
  const inScope = detail.offsets.filter((entry) => {
    if (form.scope === 'all') return true;
    if (entry.topic !== form.topic) return false;
    return form.scope === 'topic' || form.partitions.includes(entry.partition);
  });
  return inScope.map(({ topic, partition }) => ({ topic, partition })).sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}

export const partitionKey = (topic: string, partition: number) => `${topic}:${partition}`;

const unitMs: Record<AgoUnit, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
const integer = /^[+-]?\d+$/;
/** resetTargetSchema's bound on `ago`. */
const MAX_AGO_MS = 10 * 365 * 24 * 3_600_000;

export function buildReset(form: ResetForm, detail: Pick<GroupDetail, 'offsets'>, now: number): ResetBuild {
  const scope = buildScope(form);
  if (!scope.ok) return scope;
  const partitions = scopedPartitions(form, detail);
  if (partitions.length === 0) return { ok: false, problem: 'The scope covers no partition with a committed offset.' };
  const target = buildTarget(form, partitions, now);
  return target.ok ? { ok: true, target: target.target, scope: scope.scope } : target;
}

function buildScope(form: ResetForm): { ok: true; scope: ResetScope } | { ok: false; problem: string } {
  if (form.scope === 'all') return { ok: true, scope: { kind: 'group' } };
  if (!form.topic) return { ok: false, problem: 'Choose a topic.' };
  if (form.scope === 'topic') return { ok: true, scope: { kind: 'topic', topic: form.topic } };
  if (form.partitions.length === 0) return { ok: false, problem: `Choose at least one partition of ${form.topic}.` };
  return { ok: true, scope: { kind: 'topic', topic: form.topic, partitions: [...form.partitions].sort((a, b) => a - b) } };
}

function buildTarget(form: ResetForm, partitions: readonly { topic: string; partition: number }[], now: number): { ok: true; target: ResetTarget } | { ok: false; problem: string } {
  switch (form.mode) {
    case 'earliest':
      return { ok: true, target: { kind: 'earliest' } };
    case 'latest':
      return { ok: true, target: { kind: 'latest' } };
    case 'datetime': {
      if (form.dateTime.trim() === '') return { ok: false, problem: 'Pick a date and time.' };
      const timestamp = parseLocalDateTime(form.dateTime);
      if (timestamp === null) return { ok: false, problem: `'${form.dateTime}' is not a date and time (YYYY-MM-DD HH:mm).` };
      if (timestamp > now) return { ok: false, problem: 'The time is in the future: every partition would move to its end. Pick a past time, or the "latest" mode.' };
      return { ok: true, target: { kind: 'timestamp', timestamp } };
    }
    case 'ago': {
      const text = form.agoAmount.trim();
      if (!/^\d+$/.test(text) || Number(text) === 0) return { ok: false, problem: `Type a whole number of ${form.agoUnit} greater than 0.` };
      const ms = Number(text) * unitMs[form.agoUnit];
      if (ms > MAX_AGO_MS) return { ok: false, problem: `${text} ${form.agoUnit} ago is more than ten years back.` };
      // Main resolves "ago" at preview time, so the preview and the apply mean the same instant.
      return { ok: true, target: { kind: 'ago', ms } };
    }
    case 'offset': {
      const offsets: { topic: string; partition: number; offset: number }[] = [];
      for (const { topic, partition } of partitions) {
        const text = (form.offsets[partitionKey(topic, partition)] ?? '').trim();
        if (text === '') return { ok: false, problem: `Type an offset for ${topic} partition ${partition}.` };
        if (!/^\d+$/.test(text)) return { ok: false, problem: `The offset for ${topic} partition ${partition} must be a whole number ≥ 0, not '${text}'.` };
        const offset = Number(text);
        if (!Number.isSafeInteger(offset)) return { ok: false, problem: `The offset for ${topic} partition ${partition} is too large.` };
        offsets.push({ topic, partition, offset });
      }
      return { ok: true, target: { kind: 'offsets', offsets } };
    }
    case 'shift': {
      const text = form.shift.trim();
      if (!integer.test(text)) return { ok: false, problem: `Type a whole number to shift by, e.g. -100 or +50${text === '' ? '' : `, not '${text}'`}.` };
      const by = Number(text);
      if (by === 0) return { ok: false, problem: 'A shift of 0 changes nothing.' };
      if (!Number.isSafeInteger(by)) return { ok: false, problem: 'The shift is too large.' };
      return { ok: true, target: { kind: 'shift', by } };
    }
  }
}

/** A datetime-local value in the machine's time zone; null when it is not one. */
export function parseLocalDateTime(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = '0', millis = '0'] = match.slice(1);
  const date = new Date(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(millis.padEnd(3, '0')));
  // Date rolls 2026-02-30 over to March; a rolled date is a typo, not a time.
  if (date.getFullYear() !== Number(year) || date.getMonth() !== Number(month) - 1 || date.getDate() !== Number(day) || date.getHours() !== Number(hour) || date.getMinutes() !== Number(minute)) return null;
  return date.getTime();
}

/** The target in words for the preview's heading, in local time. */
export function describeTarget(target: ResetTarget): string {
  switch (target.kind) {
    case 'earliest':
      return 'the earliest offset';
    case 'latest':
      return 'the latest offset (end)';
    case 'timestamp':
      return `the first record at or after ${new Date(target.timestamp).toLocaleString()}`;
    case 'ago':
      return `the first record of ${formatAgo(target.ms)} ago`;
    case 'offset':
      return `offset ${target.offset}`;
    case 'offsets':
      return target.offsets.length === 1 ? `offset ${target.offsets[0]!.offset}` : 'the offsets typed per partition';
    case 'shift':
      return `the committed offset ${target.by > 0 ? '+' : '−'}${Math.abs(target.by)}`;
  }
}

function formatAgo(ms: number): string {
  for (const unit of ['days', 'hours', 'minutes'] as const) {
    if (ms % unitMs[unit] === 0) return `${ms / unitMs[unit]} ${ms / unitMs[unit] === 1 ? unit.slice(0, -1) : unit}`;
  }
  return `${Math.round(ms / 1000)} s`;
}

export function describeScope(scope: ResetScope, detail: Pick<GroupDetail, 'offsets'>): string {
  if (scope.kind === 'group') {
    const topics = new Set(detail.offsets.map((entry) => entry.topic)).size;
    return `every topic of the group (${topics} topic${topics === 1 ? '' : 's'}, ${detail.offsets.length} partition${detail.offsets.length === 1 ? '' : 's'})`;
  }
  if (!scope.partitions) return `topic ${scope.topic}`;
  return `${scope.topic} partition${scope.partitions.length === 1 ? '' : 's'} ${scope.partitions.join(', ')}`;
}
