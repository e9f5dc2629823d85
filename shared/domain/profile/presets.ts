// Vendor presets: defaults a new profile starts from and checks that catch the usual mistakes for that
// vendor. Checks only read the profile, so they work on drafts and stored profiles alike.
import { checkBootstrapAddress } from './bootstrap';
import { makeIssue, type ProfileIssue } from './issues';
import type { ConnectionProfile, ProfileDraft, VendorPresetId } from './profile-schema';

type AnyProfile = ConnectionProfile | ProfileDraft;

export interface VendorPreset {
  id: VendorPresetId;
  label: string;
  /** Sets the vendor and its defaults on a draft, leaving what the user already chose. */
  apply(draft: ProfileDraft): ProfileDraft;
  check(profile: AnyProfile): ProfileIssue[];
}

const hostsOf = (profile: AnyProfile) =>
  profile.bootstrapServers.map((address) => {
    const check = checkBootstrapAddress(address);
    return { address, host: check.ok ? check.host.toLowerCase() : address.toLowerCase(), port: check.ok ? check.port : null };
  });

const warning = (code: string, problem: string, fix: string, field = 'bootstrapServers') => makeIssue('warning', code, problem, { fix, field });

export const MSK_IAM_PORTS = [9098, 9198] as const;

/** The AWS region in an MSK broker host name (`b-1.x.y.kafka.eu-west-1.amazonaws.com`). */
export function mskRegionFromHost(host: string): string | undefined {
  return /\.kafka(?:-serverless)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com\.?$/i.exec(host)?.[1]?.toLowerCase();
}

function looksLikeWarpStreamControlPlane(address: string, host: string, port: number | null): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(address.trim())) return true;
  if (port === 443 || port === 80) return true;
  return /(^|\.)(console|api|app|metadata)\.(?:[a-z0-9-]+\.)*warpstream\.com\.?$/.test(host) || host === 'warpstream.com';
}

const apacheKafka: VendorPreset = { id: 'apache-kafka', label: 'Apache Kafka', apply: (draft) => ({ ...draft, vendor: { preset: 'apache-kafka' } }), check: () => [] };

const warpStream: VendorPreset = {
  id: 'warpstream',
  label: 'WarpStream',
  apply: (draft) => ({
    ...draft,
    vendor: { preset: 'warpstream' },
    // WarpStream's replication factor is logical (object storage does the durability); 1 is what it expects.
    topicDefaults: { replicationFactor: draft.topicDefaults.replicationFactor ?? 1, partitions: draft.topicDefaults.partitions ?? 1 },
  }),
  check(profile) {
    const issues: ProfileIssue[] = [];
    for (const { address, host, port } of hostsOf(profile)) {
      if (looksLikeWarpStreamControlPlane(address, host, port)) {
        issues.push(
          warning(
            'warpstream.control-plane-bootstrap',
            `'${address}' looks like a WarpStream control-plane or console URL, not a Kafka endpoint.`,
            'Use the bootstrap of your agents or virtual cluster (data plane), e.g. warpstream-agent.default.svc.cluster.local:9092.',
          ),
        );
      }
    }
    if (profile.topicDefaults.replicationFactor !== null && profile.topicDefaults.replicationFactor !== 1) {
      issues.push(
        warning(
          'warpstream.replication-factor',
          `WarpStream topics use replication factor 1 (durability comes from object storage); this profile defaults to ${profile.topicDefaults.replicationFactor}.`,
          'Set the default replication factor to 1.',
          'topicDefaults.replicationFactor',
        ),
      );
    }
    if (profile.schemaRegistry?.observation === 'v2') {
      issues.push(
        warning(
          'warpstream.schema-registry-v2',
          'Some WarpStream BYOC Schema Registry versions do not implement the bulk /schemas endpoint used by observation v2 (it answers 404).',
          "Use observation 'auto' (falls back to /subjects) or 'v1'.",
          'schemaRegistry.observation',
        ),
      );
    }
    return issues;
  },
};

const conduktorGateway: VendorPreset = {
  id: 'conduktor-gateway',
  label: 'Conduktor Gateway',
  apply: (draft) => ({
    ...draft,
    vendor: draft.vendor.preset === 'conduktor-gateway' ? draft.vendor : { preset: 'conduktor-gateway', prefixSeparator: '.' },
  }),
  check(profile) {
    if (profile.vendor.preset !== 'conduktor-gateway' || profile.vendor.virtualCluster) return [];
    return [
      makeIssue('info', 'gateway.no-virtual-cluster', 'No Gateway virtual cluster is set, so topics are shown as the Gateway passes them through.', {
        fix: 'Set the virtual cluster name if this Gateway user belongs to one (e.g. vc-alice).',
        field: 'vendor.virtualCluster',
      }),
    ];
  },
};

const confluentCloud: VendorPreset = {
  id: 'confluent-cloud',
  label: 'Confluent Cloud',
  apply: (draft) => ({
    ...draft,
    vendor: { preset: 'confluent-cloud' },
    securityProtocol: 'SASL_SSL',
    sasl: draft.sasl ?? { mechanism: 'plain', username: '' },
    tls: draft.tls ?? { trust: { kind: 'system' }, identity: null, verifyHostname: true, profile: 'default' },
  }),
  check(profile) {
    const issues: ProfileIssue[] = [];
    if (profile.securityProtocol !== 'SASL_SSL') {
      issues.push(warning('confluent.protocol', `Confluent Cloud expects SASL_SSL, not ${profile.securityProtocol}.`, 'Set the security protocol to SASL_SSL.', 'securityProtocol'));
    }
    if (profile.sasl && profile.sasl.mechanism !== 'plain' && profile.sasl.mechanism !== 'oauthbearer') {
      issues.push(
        warning('confluent.mechanism', `Confluent Cloud API keys use SASL PLAIN, not ${profile.sasl.mechanism.toUpperCase()}.`, 'Use PLAIN with the API key as user and the API secret as password.', 'sasl.mechanism'),
      );
    }
    return issues;
  },
};

