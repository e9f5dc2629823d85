// The topic-level configuration keys Odradek knows: their type, allowed range or values, and how a
// person reads them (durations, sizes, "-1 means unlimited"). The broker's DescribeConfigs answer as
// kafkajs asks for it carries no documentation or types, so this table gives the typed editor its
// form; unknown keys still work through the raw editor. Summaries are ours, written for the editor.
// Types and ranges checked against the broker's own ConfigDef (Kafka 4.3.1's LogConfig, as the bed runs
// it): segment.bytes starts at 1 MiB since 4.0, gzip takes -1 or 1..9 (not 0), and retention.bytes has no
// lower bound (any negative value means unlimited).

export type ConfigKind = 'duration-ms' | 'bytes' | 'int' | 'long' | 'ratio' | 'boolean' | 'enum' | 'enum-list' | 'list';

export interface ConfigKeySpec {
  kind: ConfigKind;
  summary: string;
  min?: number;
  max?: number;
  values?: readonly string[];
  /** Raw values with a meaning of their own, shown in words ("-1" → "unlimited"); allowed even outside min..max. */
  special?: Readonly<Record<string, string>>;
}

const INT_MAX = 2_147_483_647;
const unlimited = { '-1': 'unlimited' } as const;

export const topicConfigKeys: Readonly<Record<string, ConfigKeySpec>> = {
  'cleanup.policy': { kind: 'enum-list', values: ['delete', 'compact'], summary: 'Delete old segments, compact to the latest value per key, or both.' },
  'compression.type': { kind: 'enum', values: ['producer', 'uncompressed', 'gzip', 'snappy', 'lz4', 'zstd'], summary: 'Codec the broker stores batches in; "producer" keeps what the producer sent.' },
  'compression.gzip.level': { kind: 'int', min: 1, max: 9, special: { '-1': 'codec default' }, summary: 'gzip level when the broker compresses.' },
  'compression.lz4.level': { kind: 'int', min: 1, max: 17, summary: 'lz4 level when the broker compresses.' },
  'compression.zstd.level': { kind: 'int', min: -131_072, max: 22, summary: 'zstd level when the broker compresses.' },
  'delete.retention.ms': { kind: 'duration-ms', min: 0, summary: 'How long delete markers (tombstones) stay on a compacted topic.' },
  'file.delete.delay.ms': { kind: 'duration-ms', min: 0, summary: 'Wait before a deleted segment file is removed from disk.' },
  'flush.messages': { kind: 'long', min: 1, summary: 'Force an fsync after this many messages (normally left to the OS).' },
  'flush.ms': { kind: 'duration-ms', min: 0, summary: 'Force an fsync after this long (normally left to the OS).' },
  'follower.replication.throttled.replicas': { kind: 'list', summary: 'partition:broker pairs whose follower replication is throttled, or *.' },
  'index.interval.bytes': { kind: 'bytes', min: 0, max: INT_MAX, summary: 'Bytes between offset index entries.' },
  'leader.replication.throttled.replicas': { kind: 'list', summary: 'partition:broker pairs whose leader replication is throttled, or *.' },
  'local.retention.bytes': { kind: 'bytes', min: -2, special: { '-2': 'same as retention.bytes', '-1': 'unlimited' }, summary: 'Bytes kept on local disk per partition when tiered storage is on.' },
  'local.retention.ms': { kind: 'duration-ms', min: -2, special: { '-2': 'same as retention.ms', '-1': 'unlimited' }, summary: 'Time kept on local disk when tiered storage is on.' },
  'max.compaction.lag.ms': { kind: 'duration-ms', min: 1, summary: 'Longest a message may stay uncompacted.' },
  'max.message.bytes': { kind: 'bytes', min: 0, max: INT_MAX, summary: 'Largest record batch the topic accepts.' },
  'message.timestamp.after.max.ms': { kind: 'duration-ms', min: 0, summary: 'How far in the future a create-time timestamp may be.' },
  'message.timestamp.before.max.ms': { kind: 'duration-ms', min: 0, summary: 'How far in the past a create-time timestamp may be.' },
  'message.timestamp.type': { kind: 'enum', values: ['CreateTime', 'LogAppendTime'], summary: 'Producer’s timestamp, or the broker’s append time.' },
  'min.cleanable.dirty.ratio': { kind: 'ratio', min: 0, max: 1, summary: 'Share of uncompacted log before the cleaner runs.' },
  'min.compaction.lag.ms': { kind: 'duration-ms', min: 0, summary: 'Shortest time a message stays uncompacted.' },
  'min.insync.replicas': { kind: 'int', min: 1, max: INT_MAX, summary: 'In-sync replicas needed for an acks=all write.' },
  preallocate: { kind: 'boolean', summary: 'Preallocate segment files on disk.' },
  'remote.storage.enable': { kind: 'boolean', summary: 'Tiered storage for this topic.' },
  'remote.log.copy.disable': { kind: 'boolean', summary: 'Stop copying segments to tiered storage.' },
  'remote.log.delete.on.disable': { kind: 'boolean', summary: 'Delete tiered data when tiered storage is turned off.' },
  'retention.bytes': { kind: 'bytes', special: unlimited, summary: 'Bytes kept per partition before old segments are deleted; any negative value means unlimited.' },
  'retention.ms': { kind: 'duration-ms', min: -1, special: unlimited, summary: 'How long messages are kept before old segments are deleted.' },
  'segment.bytes': { kind: 'bytes', min: 1_048_576, max: INT_MAX, summary: 'Size at which a new log segment starts.' },
  'segment.index.bytes': { kind: 'bytes', min: 4, max: INT_MAX, summary: 'Size of each segment’s offset index.' },
  'segment.jitter.ms': { kind: 'duration-ms', min: 0, summary: 'Random slack before rolling, so segments do not all roll at once.' },
  'segment.ms': { kind: 'duration-ms', min: 1, summary: 'Time after which a new log segment starts.' },
  'unclean.leader.election.enable': { kind: 'boolean', summary: 'Let an out-of-sync replica lead (availability over durability).' },
};

