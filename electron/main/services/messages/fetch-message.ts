// One message in full, for the detail view of a row whose parts were cut to the preview size.
import type { SchemaResolver } from '../../../../shared/domain/decoders';
import type { BrowseRow } from '../../../../shared/domain/messages/browse-request';
import type { Clock } from '../ports';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { openFetchCluster, type FetchCluster, type FetchedRecord } from '../kafka/protocol/fetch-cluster';
import { applySchemaResolver, toRow } from './record-rows';

export interface FetchMessageDeps {
  clock: Clock;
  /** Decodes a registry-encoded key and value, as browsing does. */
  schemaResolver?: SchemaResolver;
  openCluster?: (settings: KafkaConnectionSettings) => Promise<FetchCluster>;
}

/** Largest single message this will read; Kafka's own default limit is 1 MiB, large setups allow ~100 MiB. */
export const FULL_MESSAGE_MAX_BYTES = 128 * 1024 * 1024;

/** The record at exactly this offset, decoded without truncation; null if it no longer exists (retention, compaction). */
export async function fetchMessage(
  settings: KafkaConnectionSettings,
  target: { topic: string; partition: number; offset: string },
  deps: FetchMessageDeps,
): Promise<BrowseRow | null> {
  const record = await fetchRecord(settings, target, deps);
  if (!record) return null;
  const row = toRow(target.partition, record, Number.MAX_SAFE_INTEGER);
  return deps.schemaResolver ? applySchemaResolver(row, record, deps.schemaResolver, Number.MAX_SAFE_INTEGER) : row;
}

/** The record at exactly this offset with its bytes as stored (re-produce copies them); null if it no longer exists. */
export async function fetchRecord(
  settings: KafkaConnectionSettings,
  target: { topic: string; partition: number; offset: string },
  deps: FetchMessageDeps,
): Promise<FetchedRecord | null> {
  const cluster = await (deps.openCluster ?? ((s) => openFetchCluster(s, deps.clock)))(settings);
  try {
    const offset = BigInt(target.offset);
    for (let attempt = 0; attempt < 6; attempt++) {
      // The broker always returns the first batch at the offset whole, however small the limit.
      const [result] = await cluster.fetch(target.topic, [{ partition: target.partition, offset }], {
        maxBytes: FULL_MESSAGE_MAX_BYTES,
        partitionMaxBytes: 1,
        maxWaitMs: 100,
      });
      if (!result || result.status === 'offset-out-of-range') return null;
      if (result.status === 'leader-changed') {
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
        continue;
      }
      return result.records.find((candidate) => candidate.offset === offset) ?? null;
    }
    throw new Error(`Partition ${target.partition} of '${target.topic}' has no reachable leader.`);
  } finally {
    await cluster.close().catch(() => undefined);
  }
}
