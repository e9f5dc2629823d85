// The connection details of a running test bed. Plain JSON: it crosses process boundaries
// (Vitest `provide`/`inject`, `npm run kafka:up`, testbed/.cache/state.json).
import type { ProxyInfo } from './proxy';
import type { ConnectInfo } from './connect';
import type { RegistryInfo } from './registry';

export type KafkaLine = '4' | '3.9';

export interface Credentials {
  username: string;
  password: string;
}

/** Bootstrap addresses ("127.0.0.1:port,...") per client-facing listener. */
export interface ListenerBootstraps {
  /** No authentication; principal User:ANONYMOUS (a super user). */
  plaintext: string;
  /** SASL PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512. */
  saslPlaintext: string;
  /** TLS with a required client certificate; principal User:odradek-client (a super user). */
  ssl: string;
  /** TLS (no client certificate) + SASL PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512. */
  saslSsl: string;
  /** SASL_PLAINTEXT with OAUTHBEARER only, JWTs validated against the bed's JWKS. */
  oauth: string;
  /** TLS whose server certificate names the wrong host (for diagnostics tests); no client cert needed. */
  sslWrongHost: string;
}

export interface PemKeyPair {
  cert: string;
  key: string;
}

export interface TlsMaterial {
  dir: string;
  /** Password of every PKCS12/JKS store and of the encrypted PEM key. */
  password: string;
  ca: { cert: string; key: string; truststoreP12: string; truststoreJks: string };
  broker: PemKeyPair & { keystoreP12: string };
  client: PemKeyPair & {
    /** The same key, PKCS#8 PEM encrypted with `password`. */
    encryptedKey: string;
    keystoreP12: string;
    keystoreJks: string;
    /** Principal the broker maps the certificate's DN to. */
    principal: string;
  };
  /** Signed by the CA but valid only in 2020. */
  expiredClient: PemKeyPair;
  /** Signed by the CA for wrong-host.invalid; served by the sslWrongHost listener. */
  wrongHost: PemKeyPair & { keystoreP12: string };
}

export interface OAuthInfo {
  tokenEndpoint: string;
  jwksEndpoint: string;
  issuer: string;
  audience: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** The Kafka principal of tokens issued to clientId (a super user). */
  principal: string;
}

export interface ProcessCommand {
  command: string;
  args: string[];
}

export interface TestbedNodeInfo {
  id: number;
  /** pid of the last start; the pid file is the source of truth after restarts from other processes. */
  pid: number;
  pidFile: string;
  logFile: string;
  configFile: string;
  dataDir: string;
  listeners: ListenerBootstraps;
  controller: string;
  start: ProcessCommand;
}

export interface TestbedInfo {
  /** Exact broker version, e.g. "4.3.1". */
  kafkaVersion: string;
  line: KafkaLine;
  clusterId: string;
  /** This run's directory (configs, logs, data, TLS material). */
  dataDir: string;
  /** Every broker's address per listener. */
  listeners: ListenerBootstraps;
  nodes: TestbedNodeInfo[];
  users: {
    /** Super user; inter-broker traffic uses it too. */
    admin: Credentials;
    /** No rights except ACLs a test grants (see helpers.grantAcl). */
    restricted: Credentials;
  };
  oauth: OAuthInfo;
  tls: TlsMaterial;
  /** java -cp value for running Kafka's own tools against the bed. */
  classpath: string;
  /** Process that owns the bed: the Vitest main process or the kafka:up supervisor. */
  ownerPid: number;
  /** Apicurio Registry, when kafka:up was asked for it (TESTBED_REGISTRY=1); see testbed/registry.ts. */
  registry?: RegistryInfo | null;
  /** Kroxylicious with alpha and beta virtual clusters, when kafka:up was asked for it (TESTBED_PROXY=1); see testbed/proxy.ts. */
  proxy?: ProxyInfo | null;
  /** Kafka Connect (two clusters), when kafka:up was asked for it (TESTBED_CONNECT=1); see testbed/connect.ts. */
  connect?: ConnectInfo | null;
}