const INT_MIN = -2_147_483_648;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const integerKinds: ConfigKind[] = ['duration-ms', 'bytes', 'int', 'long'];

/** Why `raw` cannot be the value of `key`, or null when it can (unknown keys are the broker's to judge). */
export function configValueProblem(key: string, raw: string): string | null {
  const spec = topicConfigKeys[key];
  if (!spec) return null;
  const value = raw.trim();
  if (integerKinds.includes(spec.kind)) {
    if (!/^-?\d+$/.test(value)) return `${key} takes a whole number${spec.kind === 'duration-ms' ? ' of milliseconds' : spec.kind === 'bytes' ? ' of bytes' : ''}, not "${raw}".`;
    if (spec.special && Object.hasOwn(spec.special, value)) return null;
    const number = BigInt(value);
    const max = spec.max !== undefined ? BigInt(spec.max) : spec.kind === 'int' ? BigInt(INT_MAX) : LONG_MAX;
    const min = spec.min !== undefined ? BigInt(spec.min) : spec.kind === 'int' ? BigInt(INT_MIN) : LONG_MIN;
    const outsideSpecials = Object.keys(spec.special ?? {}).filter((raw) => BigInt(raw) < min || BigInt(raw) > max);
    if (number < min || number > max) return `${key} must be between ${min} and ${max}${outsideSpecials.length > 0 ? ` or ${outsideSpecials.join(', ')}` : ''}${spec.special ? ` (${describeSpecials(spec)})` : ''}; ${value} is outside.`;
    return null;
  }
  if (spec.kind === 'ratio') {
    const number = Number(value);
    if (value === '' || !Number.isFinite(number)) return `${key} takes a number, not "${raw}".`;
    if (number < (spec.min ?? -Infinity) || number > (spec.max ?? Infinity)) return `${key} must be between ${spec.min} and ${spec.max}; ${value} is outside.`;
    return null;
  }
  if (spec.kind === 'boolean') return value === 'true' || value === 'false' ? null : `${key} is true or false, not "${raw}".`;
  if (spec.kind === 'enum') return spec.values!.includes(value) ? null : `${key} is one of ${spec.values!.join(', ')}; "${raw}" is not.`;
  if (spec.kind === 'enum-list') {
    const items = value.split(',').map((item) => item.trim());
    const wrong = items.filter((item) => !spec.values!.includes(item));
    if (value === '' || wrong.length > 0) return `${key} is a comma-separated list of ${spec.values!.join(', ')}; "${wrong.join(', ') || raw}" is not.`;
    return null;
  }
  return null;
}

