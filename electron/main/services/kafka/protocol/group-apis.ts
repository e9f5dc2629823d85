// The group APIs kafkajs lacks or implements only in pre-flexible versions, written over its
// protocol layer like ListOffsets and DescribeLogDirs: ListGroups v3–v5 (v5 names the group type:
// classic, consumer, share, streams), FindCoordinator v4 (many keys per request), DescribeGroups
// v5/v6 (classic), ConsumerGroupDescribe v0 (KIP-848, API key 69), ShareGroupDescribe v1 (KIP-932,
// API key 77), OffsetFetch v8/v9 (many groups per request) and DescribeShareGroupOffsets v0 (API key 90). Field layouts follow the message
// definitions in Kafka's clients/src/main/resources/common/message/*.json.
import type { InternalBroker } from 'kafkajs/src/cluster/index.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { AppFailure } from '../../../../../shared/ipc/result';
import { FlexibleReader, FlexibleWriter } from './flexible-codec';
import { decodingResponse } from './malformed-response';

export const API_KEYS = {
  OffsetFetch: 9,
  FindCoordinator: 10,
  DescribeGroups: 15,
  ListGroups: 16,
  ConsumerGroupDescribe: 69,
  ShareGroupDescribe: 77,
  DescribeShareGroupOffsets: 90,
} as const;

type ApiName = keyof typeof API_KEYS;

/** The versions implemented here, lowest first. */
const IMPLEMENTED: Record<ApiName, readonly number[]> = {
  OffsetFetch: [8, 9],
  FindCoordinator: [4],
  DescribeGroups: [5, 6],
  ListGroups: [3, 4, 5],
  ConsumerGroupDescribe: [0],
  ShareGroupDescribe: [1],
  DescribeShareGroupOffsets: [0],
};

/** The highest version both sides know, or null when the broker has the API in no version we implement. */
export function negotiatedVersion(broker: Pick<InternalBroker, 'versions'>, api: ApiName): number | null {
  const range = broker.versions?.[API_KEYS[api]];
  if (!range) return null;
  const usable = IMPLEMENTED[api].filter((version) => version >= range.minVersion && version <= range.maxVersion);
  return usable.length === 0 ? null : usable[usable.length - 1]!;
}

export function supports(broker: Pick<InternalBroker, 'versions'>, api: ApiName): boolean {
  return negotiatedVersion(broker, api) !== null;
}

/** Sends one request of `api` at the negotiated version; UNSUPPORTED when the broker has none we implement. */
async function send<T>(broker: InternalBroker, api: ApiName, encode: (version: number) => Buffer, decode: (version: number, raw: Buffer) => T): Promise<T> {
  const version = negotiatedVersion(broker, api);
  if (version === null) {
    const range = broker.versions?.[API_KEYS[api]];
    throw new AppFailure(
      'UNSUPPORTED',
      range
        ? `Broker ${broker.nodeId} offers ${api} v${range.minVersion}–v${range.maxVersion}; Odradek needs v${IMPLEMENTED[api].join('/v')} (Kafka 3.0 or later for groups).`
        : `Broker ${broker.nodeId} does not offer ${api} (API key ${API_KEYS[api]}).`,
      { api, apiKey: API_KEYS[api] },
    );
  }
  return broker.connectionPool.send<T>({
    request: { apiKey: API_KEYS[api], apiVersion: version, apiName: api, encode: async () => new Encoder(0).writeBuffer(encode(version)) },
    response: { decode: async (raw: Buffer) => decode(version, raw), parse: async (data: unknown) => data },
  });
}

// ---------------------------------------------------------------------------------------------------
// ListGroups: every group the broker coordinates (and the principal may describe).

export interface ListedGroup {
  groupId: string;
  protocolType: string;
  /** '' before v4. */
  state: string;
  /** '' before v5. */
  type: string;
}

export interface ListGroupsAnswer {
  errorCode: number;
  groups: ListedGroup[];
}

/** Request (v3) => TAG; (v4) => [states_filter] TAG; (v5) => [states_filter] [types_filter] TAG. Empty filters: every group. */
export function encodeListGroups(version: number): Buffer {
  const writer = FlexibleWriter.request();
  if (version >= 4) writer.compactArray<string>([], () => undefined);
  if (version >= 5) writer.compactArray<string>([], () => undefined);
  return writer.taggedFields().toBuffer();
}

