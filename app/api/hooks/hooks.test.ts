import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DeliveryView, HookView } from "@/lib/hooks/manage";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, testWorker, until } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";
import { startReceiver, type Received } from "@/lib/test/receiver";
import { call } from "@/lib/test/routes";
import { verifyDelivery } from "@/lib/wavespeed/webhook";

let sim: Simulator;
let m: {
  list: typeof import("./route");
  one: typeof import("./[id]/route");
  test: typeof import("./[id]/test/route");
  log: typeof import("./[id]/deliveries/route");
  retry: typeof import("./[id]/deliveries/[deliveryId]/retry/route");
  jobs: typeof import("@/app/api/jobs/route");
  deliverer: typeof import("@/lib/hooks/deliverer");
};

beforeAll(async () => {
  ({ sim } = await setupApp({ PUBLIC_URL: "https://keyframe.example.com" }));
  m = {
    list: await import("./route"),
    one: await import("./[id]/route"),
    test: await import("./[id]/test/route"),
    log: await import("./[id]/deliveries/route"),
    retry: await import("./[id]/deliveries/[deliveryId]/retry/route"),
    jobs: await import("@/app/api/jobs/route"),
    deliverer: await import("@/lib/hooks/deliverer"),
  };
});
afterAll(() => sim.close());

type Fields = { error: { code: string; message: string; fields?: Record<string, string> } };
const headersOf = (r: Received) => new Headers(Object.entries(r.headers).map(([k, v]): [string, string] => [k, String(v)]));

