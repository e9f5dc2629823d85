// Every way a Schema Registry call can fail, as one error type with a specific `kind` and a message
// an operator can act on. It is an AppFailure, so IPC handlers pass it on as a Result unchanged.
import { AppFailure, type ErrorCode } from '../../../../shared/ipc/result';

export const registryErrorKinds = [
  'unauthorized',
  'forbidden',
  'subject-not-found',
  'version-not-found',
  'schema-not-found',
  'not-found',
  'incompatible',
  'invalid-schema',
  'conflict',
  'server-error',
  'bad-request',
  'unreachable',
  'tls',
  'timeout',
  'aborted',
  'reference-cycle',
  'bad-response',
  'unsupported',
] as const;
export type RegistryErrorKind = (typeof registryErrorKinds)[number];

const appCodes: Record<RegistryErrorKind, ErrorCode> = {
  unauthorized: 'NOT_ALLOWED',
  forbidden: 'NOT_ALLOWED',
  'subject-not-found': 'NOT_FOUND',
  'version-not-found': 'NOT_FOUND',
  'schema-not-found': 'NOT_FOUND',
  'not-found': 'NOT_FOUND',
  incompatible: 'CONFLICT',
  'invalid-schema': 'INVALID_INPUT',
  conflict: 'CONFLICT',
  'server-error': 'KAFKA_ERROR',
  'bad-request': 'INVALID_INPUT',
  unreachable: 'KAFKA_ERROR',
  tls: 'KAFKA_ERROR',
  timeout: 'TIMEOUT',
  aborted: 'CANCELLED',
  'reference-cycle': 'INVALID_INPUT',
  'bad-response': 'KAFKA_ERROR',
  unsupported: 'UNSUPPORTED',
};

export interface RegistryErrorDetails {
  kind: RegistryErrorKind;
  /** HTTP status, when the registry answered. */
  status?: number;
  /** The registry's own `error_code` (e.g. 40401, 409, 42201), when it sent one. */
  registryCode?: number;
  /** The URL (without credentials) the failing request went to. */
  url?: string;
  /** Compatibility reasons (409 or a failed check), as the registry gave them. */
  reasons?: string[];
  /** TLS failure name, like the Kafka connection test's (`untrusted-certificate`, `hostname-mismatch`, ...). */
  tlsFailure?: string;
}

export class SchemaRegistryError extends AppFailure {
  readonly kind: RegistryErrorKind;
  readonly status: number | undefined;
  readonly registryCode: number | undefined;
  readonly reasons: string[];

  constructor(message: string, details: RegistryErrorDetails) {
    super(appCodes[details.kind], message, { registry: details });
    this.kind = details.kind;
    this.status = details.status;
    this.registryCode = details.registryCode;
    this.reasons = details.reasons ?? [];
  }
}

export function isRegistryError(error: unknown, kind?: RegistryErrorKind): error is SchemaRegistryError {
  return error instanceof SchemaRegistryError && (kind === undefined || error.kind === kind);
}
