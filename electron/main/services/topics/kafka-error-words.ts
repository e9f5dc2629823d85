// Kafka error codes in plain words, in one place: every topic action reports failures through
// `describeKafkaFailure`, so the same code always reads the same way.
import { unavailableBehindProxy, type ProxyFeature } from '../../../../shared/domain/proxy/proxy-features';
import { AppFailure, type ErrorCode } from '../../../../shared/ipc/result';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { ConfigChangeRejectedError } from '../kafka/protocol/incremental-alter-configs';
import { MalformedResponseError } from '../kafka/protocol/malformed-response';

interface Wording {
  code: ErrorCode;
  words: (principal: string, type: string) => string;
}

const notAuthorized: Wording = { code: 'KAFKA_ERROR', words: (principal, type) => `not authorized: ${type} for ${principal}` };

const wordings: Record<string, Wording> = {
  TOPIC_ALREADY_EXISTS: { code: 'CONFLICT', words: () => 'topic already exists' },
  UNKNOWN_TOPIC_OR_PARTITION: { code: 'NOT_FOUND', words: () => 'topic or partition does not exist (or this principal may not see it)' },
  UNKNOWN_TOPIC_ID: { code: 'NOT_FOUND', words: () => 'topic does not exist' },
  TOPIC_AUTHORIZATION_FAILED: notAuthorized,
  CLUSTER_AUTHORIZATION_FAILED: notAuthorized,
  GROUP_AUTHORIZATION_FAILED: notAuthorized,
  SASL_AUTHENTICATION_FAILED: { code: 'KAFKA_ERROR', words: (principal) => `authentication failed for ${principal}` },
  INVALID_TOPIC_EXCEPTION: { code: 'INVALID_INPUT', words: () => 'the broker refused the topic name' },
  INVALID_PARTITIONS: { code: 'INVALID_INPUT', words: () => 'invalid partition count' },
  INVALID_REPLICATION_FACTOR: { code: 'INVALID_INPUT', words: () => 'invalid replication factor (it cannot exceed the number of brokers)' },
  INVALID_REPLICA_ASSIGNMENT: { code: 'INVALID_INPUT', words: () => 'invalid replica assignment' },
  INVALID_CONFIG: { code: 'INVALID_INPUT', words: () => 'invalid configuration' },
  INVALID_REQUEST: { code: 'INVALID_INPUT', words: () => 'the broker refused the request as invalid' },
  POLICY_VIOLATION: { code: 'NOT_ALLOWED', words: () => "the cluster's create/alter policy refused it" },
  TOPIC_DELETION_DISABLED: { code: 'NOT_ALLOWED', words: () => 'topic deletion is disabled on this cluster (delete.topic.enable=false)' },
  OFFSET_OUT_OF_RANGE: { code: 'INVALID_INPUT', words: () => 'the offset is beyond the end of the partition' },
  REQUEST_TIMED_OUT: { code: 'TIMEOUT', words: () => 'the broker did not answer in time' },
  NOT_CONTROLLER: { code: 'KAFKA_ERROR', words: () => 'the controller moved; try again' },
  UNSUPPORTED_VERSION: { code: 'UNSUPPORTED', words: () => 'the broker does not support this request' },
  LEADER_NOT_AVAILABLE: { code: 'KAFKA_ERROR', words: () => 'a partition has no leader right now' },
  NOT_LEADER_OR_FOLLOWER: { code: 'KAFKA_ERROR', words: () => 'a partition leader moved; try again' },
  UNKNOWN_SERVER_ERROR: { code: 'KAFKA_ERROR', words: () => 'the broker reported an unexpected error' },
};

/**
 * Refuses, before any request, a feature the profile's proxy does not carry, naming the feature and why
 * (some of those calls would not fail but reach the backing cluster unprefixed).
 */
export function refuseBehindProxy(settings: KafkaConnectionSettings, feature: ProxyFeature): void {
  const words = unavailableBehindProxy(settings.proxy, feature);
  if (words) throw new AppFailure('UNSUPPORTED', words, { proxy: settings.proxy, feature });
}

/** The same sentence for a part of a screen that is left out (a warning), or null when the feature works. */
export function proxyGap(settings: KafkaConnectionSettings, feature: ProxyFeature): string | null {
  return unavailableBehindProxy(settings.proxy, feature);
}

/** The principal the profile authenticates as, for "not authorized … for User:x". */
export function principalOf(settings: KafkaConnectionSettings): string {
  const sasl = settings.sasl as { username?: unknown } | null;
  if (sasl && typeof sasl.username === 'string') return `User:${sasl.username}`;
  if (settings.sasl) return `the ${settings.sasl.mechanism} principal`;
  if (settings.tls?.identity) return "the client certificate's principal";
  return 'User:ANONYMOUS';
}

/** The first Kafka error type in an error, its cause chain or an aggregate's members. */
export function kafkaErrorType(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { type?: unknown; cause?: unknown; errors?: unknown; partitions?: unknown };
  if (typeof candidate.type === 'string' && candidate.type !== 'UNKNOWN') return candidate.type;
  for (const nested of [candidate.cause, ...(Array.isArray(candidate.errors) ? candidate.errors : []), ...(Array.isArray(candidate.partitions) ? candidate.partitions.map((entry: { error?: unknown }) => entry?.error) : [])]) {
    const type = kafkaErrorType(nested, depth + 1);
    if (type) return type;
  }
  return undefined;
}

/** An AppFailure saying what failed (`doing`, e.g. "Creating topic 'x'") and why, in plain words. */
export function describeKafkaFailure(error: unknown, doing: string, principal: string): AppFailure {
  if (error instanceof AppFailure) return error;
  const type = kafkaErrorType(error);
  const wording = type ? wordings[type] : undefined;
  const brokerDetail = brokerMessage(error);
  if (wording && type) {
    const extra = brokerDetail && !wording.words(principal, type).includes(brokerDetail) ? ` (${brokerDetail})` : '';
    return new AppFailure(wording.code, `${doing} failed: ${wording.words(principal, type)}${extra}.`, { kafkaError: type });
  }
  const reason = error instanceof Error ? error.message : String(error);
  // kafkajs' decoders trust the lengths a broker sends: a malformed answer surfaces as a bare RangeError
  // ("Invalid array length", "offset is out of range") that says nothing about the broker.
  if (error instanceof RangeError && !(error instanceof MalformedResponseError)) {
    return new AppFailure('KAFKA_ERROR', `${doing} failed: the broker's answer is malformed and could not be read (${reason}); the request was abandoned.`);
  }
  return new AppFailure('KAFKA_ERROR', `${doing} failed: ${type ? `${type}: ` : ''}${reason}`, type ? { kafkaError: type } : undefined);
}

/** Brokers explain some refusals (INVALID_CONFIG, POLICY_VIOLATION) in an error message worth keeping. */
function brokerMessage(error: unknown): string | undefined {
  // The wrapper keeps the broker's own explanation after "(TYPE): " in its message.
  if (error instanceof ConfigChangeRejectedError) return error.message.slice(error.message.indexOf('): ') + 3) || undefined;
  return undefined;
}
