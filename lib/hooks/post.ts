import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Hook, HookDelivery } from "@/lib/db/schema";
import { signDelivery } from "@/lib/wavespeed/webhook";
import { blockedAddress } from "./address";

export const HOOK_TIMEOUT_MS = 10_000;
export const HOOK_USER_AGENT = "Keyframe-Hooks/1";

/** How one try went: `status` is the receiver's HTTP status, null when it could not be reached. */
export type Attempt = { ok: boolean; status: number | null; error: string | null };

/** Resolves as usual, but refuses a name that resolves to a link-local or metadata address (checked on every try). */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const bad = addresses.map((a) => blockedAddress(a.address)).find(Boolean);
    if (bad) return callback(Object.assign(new Error(`${hostname} resolves to ${bad}`), { code: "EBLOCKED" }), "", 0);
    if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
    callback(null, first.address, first.family);
  });
};

const reason = (error: Error & { code?: string }) =>
  error.code === "EBLOCKED" ? `Refused: ${error.message}.` : `Could not reach the receiver: ${error.code ?? error.message}.`;

/**
 * POSTs a delivery's stored body once, signed as WaveSpeed signs (webhook-id, webhook-timestamp,
 * webhook-signature: v3,<hex>). A redirect is not followed; only a 2xx counts as delivered.
 */
export function postDelivery(hook: Hook, delivery: HookDelivery, timeoutMs = HOOK_TIMEOUT_MS, nowMs = Date.now()): Promise<Attempt> {
  const url = new URL(hook.url);
  const refused = blockedAddress(url.hostname);
  if (refused) return Promise.resolve({ ok: false, status: null, error: `Refused: ${url.hostname} is ${refused}.` });
  const timestamp = Math.floor(nowMs / 1000);
  const headers = {
    "content-type": "application/json",
    "user-agent": HOOK_USER_AGENT,
    "webhook-id": delivery.id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signDelivery(hook.secret, delivery.id, timestamp, delivery.body),
    "content-length": String(Buffer.byteLength(delivery.body)),
  };
  const send = url.protocol === "https:" ? https.request : http.request;
  return new Promise<Attempt>((resolve) => {
    const timer = setTimeout(() => {
      request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" }));
    }, timeoutMs);
    const done = (attempt: Attempt) => {
      clearTimeout(timer);
      resolve(attempt);
    };
    const request = send(url, { method: "POST", headers, lookup: guardedLookup }, (response) => {
      const status = response.statusCode ?? 0;
      // The answer's body is not needed: drop it.
      response.resume();
      const ok = status >= 200 && status < 300;
      const redirect = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
      done({ ok, status, error: ok ? null : `The receiver answered ${status}${redirect}.` });
      response.destroy();
    });
    request.on("error", (error: Error & { code?: string }) =>
      done({
        ok: false,
        status: null,
        error: error.code === "ETIMEDOUT" ? `The receiver did not answer within ${timeoutMs / 1000} s.` : reason(error),
      }),
    );
    request.end(delivery.body);
  });
}