const amazonMsk: VendorPreset = {
  id: 'amazon-msk',
  label: 'Amazon MSK',
  apply(draft) {
    const region = draft.bootstrapServers.map((address) => mskRegionFromHost(address.split(':')[0] ?? '')).find(Boolean) ?? '';
    return {
      ...draft,
      vendor: { preset: 'amazon-msk' },
      securityProtocol: 'SASL_SSL',
      sasl: draft.sasl ?? { mechanism: 'aws-msk-iam', region, credentials: { source: 'default-chain' } },
      tls: draft.tls ?? { trust: { kind: 'system' }, identity: null, verifyHostname: true, profile: 'default' },
    };
  },
  check(profile) {
    const issues: ProfileIssue[] = [];
    if (profile.sasl?.mechanism !== 'aws-msk-iam') return issues;
    const sasl = profile.sasl;
    if (profile.securityProtocol !== 'SASL_SSL') {
      issues.push(warning('msk.iam-protocol', `MSK IAM authentication runs over TLS; the protocol is ${profile.securityProtocol}.`, 'Set the security protocol to SASL_SSL.', 'securityProtocol'));
    }
    for (const { address, host, port } of hostsOf(profile)) {
      if (port !== null && !(MSK_IAM_PORTS as readonly number[]).includes(port)) {
        issues.push(
          warning('msk.iam-port', `'${address}': MSK serves IAM authentication on port 9098 (inside the VPC) and 9198 (public access), not ${port}.`, 'Use the IAM bootstrap string from the MSK console.'),
        );
      }
      const hostRegion = mskRegionFromHost(host);
      if (hostRegion && sasl.region && hostRegion !== sasl.region) {
        issues.push(warning('msk.region', `'${address}' is in ${hostRegion} but IAM signs for ${sasl.region}.`, `Set the region to ${hostRegion}.`, 'sasl.region'));
      }
    }
    return issues;
  },
};

const redpanda: VendorPreset = {
  id: 'redpanda',
  label: 'Redpanda',
  apply: (draft) => ({ ...draft, vendor: { preset: 'redpanda' } }),
  check(profile) {
    const cloud = hostsOf(profile).some(({ host }) => host.endsWith('.redpanda.com'));
    if (!cloud || (profile.securityProtocol === 'SASL_SSL' && profile.sasl?.mechanism.startsWith('scram'))) return [];
    return [warning('redpanda.cloud-auth', 'Redpanda Cloud clusters expect SASL_SSL with SCRAM-SHA-256 or SCRAM-SHA-512.', 'Set SASL_SSL and the SCRAM user from the Redpanda Cloud console.', 'securityProtocol')];
  },
};

const aiven: VendorPreset = {
  id: 'aiven',
  label: 'Aiven',
  apply: (draft) => ({ ...draft, vendor: { preset: 'aiven' } }),
  check(profile) {
    if (profile.tls?.trust.kind !== 'system') return [];
    return [
      warning('aiven.project-ca', 'Aiven Kafka certificates are signed by your Aiven project CA, which the system trust store does not contain.', "Download the project's ca.pem from the Aiven console and use it as the CA.", 'tls.trust'),
    ];
  },
};

/** A Kroxylicious proxy (its MultiTenant filter gives each virtual cluster its own port): features it does not carry are refused by name. */
const kroxylicious: VendorPreset = {
  id: 'kroxylicious',
  label: 'Kroxylicious proxy',
  apply: (draft) => ({ ...draft, vendor: { preset: 'kroxylicious' } }),
  check: () => [],
};

export const vendorPresets: Readonly<Record<VendorPresetId, VendorPreset>> = {
  kroxylicious,
  'apache-kafka': apacheKafka,
  warpstream: warpStream,
  'conduktor-gateway': conduktorGateway,
  'confluent-cloud': confluentCloud,
  'amazon-msk': amazonMsk,
  redpanda,
  aiven,
};

export function applyVendorPreset(draft: ProfileDraft, preset: VendorPresetId): ProfileDraft {
  return vendorPresets[preset].apply(draft);
}

/** Guesses the vendor from bootstrap host names and any free-text names (e.g. a Kpow ENVIRONMENT_NAME). */
export function detectVendorPreset(bootstrapServers: readonly string[], names: readonly string[] = []): VendorPresetId {
  const hosts = bootstrapServers.map((address) => address.toLowerCase());
  const text = names.join(' ').toLowerCase();
  if (hosts.some((host) => host.includes('.confluent.cloud'))) return 'confluent-cloud';
  if (hosts.some((host) => /\.kafka(-serverless)?\.[a-z0-9-]+\.amazonaws\.com/.test(host))) return 'amazon-msk';
  if (hosts.some((host) => host.includes('.aivencloud.com'))) return 'aiven';
  if (hosts.some((host) => host.includes('redpanda'))) return 'redpanda';
  if (hosts.some((host) => host.includes('warpstream')) || text.includes('warpstream')) return 'warpstream';
  if (text.includes('conduktor') || text.includes('gateway')) return 'conduktor-gateway';
  return 'apache-kafka';
}
