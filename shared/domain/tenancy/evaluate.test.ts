import { describe, expect, it } from 'vitest';
import demo from '../../../test/fixtures/snapshots/demo.json';
import { clusterSnapshotSchema } from '../snapshot/snapshot';
import {
  buildConsumptionIndex,
  compileTenant,
  defaultTenants,
  effectiveTenants,
  evaluateTenant,
  isVisible,
  tenantsForRoles,
  visibilityOf,
} from './evaluate';
import { parsePolicyFile, type Tenant } from './policy-file';
import { listVisibleResources } from './preview';
import { resourceRefFromPath } from './resource-path';

const snapshot = clusterSnapshotSchema.parse(demo);
const DEV = 'lkc-dev-8Qx';
const PROD = 'N9xnGujkR32eYxHICeaHuQ';

/** A tenant from the YAML of its resources list, which must be valid. */
function tenant(resources: string): Tenant {
  const body = resources
    .trim()
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
  const result = parsePolicyFile(`tenants:\n  - name: T\n    resources:\n${body}\n    roles: ["*"]\n`);
  expect(result.diagnostics).toEqual([]);
  return result.policy.tenants[0]!;
}

/** Visible resources as "cluster/<id>/topic/<name>" strings, inferred ones suffixed with " (inferred)". */
function visible(subject: Tenant): string[] {
  return listVisibleResources(evaluateTenant(subject, snapshot))
    .map((resource) => `${resource.path.join('/')}${resource.inferred ? ' (inferred)' : ''}`)
    .sort();
}

const topic = (cluster: string, name: string, inferred = false) => `cluster/${cluster}/topic/${name}${inferred ? ' (inferred)' : ''}`;
const group = (cluster: string, name: string) => `cluster/${cluster}/group/${name}`;

const allDev = [
  ...['tx-orders', 'tx-payments', 'tx-audit', 'payments-in', 'payments-dlq', 'orders-refunds', '__consumer_offsets', '__transaction_state', '_schemas', '__oprtr_audit_log', 'oprtr_streams'].map((name) => topic(DEV, name)),
  ...['payments-processor', 'oprtr-consumer', 'analytics'].map((name) => group(DEV, name)),
  `cluster/${DEV}/broker/1`,
  `cluster/${DEV}/broker/2`,
  `cluster/${DEV}/principal/User:payments`,
  `cluster/${DEV}/principal/User:analytics`,
];

