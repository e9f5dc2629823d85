// What works behind a Kafka proxy, per feature, as observed on the test bed (docs/proxies.md). A profile
// says it goes through a proxy by its vendor; main refuses a feature the proxy does not carry with the
// feature's name and the reason, before the request, because some of these calls do not fail behind the
// proxy but reach the backing cluster unprefixed: they would show or change another virtual cluster's data.

export type ProxyKind = 'kroxylicious' | 'conduktor-gateway';

export const proxyFeatures = ['topic-configs', 'topic-config-changes', 'add-partitions', 'purge', 'delete-groups', 'sizes', 'acls'] as const;
export type ProxyFeature = (typeof proxyFeatures)[number];

export const proxyFeatureLabels: Readonly<Record<ProxyFeature, string>> = {
  'topic-configs': 'Topic configuration',
  'topic-config-changes': 'Changing topic configuration',
  'add-partitions': 'Adding partitions',
  purge: 'Purging records',
  'delete-groups': 'Deleting consumer groups',
  sizes: 'Sizes on disk',
  acls: 'ACLs',
};

export const proxyLabels: Readonly<Record<ProxyKind, string>> = { kroxylicious: 'Kroxylicious', 'conduktor-gateway': 'Conduktor Gateway' };

/** Kroxylicious 0.12.0's MultiTenant filter: why each feature cannot be offered through it. */
const kroxyliciousGaps: Readonly<Record<ProxyFeature, string>> = {
  'topic-configs': 'its MultiTenant filter passes DescribeConfigs to the cluster without the virtual cluster prefix',
  'topic-config-changes': 'its MultiTenant filter passes IncrementalAlterConfigs to the cluster without the virtual cluster prefix',
  'add-partitions': 'its MultiTenant filter passes CreatePartitions to the cluster without the virtual cluster prefix',
  purge: 'DeleteRecords through it never completes',
  'delete-groups': 'its MultiTenant filter passes DeleteGroups to the cluster without the virtual cluster prefix',
  sizes: 'DescribeLogDirs through it lists every virtual cluster’s partitions under their backing names',
  acls: 'ACL requests pass through it without the virtual cluster prefix or filtering',
};

/** Conduktor Gateway rewrites every request for its virtual clusters (seed): nothing is known to be missing. */
const gaps: Readonly<Record<ProxyKind, Partial<Record<ProxyFeature, string>>>> = { kroxylicious: kroxyliciousGaps, 'conduktor-gateway': {} };

/** The sentence saying the feature is unavailable behind this proxy, or null when it works there. */
export function unavailableBehindProxy(proxy: ProxyKind | null | undefined, feature: ProxyFeature): string | null {
  if (!proxy) return null;
  const why = gaps[proxy][feature];
  return why ? `${proxyFeatureLabels[feature]} is unavailable behind this proxy (${proxyLabels[proxy]}): ${why}.` : null;
}

export function proxyOfVendor(preset: string): ProxyKind | null {
  return preset === 'kroxylicious' || preset === 'conduktor-gateway' ? preset : null;
}
