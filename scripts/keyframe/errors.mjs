// @ts-check

/** Exit codes a shell script can trust; `keyframe help` lists them. */
export const EXIT = Object.freeze({
  ok: 0,
  /** A take failed, was cancelled, or did not finish in time. */
  notDone: 1,
  usage: 2,
  /** Not signed in, or the token was refused (401, 403 other than a spend cap). */
  auth: 3,
  /** The server refused the input (400, 404, 409, 413, 422). */
  refused: 4,
  /** A spend cap (403 spend_cap) or the rate limit (429). */
  limit: 5,
  /** The server could not be reached, answered 5xx, or answered something unreadable. */
  server: 6,
});

/**
 * Anything that ends a command early: what to print and which exit code. `body` is the server's error
 * object when there is one (`{ code, message, fields?, … }`), kept whole for `--json`.
 */
export class CliError extends Error {
  /**
   * @param {number} exitCode
   * @param {string} message
   * @param {{ status?: number, body?: Record<string, unknown>, retryAfter?: string | null, hint?: string }} [extra]
   */
  constructor(exitCode, message, extra = {}) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
    this.status = extra.status;
    this.body = extra.body;
    this.retryAfter = extra.retryAfter ?? null;
    this.hint = extra.hint;
    /** The fields or rows were already printed (e.g. in a preview table). */
    this.shown = false;
  }
}

export const usageError = (/** @type {string} */ message) => new CliError(EXIT.usage, message, { hint: "Run `keyframe help` for usage." });

/**
 * The exit code for an HTTP error answer.
 * @param {number} status
 * @param {string | undefined} code the error code of the body (`spend_cap`, `forbidden`, …)
 */
export function exitCodeFor(status, code) {
  if (status === 403 && code === "spend_cap") return EXIT.limit;
  if (status === 429) return EXIT.limit;
  if (status === 401 || status === 403) return EXIT.auth;
  if ([400, 404, 409, 413, 422].includes(status)) return EXIT.refused;
  if (status >= 500) return EXIT.server;
  return EXIT.refused;
}

/**
 * A server's error answer as a CliError: its message, the fields it names, Retry-After.
 * @param {number} status
 * @param {unknown} body the parsed JSON body, or null when it was not JSON
 * @param {string | null} retryAfter
 */
export function httpError(status, body, retryAfter) {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = typeof error?.code === "string" ? error.code : undefined;
  const message =
    typeof error?.message === "string"
      ? error.message
      : status >= 500
        ? `The server answered ${status}.`
        : `The server refused the request (${status}).`;
  return new CliError(exitCodeFor(status, code), message, { status, body: error ?? undefined, retryAfter });
}

/**
 * The lines a person reads for an error: the message, each field the server named, when to retry.
 * @param {CliError} error
 */
export function describeError(error) {
  const lines = [`error: ${error.message}`];
  const body = error.shown ? {} : (error.body ?? {});
  if (isRecord(body.fields)) {
    for (const [field, message] of Object.entries(body.fields)) {
      // The server's message is often the one field's own: name the field on that line instead of repeating it.
      if (String(message) === error.message) lines[0] = `error: ${field}: ${error.message}`;
      else lines.push(`  ${field}: ${String(message)}`);
    }
  }
  if (Array.isArray(body.rows)) {
    for (const row of body.rows) {
      if (isRecord(row)) lines.push(`  line ${String(row.line)}${row.field ? ` (${String(row.field)})` : ""}: ${String(row.message)}`);
    }
  }
  if (error.retryAfter) lines.push(`  retry after ${error.retryAfter} s`);
  if (error.hint) lines.push(error.hint);
  return lines;
}

/** The `code` of an error the CLI found itself (no server answer to quote). */
const LOCAL_CODES = /** @type {Record<number, string>} */ ({
  1: "not_done",
  2: "usage",
  3: "unauthorized",
  4: "refused",
  5: "limit",
  6: "unreachable",
});

/** The JSON a `--json` caller gets on stdout for an error. */
export function errorJson(/** @type {CliError} */ error) {
  return {
    error: {
      code: LOCAL_CODES[error.exitCode] ?? "error",
      ...(error.body ?? {}),
      message: error.message,
      ...(error.status ? { status: error.status } : {}),
      ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}),
      exitCode: error.exitCode,
    },
  };
}

/** @returns {value is Record<string, any>} */
export function isRecord(/** @type {unknown} */ value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
