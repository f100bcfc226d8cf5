import { z } from "zod";
import type { WaveSpeedClient } from "./client";

/**
 * WaveSpeed's own books: its history of the key's predictions, its billing items and its usage totals,
 * mapped to Keyframe's types (no caller sees WaveSpeed's field names).
 */
const PAGE = 100;
const MAX_PAGES = 20;

const historyItem = z.looseObject({
  id: z.string().min(1),
  model: z.string().nullish(),
  status: z.string(),
  created_at: z.string(),
  /** Not in WaveSpeed's documented examples; used when it is there. */
  input: z.looseObject({ prompt: z.string().nullish(), image: z.string().nullish(), duration: z.number().nullish() }).nullish(),
});
const historyPage = z.looseObject({ page: z.number().nullish(), total: z.number().nullish(), items: z.array(historyItem).nullish() });

export type HistoryTask = {
  id: string;
  model: string | null;
  status: string;
  createdAt: number;
  input: { prompt: string | null; image: string | null; duration: number | null } | null;
};

/** Every prediction of `model` created in [from, to], newest first (WaveSpeed keeps 7 days). */
export async function historyTasks(client: WaveSpeedClient, q: { model: string; from: number; to: number }): Promise<HistoryTask[]> {
  const out: HistoryTask[] = [];
  const window = { model: q.model, created_after: new Date(q.from).toISOString(), created_before: new Date(q.to).toISOString() };
  for (let page = 1; page <= MAX_PAGES; page++) {
    const data = await client.post("/api/v3/predictions", { page, page_size: PAGE, ...window }, historyPage);
    const items = data.items ?? [];
    for (const i of items) {
      const createdAt = Date.parse(i.created_at);
      if (!Number.isFinite(createdAt)) continue;
      const input = i.input ? { prompt: i.input.prompt ?? null, image: i.input.image ?? null, duration: i.input.duration ?? null } : null;
      out.push({ id: i.id, model: i.model ?? null, status: i.status, createdAt, input });
    }
    if (items.length < PAGE || (data.total != null && page * PAGE >= data.total)) break;
  }
  return out;
}

const billingItem = z.looseObject({
  uuid: z.string().min(1),
  billing_type: z.string(),
  price: z.number(),
  created_at: z.string(),
  access_key_uuid: z.string().nullish(),
  access_key_name: z.string().nullish(),
  prediction: z.looseObject({ uuid: z.string().nullish(), model_uuid: z.string().nullish(), status: z.string().nullish() }).nullish(),
});
const billingPage = z.looseObject({ has_more: z.boolean().nullish(), items: z.array(billingItem).nullish() });

export type BillingEntry = {
  uuid: string;
  kind: "deduct" | "refund";
  priceMicros: number;
  at: number;
  taskId: string | null;
  model: string | null;
  accessKey: string | null;
};

/** Every deduct and refund of the account in [from, to]; kinds other than these two are left out. */
export async function billingEntries(client: WaveSpeedClient, q: { from: number; to: number }): Promise<BillingEntry[]> {
  const out: BillingEntry[] = [];
  const window = { start_time: new Date(q.from).toISOString(), end_time: new Date(q.to).toISOString() };
  for (let page = 1; page <= MAX_PAGES * 5; page++) {
    const data = await client.post("/api/v3/billings/search", { page, page_size: PAGE, ...window }, billingPage);
    for (const i of data.items ?? []) {
      const at = Date.parse(i.created_at);
      if ((i.billing_type !== "deduct" && i.billing_type !== "refund") || !Number.isFinite(at)) continue;
      out.push({
        uuid: i.uuid,
        kind: i.billing_type,
        // A refund may come signed either way: its size is what counts.
        priceMicros: Math.round(Math.abs(i.price) * 1_000_000),
        at,
        taskId: i.prediction?.uuid ?? null,
        model: i.prediction?.model_uuid ?? null,
        accessKey: i.access_key_name ?? i.access_key_uuid ?? null,
      });
    }
    if (!data.has_more) break;
  }
  return out;
}

const usageRow = z.looseObject({ date: z.string(), total_cost: z.number(), total_requests: z.number().nullish() });
const usageData = z.looseObject({
  daily_usage: z.array(usageRow).nullish(),
  summary: z.looseObject({ total_cost: z.number().nullish(), total_requests: z.number().nullish() }).nullish(),
});

export type UsageDay = { date: string; costMicros: number; requests: number };

/** WaveSpeed's own daily totals (net of refunds) over [from, to]. */
export async function usageDays(client: WaveSpeedClient, q: { from: number; to: number }): Promise<UsageDay[]> {
  const body = { start_time: new Date(q.from).toISOString(), end_time: new Date(q.to).toISOString() };
  const data = await client.post("/api/v3/user/usage_stats", body, usageData);
  return (data.daily_usage ?? []).map((d) => ({
    date: d.date,
    costMicros: Math.round(d.total_cost * 1_000_000),
    requests: d.total_requests ?? 0,
  }));
}
