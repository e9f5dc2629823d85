import { parseArgs } from 'node:util';
import { parseConfluentWireFormat, type SchemaResolver } from '../../../shared/domain/decoders';
import { BROWSE_LIMIT_MAX, browseRequestSchema, type BrowseFilter, type BrowseStart } from '../../../shared/domain/messages/browse-request';
import { InvalidFilterError } from '../../../shared/domain/messages/filters';
import { encodeJsonlBytes } from '../../../shared/domain/messages/message-jsonl';
import { AppFailure } from '../../../shared/ipc/result';
import { createMessageDecoding } from '../../main/services/decoding/message-decoding';
import { browseRecords } from '../../main/services/messages/browse-messages';
import type { FetchedRecord } from '../../main/services/kafka/protocol/fetch-cluster';
import { createRegistryClient } from '../../main/services/schemas/schema-service';
import type { CliIo } from '../io';
import { cliServices, findProfile } from '../services';

const usage = `Usage:
  odradek messages browse --profile NAME --topic T [--from beginning|end|<offset>|<iso-time>] [--limit N]
                          [--filter EXPR]... [--newest-first] [--no-decode] [--json]

Filters (all must match):
  PATH=VALUE, PATH!=VALUE, PATH<VALUE, PATH<=VALUE, PATH>VALUE, PATH>=VALUE, PATH?   a field of the value
      (key:PATH... for the key), decoded through the Schema Registry when registry-encoded; PATH? = exists
  text:WORDS            the key, value or a header contains WORDS (decoded values as their JSON text)
  partition:N[,N...]    only these partitions`;

/** One message as `--json` writes it (one JSON object per line); see docs/cli.md. */
export interface CliMessageLine {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: CliPart | null;
  value: CliPart | null;
  headers: Array<{ key: string; value: string | null; encoding: 'utf8' | 'base64' }>;
}

/** The engine's row: the line plus the epoch timestamp newest-first merging orders by. */
interface CliRow {
  offset: string;
  timestamp: number;
  line: CliMessageLine;
}

export type CliPart =
  | { schema: CliSchema; value: unknown; validationErrors?: string[] }
  | { text: string; encoding: 'utf8' | 'base64'; schema?: CliSchema; problem?: string };

export interface CliSchema {
  id: number;
  type?: string;
  subject?: string;
  version?: number;
  messageType?: string;
}

/** `odradek messages browse`: reads a topic through main's browse engine, decoding registry-encoded parts like the app. */
export async function runMessagesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === '-h' || subcommand === '--help' || subcommand === 'help') {
    io.out(usage);
    return 0;
  }
  if (subcommand !== 'browse') {
    io.err(`odradek messages: ${subcommand === undefined ? 'a subcommand is required' : `unknown subcommand '${subcommand}'`}.\n${usage}`);
    return 2;
  }
  let values: { profile?: string; topic?: string; from?: string; limit?: string; filter?: string[]; 'newest-first'?: boolean; 'no-decode'?: boolean; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        profile: { type: 'string' },
        topic: { type: 'string' },
        from: { type: 'string' },
        limit: { type: 'string' },
        filter: { type: 'string', multiple: true },
        'newest-first': { type: 'boolean' },
        'no-decode': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`odradek messages browse: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (!values.profile || !values.topic) {
    io.err(`odradek messages browse: --profile and --topic are required.\n${usage}`);
    return 2;
  }
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > BROWSE_LIMIT_MAX) {
    io.err(`odradek messages browse: --limit takes a whole number from 1 to ${BROWSE_LIMIT_MAX}.`);
    return 2;
  }
  let start: BrowseStart;
  let filters: BrowseFilter[];
  try {
    start = parseFrom(values.from ?? 'beginning');
    filters = (values.filter ?? []).map(parseFilter);
  } catch (error) {
    io.err(`odradek messages browse: ${(error as Error).message}`);
    return 2;
  }
  const parsedRequest = browseRequestSchema.safeParse({
    profileId: values.profile,
    topic: values.topic,
    start,
    limit,
    filters,
    direction: values['newest-first'] ? 'newest-first' : 'oldest-first',
  });
  if (!parsedRequest.success) {
    const issue = parsedRequest.error.issues[0]!;
    io.err(`odradek messages browse: ${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const json = values.json === true;
  const topic = values.topic;
  try {
    const services = cliServices(io);
    const profile = await findProfile(services, values.profile);
    const settings = await services.profiles.resolveConnection(profile.id);
    const decoding = createMessageDecoding({ sourceFor: (registry) => createRegistryClient(registry), clock: services.ports.clock });
    const resolver = values['no-decode'] ? undefined : decoding.codecsFor(settings);
    const summary = await browseRecords(
      settings,
      { ...parsedRequest.data, profileId: profile.id },
      {
        signal: new AbortController().signal,
        phase() {},
        progress() {},
        async batch(rows: CliRow[]) {
          for (const { line } of rows) io.out(json ? JSON.stringify(line) : humanLine(line));
        },
      },
      { clock: services.ports.clock, ...(resolver ? { schemaResolver: resolver } : {}) },
      {
        toRow: (partition, record) => {
          const line = toCliLine(topic, partition, record, resolver);
          const row = (done: CliMessageLine): CliRow => ({ offset: done.offset, timestamp: record.timestamp, line: done });
          return line instanceof Promise ? line.then(row) : row(line);
        },
        weight: (row) => 256 + ((row.line.value && 'text' in row.line.value ? row.line.value.text.length : 0)),
      },
    );
    const registryNote = resolver ? '' : values['no-decode'] ? ' (not decoded: --no-decode)' : ` (not decoded: profile '${profile.name}' has no Schema Registry)`;
    io.err(`${summary.matched} message${summary.matched === 1 ? '' : 's'} of ${summary.scanned} scanned from '${topic}'${summary.reason === 'limit' ? `, stopped at --limit ${limit}` : ''}${registryNote}.`);
    return 0;
  } catch (error) {
    const message = error instanceof AppFailure || error instanceof InvalidFilterError || error instanceof Error ? error.message : String(error);
    io.err(`odradek messages browse: ${message}`);
    return 1;
  }
}

export function parseFrom(text: string): BrowseStart {
  if (text === 'beginning') return { kind: 'beginning' };
  if (text === 'end') return { kind: 'end' };
  if (/^\d{1,19}$/.test(text)) return { kind: 'offset', offset: text };
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const timestamp = Date.parse(text);
    if (!Number.isNaN(timestamp) && timestamp >= 0) return { kind: 'timestamp', timestamp };
  }
  throw new Error(`--from takes beginning, end, an offset or an ISO time such as 2026-12-01T10:00:00Z, not '${text}'.`);
}

