import { expect } from "vitest";
import { until } from "./app";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", unknown>>;

/**
 * Calls a route handler as Next would: a Request with the member's cookie (if any) and JSON body, the
 * dynamic segments as params. Answers the status and the parsed body.
 */
export async function call<T = Record<string, unknown>>(
  mod: Module,
  method: keyof Module,
  options: { cookie?: string; body?: unknown; params?: Record<string, string>; url?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const handler = mod[method] as Handler;
  const request = new Request(`http://keyframe.test${options.url ?? "/x"}`, {
    method,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    headers: { "content-type": "application/json", ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
  });
  const res = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  return {
    status: res.status,
    body: (text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text) as T,
    headers: res.headers,
  };
}

/** Waits for a job (through the lib, not HTTP) to be completed with Keyframe's own copy. */
export async function savedJob(id: string, timeoutMs = 20_000) {
  const { getJob } = await import("@/lib/db/queries/jobs");
  const job = await until(async () => {
    const row = await getJob(id);
    if (row?.status === "failed") throw new Error(`job failed: ${row.error}`);
    return row?.copyStatus === "done" ? row : undefined;
  }, timeoutMs);
  expect(job.videoFile).toBeTruthy();
  return job;
}
