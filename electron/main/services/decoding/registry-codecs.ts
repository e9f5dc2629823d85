// Compiled codecs per schema id over a profile's SchemaSource: each id is fetched and compiled once per
// session (ids are immutable), then every message with that id decodes synchronously. A failure (the
// registry unreachable, an unknown id, a schema that does not compile) is remembered for a short while,
// so a topic full of one bad id costs one request, not one per message, and is retried later.
import { frameConfluentWireFormat, type SchemaDecodeOutcome, type SchemaDescription, type SchemaResolver, type SchemaTextOutcome } from '../../../../shared/domain/decoders/confluent-wire-format';
import { compileJsonSchema } from '../../../../shared/domain/decoders/json-schema-codec';
import { compileProtobuf } from '../../../../shared/domain/decoders/protobuf-codec';
import { SchemaMismatchError, errorMessage, type EncodeOptions, type SchemaCodec, type SchemaDocument } from '../../../../shared/domain/decoders/schema-codec';
import type { Clock } from '../ports';
import type { ResolvedSchema, SchemaSource } from '../schemas/schema-source';
import { compileAvro } from './avro-codec';

/** How long a failed fetch or compile is remembered before the next message with that id tries again. */
export const FAILURE_RETRY_MS = 30_000;

export interface CompiledSchema {
  id: number;
  codec: SchemaCodec;
  description: SchemaDescription;
}

type Entry =
  | { state: 'ready'; compiled: CompiledSchema }
  | { state: 'loading'; promise: Promise<void>; waiting: LoadWaiters }
  | { state: 'failed'; problem: string; schema?: SchemaDescription; at: number };

/**
 * Who waits for one schema fetch. Views share a fetch (an id is fetched once per session); it is
 * aborted only when every view that asked with a signal has gone (its stream cancelled or its window
 * closed) and nobody asked without one (the producer, the CLI), so a closed view stops its registry
 * requests without cancelling another view's.
 */
class LoadWaiters {
  private signalled = 0;
  private unsignalled = false;
  readonly controller = new AbortController();
  join(signal: AbortSignal | undefined): void {
    if (signal === undefined) {
      this.unsignalled = true;
      return;
    }
    if (signal.aborted) return this.leave();
    this.signalled += 1;
    signal.addEventListener('abort', () => {
      this.signalled -= 1;
      this.leave();
    }, { once: true });
  }
  private leave(): void {
    if (this.signalled <= 0 && !this.unsignalled) this.controller.abort();
  }
}

export function compileSchema(schema: SchemaDocument): SchemaCodec {
  switch (schema.type) {
    case 'AVRO':
      return compileAvro(schema);
    case 'PROTOBUF':
      return compileProtobuf(schema);
    case 'JSON':
      return compileJsonSchema(schema);
  }
}

function describe(schema: ResolvedSchema): SchemaDescription {
  return {
    type: schema.type,
    ...(schema.subject === undefined ? {} : { subject: schema.subject }),
    ...(schema.version === undefined ? {} : { version: schema.version }),
  };
}

export interface RegistryCodecs extends SchemaResolver {
  /** The compiled schema with this id (fetched once); rejects with the source's error. */
  byId(id: number): Promise<CompiledSchema>;
  /** A subject's version or its latest, compiled (compiled once per id). */
  bySubjectVersion(subject: string, version: number | 'latest'): Promise<CompiledSchema>;
  /** Fetches and compiles each id not loaded yet, at most once each; never rejects. */
  loadAll(ids: Iterable<number>): Promise<void>;
  /** Schema fetches made so far (one per id unless a failure was retried): for tests and the bench. */
  readonly fetches: number;
}

