// The connection profile. One schema builder yields two shapes that differ only at secret leaves: the
// stored `ConnectionProfile` holds a `SecretRef` there, the `ProfileDraft` (an import preview, a form,
// or a profile resolved for connecting) holds the value itself.
import { z } from 'zod';
import { checkBootstrapAddress } from './bootstrap';
import { CONNECT_CLUSTER_ID_PATTERN, isSecretSlot, parseConnectSecretSlot, secretSlots, secretStates, type ConnectSecretKind, type ConnectSecretSlot, type SecretSlot } from './secret-slots';
import { tlsProfileNames } from './tls-profiles';

export const PROFILE_SCHEMA_VERSION = 1;

export const securityProtocols = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export type SecurityProtocol = (typeof securityProtocols)[number];

export const saslMechanisms = ['plain', 'scram-sha-256', 'scram-sha-512', 'oauthbearer', 'aws-msk-iam', 'gssapi'] as const;
export type SaslMechanism = (typeof saslMechanisms)[number];

/** kafkajs has no GSSAPI: the mechanism is recognised so users get this instead of a silent failure. */
export const GSSAPI_UNSUPPORTED_MESSAGE =
  'Kerberos (GSSAPI) is not supported: kafkajs has no GSSAPI implementation; use SCRAM, OAUTHBEARER or mTLS if your cluster offers it';

export const environmentTags = ['local', 'dev', 'test', 'staging', 'prod'] as const;
export type EnvironmentTag = (typeof environmentTags)[number];
export const defaultEnvironmentColours: Record<EnvironmentTag, string> = {
  local: '#868e96',
  dev: '#40c057',
  test: '#15aabf',
  staging: '#fab005',
  prod: '#fa5252',
};

export const vendorPresetIds = ['apache-kafka', 'warpstream', 'conduktor-gateway', 'confluent-cloud', 'amazon-msk', 'redpanda', 'aiven', 'kroxylicious'] as const;
export type VendorPresetId = (typeof vendorPresetIds)[number];

export const profileActions = [
  'create-topics',
  'edit-topics',
  'delete-topics',
  'produce',
  'reset-offsets',
  'delete-groups',
  'edit-acls',
  'edit-quotas',
  'edit-schemas',
  'export-data',
  'edit-brokers',
  'reassign-partitions',
  /** Pause, resume, stop and restart connectors and tasks. */
  'operate-connectors',
  /** Create, reconfigure and delete connectors; alter and reset their offsets. */
  'edit-connectors',
] as const;
export type ProfileAction = (typeof profileActions)[number];

export const schemaRegistryObservations = ['auto', 'v2', 'v1'] as const;
export type SchemaRegistryObservation = (typeof schemaRegistryObservations)[number];

export const secretRefSchema = (slot: SecretSlot) => z.object({ slot: z.literal(slot), state: z.enum(secretStates) });
const draftSecretSchema = () => z.string().optional();
/** Any slot, static or a Connect cluster's (`connect.<id>.password`). */
export const secretSlotSchema = z.custom<SecretSlot>((value) => typeof value === 'string' && isSecretSlot(value), { message: 'Unknown secret slot.' });
export const staticSecretSlotSchema = z.enum(secretSlots);
/** A Connect cluster's secret reference; its slot must name the cluster's own id (checked by the cluster schema). */
const connectSecretRefSchema = (kind: ConnectSecretKind) =>
  z.object({
    slot: z.custom<ConnectSecretSlot>((value) => typeof value === 'string' && parseConnectSecretSlot(value)?.kind === kind, { message: `Not a Connect ${kind} slot.` }),
    state: z.enum(secretStates),
  });
const connectDraftSecretSchema = (_kind: ConnectSecretKind) => z.string().optional();

const bootstrapAddressSchema = z.string().superRefine((address, ctx) => {
  const check = checkBootstrapAddress(address);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
});