/** Response (v3+) => throttle_time_ms error_code [groups: group_id protocol_type group_state(v4+) group_type(v5+) TAG] TAG. */
function decodeListGroupsUnchecked(version: number, raw: Buffer): ListGroupsAnswer {
  const reader = FlexibleReader.response(raw);
  reader.int32();
  const errorCode = reader.int16();
  const groups = reader.compactArray((r) => {
    const group = { groupId: r.compactString(), protocolType: r.compactString(), state: version >= 4 ? r.compactString() : '', type: version >= 5 ? r.compactString() : '' };
    r.skipTaggedFields();
    return group;
  });
  reader.skipTaggedFields();
  return { errorCode, groups };
}

export const listGroups = (broker: InternalBroker) => send(broker, 'ListGroups', encodeListGroups, decodeListGroups);

// ---------------------------------------------------------------------------------------------------
// FindCoordinator v4: the coordinator of many groups in one request.

export interface CoordinatorAnswer {
  key: string;
  nodeId: number;
  host: string;
  port: number;
  errorCode: number;
  errorMessage: string | null;
}

/** Request (v4) => key_type [coordinator_keys] TAG; key_type 0 is a group. */
export function encodeFindCoordinators(keys: readonly string[]): Buffer {
  return FlexibleWriter.request()
    .int8(0)
    .compactArray(keys, (w, key) => w.compactString(key))
    .taggedFields()
    .toBuffer();
}

/** Response (v4) => throttle_time_ms [coordinators: key node_id host port error_code error_message TAG] TAG. */
function decodeFindCoordinatorsUnchecked(raw: Buffer): CoordinatorAnswer[] {
  const reader = FlexibleReader.response(raw);
  reader.int32();
  const coordinators = reader.compactArray((r) => {
    const answer = { key: r.compactString(), nodeId: r.int32(), host: r.compactString(), port: r.int32(), errorCode: r.int16(), errorMessage: r.compactNullableString() };
    r.skipTaggedFields();
    return answer;
  });
  reader.skipTaggedFields();
  return coordinators;
}

export const findCoordinators = (broker: InternalBroker, keys: readonly string[]) =>
  send(broker, 'FindCoordinator', () => encodeFindCoordinators(keys), (_version, raw) => decodeFindCoordinators(raw));

// ---------------------------------------------------------------------------------------------------
// DescribeGroups v5/v6 (classic groups).

export interface ClassicMember {
  memberId: string;
  instanceId: string | null;
  clientId: string;
  host: string;
  metadata: Buffer;
  assignment: Buffer;
}

export interface ClassicGroupDescription {
  errorCode: number;
  /** v6+; null before. */
  errorMessage: string | null;
  groupId: string;
  state: string;
  protocolType: string;
  /** The chosen protocol: for consumers, the assignor's name. */
  protocol: string;
  members: ClassicMember[];
}

/** Request (v5+) => [groups] include_authorized_operations TAG. */
export function encodeDescribeGroups(groupIds: readonly string[]): Buffer {
  return FlexibleWriter.request()
    .compactArray(groupIds, (w, id) => w.compactString(id))
    .bool(false)
    .taggedFields()
    .toBuffer();
}

/**
 * Response (v5) => throttle_time_ms [groups: error_code error_message(v6+) group_id group_state protocol_type
 *   protocol_data [members: member_id group_instance_id client_id client_host member_metadata member_assignment TAG]
 *   authorized_operations TAG] TAG
 */
function decodeDescribeGroupsUnchecked(version: number, raw: Buffer): ClassicGroupDescription[] {
  const reader = FlexibleReader.response(raw);
  reader.int32();
  const groups = reader.compactArray((r) => {
    const errorCode = r.int16();
    const errorMessage = version >= 6 ? r.compactNullableString() : null;
    const groupId = r.compactString();
    const state = r.compactString();
    const protocolType = r.compactString();
    const protocol = r.compactString();
    const members = r.compactArray((m) => {
      const member = {
        memberId: m.compactString(),
        instanceId: m.compactNullableString(),
        clientId: m.compactString(),
        host: m.compactString(),
        // Copied: the response buffer is not ours to keep.
        metadata: Buffer.from(m.compactNullableBytes() ?? Buffer.alloc(0)),
        assignment: Buffer.from(m.compactNullableBytes() ?? Buffer.alloc(0)),
      };
      m.skipTaggedFields();
      return member;
    });
    r.int32(); // authorized_operations
    r.skipTaggedFields();
    return { errorCode, errorMessage, groupId, state, protocolType, protocol, members };
  });
  reader.skipTaggedFields();
  return groups;
}

