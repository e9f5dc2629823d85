// DescribeClientQuotas (API key 48) and AlterClientQuotas (API key 49), which kafkajs lacks, in their
// flexible version 1 (Kafka 2.8+), written with the flexible codec like the group APIs. Field layouts
// follow Kafka's DescribeClientQuotasRequest/Response.json and AlterClientQuotasRequest/Response.json.
// Describing needs DESCRIBE_CONFIGS on the cluster, altering ALTER_CONFIGS; KRaft brokers forward the
// alteration to the controller.
import type { InternalBroker } from 'kafkajs/src/cluster/index.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import { AppFailure } from '../../../../../shared/ipc/result';
import { FlexibleReader, FlexibleWriter } from './flexible-codec';

const API = { DescribeClientQuotas: 48, AlterClientQuotas: 49 } as const;
const VERSION = 1;

/** An entity as the protocol names it: `user` / `client-id` with a name, or null for that kind's default. */
export type QuotaEntityParts = { entityType: 'user' | 'client-id' | 'ip'; entityName: string | null }[];

export interface DescribedQuota {
  entity: QuotaEntityParts;
  values: Record<string, number>;
}

/** match_type: 0 exact name, 1 the default, 2 any entity of the type. */
export interface QuotaFilterComponent {
  entityType: 'user' | 'client-id' | 'ip';
  match: { kind: 'exact'; name: string } | { kind: 'default' } | { kind: 'any' };
}

export interface QuotaAlteration {
  entity: QuotaEntityParts;
  ops: { key: string; value: number; remove: boolean }[];
}

/**
 * Request v1 => [components] strict TAG_BUFFER
 *   components => entity_type match_type match TAG_BUFFER: COMPACT_STRING, INT8, COMPACT_NULLABLE_STRING
 */
export function encodeDescribeClientQuotas(components: readonly QuotaFilterComponent[], strict: boolean): Buffer {
  return FlexibleWriter.request()
    .compactArray(components, (writer, component) => {
      const matchType = component.match.kind === 'exact' ? 0 : component.match.kind === 'default' ? 1 : 2;
      writer
        .compactString(component.entityType)
        .int8(matchType)
        .compactNullableString(component.match.kind === 'exact' ? component.match.name : null)
        .taggedFields();
    })
    .bool(strict)
    .taggedFields()
    .toBuffer();
}

/**
 * Response v1 => throttle_time_ms error_code error_message [entries] TAG_BUFFER
 *   entries (nullable) => [entity] [values] TAG_BUFFER
 *     entity => entity_type entity_name TAG_BUFFER: COMPACT_STRING, COMPACT_NULLABLE_STRING
 *     values => key value TAG_BUFFER: COMPACT_STRING, FLOAT64
 */
export function decodeDescribeClientQuotas(raw: Buffer): { errorCode: number; errorMessage: string | null; entries: DescribedQuota[] } {
  const reader = FlexibleReader.response(raw);
  reader.int32();
  const errorCode = reader.int16();
  const errorMessage = reader.compactNullableString();
  const entries = reader.compactArray((entry) => {
    const entity = readEntity(entry);
    const values: Record<string, number> = {};
    entry.compactArray((value) => {
      const key = value.compactString();
      values[key] = value.float64();
      value.skipTaggedFields();
    });
    entry.skipTaggedFields();
    return { entity, values };
  });
  return { errorCode, errorMessage, entries };
}

/**
 * Request v1 => [entries] validate_only TAG_BUFFER
 *   entries => [entity] [ops] TAG_BUFFER
 *     entity => entity_type entity_name TAG_BUFFER: COMPACT_STRING, COMPACT_NULLABLE_STRING
 *     ops => key value remove TAG_BUFFER: COMPACT_STRING, FLOAT64, BOOLEAN
 */
export function encodeAlterClientQuotas(alterations: readonly QuotaAlteration[], validateOnly: boolean): Buffer {
  return FlexibleWriter.request()
    .compactArray(alterations, (writer, alteration) => {
      writer.compactArray(alteration.entity, (entity, part) => entity.compactString(part.entityType).compactNullableString(part.entityName).taggedFields());
      writer.compactArray(alteration.ops, (ops, op) => ops.compactString(op.key).float64(op.value).bool(op.remove).taggedFields());
      writer.taggedFields();
    })
    .bool(validateOnly)
    .taggedFields()
    .toBuffer();
}

/**
 * Response v1 => throttle_time_ms [entries] TAG_BUFFER
 *   entries => error_code error_message [entity] TAG_BUFFER
 */
export function decodeAlterClientQuotas(raw: Buffer): { errorCode: number; errorMessage: string | null; entity: QuotaEntityParts }[] {
  const reader = FlexibleReader.response(raw);
  reader.int32();
  const entries = reader.compactArray((entry) => {
    const errorCode = entry.int16();
    const errorMessage = entry.compactNullableString();
    const entity = readEntity(entry);
    entry.skipTaggedFields();
    return { errorCode, errorMessage, entity };
  });
  reader.skipTaggedFields();
  return entries;
}

function readEntity(reader: FlexibleReader): QuotaEntityParts {
  return reader.compactArray((part) => {
    const entityType = part.compactString() as QuotaEntityParts[number]['entityType'];
    const entityName = part.compactNullableString();
    part.skipTaggedFields();
    return { entityType, entityName };
  });
}

/** A broker's refusal with Kafka's error type (kafkajs' KafkaJSProtocolError), so the shared wording applies; the broker's message kept. */
export class QuotaRequestRejectedError extends Error {
  override readonly name = 'QuotaRequestRejectedError';
  constructor(
    readonly type: string,
    readonly brokerMessage: string | null,
  ) {
    super(brokerMessage ? `${type}: ${brokerMessage}` : type);
  }
}

async function send<T>(broker: InternalBroker, api: keyof typeof API, body: Buffer, decode: (raw: Buffer) => T): Promise<T> {
  const range = broker.versions?.[API[api]];
  if (!range || range.minVersion > VERSION || range.maxVersion < VERSION) {
    throw new AppFailure('UNSUPPORTED', range ? `Broker ${broker.nodeId} offers ${api} v${range.minVersion}–v${range.maxVersion}; Odradek needs v${VERSION} (Kafka 2.8 or later).` : `Broker ${broker.nodeId} does not offer ${api} (API key ${API[api]}).`, { api, apiKey: API[api] });
  }
  return broker.connectionPool.send<T>({
    request: { apiKey: API[api], apiVersion: VERSION, apiName: api, encode: async () => new Encoder(0).writeBuffer(body) },
    response: { decode: async (raw: Buffer) => decode(raw), parse: async (data: unknown) => data },
  });
}

const rejected = (errorCode: number, message: string | null) => new QuotaRequestRejectedError(createErrorFromCode(errorCode).type, message);

export async function describeClientQuotas(broker: InternalBroker, components: readonly QuotaFilterComponent[] = [], strict = false): Promise<DescribedQuota[]> {
  const answer = await send(broker, 'DescribeClientQuotas', encodeDescribeClientQuotas(components, strict), decodeDescribeClientQuotas);
  if (answer.errorCode !== 0) throw rejected(answer.errorCode, answer.errorMessage);
  return answer.entries;
}

export async function alterClientQuotas(broker: InternalBroker, alterations: readonly QuotaAlteration[], validateOnly = false): Promise<void> {
  const answers = await send(broker, 'AlterClientQuotas', encodeAlterClientQuotas(alterations, validateOnly), decodeAlterClientQuotas);
  const failed = answers.find((answer) => answer.errorCode !== 0);
  if (failed) throw rejected(failed.errorCode, failed.errorMessage);
}
