import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";

let sim: Simulator;
let session: typeof import("./route");
const EMAIL = "owner@keyframe.test";
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  ({ sim } = await setupApp());
  session = await import("./route");
  await signedIn(EMAIL);
});
afterAll(() => sim.close());

/** A sign-in attempt as Keyframe's start command passes it on: the socket's address in x-keyframe-peer. */
const attempt = (password: string, from: string, email = EMAIL) =>
  session.POST(
    new Request("http://keyframe.test/api/session", {
      method: "POST",
      body: JSON.stringify({ email, password }),
      headers: { "x-keyframe-peer": from, "x-forwarded-for": "1.2.3.4" },
    }),
  );

describe("sign-in throttle", () => {
  test("40 wrong passwords sent at once from one address: 20 are checked, 20 refused at once", async () => {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 40 }, () => attempt("wrong password!", "203.0.113.7")));
    const codes = answers.map((r) => r.status);
    expect(codes.filter((c) => c === 401)).toHaveLength(20);
    expect(codes.filter((c) => c === 429)).toHaveLength(20);
    const refused = answers.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(800);
    // The checked ones still paid the slow-down (up to 8 s each, concurrently).
    expect(Date.now() - started).toBeGreaterThan(4000);
  }, 90_000);

  test("a stranger's failures do not lock the owner out from elsewhere, nor does a spoofed X-Forwarded-For", async () => {
    // The address above is locked for this email; the owner, from another address, signs in at once.
    const owner = await attempt(PASSWORD, "198.51.100.20");
    expect(owner.status).toBe(200);
    // The stranger cannot escape the lock by sending another X-Forwarded-For.
    const spoofed = await session.POST(
      new Request("http://keyframe.test/api/session", {
        method: "POST",
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
        headers: { "x-keyframe-peer": "203.0.113.7", "x-forwarded-for": "198.51.100.99" },
      }),
    );
    expect(spoofed.status).toBe(429);
  });

  test("one address trying many emails is stopped", async () => {
    const answers = [];
    for (let round = 0; round < 4; round++) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 30 }, (_, i) => attempt("nope nope nope", "192.0.2.55", `spray${round}-${i}@keyframe.test`)),
        )),
      );
    }
    expect(answers.filter((r) => r.status === 401)).toHaveLength(100);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(20);
    // 100 password checks: 4 s on an idle machine, past 30 s on a busy one.
  }, 90_000);
});
