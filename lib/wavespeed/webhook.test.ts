// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import { signDelivery, verifyDelivery } from "./webhook";

const SECRET = "whsec_0123456789abcdef0123";
const body = JSON.stringify({
  id: "a".repeat(32),
  status: "completed",
  outputs: ["https://cdn.example/v.mp4"],
  has_nsfw_contents: [false],
});
const now = 1_790_000_000_000;
const headers = (over: Record<string, string> = {}) => {
  const ts = Math.floor(now / 1000);
  return new Headers({
    "webhook-id": "msg_1",
    "webhook-timestamp": String(ts),
    "webhook-signature": signDelivery(SECRET, "msg_1", ts, body),
    ...over,
  });
};

describe("webhook deliveries", () => {
  test("a delivery signed as WaveSpeed documents is accepted and read as a task", () => {
    const delivery = verifyDelivery(headers(), body, SECRET, now);
    expect(delivery).toMatchObject({ ok: true, id: "msg_1", task: { status: "completed", outputs: ["https://cdn.example/v.mp4"] } });
  });

  test("the key is the secret without whsec_, used as text: hex HMAC-SHA256 of id.timestamp.body", async () => {
    const { createHmac } = await import("node:crypto");
    const ts = Math.floor(now / 1000);
    const hex = createHmac("sha256", "0123456789abcdef0123").update(`msg_1.${ts}.${body}`).digest("hex");
    expect(signDelivery(SECRET, "msg_1", ts, body)).toBe(`v3,${hex}`);
  });

  test.each([
    ["no signature headers", { "webhook-signature": "" }],
    [
      "a signature by another secret",
      { "webhook-signature": signDelivery("whsec_other-secret-123", "msg_1", Math.floor(now / 1000), body) },
    ],
    ["a timestamp six minutes old", { "webhook-timestamp": String(Math.floor(now / 1000) - 360) }],
    ["a timestamp six minutes ahead", { "webhook-timestamp": String(Math.floor(now / 1000) + 360) }],
    ["a timestamp that is not a number", { "webhook-timestamp": "yesterday" }],
  ])("%s is refused", (_, over) => {
    expect(verifyDelivery(headers(over), body, SECRET, now).ok).toBe(false);
  });

  test("a body changed after signing is refused", () => {
    expect(verifyDelivery(headers(), body.replace("completed", "failed"), SECRET, now).ok).toBe(false);
  });
});
