// P7 subjects: listing 1,000 subjects × 3 versions with the latest version of each, in the observation
// modes of issue 11, against a fresh Apicurio 3.3.3 (in-memory) started for this benchmark:
// - auto, first listing: tries the bulk GET /schemas, finds Apicurio's entries unusable (no subject,
//   version, id; it also ignores latestOnly, so the answer carries all 3,000 schemas) and falls back to v1;
// - auto, remembered: goes straight to v1;
// - forced v1: GET /subjects plus one GET .../versions/latest per subject (bounded concurrency 8).
// No registry here serves a usable bulk listing, so the v2 figure comes from a loopback server that
// answers GET /schemas in Confluent's documented shape with the same 1,000 latest versions read from the
// Apicurio: it measures the client's side of v2 (one request, parse, map), not a real registry's.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SchemaRegistrySettings } from '../electron/main/services/kafka/connection-settings';
import { createRegistryClient } from '../electron/main/services/schemas/schema-service';
import { ObservationMemory, listSubjects, mapBounded } from '../electron/main/services/schemas/subject-listing';
import { startRegistry } from '../testbed/registry';
import type { Benchmark, BenchRow } from './types';

const SUBJECTS = Number(process.env.BENCH_P7_SUBJECTS ?? 1_000);
const VERSIONS = 3;
const RUNS = 3;

const settingsFor = (url: string): SchemaRegistrySettings => ({ id: 'p7', name: 'p7', urls: [url], auth: { kind: 'none' }, tls: null, observation: 'auto' });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const benchmark: Benchmark = async (ctx) => {
  const registry = await startRegistry({ jvm: 'throughput' });
  let stub: http.Server | null = null;
  try {
    ctx.log(`Apicurio up in ${registry.timings['total']} ms; registering ${SUBJECTS} subjects × ${VERSIONS} versions`);
    // Apicurio's in-memory store takes registrations slowly on a loaded 2-core machine: a long timeout.
    const writer = createRegistryClient(settingsFor(registry.info.plain), { maxSockets: 4, timeoutMs: 120_000 });
    const names = Array.from({ length: SUBJECTS }, (_, index) => `p7-${String(index).padStart(5, '0')}-value`);
    const t0 = Date.now();
    let done = 0;
    await mapBounded(names, 4, undefined, async (subject) => {
      for (let version = 1; version <= VERSIONS; version++) {
        const fields = Array.from({ length: version }, (_, field) => ({ name: `f${field}`, type: 'string', default: '' }));
        await writer.register(subject, { schema: JSON.stringify({ type: 'record', name: 'R', namespace: subject.replace(/-/g, '_'), fields }), type: 'AVRO' });
      }
      if (++done % 200 === 0) ctx.log(`${done} subjects registered (${Date.now() - t0} ms)`);
      return subject;
    });
    writer.transport.close();
    ctx.log(`registered ${SUBJECTS * VERSIONS} versions in ${Date.now() - t0} ms`);

    const measure = async (label: string, url: string, observation: 'auto' | 'v1' | 'v2', memoryFor: () => ObservationMemory) => {
      const times: number[] = [];
      let requests = 0;
      let inUse = '';
      let count = 0;
      for (let runIndex = 0; runIndex < RUNS; runIndex++) {
        // A new client per run: nothing cached from the previous run.
        const client = createRegistryClient({ ...settingsFor(url), observation }, { maxSockets: 8, timeoutMs: 60_000 });
        const started = process.hrtime.bigint();
        const listing = await listSubjects(client, { observation, includeDeleted: false, concurrency: 8, memory: memoryFor() });
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        requests = client.transport.requests;
        inUse = listing.observation.inUse;
        count = listing.subjects.length;
        client.transport.close();
      }
      if (count !== SUBJECTS) throw new Error(`${label}: listed ${count} subjects, expected ${SUBJECTS}`);
      ctx.log(`${label}: median ${median(times).toFixed(0)} ms over ${RUNS} runs (${times.map((t) => t.toFixed(0)).join(', ')}), ${requests} requests, mode in use ${inUse}`);
      return { ms: median(times), requests, inUse };
    };

    const autoFirst = await measure('auto, first listing (Apicurio)', registry.info.plain, 'auto', () => new ObservationMemory());
    const remembered = new ObservationMemory();
    const learner = createRegistryClient(settingsFor(registry.info.plain), { timeoutMs: 60_000 });
    await listSubjects(learner, { observation: 'auto', includeDeleted: false, memory: remembered });
    learner.transport.close();
    const autoKnown = await measure('auto, remembered (Apicurio)', registry.info.plain, 'auto', () => remembered);
    const v1 = await measure('forced v1 (Apicurio)', registry.info.plain, 'v1', () => new ObservationMemory());

    // The same 1,000 latest versions, served as Confluent's GET /schemas?latestOnly=true would.
    const reader = createRegistryClient(settingsFor(registry.info.plain), { maxSockets: 8, timeoutMs: 60_000 });
    const latest = await mapBounded(names, 8, undefined, async (subject) => reader.version(subject, 'latest'));
    reader.transport.close();
    const body = JSON.stringify(latest.map((entry) => ({ subject: entry.subject, version: entry.version, id: entry.id, schema: entry.schema })));
    stub = http.createServer((request, response) => {
      if ((request.url ?? '').startsWith('/schemas?')) {
        response.writeHead(200, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
        response.end(body);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => stub!.listen(0, '127.0.0.1', resolve));
    const v2 = await measure('v2 bulk (Confluent-shaped loopback stub)', `http://127.0.0.1:${(stub.address() as AddressInfo).port}`, 'v2', () => new ObservationMemory());

    const metric = `list ${SUBJECTS.toLocaleString('en-US')} subjects × ${VERSIONS} versions (latest of each)`;
    const rows: BenchRow[] = [
      {
        id: 'P7 subjects',
        metric: `${metric}, forced v1 on Apicurio`,
        unit: 'ms',
        odradek: v1.ms,
        peer: null,
        ratio: null,
        notes: `${v1.requests} requests (GET /subjects + one latest per subject, 8 at a time); median of ${RUNS}`,
      },
      {
        id: 'P7 subjects',
        metric: `${metric}, auto on Apicurio, first listing`,
        unit: 'ms',
        odradek: autoFirst.ms,
        peer: { name: 'forced v1', value: v1.ms },
        ratio: v1.ms / autoFirst.ms,
        notes: `${autoFirst.requests} requests: the bulk /schemas answer is unusable (entries lack subject/version/id; all ${SUBJECTS * VERSIONS} schemas in it), so it fell back to v1 (mode in use: ${autoFirst.inUse})`,
      },
      {
        id: 'P7 subjects',
        metric: `${metric}, auto on Apicurio, fallback remembered`,
        unit: 'ms',
        odradek: autoKnown.ms,
        peer: { name: 'forced v1', value: v1.ms },
        ratio: v1.ms / autoKnown.ms,
        notes: `${autoKnown.requests} requests, straight to v1 (mode in use: ${autoKnown.inUse})`,
      },
      {
        id: 'P7 subjects',
        metric: `${metric}, v2 bulk on a Confluent-shaped loopback stub`,
        unit: 'ms',
        odradek: v2.ms,
        peer: { name: 'forced v1 on Apicurio', value: v1.ms },
        ratio: v1.ms / v2.ms,
        notes: `${v2.requests} request; the stub serves the same latest versions read from Apicurio, so this is the client's side of v2, not a registry's`,
      },
    ];
    return rows;
  } finally {
    if (stub) await new Promise((resolve) => stub!.close(resolve));
    await registry.stop();
  }
};

export default benchmark;