export function createRegistryCodecs(source: SchemaSource, clock: Clock): RegistryCodecs {
  const entries = new Map<number, Entry>();
  let fetches = 0;

  const compile = (schema: ResolvedSchema): CompiledSchema => {
    const compiled: CompiledSchema = { id: schema.id, codec: compileSchema(schema), description: describe(schema) };
    entries.set(schema.id, { state: 'ready', compiled });
    return compiled;
  };

  const load = (id: number, signal?: AbortSignal): Promise<void> => {
    // A view that has gone asks for nothing more.
    if (signal?.aborted) return Promise.resolve();
    const entry = entries.get(id);
    if (entry?.state === 'loading') {
      entry.waiting.join(signal);
      return entry.promise;
    }
    if (entry?.state === 'ready') return Promise.resolve();
    if (entry?.state === 'failed' && clock.now() - entry.at < FAILURE_RETRY_MS) return Promise.resolve();
    fetches += 1;
    const waiting = new LoadWaiters();
    const promise = source.byId(id, { signal: waiting.controller.signal }).then(
      (schema) => {
        try {
          compile(schema);
        } catch (error) {
          entries.set(id, { state: 'failed', problem: `Schema ${id} cannot be used: ${errorMessage(error)}`, schema: describe(schema), at: clock.now() });
        }
      },
      (error: unknown) => {
        // Abandoned by every view that wanted it: nothing learnt, the next view asks again.
        if (waiting.controller.signal.aborted) {
          entries.delete(id);
          return;
        }
        entries.set(id, { state: 'failed', problem: `Schema ${id} could not be fetched from the registry: ${errorMessage(error)}`, at: clock.now() });
      },
    );
    entries.set(id, { state: 'loading', promise, waiting });
    waiting.join(signal);
    return promise;
  };

  /** The compiled schema, the remembered failure's outcome, or undefined while the id is not loaded. */
  const readyOrOutcome = (schemaId: number): CompiledSchema | { ok: false; schema?: SchemaDescription; problem: string } | undefined => {
    const entry = entries.get(schemaId);
    if (entry === undefined || entry.state === 'loading') return undefined;
    if (entry.state === 'failed') {
      if (clock.now() - entry.at >= FAILURE_RETRY_MS) return undefined;
      return { ok: false, problem: entry.problem, ...(entry.schema ? { schema: entry.schema } : {}) };
    }
    return entry.compiled;
  };

  return {
    get fetches() {
      return fetches;
    },
    load,
    ready(schemaId) {
      const entry = entries.get(schemaId);
      return entry !== undefined && entry.state !== 'loading' && (entry.state === 'ready' || clock.now() - entry.at < FAILURE_RETRY_MS);
    },
    async loadAll(ids) {
      await Promise.all([...new Set(ids)].map((id) => load(id)));
    },
    decode(schemaId, body): SchemaDecodeOutcome | undefined {
      const compiled = readyOrOutcome(schemaId);
      if (compiled === undefined || !('codec' in compiled)) return compiled;
      const { codec, description } = compiled;
      try {
        const decoded = codec.decode(body);
        const schema = decoded.messageType === undefined ? description : { ...description, messageType: decoded.messageType };
        if (decoded.validationErrors) return { ok: true, schema, value: decoded.value, text: decoded.text, validationErrors: decoded.validationErrors };
        return { ok: true, schema, value: decoded.value, text: decoded.text };
      } catch (error) {
        return mismatch(schemaId, description, error);
      }
    },
    decodeText(schemaId, body): SchemaTextOutcome | undefined {
      const compiled = readyOrOutcome(schemaId);
      if (compiled === undefined || !('codec' in compiled)) return compiled;
      const { codec, description } = compiled;
      try {
        const decoded = codec.decodeText ? codec.decodeText(body) : codec.decode(body);
        const schema = decoded.messageType === undefined ? description : { ...description, messageType: decoded.messageType };
        if (decoded.validationErrors) return { ok: true, schema, text: decoded.text, validationErrors: decoded.validationErrors };
        return { ok: true, schema, text: decoded.text };
      } catch (error) {
        return mismatch(schemaId, description, error);
      }
    },
    async byId(id) {
      await load(id);
      const entry = entries.get(id);
      if (entry?.state === 'ready') return entry.compiled;
      if (entry?.state === 'failed') throw new Error(entry.problem);
      return this.byId(id);
    },
    async bySubjectVersion(subject, version) {
      const schema = await source.bySubjectVersion(subject, version);
      const entry = entries.get(schema.id);
      if (entry?.state === 'ready') return { ...entry.compiled, description: describe(schema) };
      return compile(schema);
    },
  };
}

function mismatch(schemaId: number, description: SchemaDescription, error: unknown): { ok: false; schema: SchemaDescription; problem: string } {
  const words = error instanceof SchemaMismatchError ? error.message : `decoding failed (${errorMessage(error)})`;
  return { ok: false, schema: description, problem: `The bytes do not match schema ${schemaId}: ${words}.` };
}

/** A JSON value encoded with a compiled schema into the Confluent wire format; throws SchemaValidationError. */
export function encodeWithSchema(compiled: CompiledSchema, value: unknown, options?: EncodeOptions): Uint8Array {
  return frameConfluentWireFormat(compiled.id, compiled.codec.encode(value, options));
}