describe("outgoing webhooks through the API", () => {
  test("a URL is refused with a reason on the url field, and nothing is stored", async () => {
    const { cookie } = await signedIn("hooks-urls@keyframe.test", "member");
    const refused: [unknown, RegExp][] = [
      [undefined, /^The URL must be text\.$/],
      ["", /^The URL is empty\.$/],
      ["example.com/hook", /not a web address/],
      ["ftp://example.com/hook", /must start with http:\/\/ or https:\/\/ \(not ftp:\/\/\)/],
      ["https://user:pass@example.com/hook", /must not hold a user name or password/],
      ["http://169.254.169.254/latest/meta-data", /link-local address \(169\.254\.0\.0\/16\)/],
      ["http://[fd00:ec2::254]/", /cloud metadata address \(fd00:ec2::254\)/],
      ["http://[::ffff:169.254.169.254]/", /link-local/],
      ["http://metadata.google.internal/", /cloud metadata service/],
      [`https://example.com/${"a".repeat(2000)}`, /too long: at most 2000 characters/],
    ];
    for (const [url, message] of refused) {
      const res = await call<Fields>(m.list, "POST", { cookie, body: { url } });
      expect(res.status, String(url)).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.fields?.url, String(url)).toMatch(message);
    }
    expect((await call<{ hooks: HookView[] }>(m.list, "GET", { cookie })).body.hooks).toEqual([]);
    // Loopback and private addresses are where self-hosted pipelines live: allowed.
    for (const url of ["http://127.0.0.1:8080/hook", "http://10.0.0.5/keyframe", "https://pipeline.internal/hooks/keyframe"]) {
      expect((await call(m.list, "POST", { cookie, body: { url } })).status, url).toBe(201);
    }
    const again = await call<Fields>(m.list, "POST", { cookie, body: { url: "http://10.0.0.5/keyframe" } });
    expect([again.status, again.body.error.fields?.url]).toEqual([409, "You have a hook with this URL already."]);
    for (let i = 3; i < 10; i++) await call(m.list, "POST", { cookie, body: { url: `http://10.0.0.5/k${i}` } });
    const full = await call<Fields>(m.list, "POST", { cookie, body: { url: "http://10.0.0.5/eleventh" } });
    expect([full.status, full.body.error.fields?.url]).toEqual([409, "You have 10 hooks, the most a member may have; delete one first."]);
    expect((await call<{ hooks: HookView[] }>(m.list, "GET", { cookie })).body.hooks).toHaveLength(10);
  });

  test("a member sees, tests and deletes only their own hooks; a failed test is sent again on request", async () => {
    const owner = await signedIn("hooks-owner@keyframe.test", "member");
    const other = await signedIn("hooks-other@keyframe.test", "admin");
    const receiver = await startReceiver([500, 204]);
    const made = await call<{ hook: HookView }>(m.list, "POST", { cookie: owner.cookie, body: { url: receiver.url } });
    expect(made.status).toBe(201);
    const { hook } = made.body;
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    // A read-only token lists the hook but not its secret: with it, anyone could sign deliveries the pipeline trusts.
    const { makeToken } = await import("@/lib/auth/tokens");
    const member = { id: owner.id, email: "hooks-owner@keyframe.test", name: "owner", role: "member" as const };
    for (const [scope, secret] of [
      ["read", null],
      ["generate", hook.secret],
    ] as const) {
      const { secret: bearer } = await makeToken({ name: scope, scope }, member);
      const seen = await call<{ hooks: HookView[] }>(m.list, "GET", { headers: { authorization: `Bearer ${bearer}` } });
      expect(seen.body.hooks).toEqual([{ ...hook, secret }]);
    }
    const params = { id: hook.id };
    expect((await call<{ hooks: HookView[] }>(m.list, "GET", { cookie: other.cookie })).body.hooks).toEqual([]);
    for (const [mod, method] of [
      [m.test, "POST"],
      [m.log, "GET"],
      [m.one, "DELETE"],
    ] as const) {
      expect((await call(mod, method, { cookie: other.cookie, params })).status).toBe(404);
    }

    const first = await call<{ delivery: DeliveryView }>(m.test, "POST", { cookie: owner.cookie, params });
    expect(first.body.delivery).toMatchObject({
      event: "test",
      status: "failed",
      attempts: 1,
      responseStatus: 500,
      error: "The receiver answered 500.",
    });
    const again = await call<{ delivery: DeliveryView }>(m.retry, "POST", {
      cookie: owner.cookie,
      params: { ...params, deliveryId: first.body.delivery.id },
    });
    expect(again.body.delivery).toMatchObject({
      id: first.body.delivery.id,
      status: "delivered",
      attempts: 1,
      responseStatus: 204,
      error: null,
    });
    const twice = await call<Fields>(m.retry, "POST", { cookie: owner.cookie, params: { ...params, deliveryId: first.body.delivery.id } });
    expect([twice.status, twice.body.error.message]).toEqual([409, "Only a failed delivery can be sent again; this one is delivered."]);

    expect(receiver.received.map((r) => r.body)).toEqual([receiver.received[0]!.body, receiver.received[0]!.body]);
    const signed = verifyDelivery(headersOf(receiver.received[1]!), receiver.received[1]!.body, hook.secret!);
    expect(signed).toEqual({ ok: false, reason: "The delivery is not a task." }); // signature accepted; the body is ours, not a WaveSpeed task
    expect(JSON.parse(receiver.received[1]!.body)).toMatchObject({
      event: "test",
      id: first.body.delivery.id,
      take: { status: "completed" },
    });

    const log = await call<{ deliveries: DeliveryView[] }>(m.log, "GET", { cookie: owner.cookie, params });
    expect(log.body.deliveries.map((d) => [d.event, d.status])).toEqual([["test", "delivered"]]);
    expect((await call(m.one, "DELETE", { cookie: owner.cookie, params })).status).toBe(204);
    expect((await call(m.log, "GET", { cookie: owner.cookie, params })).status).toBe(404);
    await receiver.close();
  });

  test("a take run to completion on the simulator reaches the member's receiver once, signed, with the link to Keyframe's copy", async () => {
    const { cookie } = await signedIn("hooks-e2e@keyframe.test", "member");
    const receiver = await startReceiver([200]);
    const { hook } = (await call<{ hook: HookView }>(m.list, "POST", { cookie, body: { url: receiver.url } })).body;
    const worker = await testWorker();
    const loops = ["a", "b"].map((id) => new m.deliverer.HookDeliverer({ instanceId: id, tickMs: 50 }));
    loops.forEach((l) => l.start());
    try {
      const res = await m.jobs.POST(
        new Request("http://keyframe.test/api/jobs", { method: "POST", body: jobForm({ prompt: "A hooked take" }), headers: { cookie } }),
      );
      expect(res.status).toBe(201);
      const [job] = ((await res.json()) as { jobs: { id: string }[] }).jobs;
      const [got] = await until(async () => receiver.received.length > 0 && receiver.received, 20_000);
      await new Promise((r) => setTimeout(r, 500));
      expect(receiver.received).toHaveLength(1);
      const body = JSON.parse(got!.body) as { event: string; id: string; take: Record<string, string> };
      expect(body).toMatchObject({ event: "take.completed", take: { id: job!.id, status: "completed", prompt: "A hooked take" } });
      expect(body.take.videoUrl).toMatch(/^https:\/\/keyframe\.example\.com\/media\/videos\/.+\.mp4$/);
      expect(got!.headers["webhook-id"]).toBe(body.id);
      // Sent after Keyframe's copy was saved, within a couple of the loop's ticks.
      const { getJob } = await import("@/lib/db/queries/jobs");
      const copiedAt = (await getJob(job!.id))!.copiedAt!;
      console.log(`hook delivered ${got!.at - copiedAt} ms after the copy was saved`);
      expect(got!.at - copiedAt).toBeGreaterThanOrEqual(0);
      expect(got!.at - copiedAt).toBeLessThan(2000);
      expect(verifyDelivery(headersOf(got!), got!.body, hook.secret!)).toMatchObject({ ok: false, reason: "The delivery is not a task." });
      expect(verifyDelivery(headersOf(got!), got!.body, "whsec_wrong")).toMatchObject({
        ok: false,
        reason: "The delivery's signature does not match.",
      });
    } finally {
      await Promise.all(loops.map((l) => l.stop()));
      await worker.stop();
      await receiver.close();
    }
  });
});
