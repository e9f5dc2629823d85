// The demo's world as data: what `npm run demo` creates on the bed, and the pure decisions that make a
// second run change nothing (which topics to create, which groups to make, whether the profile is new,
// whether the traffic process is still the one we started). No I/O here; seed.ts applies it.

export type ValueFormat = 'avro' | 'json-schema' | 'protobuf' | 'json' | 'text';

export interface DemoTopic {
  name: string;
  partitions: number;
  configs: Record<string, string>;
  format: ValueFormat;
  /** Registry subject of the value schema (TopicNameStrategy: `<topic>-value`). */
  subject: string | null;
  /** Records written once when the topic is created, so a new group has history to lag behind. */
  history: number;
  /** Live records per second from the traffic process; 0 = none. */
  ratePerSecond: number;
  purpose: string;
}

export type DemoGroupState = 'healthy' | 'falling-behind' | 'stopped-with-lag' | 'kip-848' | 'commits-only';

export interface DemoGroup {
  id: string;
  topic: string;
  state: DemoGroupState;
  /** Who keeps it in that state: a live member in the traffic process, a one-off seed, or a live KIP-848 JVM. */
  member: 'traffic-consumer' | 'traffic-slow-consumer' | 'seed-consume-once' | 'kip848-console-consumer' | 'seed-commit-only';
  /** seed-consume-once / seed-commit-only: how many records of each partition it has read. */
  consumed?: number;
}

export interface DemoAcl {
  principal: string;
  resourceType: 'TOPIC' | 'GROUP' | 'CLUSTER' | 'TRANSACTIONAL_ID';
  resourceName: string;
  patternType: 'LITERAL' | 'PREFIXED';
  operations: ('ALL' | 'READ' | 'WRITE' | 'DESCRIBE' | 'DESCRIBE_CONFIGS')[];
}

export const DEMO_PROFILE_ID = 'local-demo';
export const DEMO_PROFILE_NAME = 'Local demo';
/** The SCRAM user the "Local demo" profile signs in as, over the bed's SASL_PLAINTEXT listener. */
export const DEMO_USER = 'demo';
export const ANALYST_USER = 'analyst';
/** Written into the app's user data folder; main reads it to offer "Open the local demo" (no network scan). */
export { LOCAL_DEMO_FILE_NAME as DISCOVERY_FILE_NAME } from '../shared/domain/demo/local-demo';
export const TENANCY_FILE_NAME = 'local-demo-tenancy.yaml';

export const DEMO_TOPICS: readonly DemoTopic[] = [
  { name: 'shop.orders', partitions: 3, configs: {}, format: 'avro', subject: 'shop.orders-value', history: 120, ratePerSecond: 2, purpose: 'Avro orders with keys and trace headers' },
  { name: 'tx-payments', partitions: 3, configs: {}, format: 'json-schema', subject: 'tx-payments-value', history: 90, ratePerSecond: 1, purpose: 'JSON Schema payments (the tx tenant)' },
  { name: 'inventory.stock-levels', partitions: 2, configs: {}, format: 'protobuf', subject: 'inventory.stock-levels-value', history: 60, ratePerSecond: 1, purpose: 'Protobuf stock levels' },
  {
    name: 'customers.profiles',
    partitions: 1,
    configs: { 'cleanup.policy': 'compact', 'segment.ms': '60000', 'min.cleanable.dirty.ratio': '0.01' },
    format: 'json',
    subject: null,
    history: 40,
    ratePerSecond: 0.2,
    purpose: 'compacted: the latest profile per customer id',
  },
  { name: 'tx-audit', partitions: 1, configs: { 'retention.ms': String(7 * 24 * 3600_000) }, format: 'text', subject: null, history: 30, ratePerSecond: 0.5, purpose: 'plain-text audit lines (the tx tenant)' },
  {
    name: '__demo-heartbeats',
    partitions: 1,
    configs: { 'cleanup.policy': 'compact' },
    format: 'json',
    subject: null,
    history: 1,
    ratePerSecond: 0.2,
    purpose: 'an internal-looking topic, as a framework would keep one',
  },
];

