/**
 * One error type for the whole server. `code` picks the HTTP status and the message id in
 * the i18n catalogue (`errors.<code>`); the user's message is rendered in their language by
 * the error handler, so services never build user-facing text.
 */
export const ErrorCodes = {
  unauthenticated: 401,
  mfa_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export type FieldIssue = { path: string; code: string; message: string; params?: Record<string, unknown> };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Message id under `errors.` in the catalogues; defaults to the code. */
    readonly messageId: string = code,
    readonly details: Record<string, unknown> | FieldIssue[] | undefined = undefined,
    readonly params: Record<string, unknown> = {},
  ) {
    super(messageId);
    this.name = 'AppError';
  }

  get status(): number {
    return ErrorCodes[this.code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
