// Groups on a three-node bed of its own: groups spread over three coordinators are each listed once
// with the coordinator that ListGroups and FindCoordinator agree on, lag is read per coordinator and
// per leader, KIP-848 and classic groups are described at their own coordinators, and the groups of a
// stopped broker are listed again from the brokers that took them over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupListItem, GroupRow } from '../../shared/domain/groups/group-schemas';
import { readGroupList } from '../../electron/main/services/groups/group-list';
import { createGroupService } from '../../electron/main/services/groups/group-service';
import { openGroupSession } from '../../electron/main/services/groups/group-reads';
import type { KafkaConnectionSettings } from '../../electron/main/services/kafka/connection-settings';
import { systemClock } from '../../electron/main/services/ports';
import { commitGroupOffsets } from '../../testbed/groups';
import { createConsumerGroup, createTopics, produceWithKafkajs, stopNode } from '../../testbed/helpers';
import { startTestbed, type Testbed } from '../../testbed/testbed';

const GROUPS = 60;
const topic = 'groups-rf3';
const groupName = (index: number) => `spread-${String(index).padStart(2, '0')}`;

describe('groups on a three-node bed', () => {
  let bed: Testbed;
  let settings: KafkaConnectionSettings;
  /** Lag the helper's own read of the committed offsets implies: 10 records per partition, partitions without a commit left out (as kafka-consumer-groups does). */
  const lagOf: Record<string, number> = {};

  beforeAll(async () => {
    bed = await startTestbed({ nodes: 3 });
    settings = { name: 'groups-3', bootstrapServers: bed.info.listeners.plaintext.split(','), tls: null, sasl: null };
    await createTopics(bed.info, [{ topic, partitions: 3, replicationFactor: 3 }]);
    await produceWithKafkajs(bed.info, topic, Array.from({ length: 30 }, (_, index) => ({ value: `v${index}`, partition: index % 3 })));
    await commitGroupOffsets(bed.info, Array.from({ length: GROUPS }, (_, index) => ({ groupId: groupName(index), offsets: [{ topic, partition: index % 3, offset: index % 10 }] })));
    for (const [groupId, protocol, consume] of [['spread-kip848', 'consumer', 3], ['spread-classic', 'classic', 5]] as const) {
      const { committed } = await createConsumerGroup(bed.info, { groupId, topic, consume, protocol });
      lagOf[groupId] = committed.filter(({ offset }) => Number(offset) >= 0).reduce((sum, { offset }) => sum + 10 - Number(offset), 0);
    }
  }, 300_000);

  afterAll(async () => {
    await bed?.stop();
  });

  it('lists every group once with its coordinator, which FindCoordinator confirms, and lag from every leader', async () => {
    const { rows, summary } = await readGroupList(settings, { clock: systemClock });
    const spread = rows.filter((row) => row.groupId.startsWith('spread-'));
    expect(spread).toHaveLength(GROUPS + 2);
    expect(new Set(spread.map((row) => row.coordinator))).toEqual(new Set([1, 2, 3]));
    for (let index = 0; index < GROUPS; index++) {
      expect(spread.find((row) => row.groupId === groupName(index))).toMatchObject({ type: 'simple', totalLag: 10 - (index % 10), error: null });
    }
    expect(spread.find((row) => row.groupId === 'spread-kip848')).toMatchObject({ type: 'consumer', totalLag: lagOf['spread-kip848'], error: null });
    expect(spread.find((row) => row.groupId === 'spread-classic')).toMatchObject({ type: 'classic', totalLag: lagOf['spread-classic'], error: null });
    expect(summary.warnings).toEqual([]);

    const session = await openGroupSession(settings, systemClock, 'User:ANONYMOUS');
    try {
      const found = await session.coordinators(spread.map((row) => row.groupId));
      for (const row of spread) expect(found.get(row.groupId)).toEqual({ ok: true, value: row.coordinator });
    } finally {
      await session.close();
    }

    const groups = createGroupService({ profiles: { resolveConnection: async () => settings }, clock: systemClock });
    const detail = await groups.describe('p', 'spread-kip848');
    expect(detail).toMatchObject({ type: 'consumer', totalLag: lagOf['spread-kip848'], coordinator: spread.find((row) => row.groupId === 'spread-kip848')!.coordinator });
    expect(detail.offsets.map(({ partition, end }) => ({ partition, end }))).toEqual([0, 1, 2].map((partition) => ({ partition, end: 10 })));
  }, 120_000);

  it('with one broker stopped, the groups it coordinated are listed again from the brokers that took them over', async () => {
    const before = await readGroupList(settings, { clock: systemClock });
    const onNode3 = before.rows.filter((row: GroupRow) => row.coordinator === 3 && row.groupId.startsWith('spread-')).map((row) => row.groupId);
    expect(onNode3.length).toBeGreaterThan(0);
    await stopNode(bed.info, 3);
    let rows: GroupListItem[] = [];
    // Coordinators fail over to the remaining brokers once the controller notices; either way no read fails the list.
    await expect
      .poll(async () => {
        const listed = await readGroupList(settings, { clock: systemClock });
        rows = listed.rows;
        return rows.filter((row) => row.groupId.startsWith('spread-')).length;
      }, { timeout: 90_000, interval: 2_000 })
      .toBe(GROUPS + 2);
    expect(rows.every((row) => row.coordinator !== 3)).toBe(true);
    expect(rows.filter((row) => onNode3.includes(row.groupId)).every((row) => row.error === null && row.totalLag !== null)).toBe(true);
  }, 180_000);
});
