import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, TEST_USER, until, testWorker } from "@/lib/test/app";
import { makePng } from "@/lib/test/png";
import { WaveSpeedClient } from "@/lib/wavespeed/client";
import { INTERRUPTED_SUBMIT } from "./life";

let sim: Simulator;
let worker: import("./worker").JobWorker | undefined;
let m: {
  create: typeof import("./create");
  worker: typeof import("./worker");
  queries: typeof import("@/lib/db/queries/jobs");
  schema: typeof import("@/lib/validations/generate");
  defaults: typeof import("@/lib/validations/generate-defaults");
  ws: typeof import("@/lib/wavespeed");
  refusal: typeof import("@/lib/team/key-refusal");
  life: typeof import("./life");
  ledger: typeof import("@/lib/db/queries/ledger");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    create: await import("./create"),
    worker: await import("./worker"),
    queries: await import("@/lib/db/queries/jobs"),
    schema: await import("@/lib/validations/generate"),
    defaults: await import("@/lib/validations/generate-defaults"),
    ws: await import("@/lib/wavespeed"),
    refusal: await import("@/lib/team/key-refusal"),
    life: await import("./life"),
    ledger: await import("@/lib/db/queries/ledger"),
  };
  // This file starts more jobs than a member may in a minute.
  const { getTeamSettings, saveTeamSettings } = await import("@/lib/team/settings");
  await saveTeamSettings({ ...(await getTeamSettings()), submitsPerMinute: 600 });
});
afterAll(() => sim.close());

async function setFaults(spec: string) {
  const res = await fetch(`${sim.url}/__sim/faults`, { method: "POST", body: spec });
  expect(res.status).toBe(200);
}
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await m.refusal.acceptKey();
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

const wrongKey = () => new WaveSpeedClient({ baseUrl: sim.url, apiKey: "wrong-key-123456", timeoutMs: 1000 });

async function startWorker() {
  worker = await testWorker();
  return worker;
}

async function createJobs(patch: Record<string, unknown> = {}) {
  const request = await m.schema.generateSchema.parseAsync({
    ...m.defaults.GENERATE_DEFAULTS,
    image: new File([new Uint8Array(makePng(400, 400))], "a.png"),
    prompt: "A dancer spins",
    duration: 2,
    ...patch,
  });
  return (await m.create.createJobs(request, { user: TEST_USER, origin: "http://keyframe.test" })).jobs;
}

const settled = (id: string) =>
  until(async () => {
    const job = await m.queries.getJob(id);
    return job && ["completed", "failed", "unknown"].includes(job.status) ? job : undefined;
  });