export const describeGroups = (broker: InternalBroker, groupIds: readonly string[]) =>
  send(broker, 'DescribeGroups', () => encodeDescribeGroups(groupIds), decodeDescribeGroups);

/**
 * The consumer protocol's assignment (ConsumerProtocolAssignment v0–v3, not flexible):
 * version [assigned_partitions: topic [partitions]] user_data. Null when the bytes are not that format.
 */
export function decodeConsumerAssignment(bytes: Buffer): { topic: string; partitions: number[] }[] | null {
  if (bytes.length < 6) return bytes.length === 0 ? [] : null;
  try {
    let at = 2; // version
    const topics = bytes.readInt32BE(at);
    at += 4;
    if (topics < 0 || topics > bytes.length) return null;
    const result: { topic: string; partitions: number[] }[] = [];
    for (let index = 0; index < topics; index++) {
      const length = bytes.readInt16BE(at);
      const topic = bytes.toString('utf8', at + 2, at + 2 + length);
      at += 2 + length;
      const count = bytes.readInt32BE(at);
      at += 4;
      if (count < 0 || at + count * 4 > bytes.length) return null;
      const partitions: number[] = [];
      for (let partition = 0; partition < count; partition++, at += 4) partitions.push(bytes.readInt32BE(at));
      result.push({ topic, partitions });
    }
    return result;
  } catch {
    return null;
  }
}

