import { describe, expect, it } from 'vitest';
import demo from '../../../test/fixtures/snapshots/demo.json';
import { clusterSnapshotSchema } from '../snapshot/snapshot';
import { parsePolicyFile, type TenantPolicy } from './policy-file';
import { diffPolicies, previewPolicy } from './preview';

const snapshot = clusterSnapshotSchema.parse(demo);
const PROD = 'N9xnGujkR32eYxHICeaHuQ';

function policy(text: string): TenantPolicy {
  const result = parsePolicyFile(text);
  expect(result.diagnostics).toEqual([]);
  return result.policy;
}

const before = policy(`tenants:
  - name: Transactions
    resources: [include: ["cluster", "*", "topic", "tx-*"]]
    roles: [tx]
  - name: Payments
    resources: [include: ["cluster", "prod", "group", "payments-processor"]]
    roles: [pay]
`);

describe('previewPolicy', () => {
  it('lists full paths in policy form with inferred resources flagged, and consistent totals', () => {
    const [transactions, payments] = previewPolicy(before, snapshot);
    expect(transactions!.resources).toContainEqual({ path: ['cluster', PROD, 'topic', 'tx-orders'], type: 'topic', inferred: false });
    expect(payments!.resources).toEqual([
      { path: ['cluster', PROD, 'topic', 'payments-in'], type: 'topic', inferred: true },
      { path: ['cluster', PROD, 'topic', 'payments-dlq'], type: 'topic', inferred: true },
      { path: ['cluster', PROD, 'topic', 'ledger'], type: 'topic', inferred: true },
      { path: ['cluster', PROD, 'group', 'payments-processor'], type: 'group', inferred: false },
    ]);
    // payments-in 6 + payments-dlq 1 + ledger 6 partitions; sizes and rates from the same three topics.
    expect(payments!.totals).toMatchObject({ clusters: 1, topics: 3, partitions: 13, replicaBytes: 90200, writesPerSecond: 15, groups: 1 });
  });

  it('HIDE_RESOURCES hides the sections in which the tenant sees nothing', () => {
    const modes = policy(`tenants:
  - { name: Hide, resources: [include: ["schema", "*"]], presentation_mode: HIDE_RESOURCES, roles: ["*"] }
  - { name: Default, resources: [include: ["schema", "*"]], roles: ["*"] }
`);
    expect(previewPolicy(modes, snapshot).map((p) => [p.tenant, p.presentationMode, p.hiddenSections])).toEqual([
      ['Hide', 'HIDE_RESOURCES', ['connect', 'ksqldb']],
      ['Default', 'DEFAULT', []],
    ]);
  });

  it('previews the two default tenants when none are configured', () => {
    expect(previewPolicy({ tenants: [] }, snapshot).map((p) => p.tenant)).toEqual(['Global', 'Kpow Hidden']);
  });
});

describe('diffPolicies', () => {
  it('reports per tenant what an edit hides and shows, with a one-line summary', () => {
    const after = policy(`tenants:
  - name: Transactions
    resources: [include: ["cluster", "prod", "topic", "tx-*"]]
    roles: [tx]
  - name: Payments
    resources:
      - include: ["cluster", "prod", "group", "payments-*"]
    roles: [pay]
`);
    const diff = diffPolicies(before, after, snapshot);
    expect(diff.tenants.map((t) => [t.tenant, t.change, t.added.length, t.removed.length])).toEqual([
      ['Transactions', 'changed', 0, 3],
      ['Payments', 'changed', 2, 0],
    ]);
    expect(diff.summary).toBe('this edit hides 3 topics from "Transactions" and shows 1 more topic and 1 more group to "Payments"');
  });

  it('handles added, removed and renamed tenants', () => {
    const after = policy(`tenants:
  - name: Tx
    resources: [include: ["cluster", "*", "topic", "tx-*"]]
    roles: [tx]
  - name: Audit
    resources: [include: ["cluster", "*", "topic", "tx-audit"]]
    roles: [audit]
  - name: Ledger
    resources: [include: ["cluster", "*", "topic", "ledger"]]
    roles: [pay]
`);
    const diff = diffPolicies(before, after, snapshot);
    expect(diff.tenants.map((t) => [t.tenant, t.change, t.previousName])).toEqual([
      ['Tx', 'renamed', 'Transactions'],
      ['Audit', 'added', undefined],
      ['Ledger', 'added', undefined],
      ['Payments', 'removed', undefined],
    ]);
    expect(diff.summary).toBe(
      'this edit renames tenant "Transactions" to "Tx", adds tenant "Audit" showing 2 topics, adds tenant "Ledger" showing 1 topic and removes tenant "Payments" (it showed 3 topics and 1 group)',
    );
  });

  it('pairs a lone removed and a lone added tenant as a rename with changes', () => {
    const after = policy(`tenants:
  - name: Transactions
    resources: [include: ["cluster", "*", "topic", "tx-*"]]
    roles: [tx]
  - name: Payments team
    resources: [include: ["cluster", "prod", "group", "payments-reporting"]]
    roles: [pay]
`);
    const payments = diffPolicies(before, after, snapshot).tenants[1]!;
    expect([payments.tenant, payments.change, payments.previousName, payments.added.length, payments.removed.length]).toEqual([
      'Payments team',
      'renamed',
      'Payments',
      2,
      4,
    ]);
  });

  it('says so when nothing changes', () => {
    expect(diffPolicies(before, before, snapshot).summary).toBe('this edit does not change what any tenant sees');
  });
});