describe('tenant evaluation (Kpow order: nothing, includes, inferred, exclusions)', () => {
  const table: Array<{ rule: string; resources: string; expected: string[] }> = [
    {
      rule: 'everything starts excluded: only what is included shows',
      resources: '- include: ["cluster", "*", "topic", "ledger"]',
      expected: [topic(PROD, 'ledger')],
    },
    {
      rule: 'prefix pattern tx-*',
      resources: '- include: ["cluster", "*", "topic", "tx-*"]',
      expected: [topic(DEV, 'tx-audit'), topic(DEV, 'tx-orders'), topic(DEV, 'tx-payments'), topic(PROD, 'tx-audit'), topic(PROD, 'tx-orders')],
    },
    {
      rule: 'suffix pattern *-refunds',
      resources: '- include: ["cluster", "*", "topic", "*-refunds"]',
      expected: [topic(DEV, 'orders-refunds'), topic(PROD, 'card-refunds')],
    },
    {
      rule: 'exact group name, whose consumed topics are inferred',
      resources: '- include: ["cluster", "*", "group", "analytics"]',
      expected: [group(DEV, 'analytics'), topic(DEV, 'tx-orders', true)],
    },
    {
      rule: 'list form holding several paths equals several single-path entries',
      resources: '- include:\n    - ["cluster", "*", "topic", "ledger"]\n    - ["cluster", "*", "topic", "card-refunds"]',
      expected: [topic(PROD, 'card-refunds'), topic(PROD, 'ledger')],
    },
    {
      rule: 'ID matched by Kafka cluster id',
      resources: `- include: ["cluster", "${PROD}", "topic", "tx-*"]`,
      expected: [topic(PROD, 'tx-audit'), topic(PROD, 'tx-orders')],
    },
    {
      rule: 'ID matched by profile name',
      resources: '- include: ["cluster", "prod", "topic", "tx-*"]',
      expected: [topic(PROD, 'tx-audit'), topic(PROD, 'tx-orders')],
    },
    {
      rule: 'an ID that names no cluster matches nothing',
      resources: '- include: ["cluster", "uat", "topic", "*"]',
      expected: [],
    },
    {
      rule: 'a whole cluster includes its topics, groups, brokers and principals',
      resources: '- include: ["cluster", "dev"]',
      expected: [...allDev].sort(),
    },
    {
      rule: 'inference stays inside the cluster of the group (no leak to a same-named topic elsewhere)',
      resources: '- include: ["cluster", "prod", "group", "payments-processor"]',
      expected: [group(PROD, 'payments-processor'), topic(PROD, 'ledger', true), topic(PROD, 'payments-dlq', true), topic(PROD, 'payments-in', true)],
    },
    {
      rule: 'the same group included in every cluster infers per cluster',
      resources: '- include: ["cluster", "*", "group", "payments-processor"]',
      expected: [
        group(DEV, 'payments-processor'),
        group(PROD, 'payments-processor'),
        topic(DEV, 'payments-in', true),
        topic(DEV, 'tx-orders', true),
        topic(PROD, 'ledger', true),
        topic(PROD, 'payments-dlq', true),
        topic(PROD, 'payments-in', true),
      ],
    },
    {
      rule: 'exclusions apply after inference and remove inferred topics',
      resources: '- include: ["cluster", "prod", "group", "payments-*"]\n- exclude: ["cluster", "*", "topic", "*-dlq"]',
      expected: [
        group(PROD, 'payments-processor'),
        group(PROD, 'payments-reporting'),
        topic(PROD, 'card-refunds', true),
        topic(PROD, 'ledger', true),
        topic(PROD, 'payments-in', true),
      ],
    },
    {
      rule: 'an explicitly included topic is not flagged inferred',
      resources: '- include:\n    - ["cluster", "prod", "group", "payments-reporting"]\n    - ["cluster", "prod", "topic", "card-refunds"]',
      expected: [group(PROD, 'payments-reporting'), topic(PROD, 'card-refunds')],
    },
    {
      rule: 'an included then excluded group still brings its topics (inference precedes exclusion)',
      resources: '- include: ["cluster", "prod", "group", "payments-reporting"]\n- exclude: ["cluster", "prod", "group", "payments-reporting"]',
      expected: [topic(PROD, 'card-refunds', true)],
    },
    {
      rule: 'exclude every broker',
      resources: '- include: ["cluster", "dev"]\n- exclude: ["cluster", "*", "broker", "*"]',
      expected: allDev.filter((path) => !path.includes('/broker/')).sort(),
    },
    {
      rule: 'include one ACL principal',
      resources: '- include: ["cluster", "*", "principal", "User:kpow"]',
      expected: [`cluster/${PROD}/principal/User:kpow`],
    },
    {
      rule: 'schema subjects, connectors and ksqlDB resources by pattern',
      resources:
        '- include:\n    - ["schema", "*", "subject", "tx-*"]\n    - ["connect", "prod-connect", "connector", "tx-*"]\n    - ["ksqldb", "ksql-1", "ksqldb-query", "*"]',
      expected: ['connect/connect-1/connector/tx-sink', 'ksqldb/ksql-1/ksqldb-query/CSAS_TX_1', 'schema/sr-1/subject/tx-orders-value'],
    },
    {
      rule: 'a whole schema registry',
      resources: '- include: ["schema", "sr-1"]',
      expected: ['schema/sr-1/subject/payments-in-value', 'schema/sr-1/subject/tx-orders-value'],
    },
    {
      rule: 'an exclusion alone shows nothing',
      resources: '- exclude: ["cluster", "*", "topic", "tx-*"]',
      expected: [],
    },
  ];

  it.each(table)('$rule', ({ resources, expected }) => {
    expect(visible(tenant(resources))).toEqual([...expected].sort());
  });

  it.each(table)('visibilityOf agrees with evaluateTenant for every resource: $rule', ({ resources }) => {
    const compiled = compileTenant(tenant(resources));
    const index = buildConsumptionIndex(snapshot);
    const seen = new Map(listVisibleResources(evaluateTenant(compiled, snapshot)).map((r) => [r.path.join('/'), r.inferred]));
    for (const cluster of snapshot.clusters) {
      const paths = [
        ...cluster.topics.map((t) => ['cluster', cluster.id, 'topic', t.name]),
        ...cluster.groups.map((g) => ['cluster', cluster.id, 'group', g.name]),
        ...cluster.brokers.map((b) => ['cluster', cluster.id, 'broker', String(b.id)]),
        ...cluster.principals.map((p) => ['cluster', cluster.id, 'principal', p]),
      ];
      for (const path of paths) {
        const ref = resourceRefFromPath(path, cluster.name)!;
        const expected = seen.has(path.join('/')) ? (seen.get(path.join('/')) ? 'inferred' : 'included') : 'hidden';
        expect([path.join('/'), visibilityOf(compiled, ref, index)]).toEqual([path.join('/'), expected]);
      }
    }
  });
});

