/** How WaveSpeed's answers and failures are read, shared by the client and the uploader. */

/** 401: the key is missing or wrong; 403: the account or the key's role may not do this. */
export const isKeyRefusal = (status: number) => status === 401 || status === 403;

/** A Retry-After in seconds or as a date; WaveSpeed documents none, so usually undefined. */
export function retryAfterMs(res: Response): number | undefined {
  const value = res.headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The system error code of a failed fetch (ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT…), if any. */
export function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

export function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}