const httpUrlSchema = z.string().refine((url) => /^https?:\/\/[^\s/?#]+/i.test(url), { message: 'Use an http:// or https:// URL.' });
const filePathSchema = z.string().min(1, 'Give the file path.');

function buildProfileSchema<Secret extends z.ZodType, ConnectSecret extends z.ZodType>(secret: (slot: SecretSlot) => Secret, connectSecret: (kind: ConnectSecretKind) => ConnectSecret) {
  /**
   * A PKCS12 or JKS store is either a file the profile refers to by path or bytes imported into the
   * keychain (base64 in `store`). `source` is absent in profiles saved before keychain import existed,
   * which all meant a file.
   */
  const storeVariants = <Kind extends 'pkcs12' | 'jks', Extra extends z.ZodRawShape>(kind: Kind, storeSlot: SecretSlot, extra: Extra) =>
    z.discriminatedUnion('source', [
      z.object({ kind: z.literal(kind), source: z.literal('file').optional(), path: filePathSchema, ...extra }),
      z.object({ kind: z.literal(kind), source: z.literal('keychain'), store: secret(storeSlot), ...extra }),
    ]);

  const tlsTrust = (prefix: 'tls' | 'schemaRegistry.tls' | 'failover.tls') =>
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('system') }),
      z.object({ kind: z.literal('pem-file'), path: filePathSchema }),
      z.object({ kind: z.literal('pem-text'), pem: z.string().min(1) }),
      storeVariants('pkcs12', `${prefix}.truststore`, { password: secret(`${prefix}.truststorePassword`) }),
      storeVariants('jks', `${prefix}.truststore`, { password: secret(`${prefix}.truststorePassword`) }),
    ]);

  const tlsIdentity = (prefix: 'tls' | 'schemaRegistry.tls' | 'failover.tls') =>
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('pem'),
        certificate: z.discriminatedUnion('source', [
          z.object({ source: z.literal('file'), path: filePathSchema }),
          z.object({ source: z.literal('text'), pem: z.string().min(1) }),
        ]),
        key: z.discriminatedUnion('source', [
          z.object({ source: z.literal('file'), path: filePathSchema }),
          z.object({ source: z.literal('text'), pem: secret(`${prefix}.privateKey`) }),
        ]),
        /** Passphrase of an encrypted private key. */
        keyPassword: secret(`${prefix}.keyPassword`),
      }),
      storeVariants('pkcs12', `${prefix}.keystore`, { password: secret(`${prefix}.keystorePassword`) }),
      storeVariants('jks', `${prefix}.keystore`, { password: secret(`${prefix}.keystorePassword`), keyPassword: secret(`${prefix}.keyPassword`) }),
    ]);

  const saslFor = (prefix: '' | 'failover.') => z.discriminatedUnion('mechanism', [
    z.object({ mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']), username: z.string().min(1, 'Give the SASL username.'), password: secret(`${prefix}sasl.password`) }),
    z.object({
      mechanism: z.literal('oauthbearer'),
      tokenEndpoint: httpUrlSchema,
      clientId: z.string().min(1, 'Give the OAuth client id.'),
      clientSecret: secret(`${prefix}sasl.clientSecret`),
      scope: z.string().optional(),
      audience: z.string().optional(),
      /** Extra form parameters sent to the token endpoint (some identity providers need e.g. `resource`). */
      extraParameters: z.record(z.string(), z.string()),
    }),
    z.object({
      mechanism: z.literal('aws-msk-iam'),
      region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'Give the AWS region, e.g. eu-west-1.'),
      credentials: z.discriminatedUnion('source', [
        z.object({ source: z.literal('default-chain') }),
        z.object({ source: z.literal('profile'), profileName: z.string().min(1) }),
        z.object({
          source: z.literal('static'),
          accessKeyId: z.string().min(1, 'Give the AWS access key id.'),
          secretAccessKey: secret(`${prefix}sasl.secretAccessKey`),
          sessionToken: secret(`${prefix}sasl.sessionToken`),
        }),
      ]),
    }),
    // Recognised so an imported Kerberos config explains itself; validation rejects it (see checks).
    z.object({ mechanism: z.literal('gssapi'), principal: z.string().optional(), serviceName: z.string().optional(), keytabPath: z.string().optional() }),
  ]);

  const sasl = saslFor('');
  const tlsFor = (prefix: 'tls' | 'failover.tls') =>
    z.object({
      trust: tlsTrust(prefix),
      identity: tlsIdentity(prefix).nullable(),
      verifyHostname: z.boolean(),
      profile: z.enum(tlsProfileNames),
    });
  const tls = tlsFor('tls');

  /**
   * A second cluster the user can switch the profile to (disaster recovery): its own bootstrap, security
   * and credentials. Topics, groups and schemas are expected to be replicated (MirrorMaker 2, Cluster
   * Linking…); Odradek never switches on its own.
   */
  const failover = z
    .object({
      bootstrapServers: z.array(bootstrapAddressSchema).min(1, 'Give at least one bootstrap server (host:port) for the failover cluster.'),
      securityProtocol: z.enum(securityProtocols),
      sasl: saslFor('failover.').nullable(),
      tls: tlsFor('failover.tls').nullable(),
    })
    .superRefine((cluster, ctx) => checkSecurityShape(cluster, ctx));

  const schemaRegistry = z.object({
    name: z.string().optional(),
    urls: z.array(httpUrlSchema).min(1, 'Give at least one Schema Registry URL.'),
    auth: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }),
      z.object({ kind: z.literal('basic'), username: z.string().min(1, 'Give the Schema Registry user.'), password: secret('schemaRegistry.password') }),
      z.object({ kind: z.literal('bearer'), token: secret('schemaRegistry.token') }),
    ]),
    tls: z.object({ trust: tlsTrust('schemaRegistry.tls'), identity: tlsIdentity('schemaRegistry.tls').nullable(), verifyHostname: z.boolean() }).nullable(),
    observation: z.enum(schemaRegistryObservations),
  });

  /**
   * A Kafka Connect cluster: its REST URLs are tried in order (fail-over), auth and TLS are its own
   * (Connect rarely shares the brokers' credentials), and it can be read-only while the profile is not.
   */
  const connectCluster = z.object({
    id: z.string().regex(CONNECT_CLUSTER_ID_PATTERN, 'A Connect cluster id is lower-case letters, digits and "-".'),
    name: z.string().trim().min(1, 'Give the Connect cluster a name.').max(100),
    urls: z.array(httpUrlSchema).min(1, 'Give at least one Connect REST URL.'),
    auth: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }),
      z.object({ kind: z.literal('basic'), username: z.string().min(1, 'Give the Connect REST user.'), password: connectSecret('password') }),
      z.object({ kind: z.literal('bearer'), token: connectSecret('token') }),
    ]),
    tls: z
      .object({
        /** PEM file of the CA that signed the workers' certificates; null = the system's CAs. */
        caFile: z.string().min(1).nullable(),
        /** Client certificate and key (PEM files) when the workers require one. */
        clientCertFile: z.string().min(1).nullable(),
        clientKeyFile: z.string().min(1).nullable(),
        keyPassword: connectSecret('tls.keyPassword'),
        verifyHostname: z.boolean(),
      })
      .nullable(),
    readOnly: z.boolean(),
  });

  const vendor = z.discriminatedUnion('preset', [
    z.object({ preset: z.enum(vendorPresetIds.filter((id) => id !== 'conduktor-gateway') as [Exclude<VendorPresetId, 'conduktor-gateway'>, ...Exclude<VendorPresetId, 'conduktor-gateway'>[]]) }),
    z.object({
      preset: z.literal('conduktor-gateway'),
      /** The Gateway virtual cluster this profile sees; absent for a transparent (passthrough) Gateway. */
      virtualCluster: z.string().optional(),
      /** What separates the virtual-cluster prefix from resource names on the backing cluster. */
      prefixSeparator: z.string().min(1),
    }),
  ]);

  return z
    .object({
      schemaVersion: z.literal(PROFILE_SCHEMA_VERSION),
      id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'A profile id is letters, digits, ".", "_" or "-" (no "/").'),
      name: z.string().trim().min(1, 'Give the profile a name.').max(200),
      environment: z.object({ tag: z.enum(environmentTags), colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a #rrggbb colour.') }),
      bootstrapServers: z.array(bootstrapAddressSchema).min(1, 'Give at least one bootstrap server (host:port).'),
      securityProtocol: z.enum(securityProtocols),
      sasl: sasl.nullable(),
      tls: tls.nullable(),
      schemaRegistry: schemaRegistry.nullable(),
      /** Kafka Connect clusters; absent in profiles saved before Connect support, which had none. */
      connect: z.array(connectCluster).default([]),
      vendor,
      /** Defaults offered when creating topics; null = the cluster's own default. */
      topicDefaults: z.object({ replicationFactor: z.number().int().min(1).nullable(), partitions: z.number().int().min(1).nullable() }),
      safety: z.object({ readOnly: z.boolean(), allowedActions: z.array(z.enum(profileActions)) }),
      /** Absent in profiles saved before failover existed: no failover cluster. */
      failover: failover.nullable().optional(),
      /**
       * What a Gateway token password says about itself (user, virtual cluster, expiry), worked out by
       * main when the profile is saved; never the token. Absent or null: the password is not one.
       */
      gatewayToken: z.object({ username: z.string(), virtualCluster: z.string(), expiresAt: z.string().nullable() }).nullable().optional(),
      /** Which cluster the profile connects to; only an explicit switch changes it. Absent = main. */
      activeCluster: z.enum(clusterRoles).optional(),
    })
    .superRefine((profile, ctx) => {
      checkSecurityShape(profile, ctx);
      if (profile.activeCluster === 'failover' && !profile.failover) ctx.addIssue({ code: 'custom', path: ['activeCluster'], message: 'The profile is switched to its failover cluster but has none.' });
      const seen = new Set<string>();
      profile.connect.forEach((cluster, index) => {
        if (seen.has(cluster.id)) ctx.addIssue({ code: 'custom', path: ['connect', index, 'id'], message: `Two Connect clusters have the id ${cluster.id}.` });
        seen.add(cluster.id);
        const tlsKey = cluster.tls && (cluster.tls.clientCertFile === null) !== (cluster.tls.clientKeyFile === null);
        if (tlsKey) ctx.addIssue({ code: 'custom', path: ['connect', index, 'tls'], message: 'A Connect client certificate needs both the certificate and the key file.' });
        const auth = cluster.auth as Record<string, unknown>;
        const refs: [unknown, string][] = [
          [auth['password'], 'password'],
          [auth['token'], 'token'],
          [(cluster.tls as Record<string, unknown> | null)?.['keyPassword'], 'tls.keyPassword'],
        ];
        for (const [ref, kind] of refs) {
          const slot = ref !== null && typeof ref === 'object' ? (ref as { slot?: string }).slot : undefined;
          if (slot !== undefined && slot !== `connect.${cluster.id}.${kind}`) ctx.addIssue({ code: 'custom', path: ['connect', index], message: `Secret slot ${slot} does not belong to Connect cluster ${cluster.id}.` });
        }
      });
    });
}

