import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, TEST_KEY, TEST_USER, testWorker, until } from "@/lib/test/app";
import { makePng } from "@/lib/test/png";
import { call, savedJob } from "@/lib/test/routes";

let sim: Simulator;
let worker: import("@/lib/jobs/worker").JobWorker | undefined;
let m: {
  create: typeof import("@/lib/jobs/create");
  jobs: typeof import("@/lib/db/queries/jobs");
  schema: typeof import("@/lib/validations/generate");
  defaults: typeof import("@/lib/validations/generate-defaults");
  ledger: typeof import("@/lib/db/queries/ledger");
  settle: typeof import("./settle");
  route: typeof import("@/app/api/admin/jobs/[id]/settlement/route");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    create: await import("@/lib/jobs/create"),
    jobs: await import("@/lib/db/queries/jobs"),
    schema: await import("@/lib/validations/generate"),
    defaults: await import("@/lib/validations/generate-defaults"),
    ledger: await import("@/lib/db/queries/ledger"),
    settle: await import("./settle"),
    route: await import("@/app/api/admin/jobs/[id]/settlement/route"),
  };
});
afterAll(() => sim.close());
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

const setFaults = (spec: string) => fetch(`${sim.url}/__sim/faults`, { method: "POST", body: spec });

async function createJob(prompt: string) {
  const request = await m.schema.generateSchema.parseAsync({
    ...m.defaults.GENERATE_DEFAULTS,
    image: new File([new Uint8Array(makePng(400, 400))], "a.png"),
    prompt,
    duration: 2,
  });
  const [job] = (await m.create.createJobs(request, { user: TEST_USER, origin: "http://keyframe.test" })).jobs;
  return job!;
}

const spentToday = async () => (await m.ledger.spendTotals(TEST_USER.id, 0, 0, true)).me.today;

describe("a submit whose answer was lost", () => {
  test("is found in WaveSpeed's history, followed and copied: it ends completed with its video, never resent", async () => {
    await setFaults("submit:malformed");
    const before = await spentToday();
    const job = await createJob("A lighthouse in fog");
    worker = await testWorker({ settleAfterMs: 60_000 });
    const saved = await savedJob(job.id);
    expect(saved.status).toBe("completed");
    expect(saved.upstreamId).toMatch(/^[0-9a-f]{32}$/);
    expect(sim.stats.submitRequests).toBe(1);
    const view = await m.settle.settlementView(job.id);
    expect(view).toMatchObject({ state: "matched", taskId: saved.upstreamId });
    expect((await spentToday()) - before).toBe(32_000);
  });

  test("that made no task ends failed once the history has settled, its reservation released", async () => {
    await setFaults("submit:500");
    const before = await spentToday();
    const job = await createJob("A kite over dunes");
    worker = await testWorker({ settleAfterMs: 1500 });
    const unknown = await until(async () => ((await m.jobs.getJob(job.id))?.status === "unknown" ? true : undefined));
    expect(unknown).toBe(true);
    const failed = await until(async () => {
      const row = await m.jobs.getJob(job.id);
      return row?.status === "failed" ? row : undefined;
    });
    expect(failed.error).toBe(m.settle.NO_TASK);
    expect(await spentToday()).toBe(before);
    expect(sim.stats.submitRequests).toBe(1);
  });

  test("with two tasks in its window waits for an admin, who chooses one: the take carries on with it", async () => {
    const admin = await signedIn("settler@keyframe.test");
    // Someone else's task on the same key, made in the same minute (WaveSpeed's web UI, another tool).
    const image = `data:image/png;base64,${makePng(400, 400).toString("base64")}`;
    const other = await fetch(`${sim.url}/api/v3/bytedance/seedance-v1-lite-i2v-480p`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ image, prompt: "elsewhere", duration: 2 }),
    });
    const otherId = ((await other.json()) as { data: { id: string } }).data.id;
    await setFaults("submit:malformed");
    const job = await createJob("A heron takes off");
    worker = await testWorker({ settleAfterMs: 60_000 });
    const view = await until(async () => {
      const res = await call(m.route, "GET", { cookie: admin.cookie, params: { id: job.id } });
      return res.status === 200 && (res.body as { state: string }).state === "ambiguous"
        ? (res.body as { candidates: string[] })
        : undefined;
    });
    expect(view.candidates).toHaveLength(2);
    expect(view.candidates).toContain(otherId);
    expect((await m.jobs.getJob(job.id))?.error).toBe(m.settle.SEVERAL_TASKS);

    const wrong = await call(m.route, "POST", { cookie: admin.cookie, params: { id: job.id }, body: { taskId: "f".repeat(32) } });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: "invalid", fields: { taskId: expect.any(String) } } });
    const mine = view.candidates.find((id) => id !== otherId)!;
    const chosen = await call(m.route, "POST", { cookie: admin.cookie, params: { id: job.id }, body: { taskId: mine } });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ state: "chosen", taskId: mine });
    const saved = await savedJob(job.id);
    expect(saved.upstreamId).toBe(mine);
    const again = await call(m.route, "POST", { cookie: admin.cookie, params: { id: job.id }, body: { taskId: null } });
    expect(again.status).toBe(409);
  });
});
