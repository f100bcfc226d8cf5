import "server-only";
import http from "node:http";
import https from "node:https";
import { blockedAddress } from "@/lib/hooks/address";
import { guardedLookup, HOOK_TIMEOUT_MS, HOOK_USER_AGENT } from "@/lib/hooks/post";

/** Slack's three control characters in message text: reviewers' words can then never ping a channel or make a link. */
export const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** POSTs `{ text }` once, as hooks are sent (no redirects, metadata addresses refused); true on a 2xx. */
export function postSlack(
  url: string,
  body: { text: string },
  timeoutMs = HOOK_TIMEOUT_MS,
): Promise<{ ok: boolean; error: string | null }> {
  const target = new URL(url);
  const refused = blockedAddress(target.hostname);
  if (refused) return Promise.resolve({ ok: false, error: `Refused: ${target.hostname} is ${refused}.` });
  const data = JSON.stringify(body);
  const send = target.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve) => {
    const request = send(
      target,
      {
        method: "POST",
        lookup: guardedLookup,
        timeout: timeoutMs,
        headers: { "content-type": "application/json", "user-agent": HOOK_USER_AGENT, "content-length": String(Buffer.byteLength(data)) },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.resume();
        resolve(status >= 200 && status < 300 ? { ok: true, error: null } : { ok: false, error: `The webhook answered ${status}.` });
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error) => resolve({ ok: false, error: `Could not reach the webhook: ${error.message}.` }));
    request.end(data);
  });
}
