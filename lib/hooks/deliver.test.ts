import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Hook, HookDelivery, NewJob } from "@/lib/db/schema";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, until } from "@/lib/test/app";
import { startReceiver, type Received } from "@/lib/test/receiver";

let sim: Simulator;
let m: {
  deliver: typeof import("./deliver");
  deliverer: typeof import("./deliverer");
  hooks: typeof import("@/lib/db/queries/hooks");
  deliveries: typeof import("@/lib/db/queries/hook-deliveries");
  jobs: typeof import("@/lib/db/queries/jobs");
};

beforeAll(async () => {
  ({ sim } = await setupApp({ PUBLIC_URL: "https://keyframe.example.com" }));
  m = {
    deliver: await import("./deliver"),
    deliverer: await import("./deliverer"),
    hooks: await import("@/lib/db/queries/hooks"),
    deliveries: await import("@/lib/db/queries/hook-deliveries"),
    jobs: await import("@/lib/db/queries/jobs"),
  };
});
afterAll(() => sim.close());

/** A receiver's check, written from WaveSpeed's documentation alone: hex HMAC-SHA256 of `{id}.{timestamp}.{body}`, keyed by the secret without `whsec_`. */
function verified(r: Received, secret: string): boolean {
  const [id, ts, sig] = ["webhook-id", "webhook-timestamp", "webhook-signature"].map((h) => String(r.headers[h]));
  const expected = "v3," + createHmac("sha256", secret.slice("whsec_".length)).update(`${id}.${ts}.${r.body}`).digest("hex");
  return sig!.length === expected.length && timingSafeEqual(Buffer.from(sig!), Buffer.from(expected));
}

let n = 0;
async function hookFor(url: string, userId = `hook-user-${++n}`, createdAt = Date.now() - 60_000): Promise<Hook> {
  const hook: Hook = { id: `hook-${++n}`, userId, url, secret: `whsec_secret-${n}`, createdAt };
  expect(await m.hooks.insertHook(hook, 10)).toBe("added");
  return hook;
}

async function finishedJob(userId: string, patch: Partial<NewJob> = {}) {
  const now = Date.now();
  const id = `job-${++n}`;
  const [job] = await m.jobs.insertJobs([
    {
      id,
      batchId: id,
      variation: 0,
      userId,
      createdAt: now - 10_000,
      updatedAt: now,
      changedAt: now,
      finishedAt: now,
      status: "completed",
      copyStatus: "done",
      outputs: ["https://upstream.example/out.mp4"],
      videoFile: `${id}.mp4`,
      posterFile: `${id}.jpg`,
      prompt: "A fox runs through snow",
      duration: 5,
      aspectRatio: "16:9",
      cameraFixed: false,
      seed: 7,
      safetyChecker: true,
      priceMicros: 100_000,
      shareId: `share-${id}`,
      ...patch,
    },
  ]);
  return job!;
}

const quick = { delaysMs: [40, 80, 80, 80, 80, 80, 80], maxAttempts: 8 };

