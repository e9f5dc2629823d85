// The port the message decoders and the producer use to get schemas from a profile's Schema Registry.
// The registry client implements it (caching by id, fetching each id once per session); decoders and
// tests depend only on this interface, so they can run against an in-memory source.

export const schemaTypes = ['AVRO', 'PROTOBUF', 'JSON'] as const;
/** The registry's `schemaType`; an absent `schemaType` in a registry answer means AVRO. */
export type SchemaType = (typeof schemaTypes)[number];

/** A reference as the registry lists it: `name` is how the referring schema imports it. */
export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

/** A reference with the schema it points to, itself resolved (depth-first, cycles refused). */
export interface ResolvedReference extends SchemaReference {
  schema: ResolvedSchema;
}

export interface ResolvedSchema {
  /** Registry-wide schema id (immutable for the id's lifetime). */
  id: number;
  type: SchemaType;
  /** The schema text exactly as the registry returned it. */
  schema: string;
  /** Every reference, recursively resolved; empty when the schema has none. */
  references: ResolvedReference[];
  /**
   * The subject and version this schema was found under, when known: always for `bySubjectVersion`,
   * for `byId` when the registry lists the id's subject/versions (the first, lowest one).
   */
  subject?: string;
  version?: number;
}

export interface SchemaSourceOptions {
  signal?: AbortSignal;
}

export interface SchemaSource {
  /**
   * The schema with this id, references resolved. Rejects with a `SchemaRegistryError`
   * (registry-errors.ts: `kind` 'schema-not-found' for an unknown id, or a transport/auth kind such as
   * 'unreachable', 'unauthorized', 'tls'); never resolves to null.
   */
  byId(id: number, options?: SchemaSourceOptions): Promise<ResolvedSchema>;
  /** A subject's version (`'latest'` for the newest), references resolved. */
  bySubjectVersion(subject: string, version: number | 'latest', options?: SchemaSourceOptions): Promise<ResolvedSchema>;
}
