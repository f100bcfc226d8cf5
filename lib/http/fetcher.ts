import type { ErrorBody, FieldErrors } from "@/lib/errors";

/** An API error as the browser sees it: the status, our error code, the message and per-field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
    /** Any other fields of the error body (e.g. `duplicateOf`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function readApiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  const { code, message, fields, ...details } = (body?.error ?? {}) as Partial<ErrorBody["error"]> & Record<string, unknown>;
  return new ApiError(res.status, code ?? "http_error", message ?? `Request failed (${res.status}).`, fields, details);
}

export async function fetcher<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) throw await readApiError(res);
  return (await res.json()) as T;
}

/** A state-changing request; throws ApiError on a non-2xx answer, returns the JSON body (or null for 204). */
export async function send<T>(url: string, method: "POST" | "DELETE" | "PATCH" | "PUT", body?: unknown): Promise<T | null> {
  const res = await fetch(url, {
    method,
    headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw await readApiError(res);
  return res.status === 204 ? null : ((await res.json()) as T);
}
