// P4: evaluate 50 realistic tenants over a generated snapshot of 100,000 topics and 20,000 groups.
// The snapshot is generated once (not timed); each timed run indexes the snapshot afresh, then
// compiles and evaluates every tenant against that shared index.
import type { ClusterSnapshot, SnapshotCluster } from '../shared/domain/snapshot/snapshot';
import { compileTenant, evaluateTenant, indexSnapshot, parsePolicyFile, type Tenant } from '../shared/domain/tenancy';
import type { Benchmark, BenchRow } from './types';

const TOPICS = 100_000;
const GROUPS = 20_000;
const TARGET_MS = 300;
const RUNS = 7;

const teams = Array.from({ length: 40 }, (_, i) => `team${String(i).padStart(2, '0')}`);
const kinds = ['events', 'commands', 'changelog', 'dlq', 'retry', 'snapshots', 'audit', 'metrics'];

/** Small deterministic PRNG so every run measures the same snapshot. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateSnapshot(): ClusterSnapshot {
  const random = mulberry32(4);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const profiles = ['dev', 'uat', 'prod'];
  const clusters: SnapshotCluster[] = profiles.map((name, index) => ({
    id: `cluster-${index}-${name.toUpperCase()}x9Q`,
    name,
    brokers: [1, 2, 3].map((id) => ({ id })),
    topics: [
      { name: '__consumer_offsets', partitions: 50, replicaBytes: 1e9, writesPerSecond: 50, internal: true },
      { name: '__transaction_state', partitions: 50, replicaBytes: 1e8, writesPerSecond: 5, internal: true },
      { name: '__oprtr_audit_log', partitions: 1, replicaBytes: 1e6, writesPerSecond: 1, internal: false },
    ],
    groups: [{ name: 'oprtr-streams', topics: ['__oprtr_audit_log'] }],
    principals: teams.map((team) => `User:${team}`),
  }));
  const topicNamesByCluster = clusters.map(() => [] as string[]);
  for (let i = 0; i < TOPICS; i += 1) {
    const clusterIndex = i % clusters.length;
    const name = `${pick(teams)}-${pick(['orders', 'payments', 'ledger', 'users', 'stock'])}-${i}-${pick(kinds)}`;
    clusters[clusterIndex]!.topics.push({
      name,
      partitions: 1 + Math.floor(random() * 12),
      replicaBytes: Math.floor(random() * 5e8),
      writesPerSecond: random() * 100,
      internal: false,
    });
    topicNamesByCluster[clusterIndex]!.push(name);
  }
  for (let i = 0; i < GROUPS; i += 1) {
    const clusterIndex = i % clusters.length;
    const names = topicNamesByCluster[clusterIndex]!;
    const consumed = Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(names));
    clusters[clusterIndex]!.groups.push({ name: `${pick(teams)}-consumer-${i}`, topics: [...new Set(consumed)] });
  }
  return { version: 1, capturedAt: new Date(0).toISOString(), clusters, schemaRegistries: [], connectClusters: [], ksqlDbs: [] };
}

/** 50 tenants written as users write them: exact lists, prefixes, suffixes, groups with inference, exclusions. */
export function generateTenants(snapshot: ClusterSnapshot): Tenant[] {
  const random = mulberry32(7);
  const someTopics = (count: number) =>
    Array.from({ length: count }, () => {
      const cluster = snapshot.clusters[Math.floor(random() * snapshot.clusters.length)]!;
      return cluster.topics[Math.floor(random() * cluster.topics.length)]!.name;
    });
  const blocks: string[] = [];
  const tenant = (name: string, resources: string[]) => blocks.push(`  - name: "${name}"\n    resources:\n${resources.map((r) => `      ${r}`).join('\n')}\n    roles: ["${name}"]`);
  for (let i = 0; i < 50; i += 1) {
    const team = teams[i % teams.length]!;
    switch (i % 5) {
      case 0:
        tenant(`exact-${i}`, ['- include:', ...someTopics(25).map((topic) => `    - ["cluster", "*", "topic", "${topic}"]`)]);
        break;
      case 1:
        tenant(`prefix-${i}`, [`- include: ["cluster", "*", "topic", "${team}-*"]`, '- exclude: ["cluster", "*", "topic", "*-dlq"]']);
        break;
      case 2:
        tenant(`suffix-${i}`, [`- include: ["cluster", "prod", "topic", "*-${kinds[i % kinds.length]}"]`, `- exclude: ["cluster", "*", "topic", "${team}-*"]`]);
        break;
      case 3:
        tenant(`groups-${i}`, [
          `- include: ["cluster", "*", "group", "${team}-consumer-*"]`,
          `- include: ["cluster", "*", "principal", "User:${team}"]`,
          '- exclude:',
          '    - ["cluster", "*", "topic", "*-audit"]',
          '    - ["cluster", "*", "topic", "__*"]',
        ]);
        break;
      default:
        tenant(`mixed-${i}`, [
          '- include:',
          `    - ["cluster", "uat"]`,
          `    - ["cluster", "prod", "topic", "${team}-*"]`,
          `    - ["cluster", "prod", "group", "${teams[(i + 1) % teams.length]}-consumer-*"]`,
          '- exclude:',
          '    - ["cluster", "*", "topic", "__consumer_offsets"]',
          '    - ["cluster", "*", "topic", "__oprtr*"]',
          '    - ["cluster", "*", "group", "oprtr*"]',
        ]);
    }
  }
  const parsed = parsePolicyFile(`tenants:\n${blocks.join('\n')}\n`);
  if (!parsed.valid) throw new Error(`generated tenants are invalid: ${parsed.diagnostics[0]?.message}`);
  return parsed.policy.tenants;
}

function evaluateAll(tenants: readonly Tenant[], snapshot: ClusterSnapshot): number {
  let visible = 0;
  const index = indexSnapshot();
  for (const tenant of tenants) {
    const view = evaluateTenant(compileTenant(tenant), snapshot, index);
    for (const cluster of view.clusters) visible += cluster.topics.length + cluster.groups.length;
  }
  return visible;
}

const benchmark: Benchmark = async (ctx) => {
  const snapshot = generateSnapshot();
  const tenants = generateTenants(snapshot);
  evaluateAll(tenants, snapshot);
  const timings: number[] = [];
  const cpuTimings: number[] = [];
  let visible = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    visible = evaluateAll(tenants, snapshot);
    timings.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimings.push((cpu.user + cpu.system) / 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  timings.sort((a, b) => a - b);
  const wall = median(timings);
  ctx.log(`P4 tenancy: runs ${timings.map((t) => t.toFixed(1)).join(', ')} ms; ${visible} visible topics+groups over all tenants`);
  const row: BenchRow = {
    id: 'P4 tenancy',
    metric: `evaluate ${tenants.length} tenants over ${TOPICS.toLocaleString('en')} topics / ${GROUPS.toLocaleString('en')} groups`,
    unit: 'ms',
    odradek: Number(wall.toFixed(1)),
    peer: null,
    ratio: null,
    target: `<= ${TARGET_MS} ms`,
    met: wall <= TARGET_MS,
    // CPU time shows the cost when other work shares the machine and inflates wall time.
    notes: `median wall time of ${RUNS} runs (fastest ${timings[0]!.toFixed(1)} ms, median CPU ${median(cpuTimings).toFixed(1)} ms) after one warm-up; each run indexes the snapshot, then compiles and evaluates every tenant, inference included; ${visible} visible topics+groups in total`,
  };
  return [row];
};

export default benchmark;
