import "server-only";
import { randomBytes } from "node:crypto";
import type { SessionUser } from "@/lib/auth/user";
import { getDelivery, insertDeliveries, latestDeliveries } from "@/lib/db/queries/hook-deliveries";
import { deleteHook, getHook, insertHook, listHookRows } from "@/lib/db/queries/hooks";
import type { Hook, HookDelivery } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/jobs/ids";
import { HOOKS_PER_MEMBER, type hookCreateSchema } from "@/lib/validations/hooks";
import type { z } from "zod";
import { hookOrigin, sendNow } from "./deliver";
import { hookBody, sampleTake } from "./payload";

export const DELIVERY_LOG_SIZE = 50;
const INLINE_LEASE_MS = 30_000;

/** `secret` is null for a read-only token: with it, anyone could sign deliveries the member's pipeline trusts. */
export type HookView = { id: string; url: string; secret: string | null; createdAt: string };
export type DeliveryView = {
  id: string;
  event: string;
  takeId: string | null;
  status: HookDelivery["status"];
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const hookView = (h: Hook): HookView => ({ id: h.id, url: h.url, secret: h.secret, createdAt: iso(h.createdAt)! });
export const deliveryView = (d: HookDelivery): DeliveryView => ({
  id: d.id,
  event: d.event,
  takeId: d.jobId,
  status: d.status,
  attempts: d.attempts,
  responseStatus: d.responseStatus,
  error: d.error,
  createdAt: iso(d.createdAt)!,
  nextAttemptAt: iso(d.nextAttemptAt),
  deliveredAt: iso(d.deliveredAt),
});

export async function listHooks(user: SessionUser): Promise<HookView[]> {
  const hideSecret = user.token?.scope === "read";
  return (await listHookRows(user.id)).map((row) => ({ ...hookView(row), secret: hideSecret ? null : row.secret }));
}

export async function createHook({ url }: z.output<typeof hookCreateSchema>, user: SessionUser): Promise<HookView> {
  const row: Hook = { id: newId(), userId: user.id, url, secret: `whsec_${randomBytes(32).toString("base64url")}`, createdAt: Date.now() };
  const added = await insertHook(row, HOOKS_PER_MEMBER);
  if (added === "duplicate")
    throw new AppError("conflict", "You have a hook with this URL already.", { url: "You have a hook with this URL already." });
  if (added === "full") {
    const message = `You have ${HOOKS_PER_MEMBER} hooks, the most a member may have; delete one first.`;
    throw new AppError("conflict", message, { url: message });
  }
  return hookView(row);
}

/** The member's own hook; anyone else's is "not found", like one that does not exist. */
async function ownHook(id: string, user: SessionUser): Promise<Hook> {
  const hook = await getHook(id);
  if (!hook || hook.userId !== user.id) throw new AppError("not_found", "No such hook.");
  return hook;
}

export async function removeHook(id: string, user: SessionUser): Promise<void> {
  if (!(await deleteHook(id, user.id))) throw new AppError("not_found", "No such hook.");
}

export async function hookDeliveries(id: string, user: SessionUser): Promise<DeliveryView[]> {
  const hook = await ownHook(id, user);
  return (await latestDeliveries(hook.id, DELIVERY_LOG_SIZE)).map(deliveryView);
}

const inline = () => ({
  lease: { owner: env().instanceId, now: Date.now(), ms: INLINE_LEASE_MS },
  options: { owner: env().instanceId, once: true },
});

/** Sends a test event now, through the same code as every delivery (tried once), and answers how it went. */
export async function testHook(id: string, user: SessionUser): Promise<DeliveryView> {
  const hook = await ownHook(id, user);
  const now = Date.now();
  const deliveryId = newId();
  const body = hookBody("test", deliveryId, now, sampleTake(hookOrigin(), now));
  // Due only later: should this instance stop before sending it, another instance's loop sends it instead.
  const base = {
    hookId: hook.id,
    jobId: null,
    event: "test",
    body,
    status: "pending" as const,
    attempts: 0,
    nextAttemptAt: now + INLINE_LEASE_MS,
  };
  const more = { responseStatus: null, error: null, leaseOwner: null, leaseUntil: null, createdAt: now, deliveredAt: null };
  await insertDeliveries([{ id: deliveryId, ...base, ...more }]);
  const { lease, options } = inline();
  const sent = await sendNow(deliveryId, lease, options);
  return deliveryView(sent ?? (await getDelivery(deliveryId))!);
}

/** Sends a failed delivery again now, the same bytes under the same id (tried once more). */
export async function redeliver(hookId: string, deliveryId: string, user: SessionUser): Promise<DeliveryView> {
  const hook = await ownHook(hookId, user);
  const delivery = await getDelivery(deliveryId);
  if (!delivery || delivery.hookId !== hook.id) throw new AppError("not_found", "No such delivery.");
  if (delivery.status !== "failed") {
    throw new AppError("conflict", `Only a failed delivery can be sent again; this one is ${delivery.status}.`);
  }
  const { lease, options } = inline();
  const sent = await sendNow(delivery.id, lease, options, true);
  if (!sent) throw new AppError("conflict", "This delivery is being sent right now.");
  return deliveryView(sent);
}
