// Every call across the process boundary answers with a Result instead of throwing: a thrown Error
// loses its type and fields when Electron serialises it, and the renderer must be able to branch on
// a stable code while showing the human message.

export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_ALLOWED',
  'KEYCHAIN_UNAVAILABLE',
  'KAFKA_ERROR',
  'TIMEOUT',
  'UNSUPPORTED',
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface AppError {
  code: ErrorCode;
  /** One or two sentences a Kafka operator can act on. */
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * Thrown by main-process services for expected failures; the IPC layer turns it into a Result.
 * Anything else that escapes a handler is reported as INTERNAL without its stack.
 */
export class AppFailure extends Error {
  override readonly name = 'AppFailure';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toAppError(): AppError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
