// The one way main builds a kafkajs client from connection settings, used by every feature and by the
// connection diagnostics, so what the diagnostics prove is exactly what the app will do.
import { Kafka, logLevel, type KafkaConfig, type SASLOptions } from 'kafkajs';
import type { Clock } from '../ports';
import type { KafkaConnectionSettings, SaslSettings } from './connection-settings';
import { buildTlsOptions } from './tls-options';
import { cachedTokenSource, clientCredentialsTokenSource, mskIamTokenSource } from './token-providers';

export interface ClientTimeouts {
  connectionTimeoutMs: number;
  authenticationTimeoutMs: number;
  requestTimeoutMs: number;
  /** kafkajs retries; diagnostics use 0 so a failure is reported at once. */
  retries: number;
}

export const defaultClientTimeouts: ClientTimeouts = {
  connectionTimeoutMs: 10_000,
  authenticationTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  retries: 5,
};

export interface KafkaClientFactory {
  create(settings: KafkaConnectionSettings, timeouts?: Partial<ClientTimeouts>): Kafka;
}

export function createKafkaClientFactory(clock: Clock, log: (line: string) => void = () => undefined): KafkaClientFactory {
  return {
    create(settings, overrides = {}) {
      return new Kafka(buildKafkaConfig(settings, { ...defaultClientTimeouts, ...overrides }, clock, log));
    },
  };
}

/** The kafkajs configuration for a profile; also used to build the group-less fetch cluster (protocol/). */
export function buildKafkaConfig(
  settings: KafkaConnectionSettings,
  timeouts: ClientTimeouts,
  clock: Clock,
  log: (line: string) => void = () => undefined,
): KafkaConfig {
  const config: KafkaConfig = {
    clientId: 'odradek',
    brokers: settings.bootstrapServers,
    connectionTimeout: timeouts.connectionTimeoutMs,
    authenticationTimeout: timeouts.authenticationTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    retry: { retries: timeouts.retries, initialRetryTime: 250, maxRetryTime: 5_000 },
    // kafkajs log entries can carry broker addresses and request details, never credentials;
    // we still keep only warnings and errors, tagged with the profile name.
    logLevel: logLevel.WARN,
    logCreator: () => (entry) => log(`[kafka ${settings.name}] ${entry.log.message}`),
  };
  if (settings.tls) config.ssl = buildTlsOptions(settings.tls);
  if (settings.sasl) config.sasl = saslOptions(settings.sasl, clock);
  return config;
}

function saslOptions(sasl: SaslSettings, clock: Clock): SASLOptions {
  switch (sasl.mechanism) {
    case 'plain':
    case 'scram-sha-256':
    case 'scram-sha-512':
      return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
    case 'oauthbearer': {
      const token = cachedTokenSource(clientCredentialsTokenSource(sasl, clock), clock);
      return { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: (await token()).value }) };
    }
    case 'aws-msk-iam': {
      const token = cachedTokenSource(mskIamTokenSource(sasl), clock);
      return { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: (await token()).value }) };
    }
  }
}
