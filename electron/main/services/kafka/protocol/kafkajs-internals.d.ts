// Types for the parts of kafkajs' internal (untyped, CommonJS) layer that protocol/ uses. kafkajs has no
// `exports` map, so these deep paths are reachable; they are pinned by the exact kafkajs version.

declare module 'kafkajs/src/cluster/index.js' {
  import type { KafkaConfig, Logger } from 'kafkajs';

  export interface PartitionMetadata {
    partitionErrorCode: number;
    partitionId: number;
    leader: number;
    replicas: number[];
    isr: number[];
    leaderEpoch?: number;
  }

  export interface InternalBroker {
    nodeId: number | null;
    /** The broker's ApiVersions answer by API key (every key it offers, known to kafkajs or not); null before connecting. */
    versions: Record<number, { minVersion: number; maxVersion: number }> | null;
    connectionPool: {
      send<T>(request: unknown): Promise<T>;
      /** 0 carries every request but Fetch, 1 carries Fetch; connected (and authenticated on first send) on demand. */
      getConnection(index?: number): Promise<{ send<T>(request: unknown): Promise<T> }>;
    };
    lookupRequest(apiKey: number, definitions: unknown): (request: Record<string, unknown>) => ProtocolRequest;
    listOffsets(request: {
      isolationLevel?: number;
      topics: { topic: string; partitions: { partition: number; timestamp: number }[] }[];
    }): Promise<{ responses: { topic: string; partitions: { partition: number; errorCode: number; offset: string; timestamp?: string }[] }[] }>;
  }

  /** What a kafkajs request definition's `protocol()` returns. */
  export interface ProtocolRequest {
    request: { apiKey: number; apiVersion: number; apiName: string; encode(): Promise<unknown> };
    response: { decode(raw: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
    requestTimeout?: number;
    logResponseErrors?: boolean;
  }

  export default class Cluster {
    constructor(options: Omit<KafkaConfig, 'logCreator' | 'logLevel'> & {
      logger: Logger;
      metadataMaxAge: number;
      allowAutoTopicCreation: boolean;
      maxInFlightRequests: number | null;
      isolationLevel: number;
    });
    brokerPool: { metadata: { controllerId: number | null } | null; findConnectedBroker(): Promise<InternalBroker> };
    connect(): Promise<void>;
    disconnect(): Promise<void>;
    refreshMetadata(): Promise<void>;
    addTargetTopic(topic: string): Promise<void>;
    getNodeIds(): number[];
    findBroker(options: { nodeId: number | string }): Promise<InternalBroker>;
    findGroupCoordinator(options: { groupId: string }): Promise<InternalBroker>;
    findControllerBroker(): Promise<InternalBroker>;
    findTopicPartitionMetadata(topic: string): PartitionMetadata[];
  }
}

declare module 'kafkajs/src/loggers/index.js' {
  import type { Logger, logCreator, logLevel } from 'kafkajs';
  export function createLogger(options: { level?: logLevel; logCreator?: logCreator }): Logger;
}

declare module 'kafkajs/src/network/socketFactory.js' {
  import type { ISocketFactory } from 'kafkajs';
  const defaultSocketFactory: () => ISocketFactory;
  export default defaultSocketFactory;
}

declare module 'kafkajs/src/protocol/requests/index.js' {
  export const requests: Record<string, unknown>;
}

declare module 'kafkajs/src/protocol/requests/apiKeys.js' {
  const apiKeys: Record<string, number>;
  export default apiKeys;
}

declare module 'kafkajs/src/protocol/encoder.js' {
  export default class Encoder {
    constructor(initialSize?: number);
    writeBuffer(value: Buffer): this;
    writeInt8(value: number): this;
    writeInt16(value: number): this;
    writeInt32(value: number): this;
    writeInt64(value: number | string | bigint): this;
    writeBoolean(value: boolean): this;
    writeString(value: string | null): this;
    writeArray(values: (Encoder | number | string)[], type?: 'int32' | 'string' | 'object'): this;
    writeNullableArray(values: (Encoder | number | string)[], type?: 'int32' | 'string' | 'object'): this;
  }
}

declare module 'kafkajs/src/protocol/decoder.js' {
  export default class Decoder {
    constructor(buffer: Buffer);
    readInt8(): number;
    readInt16(): number;
    readInt32(): number;
    readInt64(): { toString(): string };
    readBoolean(): boolean;
    readString(): string | null;
    readArray<T>(reader: (decoder: Decoder) => T): T[];
  }
}

declare module 'kafkajs/src/protocol/error.js' {
  export function createErrorFromCode(code: number): Error & { type: string; retriable: boolean };
}

declare module 'kafkajs/src/consumer/filterAbortedMessages.js' {
  export default function filterAbortedMessages<T>(options: { messages: T[]; abortedTransactions: unknown[] }): T[];
}

declare module 'snappyjs' {
  const snappyjs: {
    compress<T extends Uint8Array | ArrayBuffer>(uncompressed: T): T;
    uncompress<T extends Uint8Array | ArrayBuffer>(compressed: T, maxLength?: number): T;
  };
  export default snappyjs;
}

declare module 'lz4js' {
  const lz4js: {
    compress(source: Uint8Array, maxSize?: number): Uint8Array;
    decompress(source: Uint8Array, maxSize?: number): Uint8Array;
  };
  export default lz4js;
}
