// Every way a Kafka Connect REST call can fail, as one AppFailure with a specific `kind` and a message an
// operator can act on (IPC handlers pass it on as a Result unchanged; the CLI prints it).
import { AppFailure, type ErrorCode } from '../../../../shared/ipc/result';

export const connectErrorKinds = [
  'unauthorized',
  'forbidden',
  'connector-not-found',
  'not-found',
  'rebalancing',
  'conflict',
  'bad-request',
  'server-error',
  'unreachable',
  'tls',
  'timeout',
  'aborted',
  'bad-response',
] as const;
export type ConnectErrorKind = (typeof connectErrorKinds)[number];

const appCodes: Record<ConnectErrorKind, ErrorCode> = {
  unauthorized: 'NOT_ALLOWED',
  forbidden: 'NOT_ALLOWED',
  'connector-not-found': 'NOT_FOUND',
  'not-found': 'NOT_FOUND',
  rebalancing: 'CONFLICT',
  conflict: 'CONFLICT',
  'bad-request': 'INVALID_INPUT',
  'server-error': 'KAFKA_ERROR',
  unreachable: 'KAFKA_ERROR',
  tls: 'KAFKA_ERROR',
  timeout: 'TIMEOUT',
  aborted: 'CANCELLED',
  'bad-response': 'KAFKA_ERROR',
};

export interface ConnectErrorDetails {
  kind: ConnectErrorKind;
  status?: number;
  /** The URL (never with credentials) the failing request went to. */
  url?: string;
  tlsFailure?: string;
}

export class ConnectError extends AppFailure {
  readonly kind: ConnectErrorKind;
  readonly status: number | undefined;

  constructor(message: string, details: ConnectErrorDetails) {
    super(appCodes[details.kind], message, { connect: details });
    this.kind = details.kind;
    this.status = details.status;
  }
}

export function isConnectError(error: unknown, kind?: ConnectErrorKind): error is ConnectError {
  return error instanceof ConnectError && (kind === undefined || error.kind === kind);
}
