// P3's live members, in a process of their own so the benchmark's RSS is main's alone: one kafkajs
// consumer per classic group, and one KIP-848 member per consumer-protocol group. kafkajs has no
// KIP-848 client, and a JVM per member would not fit two cores, so those members speak
// ConsumerGroupHeartbeat v1 (API key 68) themselves: they join, acknowledge what the coordinator
// assigns and keep heartbeating — real members as the coordinator sees them, without fetching.
// Input: P3_MEMBERS (JSON: bootstrap, classic [{groupId, topic}], consumer [{groupId, topic}]).
// Prints "ready" once every member is in; leaves the groups on SIGTERM.
import { randomUUID } from 'node:crypto';
import Cluster, { type InternalBroker } from 'kafkajs/src/cluster/index.js';
import { createLogger } from 'kafkajs/src/loggers/index.js';
import defaultSocketFactory from 'kafkajs/src/network/socketFactory.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { FlexibleReader, FlexibleWriter } from '../electron/main/services/kafka/protocol/flexible-codec';

interface Plan {
  bootstrap: string;
  classic: { groupId: string; topic: string }[];
  consumer: { groupId: string; topic: string }[];
}

const plan = JSON.parse(process.env['P3_MEMBERS'] ?? '') as Plan;
const brokers = plan.bootstrap.split(',');

interface HeartbeatAnswer {
  errorCode: number;
  errorMessage: string | null;
  memberEpoch: number;
  heartbeatIntervalMs: number;
  /** null: unchanged since the last heartbeat. */
  assignment: { topicId: Buffer; partitions: number[] }[] | null;
}

/** ConsumerGroupHeartbeat v1 request; see Kafka's ConsumerGroupHeartbeatRequest.json. */
function encodeHeartbeat(member: Member, owned: HeartbeatAnswer['assignment']): Buffer {
  const joining = member.epoch === 0;
  const writer = FlexibleWriter.request()
    .compactString(member.groupId)
    .compactString(member.memberId)
    .int32(member.epoch)
    .compactNullableString(null) // instance id
    .compactNullableString(null) // rack id
    .int32(joining ? 60_000 : -1)
    .compactNullableArray(joining ? [member.topic] : null, (w, topic) => w.compactString(topic))
    .compactNullableString(null) // subscribed topic regex
    .compactNullableString(null); // server assignor
  // Owned partitions: acknowledging the assignment moves the member to its new epoch.
  if (owned === null) writer.uvarint(0);
  else writer.compactArray(owned, (w, { topicId, partitions }) => {
    w.raw(topicId);
    w.compactArray(partitions, (inner, partition) => inner.int32(partition)).taggedFields();
  });
  return writer.taggedFields().toBuffer();
}

function decodeHeartbeat(raw: Buffer): HeartbeatAnswer {
  const reader = FlexibleReader.response(raw);
  reader.int32();
  const errorCode = reader.int16();
  const errorMessage = reader.compactNullableString();
  reader.compactNullableString(); // member id
  const memberEpoch = reader.int32();
  const heartbeatIntervalMs = reader.int32();
  let assignment: HeartbeatAnswer['assignment'] = null;
  if (reader.int8() >= 0) {
    assignment = reader.compactArray((r) => {
      const topicId = Buffer.from(r.uuid(), 'hex');
      const partitions = r.compactInt32Array();
      r.skipTaggedFields();
      return { topicId, partitions };
    });
    reader.skipTaggedFields();
  }
  return { errorCode, errorMessage, memberEpoch, heartbeatIntervalMs, assignment };
}

interface Member {
  groupId: string;
  topic: string;
  memberId: string;
  epoch: number;
  owned: HeartbeatAnswer['assignment'];
  coordinator?: InternalBroker;
  timer?: NodeJS.Timeout;
}

async function heartbeat(member: Member, leaving = false): Promise<HeartbeatAnswer> {
  const payload = leaving
    ? FlexibleWriter.request().compactString(member.groupId).compactString(member.memberId).int32(-1).compactNullableString(null).compactNullableString(null).int32(-1)
        .uvarint(0).compactNullableString(null).compactNullableString(null).uvarint(0).taggedFields().toBuffer()
    : encodeHeartbeat(member, member.owned);
  return member.coordinator!.connectionPool.send<HeartbeatAnswer>({
    request: { apiKey: 68, apiVersion: 1, apiName: 'ConsumerGroupHeartbeat', encode: async () => new Encoder(0).writeBuffer(payload) },
    response: { decode: async (raw: Buffer) => decodeHeartbeat(raw), parse: async (data: unknown) => data },
  });
}

async function main(): Promise<void> {
  const cluster = new Cluster({
    brokers,
    clientId: 'p3-kip848-members',
    logger: createLogger({ level: logLevel.NOTHING, logCreator: () => () => undefined }),
    socketFactory: defaultSocketFactory(),
    connectionTimeout: 10_000,
    requestTimeout: 30_000,
    enforceRequestTimeout: true,
    retry: { retries: 5 },
    metadataMaxAge: 300_000,
    allowAutoTopicCreation: false,
    maxInFlightRequests: null,
    isolationLevel: 1,
  } as never);
  await cluster.connect();

  const members: Member[] = plan.consumer.map(({ groupId, topic }) => ({ groupId, topic, memberId: randomUUID(), epoch: 0, owned: [] }));
  const beat = async (member: Member) => {
    const answer = await heartbeat(member);
    if (answer.errorCode !== 0) throw new Error(`heartbeat of ${member.groupId} failed: ${answer.errorCode} ${answer.errorMessage ?? ''}`);
    member.epoch = answer.memberEpoch;
    if (answer.assignment !== null) member.owned = answer.assignment;
    return answer;
  };
  await Promise.all(
    members.map(async (member) => {
      member.coordinator = await cluster.findGroupCoordinator({ groupId: member.groupId });
      let answer = await beat(member);
      // Until the member owns partitions at the group's epoch, heartbeat promptly.
      for (let attempt = 0; attempt < 20 && (member.owned ?? []).length === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        answer = await beat(member);
      }
      const interval = Math.max(1_000, answer.heartbeatIntervalMs);
      member.timer = setInterval(() => void beat(member).catch((error: unknown) => console.error(String(error))), interval);
    }),
  );

  const kafka = new Kafka({ clientId: 'p3-classic-members', brokers, logLevel: logLevel.NOTHING });
  const consumers: Consumer[] = [];
  const joined = new Set<string>();
  await Promise.all(
    plan.classic.map(async ({ groupId, topic }) => {
      const consumer = kafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 10_000, maxWaitTimeInMs: 10_000 });
      consumers.push(consumer);
      consumer.on(consumer.events.GROUP_JOIN, () => void joined.add(groupId));
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: false });
      await consumer.run({ autoCommit: false, eachBatch: async () => undefined });
    }),
  );
  for (let waited = 0; joined.size < plan.classic.length; waited += 200) {
    if (waited > 120_000) throw new Error(`only ${joined.size} of ${plan.classic.length} classic members joined`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log('ready');

  process.once('SIGTERM', () => {
    void (async () => {
      for (const member of members) clearInterval(member.timer);
      await Promise.all([...members.map((member) => heartbeat(member, true).catch(() => undefined)), ...consumers.map((consumer) => consumer.disconnect().catch(() => undefined))]);
      await cluster.disconnect().catch(() => undefined);
      process.exit(0);
    })();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