describe("worker", () => {
  test("submits, follows and completes a job with a bounded number of result GETs", async () => {
    const [job] = await createJobs({
      lastImage: new File([new Uint8Array(makePng(400, 400, [10, 200, 10]))], "b.png"),
      aspectRatio: "1:1",
    });
    await startWorker();
    const done = await settled(job!.id);
    expect(done.status).toBe("completed");
    expect(done.outputs[0]).toMatch(/\.mp4$/);
    expect(sim.stats.submitRequests).toBe(1);
    expect(sim.stats.received[0]).toMatchObject({
      aspect_ratio: "1:1",
      last_image: expect.stringMatching(new RegExp(`^${sim.url}/media/`)),
    });
    const gets = sim.stats.resultGets[done.upstreamId!] ?? 0;
    expect(gets).toBe(done.pollCount);
    expect(gets).toBeGreaterThanOrEqual(1);
    expect(gets).toBeLessThanOrEqual(8);
  });

  test("retries result GETs through 500s, 429s and malformed bodies", async () => {
    await setFaults("result:500x2,result:429,result:malformed");
    const [job] = await createJobs();
    await startWorker();
    expect((await settled(job!.id)).status).toBe("completed");
  });

  // A slow answer (1.5 s, past WAVESPEED_TIMEOUT_MS here) is waited for: see uploads.test.ts.
  // `malformed` (the task made, its answer cut off): settled from WaveSpeed's history, see lib/money/settle.test.ts.
  test.each(["500", "code500"])("a submit answered with %s is marked unknown and never resent", async (fault) => {
    await setFaults(`submit:${fault}`);
    const [job] = await createJobs();
    await startWorker();
    const done = await settled(job!.id);
    expect(done.status).toBe("unknown");
    expect(done.error).toMatch(/not resent/);
    await new Promise((r) => setTimeout(r, 500));
    expect(sim.stats.submitRequests).toBe(1);
  });

  test("a 429 on submit is retried later, creating exactly one task", async () => {
    await setFaults("submit:429x2");
    const [job] = await createJobs();
    await startWorker();
    expect((await settled(job!.id)).status).toBe("completed");
    expect(sim.stats.submitRequests).toBe(3);
    expect(sim.stats.submits).toBe(1);
  });

  test("a task WaveSpeed fails ends failed with WaveSpeed's error text", async () => {
    await setFaults("submit:fail");
    const [job] = await createJobs();
    await startWorker();
    const done = await settled(job!.id);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/Task failed/);
  });

  test.each([
    ["cancelled", /^WaveSpeed cancelled this task/],
    ["timeout", /^WaveSpeed timed out on this task/],
    ["deleted", /^WaveSpeed deleted this task/],
  ])("a task WaveSpeed reports %s ends at its first such answer, in plain words", async (status, words) => {
    const [job] = await createJobs({ prompt: `A dancer spins [sim:${status}]` });
    await startWorker();
    const done = await settled(job!.id);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(words);
    // Final at once: no result GET after the one that said so.
    const gets = sim.stats.resultGets[done.upstreamId!];
    await new Promise((r) => setTimeout(r, 1500));
    expect(sim.stats.resultGets[done.upstreamId!]).toBe(gets);
  });

  test("a definite 4xx rejection fails the job once, with the message", async () => {
    await setFaults("submit:404");
    const [job] = await createJobs();
    await startWorker();
    const done = await settled(job!.id);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/^WaveSpeed 404: /);
    expect(sim.stats.submitRequests).toBe(1);
  });

  test("a submit refused for its key is not failed: it waits, and is sent once WaveSpeed accepts the key", async () => {
    const [job] = await createJobs();
    worker = await testWorker({ keyCheckMs: 300 }, wrongKey());
    const refusal = await until(() => m.refusal.keyRefusal());
    expect(refusal).toMatchObject({ status: 401, message: "WaveSpeed 401: Unauthorized: invalid API key" });
    await new Promise((r) => setTimeout(r, 1000));
    // The first refusal only: no other submit is tried with a refused key.
    expect(sim.stats.submitRequests).toBe(1);
    const waiting = await m.queries.getJob(job!.id);
    expect(waiting).toMatchObject({ status: "queued", submitAttempts: 1 });
    expect(waiting!.error).not.toContain("wrong-key");
    await worker.stop();
    await startWorker();
    expect((await settled(job!.id)).status).toBe("completed");
    expect(await m.refusal.keyRefusal()).toBeNull();
  });

  test("a result GET refused for the key stops every result GET until the key is accepted, then the job completes", async () => {
    const [job] = await createJobs({ duration: 3 });
    const first = await startWorker();
    await until(async () => (await m.queries.getJob(job!.id))?.upstreamId);
    await first.stop();
    // The key changed under a running install: WaveSpeed now refuses it.
    worker = await testWorker({ keyCheckMs: 60_000 }, wrongKey());
    const before = (await m.queries.getJob(job!.id))!.pollCount;
    await until(() => m.refusal.keyRefusal());
    await new Promise((r) => setTimeout(r, 3000));
    // The simulator checks the key before it counts a result GET, so the job's own count of GETs made is read:
    // exactly one, the refused one, in 3 s (before: one every 100-400 ms here, for the job's whole life).
    expect((await m.queries.getJob(job!.id))!.pollCount - before).toBe(1);
    expect((await m.queries.getJob(job!.id))?.status).toMatch(/submitted|processing/);
    await worker.stop();
    // The right key again: the first balance check clears the refusal and polling resumes.
    await startWorker();
    expect((await settled(job!.id)).status).toBe("completed");
    expect(await m.refusal.keyRefusal()).toBeNull();
  });

  test("a job past its deadline ends as timed out, its charge left as it was", async () => {
    const failedSpend = async () => (await m.ledger.spendTotals(TEST_USER.id, 0, 0, false)).failed.me.month;
    const before = await failedSpend();
    const [job] = await createJobs({ duration: 2 });
    const first = await startWorker();
    await until(async () => (await m.queries.getJob(job!.id))?.upstreamId);
    await first.stop();
    // WaveSpeed still says "processing" (the simulator answers 503 meanwhile); the job was sent long ago.
    await setFaults("result:503x*");
    await m.queries.updateJob(job!.id, { submittedAt: Date.now() - m.life.deadlineMs(2) - 1000, nextPollAt: Date.now() });
    await startWorker();
    const done = await settled(job!.id);
    expect(done.status).toBe("failed");
    expect(done.error).toBe(
      "WaveSpeed did not finish this video within 34 minutes, so Keyframe stopped waiting for it. It may still be charged: check your WaveSpeed dashboard.",
    );
    // Still charged (WaveSpeed may bill it), shown among failed takes.
    expect((await failedSpend()) - before).toBe(job!.price.micros);
  });

  test("a job left mid-submit by a crash becomes unknown on start-up, with no upstream call", async () => {
    const [job] = await createJobs();
    await m.queries.updateJob(job!.id, { status: "submitting" });
    await startWorker();
    const done = await settled(job!.id);
    expect(done.status).toBe("unknown");
    expect(done.error).toBe(INTERRUPTED_SUBMIT);
    expect(sim.stats.submitRequests).toBe(0);
  });

  test("a restarted worker resumes unfinished jobs from the database", async () => {
    const [job] = await createJobs({ duration: 3 });
    const first = await startWorker();
    await until(async () => (await m.queries.getJob(job!.id))?.upstreamId);
    await first.stop();
    await startWorker();
    expect((await settled(job!.id)).status).toBe("completed");
    expect(sim.stats.submitRequests).toBe(1);
  });

  test("a job whose stored start image is gone fails without an upstream call", async () => {
    const [job] = await createJobs();
    const { getStore } = await import("@/lib/storage/store");
    const { inputKey } = await import("@/lib/storage/keys");
    const stored = await m.queries.getJob(job!.id);
    await (await getStore()).delete([inputKey(stored!.imageFile!)!]);
    await startWorker();
    const done = await settled(job!.id);
    expect(done.status).toBe("failed");
    expect(done.error).toBe("An input image is missing from storage.");
    expect(sim.stats.submitRequests).toBe(0);
  });
});
