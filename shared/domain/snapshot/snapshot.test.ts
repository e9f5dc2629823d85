import { describe, expect, it } from 'vitest';
import demo from '../../../test/fixtures/snapshots/demo.json';
import { parseSnapshot } from './snapshot';

describe('parseSnapshot', () => {
  it('accepts the documented format', () => {
    const result = parseSnapshot(JSON.stringify(demo));
    expect(result.ok && result.snapshot.clusters.map((c) => c.name)).toEqual(['dev', 'prod']);
  });

  it('defaults the optional sections to empty lists', () => {
    const result = parseSnapshot(JSON.stringify({ version: 1, capturedAt: '2026-11-23T12:00:00Z', clusters: [] }));
    expect(result.ok && [result.snapshot.schemaRegistries, result.snapshot.connectClusters, result.snapshot.ksqlDbs]).toEqual([[], [], []]);
  });

  it.each([
    { text: '{"version": 1,', path: '(root)' },
    { text: JSON.stringify({ ...demo, version: 2 }), path: 'version' },
    { text: JSON.stringify({ ...demo, clusters: [{ ...demo.clusters[0], topics: [{ name: 'x', partitions: 'three' }] }] }), path: 'clusters[0].topics[0].partitions' },
  ])('names the JSON path of a problem: $path', ({ text, path }) => {
    const result = parseSnapshot(text);
    expect(result.ok ? null : result.issues[0]!.path).toBe(path);
  });
});
