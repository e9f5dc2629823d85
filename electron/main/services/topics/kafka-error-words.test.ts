import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/ipc/result';
import { ConfigChangeRejectedError } from '../kafka/protocol/incremental-alter-configs';
import { describeKafkaFailure, kafkaErrorType, principalOf } from './kafka-error-words';

const kafkaError = (type: string) => Object.assign(new Error(`raw ${type}`), { type });

describe('Kafka errors in plain words', () => {
  it('finds the error type in causes and aggregates', () => {
    expect(kafkaErrorType({ cause: kafkaError('TOPIC_AUTHORIZATION_FAILED') })).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(kafkaErrorType({ errors: [new Error('x'), kafkaError('TOPIC_ALREADY_EXISTS')] })).toBe('TOPIC_ALREADY_EXISTS');
    expect(kafkaErrorType(new Error('plain'))).toBeUndefined();
  });

  it('words known codes with the principal and keeps the broker explanation', () => {
    expect(describeKafkaFailure(kafkaError('TOPIC_ALREADY_EXISTS'), "Creating topic 'a'", 'User:x')).toMatchObject({ code: 'CONFLICT', message: "Creating topic 'a' failed: topic already exists." });
    expect(describeKafkaFailure({ cause: kafkaError('TOPIC_AUTHORIZATION_FAILED') }, "Deleting topic 'a'", 'User:x').message).toBe("Deleting topic 'a' failed: not authorized: TOPIC_AUTHORIZATION_FAILED for User:x.");
    const rejected = describeKafkaFailure(new ConfigChangeRejectedError('a', 'INVALID_CONFIG', 'Invalid value shred for cleanup.policy'), 'Changing', 'User:x');
    expect(rejected).toMatchObject({ code: 'INVALID_INPUT', message: 'Changing failed: invalid configuration (Invalid value shred for cleanup.policy).' });
  });

  it('passes AppFailures through and keeps unknown errors readable', () => {
    const failure = new AppFailure('NOT_ALLOWED', 'no');
    expect(describeKafkaFailure(failure, 'x', 'User:x')).toBe(failure);
    expect(describeKafkaFailure(new Error('socket hang up'), 'Listing topics', 'User:x')).toMatchObject({ code: 'KAFKA_ERROR', message: 'Listing topics failed: socket hang up' });
  });

  it('names the principal the profile authenticates as', () => {
    expect(principalOf({ name: 'p', bootstrapServers: [], tls: null, sasl: { mechanism: 'scram-sha-512', username: 'alice', password: 's' } })).toBe('User:alice');
    expect(principalOf({ name: 'p', bootstrapServers: [], tls: null, sasl: null })).toBe('User:ANONYMOUS');
  });
});
