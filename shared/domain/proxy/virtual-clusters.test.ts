import { describe, expect, it } from 'vitest';
import { backingName, detectVirtualClusters, namesInVirtualCluster, virtualName } from './virtual-clusters';

const alice = { name: 'vc-alice', separator: '.' };
const alpha = { name: 'alpha', separator: '-' };

describe('virtual cluster names on the backing cluster', () => {
  it('Gateway style (the seed): vc-alice + . ', () => {
    expect(backingName(alice, 'orders')).toBe('vc-alice.orders');
    expect(virtualName(alice, 'vc-alice.orders')).toBe('orders');
    expect(virtualName(alice, 'vc-bob.orders')).toBeNull();
    expect(virtualName(alice, 'vc-alice.')).toBeNull();
    expect(namesInVirtualCluster(alice, ['vc-alice.orders', 'vc-bob.orders', 'vc-alice.payments', 'plain'])).toEqual(['orders', 'payments']);
  });

  it('Kroxylicious style: alpha + -; a name with the separator inside keeps it', () => {
    expect(backingName(alpha, 'my-topic')).toBe('alpha-my-topic');
    expect(virtualName(alpha, 'alpha-my-topic')).toBe('my-topic');
    expect(virtualName(alpha, 'alphabet-x')).toBeNull();
  });

  it('passthrough is the backing cluster as it is', () => {
    const passthrough = { name: 'passthrough', separator: '.' };
    expect(backingName(passthrough, 'orders')).toBe('orders');
    expect(namesInVirtualCluster(passthrough, ['b', 'a'])).toEqual(['a', 'b']);
  });

  it('detects prefixes shared by several names, never internal topics', () => {
    expect(detectVirtualClusters(['vc-alice.orders', 'vc-alice.payments', 'vc-bob.orders', 'vc-bob.x', 'lonely.one', '__consumer_offsets', '_schemas'], '.')).toEqual(['vc-alice', 'vc-bob']);
    expect(detectVirtualClusters(['alpha-a', 'alpha-b', 'beta-c'], '-', 1)).toEqual(['alpha', 'beta']);
  });
});