/** The values a key takes, in words with the raw numbers ("-1 (unlimited), or at least 0 ms"); null when there is nothing to say. */
export function configRangeWords(key: string): string | null {
  const spec = topicConfigKeys[key];
  if (!spec) return null;
  if (spec.kind === 'ratio') return `From ${spec.min} to ${spec.max}.`;
  if (!integerKinds.includes(spec.kind)) return null;
  const specials = spec.special ?? {};
  let lower = spec.min;
  while (lower !== undefined && Object.hasOwn(specials, String(lower))) lower += 1;
  const upper = spec.max;
  const words = (value: number) => {
    const readable = spec.kind === 'duration-ms' ? humanDuration(value) : spec.kind === 'bytes' ? humanBytes(value) : '';
    const raw = value.toLocaleString('en-US');
    return readable === '' || readable === `${raw} ms` || readable === `${raw} bytes` || readable === `${raw} byte` ? (spec.kind === 'int' || spec.kind === 'long' ? raw : readable) : `${raw} (${readable})`;
  };
  const range =
    lower !== undefined && upper !== undefined ? `${words(lower)} to ${words(upper)}` : lower !== undefined ? `at least ${words(lower)}` : upper !== undefined ? `at most ${words(upper)}` : 'any whole number';
  const special = Object.entries(specials).map(([raw, meaning]) => `${raw} (${meaning})`);
  const text = special.length > 0 ? `${special.join(', ')}, or ${range}` : range;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const describeSpecials = (spec: ConfigKeySpec) =>
  Object.entries(spec.special ?? {})
    .map(([raw, words]) => `${raw} means ${words}`)
    .join(', ');

/** How a person reads a raw value ("604800000" → "7 days"); the raw value itself when there is no better form. */
export function readableConfigValue(key: string, raw: string | null): string {
  if (raw === null) return '';
  const spec = topicConfigKeys[key];
  if (!spec) return raw;
  const special = spec.special?.[raw.trim()];
  if (special) return special;
  if (!/^-?\d+$/.test(raw.trim())) return raw;
  if (spec.kind === 'duration-ms') return humanDuration(Number(raw));
  if (spec.kind === 'bytes') return humanBytes(Number(raw));
  if (spec.kind === 'int' || spec.kind === 'long') return Number(raw).toLocaleString('en-US');
  return raw;
}

const durationUnits: [number, string, string][] = [
  [86_400_000, 'day', 'days'],
  [3_600_000, 'hour', 'hours'],
  [60_000, 'minute', 'minutes'],
  [1_000, 'second', 'seconds'],
  [1, 'ms', 'ms'],
];

/** "7 days", "1 day 12 hours", "about 2 hours 3 minutes" when smaller parts are left out. */
export function humanDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms === 0) return '0 ms';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [size, one, many] of durationUnits) {
    if (parts.length === 2) break;
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count.toLocaleString('en-US')} ${count === 1 ? one : many}`);
      rest -= count * size;
    } else if (parts.length === 1) break;
  }
  return `${rest > 0 ? 'about ' : ''}${sign}${parts.join(' ')}`;
}

const binaryUnits = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** Binary units, exact when the value is a whole number of them ("1 GiB"), else one decimal ("1.5 GiB"). */
export function humanBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < binaryUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const sign = bytes < 0 ? '-' : '';
  if (unit === 0) return `${sign}${value.toLocaleString('en-US')} ${value === 1 ? 'byte' : 'bytes'}`;
  return `${Number.isInteger(value) ? '' : 'about '}${sign}${Number.isInteger(value) ? value : value.toFixed(1)} ${binaryUnits[unit]}`;
}
