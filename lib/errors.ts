export const ERROR_STATUS = {
  bad_request: 400,
  invalid: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  spend_cap: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  idempotency_mismatch: 422,
  rate_limited: 429,
  upstream_error: 502,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string>;
export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors } };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
    /** Extra body fields a client can act on (e.g. the job a duplicate matches). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}), ...(this.details ?? {}) },
    };
  }
}

/** Turns anything thrown into a JSON response; unexpected errors are logged and answered generically. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return Response.json(error.toBody(), { status: error.status, headers: error.headers });
  console.error(error);
  const body: ErrorBody = { error: { code: "internal", message: "Something went wrong on the server." } };
  return Response.json(body, { status: 500 });
}
