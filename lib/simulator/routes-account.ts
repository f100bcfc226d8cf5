import type http from "node:http";
import { MODEL_ID } from "@/lib/model/seedance";
import { billingItems, refundedMicros, taskPriceMicros } from "./billing";
import { catalog, price } from "./catalog";
import type { RouteResult, SimContext } from "./context";
import { envelope, failure, readBody, type Reply } from "./http";
import { jsonObject, oneOf, paging, time } from "./request";
import { taskState } from "./task-state";

const ok = (data: unknown): Reply => ({ status: 200, body: envelope(200, "success", data) });
const usd = (micros: number) => Math.round(micros) / 1_000_000;

async function balance(req: http.IncomingMessage, ctx: SimContext): Promise<RouteResult> {
  ctx.stats.balanceGets += 1;
  const fault = await ctx.requestFault("balance", req);
  if (fault && typeof fault === "object") return fault;
  if (fault === "malformed") return "malformed";
  return ok({ balance: usd(ctx.store.balanceMicros + refundedMicros(ctx.store)) });
}

/** `POST /api/v3/billings/search`: deduct and refund items (see billing.ts for what is a guess). */
async function billings(req: http.IncomingMessage, ctx: SimContext): Promise<Reply> {
  const body = await jsonObject(req);
  const { page, pageSize } = paging(body);
  const type = oneOf(body, "billing_type", ["deduct", "refund"] as const);
  const from = time(body, "start_time", true) ?? 0;
  const to = time(body, "end_time", true) ?? 0;
  const model = typeof body.model_uuid === "string" && body.model_uuid ? body.model_uuid : undefined;
  const all = billingItems(ctx.store).filter(
    (i) => (!type || i.billing_type === type) && i.at >= from && i.at <= to && (!model || model === i.prediction.model_uuid),
  );
  const items = all.slice((page - 1) * pageSize, page * pageSize).map(({ at: _at, taskId: _id, ...item }) => item);
  return ok({ page, has_more: all.length > page * pageSize, items });
}

/** `POST /api/v3/user/usage_stats`: cost net of refunds, requests, and those that completed. */
async function usage(req: http.IncomingMessage, ctx: SimContext): Promise<Reply> {
  const body = await jsonObject(req);
  const from = time(body, "start_time", true) ?? 0;
  const to = time(body, "end_time", true) ?? 0;
  const refunded = new Set(
    billingItems(ctx.store)
      .filter((i) => i.billing_type === "refund")
      .map((i) => i.taskId),
  );
  const days = new Map<string, { date: string; total_cost: number; total_requests: number; success_requests: number }>();
  const models = new Map<
    string,
    { model_uuid: string; model_name: string; total_cost: number; total_requests: number; success_requests: number }
  >();
  const summary = { total_cost: 0, total_requests: 0, success_requests: 0 };
  for (const task of ctx.store.tasks.values()) {
    const at = task.createdAt.getTime();
    if (at < from || at > to) continue;
    const status = taskState(task, Date.now() - at, ctx.store.delayFor(task)).status;
    const cost = refunded.has(task.id) ? 0 : taskPriceMicros(task);
    const date = task.createdAt.toISOString().slice(0, 10);
    const day = days.get(date) ?? { date, total_cost: 0, total_requests: 0, success_requests: 0 };
    const id = task.model ?? MODEL_ID;
    const perModel = models.get(id) ?? { model_uuid: id, model_name: id, total_cost: 0, total_requests: 0, success_requests: 0 };
    models.set(id, perModel);
    for (const row of [day, perModel, summary]) {
      row.total_cost += cost;
      row.total_requests += 1;
      if (status === "completed") row.success_requests += 1;
    }
    days.set(date, day);
  }
  const money = <T extends { total_cost: number }>(row: T): T => ({ ...row, total_cost: usd(row.total_cost) });
  return ok({
    per_model_usage: [...models.values()].map(money),
    daily_usage: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)).map(money),
    summary: money(summary),
  });
}

/** `POST /__sim/billing` with `bill-failed` or `refund-failed` (the default): whether failed tasks are refunded. */
export async function simBillingRoute(req: http.IncomingMessage, url: URL, ctx: SimContext): Promise<RouteResult> {
  if (req.method !== "POST" || url.pathname !== "/__sim/billing") return undefined;
  const mode = (await readBody(req)).trim();
  if (mode !== "bill-failed" && mode !== "refund-failed") return failure(400, "Send bill-failed or refund-failed");
  ctx.store.billFailed = mode === "bill-failed";
  return ok({ billFailed: ctx.store.billFailed });
}

/** Account and catalog endpoints; the caller has checked the key. */
export async function accountRoutes(req: http.IncomingMessage, url: URL, ctx: SimContext): Promise<RouteResult> {
  const route = `${req.method} ${url.pathname}`;
  if (route === "GET /api/v3/balance") return balance(req, ctx);
  if (route === "GET /api/v3/webhook/secret") return ok({ secret: ctx.sender.secret });
  if (route === "GET /api/v3/models") {
    const ids = ctx.options.catalogIds;
    return ok(ids ? catalog().filter((e) => ids.includes(e.model_id)) : catalog());
  }
  if (route === "POST /api/v3/model/price") {
    const answer = price(await jsonObject(req), ctx.options.discount);
    return answer ? ok(answer) : failure(404, "Model not found");
  }
  if (route === "POST /api/v3/billings/search") return billings(req, ctx);
  if (route === "POST /api/v3/user/usage_stats") return usage(req, ctx);
  return undefined;
}
