// One admin-client round: connect, work, always disconnect, and Kafka's failures in plain words.
import type { Admin } from 'kafkajs';
import { describeKafkaFailure, principalOf } from '../topics/kafka-error-words';
import type { KafkaClientFactory } from './client-factory';
import type { KafkaConnectionSettings } from './connection-settings';

/** `doing` starts the error message, e.g. "Deleting topic 'orders'" → "Deleting topic 'orders' failed: …". */
export async function withAdminClient<T>(factory: KafkaClientFactory, settings: KafkaConnectionSettings, doing: string, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = factory.create(settings).admin();
  try {
    await admin.connect();
    return await work(admin);
  } catch (error) {
    throw describeKafkaFailure(error, doing, principalOf(settings));
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The same round for a protocol-level session or cluster opened for the work (they have no admin client). */
export async function withOpened<Opened extends { close(): Promise<unknown> }, T>(open: () => Promise<Opened>, settings: KafkaConnectionSettings, doing: string, work: (opened: Opened) => Promise<T>): Promise<T> {
  let opened: Opened | undefined;
  try {
    opened = await open();
    return await work(opened);
  } catch (error) {
    throw describeKafkaFailure(error, doing, principalOf(settings));
  } finally {
    await opened?.close().catch(() => undefined);
  }
}