describe('default tenants', () => {
  const seedKpowHidden = tenant(
    [
      '- include:',
      '    - [ "*" ]',
      '- exclude:',
      '    - [ "cluster", "*", "topic", "oprtr*" ]',
      '    - [ "cluster", "*", "topic", "__oprtr*" ]',
      '    - [ "cluster", "*", "topic", "__consumer_offsets" ]',
      '    - [ "cluster", "*", "group", "oprtr*" ]',
    ].join('\n'),
  );

  it('apply when the file configures no tenants: Global and Kpow Hidden, for every role', () => {
    expect(effectiveTenants({ tenants: [] }).map((t) => t.name)).toEqual(['Global', 'Kpow Hidden']);
    expect(tenantsForRoles({ tenants: [] }, ['anyone']).map((t) => t.name)).toEqual(['Global', 'Kpow Hidden']);
  });

  it('Global shows every resource of every kind', () => {
    const resources = listVisibleResources(evaluateTenant(defaultTenants[0]!, snapshot));
    const total =
      snapshot.clusters.reduce((sum, c) => sum + c.topics.length + c.groups.length + c.brokers.length + c.principals.length, 0) + 2 + 2 + 2;
    expect(resources).toHaveLength(total);
    expect(resources.some((r) => r.inferred)).toBe(false);
  });

  it("Kpow Hidden hides Kafka's and Kpow's internal topics and Kpow's groups", () => {
    const names = visible(defaultTenants[1]!);
    for (const hidden of ['__consumer_offsets', '__transaction_state', '_schemas', '__oprtr_audit_log', 'oprtr_streams']) {
      expect(names).not.toContain(topic(DEV, hidden));
    }
    expect(names).not.toContain(topic(PROD, '__consumer_offsets'));
    expect(names).not.toContain(group(DEV, 'oprtr-consumer'));
    expect(names).toContain(topic(DEV, 'tx-orders'));
    expect(names).toContain(group(DEV, 'analytics'));
  });

  it("the documentation's Kpow Hidden example hides the four documented patterns, even when inferred", () => {
    const names = visible(seedKpowHidden);
    expect(names).not.toContain(topic(DEV, '__consumer_offsets'));
    expect(names).not.toContain(topic(DEV, '__oprtr_audit_log'));
    expect(names).not.toContain(topic(DEV, 'oprtr_streams'));
    expect(names).not.toContain(group(DEV, 'oprtr-consumer'));
    // The documented example does not name these; the built-in default does.
    expect(names).toContain(topic(DEV, '__transaction_state'));
    expect(names).toContain(topic(DEV, '_schemas'));
  });
});

it('matches a cluster by its profileName when the snapshot gives one apart from the display name', () => {
  const renamed = clusterSnapshotSchema.parse({ ...demo, clusters: [{ ...demo.clusters[1], name: 'Production (eu-west-1)', profileName: 'prod' }] });
  const view = evaluateTenant(tenant('- include: ["cluster", "prod", "topic", "ledger"]'), renamed);
  expect(listVisibleResources(view).map((r) => r.path.join('/'))).toEqual([topic(PROD, 'ledger')]);
});

describe('tenant availability by role', () => {
  const policy = parsePolicyFile(
    [
      'tenants:',
      '  - { name: Tx, resources: [include: ["*"]], roles: [tx-team] }',
      '  - { name: Pay, resources: [include: ["*"]], roles: [pay-team, finance] }',
      '  - { name: All, resources: [include: ["*"]], roles: ["*"] }',
    ].join('\n'),
  ).policy;

  it.each([
    { roles: ['tx-team'], expected: ['Tx', 'All'] },
    { roles: ['finance'], expected: ['Pay', 'All'] },
    { roles: ['tx-team', 'pay-team'], expected: ['Tx', 'Pay', 'All'] },
    { roles: [], expected: ['All'] },
    { roles: ['ops'], expected: ['All'] },
  ])('roles $roles see $expected', ({ roles, expected }) => {
    expect(tenantsForRoles(policy, roles).map((t) => t.name)).toEqual(expected);
  });
});

it('an excluded whole cluster is hidden, resources and instance alike', () => {
  const allButDev = tenant('- include: ["*"]\n- exclude: ["cluster", "dev"]');
  expect(isVisible(allButDev, resourceRefFromPath(['cluster', DEV], 'dev')!)).toBe(false);
  expect(isVisible(allButDev, resourceRefFromPath(['cluster', PROD], 'prod')!)).toBe(true);
  expect(evaluateTenant(allButDev, snapshot).clusters.map((c) => c.cluster.name)).toEqual(['prod']);
});

describe('isVisible for enforcement', () => {
  const payments = tenant('- include: ["cluster", "prod", "group", "payments-*"]\n- exclude: ["cluster", "*", "topic", "*-dlq"]');
  const compiled = compileTenant(payments);
  const index = buildConsumptionIndex(snapshot);

  it.each([
    { path: ['cluster', PROD, 'topic', 'ledger'], lookup: true, expected: true },
    { path: ['cluster', PROD, 'topic', 'ledger'], lookup: false, expected: false },
    { path: ['cluster', PROD, 'topic', 'payments-dlq'], lookup: true, expected: false },
    { path: ['cluster', DEV, 'topic', 'payments-in'], lookup: true, expected: false },
    { path: ['cluster', PROD, 'group', 'payments-reporting'], lookup: false, expected: true },
    { path: ['cluster', PROD], lookup: false, expected: true },
    { path: ['cluster', DEV], lookup: false, expected: false },
  ])('$path (with consumption lookup: $lookup) -> $expected', ({ path, lookup, expected }) => {
    const profileName = path[1] === PROD ? 'prod' : 'dev';
    expect(isVisible(compiled, resourceRefFromPath(path, profileName)!, lookup ? index : undefined)).toBe(expected);
  });
});
