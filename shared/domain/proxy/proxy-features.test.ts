import { describe, expect, it } from 'vitest';
import { proxyFeatures, proxyOfVendor, unavailableBehindProxy } from './proxy-features';

describe('features behind a proxy', () => {
  it('Kroxylicious: every feature it does not carry is named with the reason', () => {
    for (const feature of proxyFeatures) expect(unavailableBehindProxy('kroxylicious', feature)).toMatch(/^[A-Z].* is unavailable behind this proxy \(Kroxylicious\): .+\.$/);
    expect(unavailableBehindProxy('kroxylicious', 'acls')).toBe('ACLs is unavailable behind this proxy (Kroxylicious): ACL requests pass through it without the virtual cluster prefix or filtering.');
  });

  it('no proxy, or Conduktor Gateway: nothing refused', () => {
    for (const feature of proxyFeatures) {
      expect(unavailableBehindProxy(null, feature)).toBeNull();
      expect(unavailableBehindProxy('conduktor-gateway', feature)).toBeNull();
    }
  });

  it('the vendor says which proxy a profile goes through', () => {
    expect(proxyOfVendor('kroxylicious')).toBe('kroxylicious');
    expect(proxyOfVendor('conduktor-gateway')).toBe('conduktor-gateway');
    expect(proxyOfVendor('apache-kafka')).toBeNull();
  });
});
