import { createHash } from "node:crypto";
import { priceMicros } from "@/lib/model/price";
import { MODEL_ID } from "@/lib/model/seedance";
import type { SimTask, TaskStore } from "./tasks";
import { taskState } from "./task-state";

/**
 * The simulator's billing, derived from its tasks. A GUESS where WaveSpeed is silent: every created task
 * is a `deduct` at its creation; a task that ends failed, cancelled or timed out gets a `refund` of the
 * same amount when it ends (WaveSpeed itemises refunds but does not say which failures are refunded).
 * Completed and deleted tasks keep their charge. With `store.billFailed` (set by
 * `POST /__sim/billing` with `bill-failed`), failures keep theirs too: the other answer WaveSpeed might give.
 */
export type BillingItem = {
  uuid: string;
  billing_type: "deduct" | "refund";
  price: number;
  created_at: string;
  access_key_name: string;
  access_key_uuid: string;
  prediction: { uuid: string; model_uuid: string; status: string };
  /** Epoch ms of created_at, for filtering; not sent. */
  at: number;
  taskId: string;
};

export const ACCESS_KEY = { name: "simulator", uuid: "00000000000000000000000000000001" };
const REFUNDED = new Set(["failed", "cancelled", "timeout"]);

const uuid = (id: string, kind: string) => createHash("sha256").update(`${id}:${kind}`).digest("hex").slice(0, 32);
export const taskPriceMicros = (task: SimTask) =>
  priceMicros(typeof task.input.duration === "number" ? task.input.duration : undefined, 1, {
    model: task.model,
    resolution: task.input.resolution as string,
  });

function status(store: TaskStore, task: SimTask): string {
  return taskState(task, Date.now() - task.createdAt.getTime(), store.delayFor(task)).status;
}

/** Every billing item of the tasks this simulator knows, newest first. */
export function billingItems(store: TaskStore): BillingItem[] {
  const items: BillingItem[] = [];
  for (const task of store.tasks.values()) {
    const now = status(store, task);
    const base = {
      price: taskPriceMicros(task) / 1_000_000,
      access_key_name: ACCESS_KEY.name,
      access_key_uuid: ACCESS_KEY.uuid,
      prediction: { uuid: task.id, model_uuid: task.model ?? MODEL_ID, status: now },
      taskId: task.id,
    };
    const created = task.createdAt.getTime();
    items.push({ ...base, uuid: uuid(task.id, "deduct"), billing_type: "deduct", created_at: task.createdAt.toISOString(), at: created });
    const ended = store.finishedAt(task);
    if (!store.billFailed && REFUNDED.has(now) && ended !== undefined) {
      items.push({ ...base, uuid: uuid(task.id, "refund"), billing_type: "refund", created_at: new Date(ended).toISOString(), at: ended });
    }
  }
  return items.sort((a, b) => b.at - a.at);
}

/** What refunds have given back so far, in micro-dollars (the balance counts them). */
export function refundedMicros(store: TaskStore): number {
  return billingItems(store)
    .filter((i) => i.billing_type === "refund")
    .reduce((sum, i) => sum + Math.round(i.price * 1_000_000), 0);
}