/** The consumer protocol's subscription (ConsumerProtocolSubscription v0–v3): version [topics] ...; its topics or null. */
export function decodeConsumerSubscriptionTopics(bytes: Buffer): string[] | null {
  if (bytes.length < 6) return null;
  try {
    let at = 2;
    const count = bytes.readInt32BE(at);
    at += 4;
    if (count < 0 || count > bytes.length) return null;
    const topics: string[] = [];
    for (let index = 0; index < count; index++) {
      const length = bytes.readInt16BE(at);
      topics.push(bytes.toString('utf8', at + 2, at + 2 + length));
      at += 2 + length;
    }
    return topics;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// ConsumerGroupDescribe v0 (KIP-848) and ShareGroupDescribe v1 (KIP-932).

export interface AssignedTopic {
  topicId: string;
  topic: string;
  partitions: number[];
}

export interface NewProtocolMember {
  memberId: string;
  /** Share groups have no static membership: always null there. */
  instanceId: string | null;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  host: string;
  subscribedTopics: string[];
  subscribedTopicRegex: string | null;
  assignment: AssignedTopic[];
  /** Share groups have none: null. */
  targetAssignment: AssignedTopic[] | null;
}

export interface NewProtocolGroupDescription {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string;
  members: NewProtocolMember[];
}

/** Request (both) => [group_ids] include_authorized_operations TAG. */
export const encodeNewProtocolDescribe = encodeDescribeGroups;

/** Assignment => [topic_partitions: topic_id topic_name [partitions] TAG] TAG */
function readAssignment(reader: FlexibleReader): AssignedTopic[] {
  const topics = reader.compactArray((r) => {
    const topic = { topicId: r.uuid(), topic: r.compactString(), partitions: r.compactInt32Array() };
    r.skipTaggedFields();
    return topic;
  });
  reader.skipTaggedFields();
  return topics;
}

/**
 * ConsumerGroupDescribe Response (v0) => throttle_time_ms [groups: error_code error_message group_id group_state
 *   group_epoch assignment_epoch assignor_name [members: member_id instance_id rack_id member_epoch client_id
 *   client_host [subscribed_topic_names] subscribed_topic_regex assignment target_assignment TAG]
 *   authorized_operations TAG] TAG
 * ShareGroupDescribe Response (v1): the same without instance_id, subscribed_topic_regex and target_assignment.
 */
function decodeNewProtocolDescribeUnchecked(kind: 'consumer' | 'share', raw: Buffer): NewProtocolGroupDescription[] {
  const reader = FlexibleReader.response(raw);
  reader.int32();
  const groups = reader.compactArray((r) => {
    const errorCode = r.int16();
    const errorMessage = r.compactNullableString();
    const groupId = r.compactString();
    const state = r.compactString();
    const groupEpoch = r.int32();
    const assignmentEpoch = r.int32();
    const assignor = r.compactString();
    const members = r.compactArray((m): NewProtocolMember => {
      const memberId = m.compactString();
      const instanceId = kind === 'consumer' ? m.compactNullableString() : null;
      const rackId = m.compactNullableString();
      const memberEpoch = m.int32();
      const clientId = m.compactString();
      const host = m.compactString();
      const subscribedTopics = m.compactArray((t) => t.compactString());
      const subscribedTopicRegex = kind === 'consumer' ? m.compactNullableString() : null;
      const assignment = readAssignment(m);
      const targetAssignment = kind === 'consumer' ? readAssignment(m) : null;
      m.skipTaggedFields();
      return { memberId, instanceId, rackId, memberEpoch, clientId, host, subscribedTopics, subscribedTopicRegex, assignment, targetAssignment };
    });
    r.int32(); // authorized_operations
    r.skipTaggedFields();
    return { errorCode, errorMessage, groupId, state, groupEpoch, assignmentEpoch, assignor, members };
  });
  reader.skipTaggedFields();
  return groups;
}

export const describeConsumerGroups = (broker: InternalBroker, groupIds: readonly string[]) =>
  send(broker, 'ConsumerGroupDescribe', () => encodeNewProtocolDescribe(groupIds), (_version, raw) => decodeNewProtocolDescribe('consumer', raw));

export const describeShareGroups = (broker: InternalBroker, groupIds: readonly string[]) =>
  send(broker, 'ShareGroupDescribe', () => encodeNewProtocolDescribe(groupIds), (_version, raw) => decodeNewProtocolDescribe('share', raw));

// ---------------------------------------------------------------------------------------------------
// OffsetFetch v8/v9: committed offsets of many groups in one request to their coordinator.

export interface CommittedOffsets {
  groupId: string;
  errorCode: number;
  /** Column-like per group: one entry per partition with a commit (or an error). */
  partitions: { topic: string; partition: number; offset: bigint; leaderEpoch: number; metadata: string | null; errorCode: number }[];
}

/**
 * Request (v8) => [groups: group_id [topics: name [partition_indexes] TAG] (null: all) TAG] require_stable TAG
 * (v9) adds member_id (nullable) and member_epoch after group_id: null / −1 read as an admin, not a member.
 */
export function encodeOffsetFetch(version: number, groupIds: readonly string[]): Buffer {
  return FlexibleWriter.request()
    .compactArray(groupIds, (w, id) => {
      w.compactString(id);
      if (version >= 9) w.compactNullableString(null).int32(-1);
      w.compactNullableArray(null, () => undefined).taggedFields();
    })
    .bool(false)
    .taggedFields()
    .toBuffer();
}

/**
 * Response (v8, v9) => throttle_time_ms [groups: group_id [topics: name [partitions: partition_index committed_offset
 *   committed_leader_epoch metadata error_code TAG] TAG] error_code TAG] TAG
 */
function decodeOffsetFetchUnchecked(raw: Buffer): CommittedOffsets[] {
  const reader = FlexibleReader.response(raw);
  reader.int32();
  const groups = reader.compactArray((r) => {
    const groupId = r.compactString();
    const partitions: CommittedOffsets['partitions'] = [];
    r.compactArray((t) => {
      const topic = t.compactString();
      t.compactArray((p) => {
        partitions.push({ topic, partition: p.int32(), offset: p.int64(), leaderEpoch: p.int32(), metadata: p.compactNullableString(), errorCode: p.int16() });
        p.skipTaggedFields();
      });
      t.skipTaggedFields();
    });
    const errorCode = r.int16();
    r.skipTaggedFields();
    return { groupId, errorCode, partitions };
  });
  reader.skipTaggedFields();
  return groups;
}

export const fetchCommittedOffsets = (broker: InternalBroker, groupIds: readonly string[]) =>
  send(broker, 'OffsetFetch', (version) => encodeOffsetFetch(version, groupIds), (_version, raw) => decodeOffsetFetch(raw));

// ---------------------------------------------------------------------------------------------------
// DescribeShareGroupOffsets v0 (KIP-932): where each share partition starts (the share-partition start
// offset, below which every record is acknowledged) — a share group's counterpart of committed offsets.

/** Request (v0) => [groups: group_id [topics: topic_name [partitions] TAG] (null: every topic) TAG] TAG */
export function encodeDescribeShareGroupOffsets(groupIds: readonly string[]): Buffer {
  return FlexibleWriter.request()
    .compactArray(groupIds, (w, id) => w.compactString(id).compactNullableArray(null, () => undefined).taggedFields())
    .taggedFields()
    .toBuffer();
}

/**
 * Response (v0) => throttle_time_ms [groups: group_id [topics: topic_name topic_id [partitions: partition_index
 *   start_offset leader_epoch error_code error_message TAG] TAG] error_code error_message TAG] TAG
 * Read into the OffsetFetch shape: the start offset stands where the committed offset does.
 */
function decodeDescribeShareGroupOffsetsUnchecked(raw: Buffer): CommittedOffsets[] {
  const reader = FlexibleReader.response(raw);
  reader.int32();
  const groups = reader.compactArray((r) => {
    const groupId = r.compactString();
    const partitions: CommittedOffsets['partitions'] = [];
    r.compactArray((t) => {
      const topic = t.compactString();
      t.uuid();
      t.compactArray((p) => {
        const partition = p.int32();
        const offset = p.int64();
        const leaderEpoch = p.int32();
        const errorCode = p.int16();
        p.compactNullableString();
        partitions.push({ topic, partition, offset, leaderEpoch, metadata: null, errorCode });
        p.skipTaggedFields();
      });
      t.skipTaggedFields();
    });
    const errorCode = r.int16();
    r.compactNullableString();
    r.skipTaggedFields();
    return { groupId, errorCode, partitions };
  });
  reader.skipTaggedFields();
  return groups;
}

export const fetchShareGroupOffsets = (broker: InternalBroker, groupIds: readonly string[]) =>
  send(broker, 'DescribeShareGroupOffsets', () => encodeDescribeShareGroupOffsets(groupIds), (_version, raw) => decodeDescribeShareGroupOffsets(raw));

/** decodeListGroups with every read checked: a malformed answer throws MalformedResponseError. */
export function decodeListGroups(version: number, raw: Buffer): ListGroupsAnswer {
  return decodingResponse('ListGroups', () => decodeListGroupsUnchecked(version, raw));
}

/** decodeFindCoordinators with every read checked: a malformed answer throws MalformedResponseError. */
export function decodeFindCoordinators(raw: Buffer): CoordinatorAnswer[] {
  return decodingResponse('FindCoordinator', () => decodeFindCoordinatorsUnchecked(raw));
}

/** decodeDescribeGroups with every read checked: a malformed answer throws MalformedResponseError. */
export function decodeDescribeGroups(version: number, raw: Buffer): ClassicGroupDescription[] {
  return decodingResponse('DescribeGroups', () => decodeDescribeGroupsUnchecked(version, raw));
}

/** decodeNewProtocolDescribe with every read checked: a malformed answer throws MalformedResponseError. */
export function decodeNewProtocolDescribe(kind: 'consumer' | 'share', raw: Buffer): NewProtocolGroupDescription[] {
  return decodingResponse('ConsumerGroupDescribe', () => decodeNewProtocolDescribeUnchecked(kind, raw));
}

/** decodeOffsetFetch with every read checked: a malformed answer throws MalformedResponseError. */
export function decodeOffsetFetch(raw: Buffer): CommittedOffsets[] {
  return decodingResponse('OffsetFetch', () => decodeOffsetFetchUnchecked(raw));
}

/** decodeDescribeShareGroupOffsets with every read checked: a malformed answer throws MalformedResponseError. */
export function decodeDescribeShareGroupOffsets(raw: Buffer): CommittedOffsets[] {
  return decodingResponse('DescribeShareGroupOffsets', () => decodeDescribeShareGroupOffsetsUnchecked(raw));
}