export const clusterRoles = ['main', 'failover'] as const;
export type ClusterRole = (typeof clusterRoles)[number];

function checkSecurityShape(
  cluster: { securityProtocol: SecurityProtocol; sasl: { mechanism: string } | null; tls: unknown },
  ctx: z.RefinementCtx,
): void {
  const usesSasl = cluster.securityProtocol === 'SASL_PLAINTEXT' || cluster.securityProtocol === 'SASL_SSL';
  const usesTls = cluster.securityProtocol === 'SSL' || cluster.securityProtocol === 'SASL_SSL';
  if (usesSasl && cluster.sasl === null) ctx.addIssue({ code: 'custom', path: ['sasl'], message: `${cluster.securityProtocol} needs SASL settings.` });
  if (!usesSasl && cluster.sasl !== null) ctx.addIssue({ code: 'custom', path: ['sasl'], message: `SASL settings need security protocol SASL_PLAINTEXT or SASL_SSL, not ${cluster.securityProtocol}.` });
  if (usesTls && cluster.tls === null) ctx.addIssue({ code: 'custom', path: ['tls'], message: `${cluster.securityProtocol} needs TLS settings.` });
  if (!usesTls && cluster.tls !== null) ctx.addIssue({ code: 'custom', path: ['tls'], message: `TLS settings need security protocol SSL or SASL_SSL, not ${cluster.securityProtocol}.` });
  if (cluster.sasl?.mechanism === 'gssapi') ctx.addIssue({ code: 'custom', path: ['sasl', 'mechanism'], message: GSSAPI_UNSUPPORTED_MESSAGE });
}

