import type { ErrorBody, FieldErrors } from "@/lib/errors";

/** An API error as the browser sees it: the status, our error code, the message and per-field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function readApiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  const error = body?.error;
  return new ApiError(res.status, error?.code ?? "http_error", error?.message ?? `Request failed (${res.status}).`, error?.fields);
}

export async function fetcher<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) throw await readApiError(res);
  return (await res.json()) as T;
}

/** A state-changing request; throws ApiError on a non-2xx answer, returns the JSON body (or null for 204). */
export async function send<T>(url: string, method: "POST" | "DELETE"): Promise<T | null> {
  const res = await fetch(url, { method, headers: { Accept: "application/json" } });
  if (!res.ok) throw await readApiError(res);
  return res.status === 204 ? null : ((await res.json()) as T);
}