const COMPARISON = /^(?:(key|value):)?([^=!<>?]+?)(=|!=|<=|>=|<|>)(.*)$/;

export function parseFilter(text: string): BrowseFilter {
  if (text.startsWith('text:')) {
    const pattern = text.slice(5);
    if (pattern === '') throw new Error("--filter text: needs the words to look for, e.g. text:alice.");
    return { kind: 'text', target: 'any', match: 'substring', pattern, caseSensitive: false, negate: false };
  }
  if (text.startsWith('partition:')) {
    const partitions = text.slice(10).split(',').map((part) => Number(part.trim()));
    if (partitions.length === 0 || partitions.some((partition) => !Number.isInteger(partition) || partition < 0)) throw new Error(`--filter ${text}: partitions are whole numbers, e.g. partition:0,2.`);
    return { kind: 'partition', partitions };
  }
  const exists = /^(?:(key|value):)?([^=!<>?]+)\?$/.exec(text);
  if (exists) return { kind: 'json-field', target: (exists[1] as 'key' | 'value' | undefined) ?? 'value', path: exists[2]!.trim(), operator: 'exists' };
  const comparison = COMPARISON.exec(text);
  if (!comparison) throw new Error(`--filter '${text}' is not PATH=VALUE (or !=, <, <=, >, >=), PATH?, text:WORDS or partition:N.`);
  const [, target, path, operator, raw] = comparison;
  return { kind: 'json-field', target: (target as 'key' | 'value' | undefined) ?? 'value', path: path!.trim(), operator: operator as '=', value: filterValue(raw!.trim()) };
}

/** Numbers, true/false and null as JSON; anything else (or "quoted") as text. */
function filterValue(raw: string): string | number | boolean | null {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (raw === 'null') return null;
  if (raw !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) return JSON.parse(raw) as string;
  return raw;
}

function toCliLine(topic: string, partition: number, record: FetchedRecord, resolver: SchemaResolver | undefined): CliMessageLine | Promise<CliMessageLine> {
  const key = partOf(record.key, resolver);
  const value = partOf(record.value, resolver);
  const finish = (k: CliPart | null, v: CliPart | null): CliMessageLine => ({
    topic,
    partition,
    offset: record.offset.toString(),
    timestamp: new Date(record.timestamp).toISOString(),
    key: k,
    value: v,
    headers: record.headers.map((header) => {
      if (header.value === null) return { key: header.key, value: null, encoding: 'utf8' as const };
      const encoded = encodeJsonlBytes(header.value);
      return { key: header.key, value: encoded.text, encoding: encoded.encoding };
    }),
  });
  if (key instanceof Promise || value instanceof Promise) return Promise.all([key, value]).then(([k, v]) => finish(k, v));
  return finish(key, value);
}

function partOf(bytes: Buffer | null, resolver: SchemaResolver | undefined): CliPart | null | Promise<CliPart | null> {
  if (bytes === null) return null;
  const wire = parseConfluentWireFormat(bytes);
  const raw = (extra: Partial<Extract<CliPart, { text: string }>> = {}): CliPart => ({ ...encodeJsonlBytes(bytes), ...extra });
  if (!wire) return raw();
  if (!resolver) return raw({ schema: { id: wire.schemaId } });
  const outcome = resolver.decode(wire.schemaId, wire.payload);
  if (outcome === undefined) return resolver.load(wire.schemaId).then(() => partOf(bytes, resolver));
  const schema: CliSchema = { id: wire.schemaId, ...outcome.schema };
  if (!outcome.ok) return raw({ schema, problem: outcome.problem });
  return { schema, value: outcome.value, ...(outcome.validationErrors ? { validationErrors: outcome.validationErrors } : {}) };
}

function humanLine(line: CliMessageLine): string {
  const part = (value: CliPart | null): string => {
    if (value === null) return 'null';
    if ('value' in value) {
      const schema = value.schema;
      const where = [schema.subject && `${schema.subject}${schema.version === undefined ? '' : ` v${schema.version}`}`, schema.type, schema.messageType].filter(Boolean).join(' ');
      const invalid = value.validationErrors ? ` (invalid: ${value.validationErrors.join('; ')})` : '';
      return `${JSON.stringify(value.value)} [schema ${schema.id}${where ? ` ${where}` : ''}]${invalid}`;
    }
    const text = value.encoding === 'base64' ? `base64:${value.text}` : value.text;
    return value.problem ? `${text} [schema ${value.schema?.id}: ${value.problem}]` : value.schema ? `${text} [schema ${value.schema.id}, not decoded]` : text;
  };
  return `${line.partition}/${line.offset} ${line.timestamp} key=${part(line.key)} value=${part(line.value)}`;
}
