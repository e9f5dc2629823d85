// The demo's pure decisions: what a second `npm run demo` creates (nothing), when the profile changes,
// which bed is used, whether the traffic process is ours, what --stop stops; and that the seed plan
// covers what the issue asks for.
import { describe, expect, it } from 'vitest';
import { localDemoStatus } from '../../shared/domain/demo/local-demo';
import { parsePolicyFile } from '../../shared/domain/tenancy';
import {
  DEMO_ACLS,
  DEMO_GROUPS,
  DEMO_TOPICS,
  decideBed,
  decideProfile,
  decideTraffic,
  demoTenancyYaml,
  sampleRecord,
  seedGroupsToMake,
  stopPlan,
  topicsToCreate,
} from '../../demo/plan';

describe('seed plan', () => {
  it('has Avro, JSON Schema and Protobuf topics with live traffic, a compacted one and an internal-looking one', () => {
    const live = DEMO_TOPICS.filter((topic) => topic.ratePerSecond > 0);
    expect(new Set(live.map((topic) => topic.format))).toEqual(new Set(['avro', 'json-schema', 'protobuf', 'json', 'text']));
    expect(DEMO_TOPICS.some((topic) => topic.configs['cleanup.policy'] === 'compact' && !topic.name.startsWith('_'))).toBe(true);
    expect(DEMO_TOPICS.some((topic) => topic.name.startsWith('__'))).toBe(true);
    // "A few messages per second" in total.
    const total = live.reduce((sum, topic) => sum + topic.ratePerSecond, 0);
    expect(total).toBeGreaterThanOrEqual(2);
    expect(total).toBeLessThanOrEqual(10);
  });

  it('has a group in every state and ACLs for two principals', () => {
    expect(new Set(DEMO_GROUPS.map((group) => group.state))).toEqual(new Set(['healthy', 'falling-behind', 'stopped-with-lag', 'kip-848', 'commits-only']));
    expect(new Set(DEMO_ACLS.map((acl) => acl.principal)).size).toBe(2);
    for (const group of DEMO_GROUPS) expect(DEMO_TOPICS.map((topic) => topic.name)).toContain(group.topic);
  });

  it('writes a tenancy file with two valid tenants: tx-* and the rest', () => {
    const parsed = parsePolicyFile(demoTenancyYaml());
    expect(parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(parsed.policy?.tenants.map((tenant) => tenant.name)).toEqual(['Transactions', 'Shop and platform']);
  });

  it('makes reproducible records with keys and headers, spread over keys', () => {
    const payments = DEMO_TOPICS.find((topic) => topic.name === 'tx-payments')!;
    const a = sampleRecord(payments, 5, 1_700_000_000_000);
    expect(sampleRecord(payments, 5, 1_700_000_000_000)).toEqual(a);
    expect(a.headers['trace-id']).toMatch(/^[0-9a-f]{12}$/);
    const keys = new Set(Array.from({ length: 40 }, (_, index) => sampleRecord(payments, index + 1, 0).key));
    expect(keys.size).toBeGreaterThan(10);
  });
});

describe('idempotency decisions', () => {
  it('creates only missing topics, so history is never written twice', () => {
    expect(topicsToCreate(DEMO_TOPICS.map((topic) => topic.name))).toEqual([]);
    expect(topicsToCreate(['shop.orders', 'other']).map((topic) => topic.name)).not.toContain('shop.orders');
    expect(topicsToCreate([])).toHaveLength(DEMO_TOPICS.length);
  });

  it('makes one-off groups only when the cluster lacks them, and never the live ones', () => {
    const all = seedGroupsToMake([]);
    expect(all.map((group) => group.id).sort()).toEqual(['legacy-reporting', 'tx-audit-archiver']);
    expect(seedGroupsToMake(['legacy-reporting', 'tx-audit-archiver'])).toEqual([]);
  });

  it('creates the profile once, updates it for a new bed, and leaves a current one alone', () => {
    expect(decideProfile({ exists: false, sameEndpoints: false, secretStored: false })).toEqual({ action: 'create' });
    expect(decideProfile({ exists: true, sameEndpoints: true, secretStored: true })).toEqual({ action: 'unchanged' });
    expect(decideProfile({ exists: true, sameEndpoints: false, secretStored: true })).toEqual({ action: 'update', reuseSecret: true });
    // The keychain lost the password (another keyring session): a new one is set on the broker and stored.
    expect(decideProfile({ exists: true, sameEndpoints: true, secretStored: false })).toEqual({ action: 'update', reuseSecret: false });
  });

  it('reuses a bed with a registry, starts one when none runs, and refuses one without a registry', () => {
    expect(decideBed({ externalFile: '/x.json', running: null, startedByDemo: false })).toEqual({ action: 'reuse-external', file: '/x.json' });
    expect(decideBed({ externalFile: null, running: null, startedByDemo: false })).toEqual({ action: 'start' });
    expect(decideBed({ externalFile: null, running: { hasRegistry: true, kafkaLine: '4' }, startedByDemo: true })).toEqual({ action: 'reuse-running', startedByDemo: true });
    expect(decideBed({ externalFile: null, running: { hasRegistry: false, kafkaLine: '4' }, startedByDemo: false }).action).toBe('refuse');
  });

  it('keeps the traffic process only while it is ours and serves this bed', () => {
    const alive = (pid: number) => pid === 42;
    expect(decideTraffic({ pid: 42, bootstrap: 'a:1' }, alive, 'a:1')).toEqual({ action: 'keep', pid: 42 });
    expect(decideTraffic({ pid: 42, bootstrap: 'a:1' }, alive, 'b:2')).toEqual({ action: 'start' });
    expect(decideTraffic({ pid: 7, bootstrap: 'a:1' }, alive, 'a:1')).toEqual({ action: 'start' });
    expect(decideTraffic(null, alive, 'a:1')).toEqual({ action: 'start' });
  });

  it('stops only what the demo started', () => {
    expect(stopPlan(null)).toEqual({ stopTraffic: [], stopBed: false });
    expect(stopPlan({ startedBed: false, trafficPid: 10, kip848Pid: 11 })).toEqual({ stopTraffic: [10, 11], stopBed: false });
    expect(stopPlan({ startedBed: true, trafficPid: null, kip848Pid: null })).toEqual({ stopTraffic: [], stopBed: true });
  });
});

describe('local demo discovery', () => {
  const file = {
    schemaVersion: 1,
    profileId: 'local-demo',
    profileName: 'Local demo',
    bootstrap: '127.0.0.1:1234',
    registryUrl: 'http://127.0.0.1:5/apis/ccompat/v7',
    connectUrl: null,
    pids: { bed: 100, traffic: 101 },
    tenancyFile: '/d/local-demo-tenancy.yaml',
    startedAt: '2026-12-02T00:00:00.000Z',
  };

  it('is running only while the bed owner lives, and says whether the profile and traffic are there', () => {
    const text = JSON.stringify(file);
    expect(localDemoStatus(null, () => true, new Set())).toEqual({ state: 'absent' });
    expect(localDemoStatus(text, () => false, new Set())).toEqual({ state: 'stopped', profileName: 'Local demo' });
    expect(localDemoStatus(text, (pid) => pid === 100, new Set(['local-demo']))).toMatchObject({ state: 'running', liveTraffic: false, profileExists: true });
    expect(localDemoStatus(text, () => true, new Set())).toMatchObject({ state: 'running', liveTraffic: true, profileExists: false });
  });

  it('names a broken file instead of guessing', () => {
    expect(localDemoStatus('{', () => true, new Set())).toMatchObject({ state: 'unreadable' });
    expect(localDemoStatus(JSON.stringify({ ...file, schemaVersion: 2 }), () => true, new Set())).toMatchObject({ state: 'unreadable' });
  });
});