export const DEMO_GROUPS: readonly DemoGroup[] = [
  { id: 'orders-fulfilment', topic: 'shop.orders', state: 'healthy', member: 'traffic-consumer' },
  { id: 'tx-settlement', topic: 'tx-payments', state: 'falling-behind', member: 'traffic-slow-consumer' },
  { id: 'legacy-reporting', topic: 'shop.orders', state: 'stopped-with-lag', member: 'seed-consume-once', consumed: 15 },
  { id: 'inventory-projector', topic: 'inventory.stock-levels', state: 'kip-848', member: 'kip848-console-consumer' },
  { id: 'tx-audit-archiver', topic: 'tx-audit', state: 'commits-only', member: 'seed-commit-only', consumed: 10 },
];

export const DEMO_ACLS: readonly DemoAcl[] = [
  // The profile's own user: everything, granted by ACL rather than super.users, so the ACLs are real.
  { principal: `User:${DEMO_USER}`, resourceType: 'CLUSTER', resourceName: 'kafka-cluster', patternType: 'LITERAL', operations: ['ALL'] },
  { principal: `User:${DEMO_USER}`, resourceType: 'TOPIC', resourceName: '*', patternType: 'LITERAL', operations: ['ALL'] },
  { principal: `User:${DEMO_USER}`, resourceType: 'GROUP', resourceName: '*', patternType: 'LITERAL', operations: ['ALL'] },
  { principal: `User:${DEMO_USER}`, resourceType: 'TRANSACTIONAL_ID', resourceName: '*', patternType: 'LITERAL', operations: ['ALL'] },
  // A read-only analyst of the tx team: tx- topics and groups only.
  { principal: `User:${ANALYST_USER}`, resourceType: 'TOPIC', resourceName: 'tx-', patternType: 'PREFIXED', operations: ['READ', 'DESCRIBE', 'DESCRIBE_CONFIGS'] },
  { principal: `User:${ANALYST_USER}`, resourceType: 'GROUP', resourceName: 'tx-', patternType: 'PREFIXED', operations: ['READ', 'DESCRIBE'] },
];

export const AVRO_ORDER_SCHEMA = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'customerId', type: 'string' },
    { name: 'status', type: { type: 'enum', name: 'OrderStatus', symbols: ['PLACED', 'PAID', 'SHIPPED', 'CANCELLED'] } },
    { name: 'totalCents', type: 'long' },
    { name: 'currency', type: 'string' },
    { name: 'placedAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'lines', type: { type: 'array', items: { type: 'record', name: 'OrderLine', fields: [{ name: 'sku', type: 'string' }, { name: 'quantity', type: 'int' }] } } },
    { name: 'coupon', type: ['null', 'string'], default: null },
  ],
};

export const JSON_PAYMENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Payment',
  type: 'object',
  properties: {
    paymentId: { type: 'string' },
    orderId: { type: 'string' },
    method: { type: 'string', enum: ['card', 'sepa', 'wallet'] },
    amount: { type: 'number' },
    currency: { type: 'string' },
    settled: { type: 'boolean' },
  },
  required: ['paymentId', 'orderId', 'amount', 'currency'],
};

export const PROTOBUF_STOCK_SCHEMA = [
  'syntax = "proto3";',
  'package inventory;',
  '',
  'message StockLevel {',
  '  string sku = 1;',
  '  string warehouse = 2;',
  '  int32 on_hand = 3;',
  '  int32 reserved = 4;',
  '  int64 updated_at = 5;',
  '}',
  '',
].join('\n');

export interface SchemaSpec {
  subject: string;
  schemaType: 'AVRO' | 'JSON' | 'PROTOBUF';
  schema: string;
}

export const DEMO_SCHEMAS: readonly SchemaSpec[] = [
  { subject: 'shop.orders-value', schemaType: 'AVRO', schema: JSON.stringify(AVRO_ORDER_SCHEMA) },
  { subject: 'tx-payments-value', schemaType: 'JSON', schema: JSON.stringify(JSON_PAYMENT_SCHEMA) },
  { subject: 'inventory.stock-levels-value', schemaType: 'PROTOBUF', schema: PROTOBUF_STOCK_SCHEMA },
];