/**
 * The draft to connect with: the main cluster's, or, when the profile is switched to its failover, the
 * same profile with the failover cluster's bootstrap, security and credentials in place of the main's.
 */
export function activeClusterDraft<P extends { bootstrapServers: string[]; securityProtocol: SecurityProtocol; sasl: unknown; tls: unknown; failover?: unknown; activeCluster?: ClusterRole }>(
  profile: P,
): P {
  const failover = profile.failover as Pick<P, 'bootstrapServers' | 'securityProtocol' | 'sasl' | 'tls'> | null | undefined;
  if (profile.activeCluster !== 'failover' || !failover) return profile;
  return { ...profile, bootstrapServers: failover.bootstrapServers, securityProtocol: failover.securityProtocol, sasl: failover.sasl, tls: failover.tls };
}

export const connectionProfileSchema = buildProfileSchema(secretRefSchema, connectSecretRefSchema);
export const profileDraftSchema = buildProfileSchema(draftSecretSchema, connectDraftSecretSchema);

/** A stored profile: secrets appear only as slot references. Safe to persist, log, show and send over IPC. */
export type ConnectionProfile = z.infer<typeof connectionProfileSchema>;
/** The same shape with secret values inline. Lives in main (or briefly in a form); never persisted. */
export type ProfileDraft = z.infer<typeof profileDraftSchema>;

