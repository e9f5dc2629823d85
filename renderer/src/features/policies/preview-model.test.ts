import { describe, expect, it } from 'vitest';
import { parseSnapshot, type ClusterSnapshot } from '../../../../shared/domain/snapshot/snapshot';
import { parsePolicyFile, previewPolicy } from '../../../../shared/domain/tenancy';
import teamsPolicy from '../../../../test/fixtures/policies/teams.yaml?raw';
import demoSnapshot from '../../../../test/fixtures/snapshots/demo.json?raw';
import { fileNameOf, formatDiskBytes, formatRate, groupResources, instanceNames, instanceOf, resourceName } from './preview-model';

const parsed = parseSnapshot(demoSnapshot);
if (!parsed.ok) throw new Error('demo snapshot fixture is invalid');
const snapshot: ClusterSnapshot = parsed.snapshot;

describe('preview model', () => {
  it('groups a tenant’s resources by type with the cluster’s display name and inferred topics marked', () => {
    const payments = previewPolicy(parsePolicyFile(teamsPolicy).policy, snapshot).find((tenant) => tenant.tenant === 'Payments');
    const names = instanceNames(snapshot);
    const groups = groupResources(payments!.resources, snapshot);
    expect(groups.map((group) => group.label)).toEqual(['Topics', 'Groups', 'Brokers', 'Principals', 'Subjects', 'Connectors', 'ksqlDB sources', 'ksqlDB queries']);
    const topics = groups.find((group) => group.type === 'topic')!.rows.map((row) => ({ name: resourceName(row), instance: instanceOf(row, names), inferred: row.inferred }));
    expect(topics).toContainEqual({ name: 'ledger', instance: 'prod', inferred: true });
    expect(topics.map((row) => row.name)).not.toContain('payments-dlq');
    expect(groups.find((group) => group.type === 'principal')!.rows.map(resourceName)).toEqual(['User:payments']);
  });

  it('leaves out optional sections the snapshot does not have', () => {
    const bare: ClusterSnapshot = { ...snapshot, schemaRegistries: [], connectClusters: [], ksqlDbs: [] };
    expect(groupResources([], bare).map((group) => group.type)).toEqual(['topic', 'group', 'broker', 'principal']);
  });

  it('formats sizes, rates and file names', () => {
    expect(formatDiskBytes(512)).toBe('512 B');
    expect(formatDiskBytes(6_000)).toBe('6.0 KB');
    expect(formatDiskBytes(120_000_000_000)).toBe('120 GB');
    expect(formatRate(0)).toBe('0 msg/s');
    expect(formatRate(2.5)).toBe('2.50 msg/s');
    expect(formatRate(12_345.6)).toBe('12,346 msg/s');
    expect(fileNameOf('/home/ops/rbac.yaml')).toBe('rbac.yaml');
    expect(fileNameOf('C:\\ops\\rbac.yaml')).toBe('rbac.yaml');
  });
});