/** Kpow tenancy YAML with two tenants: the tx team's `tx-*` resources, and everything else. */
export function demoTenancyYaml(): string {
  return [
    '# Written by `npm run demo`: two tenants over the local demo cluster (Kpow RBAC/tenancy format).',
    '# Attach it from Tenants (or the policy workspace) to see the cluster as each team does.',
    'authorized_roles: ["*"]',
    'admin_roles: [platform]',
    'tenants:',
    '  - name: "Transactions"',
    '    description: "The tx team: tx- topics and groups."',
    '    resources:',
    '      - include: ["cluster", "*", "topic", "tx-*"]',
    '      - include: ["cluster", "*", "group", "tx-*"]',
    '      - include: ["schema", "*", "subject", "tx-*"]',
    '    roles: [tx-team, platform]',
    '  - name: "Shop and platform"',
    '    description: "Everything that is not the tx team\'s."',
    '    resources:',
    '      - include: ["*"]',
    '      - exclude:',
    '          - ["cluster", "*", "topic", "tx-*"]',
    '          - ["cluster", "*", "group", "tx-*"]',
    '          - ["schema", "*", "subject", "tx-*"]',
    '    roles: [shop-team, platform]',
    '',
  ].join('\n');
}

// --- idempotency decisions -------------------------------------------------------------------------------

/** Topics to create: only the missing ones. History is written only into topics created by this run. */
export function topicsToCreate(existing: Iterable<string>, wanted: readonly DemoTopic[] = DEMO_TOPICS): DemoTopic[] {
  const have = new Set(existing);
  return wanted.filter((topic) => !have.has(topic.name));
}

/**
 * One-off groups (consume once, commits only) to make: those the cluster does not list yet. Groups
 * kept by live members are never made here: the traffic process joins them.
 */
export function seedGroupsToMake(existingGroupIds: Iterable<string>, wanted: readonly DemoGroup[] = DEMO_GROUPS): DemoGroup[] {
  const have = new Set(existingGroupIds);
  return wanted.filter((group) => (group.member === 'seed-consume-once' || group.member === 'seed-commit-only') && !have.has(group.id));
}

export type ProfileDecision = { action: 'create' } | { action: 'update'; reuseSecret: boolean } | { action: 'unchanged' };

export interface ProfileFacts {
  exists: boolean;
  /** The stored profile already names this bootstrap and registry. */
  sameEndpoints: boolean;
  /** The keychain has the SCRAM password for it. */
  secretStored: boolean;
}

/** A bed restarted on new ports updates the one profile; a running demo leaves it as it is. */
export function decideProfile(facts: ProfileFacts): ProfileDecision {
  if (!facts.exists) return { action: 'create' };
  if (facts.sameEndpoints && facts.secretStored) return { action: 'unchanged' };
  return { action: 'update', reuseSecret: facts.secretStored };
}

export type BedDecision =
  | { action: 'reuse-external'; file: string }
  | { action: 'reuse-running'; startedByDemo: boolean }
  | { action: 'start' }
  | { action: 'refuse'; reason: string };

export interface BedFacts {
  /** ODRADEK_DEMO_BED: a file with a running bed's TestbedInfo (tests, the E2E harness). */
  externalFile: string | null;
  /** A kafka:up bed whose supervisor lives and whose broker answers. */
  running: { hasRegistry: boolean; kafkaLine: string } | null;
  /** The previous demo run started that bed (recorded in the demo state). */
  startedByDemo: boolean;
}

export function decideBed(facts: BedFacts): BedDecision {
  if (facts.externalFile !== null) return { action: 'reuse-external', file: facts.externalFile };
  if (facts.running === null) return { action: 'start' };
  if (!facts.running.hasRegistry) {
    return {
      action: 'refuse',
      reason: 'A test bed without a Schema Registry is running (npm run kafka:up). Stop it with `npm run kafka:down`, then run `npm run demo` again.',
    };
  }
  return { action: 'reuse-running', startedByDemo: facts.startedByDemo };
}

export type TrafficDecision = { action: 'keep'; pid: number } | { action: 'start' };

