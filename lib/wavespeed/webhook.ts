import { createHmac, timingSafeEqual } from "node:crypto";
import { toTask } from "./wire";
import { taskSchema } from "./schema";
import type { Task } from "./types";

/** Deliveries older (or further ahead) than this are refused: a captured one cannot be replayed later. */
export const WEBHOOK_TOLERANCE_S = 300;

export type Delivery = { ok: true; id: string; task: Task } | { ok: false; reason: string };

const keyOf = (secret: string) => secret.replace(/^whsec_/, "");

/** The signature WaveSpeed puts in `webhook-signature`: `v3,` then hex HMAC-SHA256 over `{id}.{timestamp}.{body}`. */
export function signDelivery(secret: string, id: string, timestamp: number | string, body: string): string {
  return `v3,${createHmac("sha256", keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest("hex")}`;
}

export type Signed = { ok: true; id: string; timestamp: string; signature: string } | { ok: false; reason: string };

/**
 * The signing headers of a delivery, when present and its timestamp is within five minutes: checked
 * before anything else, so an unsigned or stale request costs no secret look-up.
 */
export function signedHeaders(headers: Headers, nowMs = Date.now()): Signed {
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signature = headers.get("webhook-signature");
  if (!id || !timestamp || !signature) return { ok: false, reason: "The delivery is not signed." };
  const seconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(nowMs / 1000 - seconds) > WEBHOOK_TOLERANCE_S) {
    return { ok: false, reason: "The delivery's timestamp is too old (or not a time)." };
  }
  return { ok: true, id, timestamp, signature };
}

/**
 * Checks a signed delivery as WaveSpeed documents it: a signature over the id, the timestamp exactly as
 * sent and the raw body, keyed by the secret without its `whsec_` prefix (used as text), compared in
 * constant time. Only then is the body parsed into Keyframe's Task.
 */
export function verifySigned(signed: Extract<Signed, { ok: true }>, rawBody: string, secret: string): Delivery {
  const expected = Buffer.from(signDelivery(secret, signed.id, signed.timestamp, rawBody));
  // A header may carry several space-separated signatures; any one that matches will do.
  const matches = signed.signature.split(" ").some((candidate) => {
    const given = Buffer.from(candidate.trim());
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) return { ok: false, reason: "The delivery's signature does not match." };
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: "The delivery is not JSON." };
  }
  // The body is the task itself; some deliveries wrap it in the usual envelope.
  const data = (json as { data?: unknown })?.data ?? json;
  const parsed = taskSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: "The delivery is not a task." };
  return { ok: true, id: signed.id, task: toTask(parsed.data) };
}

/** Both checks at once, for a caller that already holds the secret. */
export function verifyDelivery(headers: Headers, rawBody: string, secret: string, nowMs = Date.now()): Delivery {
  const signed = signedHeaders(headers, nowMs);
  return signed.ok ? verifySigned(signed, rawBody, secret) : signed;
}