export type SaslConfig<P extends ConnectionProfile | ProfileDraft = ConnectionProfile> = NonNullable<P['sasl']>;
export type TlsConfig<P extends ConnectionProfile | ProfileDraft = ConnectionProfile> = NonNullable<P['tls']>;
export type SchemaRegistryConfig<P extends ConnectionProfile | ProfileDraft = ConnectionProfile> = NonNullable<P['schemaRegistry']>;
export type ConnectClusterConfig<P extends ConnectionProfile | ProfileDraft = ConnectionProfile> = P['connect'][number];

/** A Connect cluster allows an action when the profile does and the cluster itself is not read-only. */
export function isConnectActionAllowed(profile: Pick<ConnectionProfile, 'safety'>, cluster: { readOnly: boolean }, action: 'operate-connectors' | 'edit-connectors'): boolean {
  return !cluster.readOnly && isActionAllowed(profile, action);
}

export function isActionAllowed(profile: Pick<ConnectionProfile, 'safety'>, action: ProfileAction): boolean {
  return !profile.safety.readOnly && profile.safety.allowedActions.includes(action);
}

export function guessEnvironmentTag(name: string): EnvironmentTag {
  if (/\bprod|production|\bprd\b|\blive\b/i.test(name)) return 'prod';
  if (/stag|\bpre-?prod|\buat\b/i.test(name)) return 'staging';
  if (/\btest|\bqa\b/i.test(name)) return 'test';
  if (/local|docker|\bdev-?box/i.test(name)) return 'local';
  return 'dev';
}

/** A blank draft with the defaults a new profile starts from. */
export function emptyProfileDraft(id: string, name: string): ProfileDraft {
  const tag = guessEnvironmentTag(name);
  return {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    id,
    name,
    environment: { tag, colour: defaultEnvironmentColours[tag] },
    bootstrapServers: [],
    securityProtocol: 'PLAINTEXT',
    sasl: null,
    tls: null,
    schemaRegistry: null,
    connect: [],
    vendor: { preset: 'apache-kafka' },
    topicDefaults: { replicationFactor: null, partitions: null },
    safety: { readOnly: false, allowedActions: [...profileActions] },
  };
}