/** The traffic process is kept only while it is the one we recorded (a recycled pid is not ours) and serves this bed. */
export function decideTraffic(recorded: { pid: number; bootstrap: string } | null, alive: (pid: number) => boolean, bootstrap: string): TrafficDecision {
  if (recorded !== null && recorded.bootstrap === bootstrap && alive(recorded.pid)) return { action: 'keep', pid: recorded.pid };
  return { action: 'start' };
}

/** What `--stop` stops: only what the demo started (a bed someone else started keeps running). */
export function stopPlan(state: { startedBed: boolean; trafficPid: number | null; kip848Pid: number | null } | null): { stopTraffic: number[]; stopBed: boolean } {
  if (state === null) return { stopTraffic: [], stopBed: false };
  return { stopTraffic: [state.trafficPid, state.kip848Pid].filter((pid): pid is number => pid !== null), stopBed: state.startedBed };
}

// --- sample records ----------------------------------------------------------------------------------

/** A small deterministic generator, so a seed is reproducible and the unit tests can pin values. */
export function sampler(seed: number) {
  // Spread neighbouring seeds apart (xorshift's first outputs for small seeds are small too).
  let state = Math.imul(seed + 1, 2654435761) >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  for (let warm = 0; warm < 4; warm++) next();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return { next, pick, int };
}

export interface SampleRecord {
  key: string;
  /** The value as JSON data (encoded with the topic's schema) or text. */
  value: unknown;
  headers: Record<string, string>;
}

const SKUS = ['SKU-KETTLE', 'SKU-MUG', 'SKU-TEAPOT', 'SKU-BEANS', 'SKU-GRINDER', 'SKU-FILTER'];
const CITIES = ['Lisbon', 'Prague', 'Dublin', 'Turin', 'Ghent'];

export function sampleRecord(topic: DemoTopic, sequence: number, now: number, random = sampler(sequence + 7)): SampleRecord {
  const customer = `C-${String(random.int(1, 25)).padStart(4, '0')}`;
  const trace = `${sequence.toString(16).padStart(8, '0')}${random.int(0, 0xffff).toString(16).padStart(4, '0')}`;
  const headers = { 'trace-id': trace, source: 'odradek-demo' };
  switch (topic.format) {
    case 'avro': {
      const lines = Array.from({ length: random.int(1, 3) }, () => ({ sku: random.pick(SKUS), quantity: random.int(1, 4) }));
      return {
        key: `O-${sequence}`,
        value: {
          orderId: `O-${sequence}`,
          customerId: customer,
          status: random.pick(['PLACED', 'PAID', 'SHIPPED', 'CANCELLED']),
          totalCents: lines.reduce((sum, line) => sum + line.quantity * random.int(300, 4500), 0),
          currency: 'EUR',
          placedAt: now,
          lines,
          coupon: random.next() < 0.2 ? 'WELCOME10' : null,
        },
        headers: { ...headers, 'content-type': 'application/vnd.odradek.order+avro' },
      };
    }
    case 'json-schema':
      return {
        key: customer,
        value: {
          paymentId: `P-${sequence}`,
          orderId: `O-${random.int(1, sequence + 1)}`,
          method: random.pick(['card', 'sepa', 'wallet']),
          amount: random.int(300, 25_000) / 100,
          currency: 'EUR',
          settled: random.next() < 0.7,
        },
        headers,
      };
    case 'protobuf': {
      const sku = random.pick(SKUS);
      return { key: sku, value: { sku, warehouse: random.pick(['LIS-1', 'PRG-2']), on_hand: random.int(0, 500), reserved: random.int(0, 40), updated_at: String(now) }, headers };
    }
    case 'json':
      if (topic.name.startsWith('__')) return { key: 'demo-traffic', value: { alive: true, at: new Date(now).toISOString() }, headers: {} };
      return { key: customer, value: { customerId: customer, city: random.pick(CITIES), tier: random.pick(['basic', 'plus', 'pro']), updatedAt: new Date(now).toISOString() }, headers };
    case 'text':
      return { key: customer, value: `${new Date(now).toISOString()} ${random.pick(['LOGIN', 'REFUND_REQUESTED', 'LIMIT_CHANGED', 'PAYOUT_SENT'])} customer=${customer}`, headers };
  }
}
