import type http from "node:http";
import { findModel, type ModelEntry } from "@/lib/catalog";
import type { RouteResult, SimContext } from "./context";
import { lateSeconds } from "./faults";
import { envelope, errorReply, failure, readBytes, type Reply } from "./http";
import { jsonObject, oneOf, paging, time } from "./request";
import { ENDINGS, FINAL_STATUSES, type Ending } from "./task-state";
import type { SimTask } from "./tasks";
import { InputError } from "./validate";

const ok = (data: unknown): Reply => ({ status: 200, body: envelope(200, "success", data) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RETENTION_MS = 7 * 24 * 3600 * 1000;
const STATUSES = ["created", "processing", "completed", "failed", "cancelled", "timeout", "deleted"] as const;
/** Submit answers a `[sim:<kind>]` prompt tag can ask for (task shapes are read by the task store). */
const TAG = /\[sim:(401|403|429|429ra|500|503|code500|malformed|late\d{1,4})\]/;

const describeImage = (v: unknown) =>
  typeof v === "string" ? (v.startsWith("data:") ? `${v.slice(0, v.indexOf(";"))} (${v.length} chars)` : v) : v;

/**
 * Sync mode: the answer waits until the task is final, or past the limit answers it still processing with
 * code 5004, as WaveSpeed does ("Sync mode timed out after 90 seconds...").
 */
async function syncView(ctx: SimContext, task: SimTask, startedAt: number) {
  const limit = ctx.options.syncTimeoutMs ?? 90_000;
  for (;;) {
    const view = ctx.store.view(task, ctx.baseUrl());
    if (FINAL_STATUSES.has(view.status)) return view;
    if (Date.now() - startedAt >= limit) {
      const seconds = Math.round(limit / 100) / 10;
      const error = `Sync mode timed out after ${seconds} seconds. The prediction is still processing asynchronously.`;
      return { ...view, status: "processing", code: 5004, error };
    }
    await sleep(Math.min(50, Math.max(1, limit - (Date.now() - startedAt))));
  }
}

async function submit(req: http.IncomingMessage, url: URL, ctx: SimContext, entry: ModelEntry): Promise<RouteResult> {
  const startedAt = Date.now();
  const fault = await ctx.requestFault("submit", req);
  if (fault && typeof fault === "object") return fault;
  const input = await jsonObject(req);
  // Per-task faults from the prompt, so parallel tests do not share a switch.
  const tagged = typeof input.prompt === "string" ? TAG.exec(input.prompt)?.[1] : undefined;
  const taggedReply = tagged && errorReply(tagged, "submit");
  if (taggedReply) return taggedReply;
  const ending = ENDINGS.includes(fault as Ending) ? (fault as Ending) : undefined;
  const task = ctx.store.create(input, { fail: fault === "fail", nsfw: fault === "nsfw", ending }, entry);
  ctx.stats.submits += 1;
  const webhook = url.searchParams.get("webhook") ?? undefined;
  ctx.stats.received.push({
    ...input,
    image: describeImage(input.image),
    last_image: describeImage(input.last_image),
    taskId: task.id,
    webhook,
  });
  if (webhook) void ctx.store.settled(task, ctx.baseUrl()).then((view) => ctx.sender.deliver(webhook, view));
  // The task exists and is charged: a late or malformed answer is the worst case for a client.
  const late = lateSeconds(fault) ?? lateSeconds(tagged);
  if (late) await sleep(late * 1000);
  if (fault === "malformed" || tagged === "malformed") return "malformed";
  const view = input.enable_sync_mode === true ? await syncView(ctx, task, startedAt) : ctx.store.view(task, ctx.baseUrl());
  return ok(view);
}

async function result(req: http.IncomingMessage, id: string, ctx: SimContext): Promise<RouteResult> {
  ctx.stats.resultGets[id] = (ctx.stats.resultGets[id] ?? 0) + 1;
  const fault = await ctx.requestFault("result", req);
  if (fault && typeof fault === "object") return fault;
  if (fault === "malformed") return "malformed";
  const task = ctx.store.get(id);
  if (!task) return failure(404, "Task not found");
  return ok(ctx.store.view(task, ctx.baseUrl()));
}

/** `POST /api/v3/predictions`: this account's predictions of the last 7 days, newest first (deleted ones left out). */
async function history(req: http.IncomingMessage, ctx: SimContext): Promise<Reply> {
  const body = await jsonObject(req);
  const { page, pageSize } = paging(body);
  const status = oneOf(body, "status", STATUSES);
  const after = time(body, "created_after") ?? Date.now() - RETENTION_MS;
  const before = time(body, "created_before") ?? Infinity;
  const model = typeof body.model === "string" && body.model ? body.model : undefined;
  const views = [...ctx.store.tasks.values()]
    .filter(
      (t) =>
        t.deletedAt === undefined &&
        t.createdAt.getTime() >= after &&
        t.createdAt.getTime() <= before &&
        (!model || model === (t.model ?? ctx.store.defaultModel)),
    )
    .map((t) => ctx.store.view(t, ctx.baseUrl()))
    .filter((v) => !status || v.status === status)
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
  return ok({ page, total: views.length, items: views.slice((page - 1) * pageSize, page * pageSize) });
}

/** `POST /api/v3/predictions/delete {ids}`: known tasks answer "deleted" from then on; unknown ids are ignored. */
async function remove(req: http.IncomingMessage, ctx: SimContext): Promise<Reply> {
  const { ids } = await jsonObject(req);
  if (ids === undefined) throw new InputError("ids is required", 1400);
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === "string"))
    throw new InputError("ids must be a list of prediction ids");
  const deleted: string[] = [];
  for (const id of ids) {
    const task = ctx.store.get(id);
    if (!task) continue;
    await ctx.store.delete(task);
    ctx.expired.add(id);
    deleted.push(id);
  }
  return ok({ ids: deleted });
}

/** The catalog model a request submits to (`POST /api/v3/<model id>`), if it is one. */
function submitModel(req: http.IncomingMessage, url: URL): ModelEntry | undefined {
  return req.method === "POST" ? findModel(url.pathname.slice("/api/v3/".length)) : undefined;
}

/** Every catalog model's submit and the predictions endpoints; the caller has checked the key. */
export async function predictionRoutes(req: http.IncomingMessage, url: URL, ctx: SimContext): Promise<RouteResult> {
  const p = url.pathname;
  const entry = submitModel(req, url);
  if (entry) return submit(req, url, ctx, entry);
  if (req.method === "POST" && p === "/api/v3/predictions") return history(req, ctx);
  if (req.method === "POST" && p === "/api/v3/predictions/delete") return remove(req, ctx);
  const one = /^\/api\/v3\/predictions\/([^/]+)(\/result)?$/.exec(p);
  if (one && req.method === "GET") return result(req, decodeURIComponent(one[1] ?? ""), ctx);
  return undefined;
}

/** Counts a submit POST and its body before anything else (the key included) can refuse it. */
export async function countSubmit(req: http.IncomingMessage, url: URL, ctx: SimContext): Promise<Buffer | undefined> {
  if (!submitModel(req, url)) return undefined;
  ctx.stats.submitRequests += 1;
  const { authorization: _auth, ...headers } = req.headers;
  ctx.stats.lastHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
  const body = await readBytes(req);
  ctx.stats.submitBodyBytes.push(body.length);
  return body;
}
