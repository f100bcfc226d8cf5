import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, TEST_USER, testWorker, until } from "@/lib/test/app";
import { makePng } from "@/lib/test/png";
import { signDelivery } from "@/lib/wavespeed/webhook";

/**
 * The simulator delivers signed webhooks over HTTP to a server that hands them to the route, as Next
 * would; the worker submits with `?webhook=` and polls only as a safety net.
 */
let sim: Simulator;
let receiver: http.Server;
let hookUrl = "";
const answers: number[] = [];
let worker: import("@/lib/jobs/worker").JobWorker | undefined;
let m: {
  route: typeof import("./route");
  create: typeof import("@/lib/jobs/create");
  worker: typeof import("@/lib/jobs/registry");
  jobs: typeof import("@/lib/db/queries/jobs");
  schema: typeof import("@/lib/validations/generate");
  defaults: typeof import("@/lib/validations/generate-defaults");
  ws: typeof import("@/lib/wavespeed");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    route: await import("./route"),
    create: await import("@/lib/jobs/create"),
    worker: await import("@/lib/jobs/registry"),
    jobs: await import("@/lib/db/queries/jobs"),
    schema: await import("@/lib/validations/generate"),
    defaults: await import("@/lib/validations/generate-defaults"),
    ws: await import("@/lib/wavespeed"),
  };
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers(
        Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
      );
      void m.route
        .POST(new Request("http://keyframe.test/api/webhooks/wavespeed", { method: "POST", headers, body: Buffer.concat(chunks) }))
        .then(async (r) => {
          answers.push(r.status);
          res.writeHead(r.status, { "content-type": "application/json" }).end(await r.text());
        });
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/wavespeed`;
});
afterAll(async () => {
  await sim.close();
  receiver.close();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  answers.length = 0;
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

async function start(safetyMs = 60_000) {
  worker = await testWorker({ webhookUrl: hookUrl, webhookSafetyMs: safetyMs });
}

async function createJob(prompt = "A heron lifts off") {
  const request = await m.schema.generateSchema.parseAsync({
    ...m.defaults.GENERATE_DEFAULTS,
    image: new File([new Uint8Array(makePng(400, 400))], "a.png"),
    prompt,
    duration: 2,
  });
  return (await m.create.createJobs(request, { user: TEST_USER, origin: "http://keyframe.test" })).jobs[0]!;
}

const finished = (id: string, timeoutMs = 10_000) =>
  until(async () => {
    const job = await m.jobs.getJob(id);
    return job && (job.status === "completed" || job.status === "failed") ? job : undefined;
  }, timeoutMs);

/**
 * A safety poll found the job: one, or a few where the simulator's render (ffmpeg, slower on a loaded machine)
 * outlasted the first; never the steady polling of a job without webhooks (one every 100-400 ms here).
 */
function expectSafetyPolls(taskId: string) {
  const gets = sim.stats.resultGets[taskId] ?? 0;
  expect(gets).toBeGreaterThanOrEqual(1);
  expect(gets).toBeLessThanOrEqual(3);
}

const faults = (spec: string) => fetch(`${sim.url}/__sim/faults`, { method: "POST", body: spec });

describe("webhooks", () => {
  test("a job finishes by its webhook with no result GET at all", async () => {
    await start();
    const job = await createJob();
    const done = await finished(job.id);
    expect(done.status).toBe("completed");
    expect(sim.stats.received[0]).toMatchObject({ webhook: hookUrl });
    expect(sim.stats.resultGets[done.upstreamId!] ?? 0).toBe(0);
    expect(answers).toEqual([200]);
  });

  test("a repeated delivery is applied once", async () => {
    await faults("webhook:repeat");
    await start();
    const job = await createJob("A repeated delivery [sim:fail]");
    const done = await finished(job.id);
    expect(done.status).toBe("failed");
    await until(async () => answers.length >= 2 || undefined);
    expect(answers).toEqual([200, 200]);
    // The simulator counts a delivery once its answer is back, a moment after the receiver sent it.
    expect(await until(async () => (sim.stats.webhooks.sent >= 2 ? sim.stats.webhooks.sent : undefined))).toBe(2);
  });

  test.each(["badsig", "stale"])(
    "a %s delivery is refused with 401 and changes nothing; the safety poll finishes the job",
    async (kind) => {
      await faults(`webhook:${kind}`);
      // Room for the refused delivery to arrive before the safety poll, on a busy machine too.
      await start(3000);
      const job = await createJob();
      await until(async () => answers.length >= 1 || undefined);
      expect(answers[0]).toBe(401);
      expect((await m.jobs.getJob(job.id))?.status).not.toBe("completed");
      const done = await finished(job.id);
      expect(done.status).toBe("completed");
      expectSafetyPolls(done.upstreamId!);
    },
  );

  test("a dropped delivery is caught by one safety poll", async () => {
    await faults("webhook:drop");
    await start(1500);
    const job = await createJob();
    const done = await finished(job.id);
    expect(done.status).toBe("completed");
    // On a busy machine the safety poll can finish the job before the simulator drops its delivery.
    expect(await until(async () => sim.stats.webhooks.dropped || undefined)).toBe(1);
    expectSafetyPolls(done.upstreamId!);
  });

  test("unsigned deliveries and unknown tasks change nothing: 401 and 404", async () => {
    const body = JSON.stringify({ id: "f".repeat(32), status: "completed", outputs: ["http://x/v.mp4"] });
    const unsigned = await m.route.POST(new Request("http://keyframe.test/api/webhooks/wavespeed", { method: "POST", body }));
    expect(unsigned.status).toBe(401);
    const secret = (
      (await (await fetch(`${sim.url}/api/v3/webhook/secret`, { headers: { authorization: "Bearer test-key-0123456789" } })).json()) as {
        data: { secret: string };
      }
    ).data.secret;
    const ts = Math.floor(Date.now() / 1000);
    const signed = await m.route.POST(
      new Request("http://keyframe.test/api/webhooks/wavespeed", {
        method: "POST",
        body,
        headers: { "webhook-id": "msg_x", "webhook-timestamp": String(ts), "webhook-signature": signDelivery(secret, "msg_x", ts, body) },
      }),
    );
    expect(signed.status).toBe(404);
  });
});
