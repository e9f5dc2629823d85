// A profile resolved for connecting: secrets filled in from the keychain and files read. Only main holds
// values of this type; it never crosses IPC and is never logged.
import type { ProxyKind } from '../../../../shared/domain/proxy/proxy-features';

import type { TlsProfileName } from '../../../../shared/domain/profile/tls-profiles';

export type TlsTrust =
  | { kind: 'system' }
  | { kind: 'pem'; pem: string }
  | { kind: 'pkcs12'; data: Uint8Array; password: string }
  | { kind: 'jks'; data: Uint8Array; password: string };

export type TlsIdentity =
  | { kind: 'pem'; certificatePem: string; keyPem: string; passphrase?: string }
  | { kind: 'pkcs12'; data: Uint8Array; password: string }
  | { kind: 'jks'; data: Uint8Array; password: string; keyPassword?: string };

export interface TlsSettings {
  trust: TlsTrust;
  identity: TlsIdentity | null;
  verifyHostname: boolean;
  profile: TlsProfileName;
}

export type SaslSettings =
  | { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string }
  | {
      mechanism: 'oauthbearer';
      tokenEndpoint: string;
      clientId: string;
      clientSecret: string;
      scope?: string;
      audience?: string;
      extraParameters?: Record<string, string>;
    }
  | {
      mechanism: 'aws-msk-iam';
      region: string;
      credentials:
        | { source: 'default-chain' }
        | { source: 'profile'; profileName: string }
        | { source: 'static'; accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    };

/** The profile's Schema Registry with its secrets and files resolved (see services/schemas). */
export interface SchemaRegistrySettings {
  /** The id tenancy paths and snapshots use (`schemaRegistryIdOf`). */
  id: string;
  name: string;
  urls: string[];
  auth: { kind: 'none' } | { kind: 'basic'; username: string; password: string } | { kind: 'bearer'; token: string };
  /** null: the system's trust store and no client certificate (or plain http). */
  tls: TlsSettings | null;
  observation: 'auto' | 'v2' | 'v1';
  /** Set when a secret it needs is missing from the keychain: every request fails with this, none goes out without it. */
  unavailable?: string;
}

/** One of the profile's Kafka Connect clusters with its secrets and files resolved (see services/connect). */
export interface ConnectClusterSettings {
  /** The cluster's id in the profile; tenancy paths `["connect", id, "connector", name]` and snapshots use it. */
  id: string;
  name: string;
  urls: string[];
  auth: { kind: 'none' } | { kind: 'basic'; username: string; password: string } | { kind: 'bearer'; token: string };
  tls: TlsSettings | null;
  readOnly: boolean;
  /** As for the registry: a secret missing from the keychain fails this cluster's requests, not the profile. */
  unavailable?: string;
}

export interface KafkaConnectionSettings {
  /** Used in log lines and the Kafka client id; never a secret. */
  name: string;
  bootstrapServers: string[];
  tls: TlsSettings | null;
  sasl: SaslSettings | null;
  /** Absent or null when the profile names no Schema Registry. */
  schemaRegistry?: SchemaRegistrySettings | null;
  /** The Kafka proxy the bootstrap is, when the profile says so: features it does not carry are refused by name. */
  proxy?: ProxyKind | null;
  /** The profile's Connect clusters; absent or empty when it has none. */
  connect?: ConnectClusterSettings[];
}

export function splitHostPort(address: string): { host: string; port: number } {
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(address);
  const plain = /^([^:]+):(\d+)$/.exec(address);
  const match = bracketed ?? plain;
  if (!match) throw new Error(`'${address}' is not host:port.`);
  return { host: match[1]!, port: Number(match[2]) };
}
