// Offset changes on a three-node bed of its own: groups whose coordinators are spread over all three
// brokers (not only the bootstrap one) are reset with preview == applied, their offsets deleted with
// OffsetDelete and the groups deleted, each at its own coordinator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroupStateReader } from '../../electron/main/services/groups/group-lag-reader';
import { createGroupOffsetsService } from '../../electron/main/services/groups/group-offsets';
import { openGroupSession } from '../../electron/main/services/groups/group-reads';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { systemClock } from '../../electron/main/services/ports';
import { emptyProfileDraft, type ConnectionProfile } from '../../shared/domain/profile/profile-schema';
import { commitGroupOffsets } from '../../testbed/groups';
import { adminClient, createTopics, produceWithKafkajs } from '../../testbed/helpers';
import { startTestbed, type Testbed } from '../../testbed/testbed';

const GROUPS = 12;
const topic = 'ops-rf3';
const groupName = (index: number) => `ops-spread-${String(index).padStart(2, '0')}`;

describe('offset changes on a three-node bed', () => {
  let bed: Testbed;
  let settings: KafkaConnectionSettings;
  let offsets: ReturnType<typeof createGroupOffsetsService>;
  const coordinators = new Map<string, number>();

  beforeAll(async () => {
    bed = await startTestbed({ nodes: 3 });
    settings = { name: 'ops-3', bootstrapServers: [bed.info.listeners.plaintext.split(',')[0]!], tls: null, sasl: null };
    await createTopics(bed.info, [{ topic, partitions: 3, replicationFactor: 3 }]);
    await produceWithKafkajs(bed.info, topic, Array.from({ length: 30 }, (_, index) => ({ value: `v${index}`, partition: index % 3 })));
    await commitGroupOffsets(bed.info, Array.from({ length: GROUPS }, (_, index) => ({ groupId: groupName(index), offsets: [0, 1, 2].map((partition) => ({ topic, partition, offset: (index + partition) % 10 })) })));
    const profile = { ...emptyProfileDraft('ops-3', 'ops-3'), bootstrapServers: settings.bootstrapServers } as ConnectionProfile;
    const profiles = { get: async () => profile, resolveConnection: async () => settings };
    offsets = createGroupOffsetsService({ profiles, factory: createKafkaClientFactory(systemClock), clock: systemClock, groups: createGroupStateReader({ profiles, clock: systemClock }) });
    const session = await openGroupSession(settings, systemClock, 'User:ANONYMOUS');
    try {
      for (const [groupId, outcome] of await session.coordinators(Array.from({ length: GROUPS }, (_, index) => groupName(index)))) if (outcome.ok) coordinators.set(groupId, outcome.value);
    } finally {
      await session.close();
    }
  }, 300_000);

  afterAll(async () => {
    await bed?.stop();
  });

  it('resets groups at every coordinator with preview == applied', async () => {
    expect(new Set(coordinators.values()).size).toBeGreaterThan(1);
    for (let index = 0; index < GROUPS; index++) {
      const groupId = groupName(index);
      const preview = await offsets.previewReset({ profileId: 'ops-3', groupId, scope: { kind: 'group' }, target: { kind: 'shift', by: 3 } });
      expect(preview.blockers).toEqual([]);
      const applied = await offsets.applyReset({ profileId: 'ops-3', groupId, scope: preview.scope, target: preview.target, fingerprint: preview.fingerprint, previewed: preview.rows, confirmation: groupId });
      expect(applied.rows).toEqual(preview.rows);
      expect(applied.readBack.map((entry) => entry.committed)).toEqual(preview.rows.map((row) => row.target));
      expect(preview.rows.map((row) => row.target)).toEqual([0, 1, 2].map((partition) => Math.min(10, ((index + partition) % 10) + 3)));
    }
  });

  it('deletes offsets and groups at coordinators other than the bootstrap broker', async () => {
    const admin = await adminClient(bed.info);
    try {
      const bootstrapNode = (await admin.describeCluster()).brokers.find((broker) => `${broker.host}:${broker.port}` === settings.bootstrapServers[0])?.nodeId;
      const elsewhere = [...coordinators].filter(([, node]) => node !== bootstrapNode).map(([groupId]) => groupId);
      expect(elsewhere.length).toBeGreaterThan(0);
      const [first, second] = elsewhere;
      expect(await offsets.deleteOffsets({ profileId: 'ops-3', groupId: first!, topic, confirmation: first! })).toEqual({ topic, partitions: [0, 1, 2] });
      expect((await admin.fetchOffsets({ groupId: first!, topics: [topic] }))[0]!.partitions.map((entry) => entry.offset)).toEqual(['-1', '-1', '-1']);
      if (second) {
        expect(await offsets.deleteGroup({ profileId: 'ops-3', groupId: second, confirmation: second })).toEqual({ deleted: true });
        expect((await admin.listGroups()).groups.map((group) => group.groupId)).not.toContain(second);
      }
    } finally {
      await admin.disconnect();
    }
  });
});