describe("outgoing webhook deliveries", () => {
  test("a finished take gets one delivery per hook, however many sweeps or instances see it", async () => {
    const hook = await hookFor("http://127.0.0.1:9/never");
    const job = await finishedJob(hook.userId);
    await finishedJob(hook.userId, { status: "completed", copyStatus: "copying" }); // not yet: its copy is being saved
    const since = Date.now() - 60_000;
    const sweeps = await Promise.all([
      m.deliver.enqueueFinished(since),
      m.deliver.enqueueFinished(since),
      m.deliver.enqueueFinished(since),
    ]);
    expect(sweeps.flatMap((s) => s.written).map((d) => d.jobId)).toEqual([job.id]);
    // The job is written again (say, shared anew): still one.
    await m.jobs.updateJob(job.id, { shareVisibility: "team" });
    expect((await m.deliver.enqueueFinished(since)).written).toEqual([]);
    const [row] = await m.deliveries.latestDeliveries(hook.id, 50);
    const body = JSON.parse(row!.body) as { event: string; id: string; take: Record<string, unknown> };
    expect(body).toMatchObject({ event: "take.completed", id: row!.id });
    expect(body.take).toMatchObject({
      id: job.id,
      status: "completed",
      videoUrl: `https://keyframe.example.com/media/videos/${job.id}.mp4`,
      posterUrl: `https://keyframe.example.com/media/posters/${job.id}.jpg`,
      shareUrl: `https://keyframe.example.com/v/share-${job.id}`,
      pageUrl: `https://keyframe.example.com/?take=${job.id}`,
    });
    // A take that failed (here: cancelled) is a take.failed; one finished before the hook existed is not sent.
    const cancelled = await finishedJob(hook.userId, { status: "cancelled", copyStatus: "none", error: null });
    await finishedJob(hook.userId, { status: "failed", finishedAt: hook.createdAt - 1 });
    const later = await m.deliver.enqueueFinished(since);
    expect(later.written.map((d) => [d.jobId, d.event])).toEqual([[cancelled.id, "take.failed"]]);
  });

  test("a take finished long ago and changed now (starred, shared) is not announced, though its delivery was pruned", async () => {
    const day = 24 * 60 * 60 * 1000;
    const hook = await hookFor("http://127.0.0.1:9/never", undefined, Date.now() - 40 * day);
    const old = await finishedJob(hook.userId, { finishedAt: Date.now() - 35 * day });
    const recent = await finishedJob(hook.userId, { finishedAt: Date.now() - 2 * day });
    const written = (await m.deliver.enqueueFinished(Date.now() - 60_000)).written.map((d) => d.jobId);
    expect(written).toEqual([recent.id]);
    expect(written).not.toContain(old.id);
  });

  test("a receiver answering 500 then 200 gets the same signed bytes under the same id, after a backoff", async () => {
    const receiver = await startReceiver([500, 200]);
    const hook = await hookFor(receiver.url);
    await finishedJob(hook.userId);
    const loop = new m.deliverer.HookDeliverer({ instanceId: "a", tickMs: 20, policy: quick });
    loop.start();
    try {
      const [row] = await until(async () => {
        const rows = await m.deliveries.latestDeliveries(hook.id, 50);
        return rows[0]?.status === "delivered" && rows;
      });
      expect(row).toMatchObject({ attempts: 2, responseStatus: 200, error: null });
      expect(receiver.received).toHaveLength(2);
      const [first, second] = receiver.received;
      expect(second!.body).toBe(first!.body);
      expect(second!.headers["webhook-id"]).toBe(row!.id);
      expect(first!.headers["webhook-id"]).toBe(row!.id);
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(40);
      for (const r of receiver.received) {
        expect(verified(r, hook.secret)).toBe(true);
        expect(r.headers).toMatchObject({ "content-type": "application/json", "user-agent": "Keyframe-Hooks/1" });
        expect(Math.abs(Number(r.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(5);
      }
      expect(verified({ ...second!, body: second!.body.replace("fox", "cat") }, hook.secret)).toBe(false);
    } finally {
      await loop.stop();
      await receiver.close();
    }
  });

  test("after the last try it gives up, with the receiver's last answer; two loops never send one twice", async () => {
    const receiver = await startReceiver([503], 30);
    const hook = await hookFor(receiver.url);
    await finishedJob(hook.userId);
    const loops = ["a", "b"].map((id) => new m.deliverer.HookDeliverer({ instanceId: id, tickMs: 5, concurrency: 8, policy: quick }));
    loops.forEach((l) => l.start());
    try {
      const [row] = await until(async () => {
        const rows = await m.deliveries.latestDeliveries(hook.id, 50);
        return rows[0]?.status === "failed" && rows;
      }, 15_000);
      expect(row).toMatchObject({ attempts: 8, responseStatus: 503, error: "The receiver answered 503.", nextAttemptAt: null });
      expect(receiver.received).toHaveLength(8);
      // Each try began after the one before had been answered: never two at once.
      const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i]!.at);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(30 + 40);
    } finally {
      await Promise.all(loops.map((l) => l.stop()));
      await receiver.close();
    }
  });

  test("an unreachable receiver, a redirect and a slow one are each a failed try with a short reason; a host name is looked up", async () => {
    const slow = await startReceiver([200], 500);
    const moved = await startReceiver([302]);
    const cases: [string, RegExp, number | null][] = [
      ["http://127.0.0.1:9/closed", /^Could not reach the receiver: ECONNREFUSED\.$/, null],
      [moved.url, /^The receiver answered 302 \(redirects are not followed\)\.$/, 302],
      [slow.url, /^The receiver did not answer within 0\.2 s\.$/, null],
    ];
    try {
      for (const [url, error, status] of cases) {
        const hook = await hookFor(url);
        const delivery = { id: "d", body: "{}" } as HookDelivery;
        const { postDelivery } = await import("./post");
        const attempt = await postDelivery(hook, delivery, 200);
        expect(attempt.ok).toBe(false);
        expect(attempt.status).toBe(status);
        expect(attempt.error).toMatch(error);
      }
      expect(moved.received).toHaveLength(1);
      // A host name goes through the guarded DNS look-up; loopback is allowed.
      const { postDelivery } = await import("./post");
      const byName = await postDelivery(await hookFor(slow.url.replace("127.0.0.1", "localhost")), { id: "n", body: "{}" } as HookDelivery);
      expect(byName).toEqual({ ok: true, status: 200, error: null });
    } finally {
      await slow.close();
      await moved.close();
    }
  });
});
