// IncrementalAlterConfigs (API key 44), which kafkajs does not implement: unlike AlterConfigs it
// changes only the keys named, so other overrides on the resource stay as they are.
import Decoder from 'kafkajs/src/protocol/decoder.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import type { FetchCluster } from './fetch-cluster';

const API_KEY = 44;

const RESOURCE_TYPES = { topic: 2, broker: 4, 'broker-logger': 8 } as const;
const OPERATIONS = { set: 0, delete: 1, append: 2, subtract: 3 } as const;

export type ConfigResourceType = keyof typeof RESOURCE_TYPES;

export type ConfigChange =
  | { name: string; operation: 'set' | 'append' | 'subtract'; value: string }
  | { name: string; operation: 'delete' };

export interface ConfigResourceChanges {
  type: ConfigResourceType;
  /** Topic name, or the broker id as a string. */
  name: string;
  changes: ConfigChange[];
}

interface IncrementalAlterConfigsResponse {
  responses: { errorCode: number; errorMessage: string | null; resourceType: number; resourceName: string }[];
}

/**
 * Request (v0) => [resources] validate_only
 *   resources => resource_type resource_name [configs]: INT8, STRING
 *     configs => name config_operation value: STRING, INT8, NULLABLE_STRING
 *   validate_only => BOOLEAN
 * Response (v0) => throttle_time_ms [responses]
 *   responses => error_code error_message resource_type resource_name: INT16, NULLABLE_STRING, INT8, STRING
 * v1 is the flexible encoding of the same fields.
 */
const incrementalAlterConfigsDefinition = {
  versions: ['0'],
  protocol:
    ({ version }: { version: number }) =>
    ({ resources, validateOnly }: { resources: ConfigResourceChanges[]; validateOnly: boolean }) => ({
      request: {
        apiKey: API_KEY,
        apiVersion: version,
        apiName: 'IncrementalAlterConfigs',
        encode: async () =>
          new Encoder()
            .writeArray(
              resources.map((resource) =>
                new Encoder()
                  .writeInt8(RESOURCE_TYPES[resource.type])
                  .writeString(resource.name)
                  .writeArray(
                    resource.changes.map((change) =>
                      new Encoder()
                        .writeString(change.name)
                        .writeInt8(OPERATIONS[change.operation])
                        .writeString(change.operation === 'delete' ? null : change.value),
                    ),
                  ),
              ),
            )
            .writeBoolean(validateOnly),
      },
      response: {
        decode: async (raw: Buffer): Promise<IncrementalAlterConfigsResponse> => {
          const decoder = new Decoder(raw);
          decoder.readInt32();
          return {
            responses: decoder.readArray((entry) => ({
              errorCode: entry.readInt16(),
              errorMessage: entry.readString(),
              resourceType: entry.readInt8(),
              resourceName: entry.readString() ?? '',
            })),
          };
        },
        parse: async (data: unknown) => data,
      },
    }),
};

export class ConfigChangeRejectedError extends Error {
  override readonly name = 'ConfigChangeRejectedError';
  constructor(
    readonly resource: string,
    readonly type: string,
    detail: string,
  ) {
    super(`Changing the configuration of ${resource} was rejected (${type}): ${detail}`);
  }
}

/**
 * Applies only the given changes. Broker resources go to that broker (a broker applies its own
 * dynamic configs); topic changes and the cluster-wide broker default go to any broker, which
 * forwards them to the controller.
 */
export async function incrementalAlterConfigs(
  cluster: FetchCluster,
  resources: ConfigResourceChanges[],
  options: { validateOnly?: boolean } = {},
): Promise<void> {
  const brokers = resources.some((resource) => resource.type !== 'topic') ? await cluster.brokers() : [];
  const targets = new Map<string, ConfigResourceChanges[]>();
  for (const resource of resources) {
    // A broker resource named '' is the cluster-wide default, which any broker forwards to the controller.
    const target = resource.type === 'topic' || resource.name === '' ? 'any' : resource.name;
    targets.set(target, [...(targets.get(target) ?? []), resource]);
  }
  await Promise.all(
    [...targets].map(async ([target, group]) => {
      const broker = target === 'any' ? await cluster.anyBroker() : brokers.find((candidate) => String(candidate.nodeId) === target);
      if (!broker) throw new Error(`Broker ${target} is not in the cluster metadata.`);
      const request = broker.lookupRequest(API_KEY, incrementalAlterConfigsDefinition)({ resources: group, validateOnly: options.validateOnly ?? false });
      const response = await broker.connectionPool.send<IncrementalAlterConfigsResponse>(request);
      const failed = response.responses.find((entry) => entry.errorCode !== 0);
      if (failed) {
        const error = createErrorFromCode(failed.errorCode);
        throw new ConfigChangeRejectedError(failed.resourceName, error.type, failed.errorMessage ?? error.message);
      }
    }),
  );
}
