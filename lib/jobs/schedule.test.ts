import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp } from "@/lib/test/app";

let sim: Simulator;
let m: { schedule: typeof import("./schedule"); jobs: typeof import("@/lib/db/queries/jobs") };

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = { schedule: await import("./schedule"), jobs: await import("@/lib/db/queries/jobs") };
});
afterAll(() => sim.close());

/** Completed jobs of `duration` s that took these many ms from submit to done. */
async function finished(duration: number, tookMs: number[], pollCount = 3) {
  const now = Date.now();
  await m.jobs.insertJobs(
    tookMs.map((ms, i) => ({
      id: `learn${duration}x${i}_`.padEnd(22, "0"),
      batchId: `b${duration}x${i}_`.padEnd(22, "0"),
      variation: 0,
      createdAt: now - 600_000 + i,
      updatedAt: now,
      status: "completed" as const,
      prompt: "learned",
      duration,
      cameraFixed: false,
      seed: 1,
      safetyChecker: true,
      priceMicros: 16_000 * duration,
      submittedAt: now - 500_000,
      finishedAt: now - 500_000 + ms,
      pollCount,
    })),
  );
}

describe("a poll schedule that learns", () => {
  const options = { pollMinMs: 2000, pollMaxMs: 10_000, expectMs: 45_000, webhooks: false };

  test("before any job of a duration has finished, the first poll comes at the default expectation", async () => {
    const schedule = new m.schedule.PollSchedule(options);
    const first = (await schedule.first(12, 1_000_000)) - 1_000_000;
    expect(first).toBeGreaterThan(42_000);
    expect(first).toBeLessThan(48_000);
  });

  test("then when jobs of that duration usually finish here, and every ~2 s after", async () => {
    await finished(8, [60_000, 62_000, 64_000, 66_000, 90_000]);
    const schedule = new m.schedule.PollSchedule(options);
    const first = (await schedule.first(8, 1_000_000)) - 1_000_000;
    // The fastest quarter of what this install saw (61 s: each run finished half a poll step before the poll that
    // found it), give or take 5% jitter: no poll is wasted before jobs can be done.
    expect(first).toBeGreaterThanOrEqual(Math.round(61_000 * 0.95));
    expect(first).toBeLessThanOrEqual(Math.round(61_000 * 1.05));
    const next = (await schedule.next(8, 1_000_000, 1_070_000)) - 1_070_000;
    expect(next).toBeGreaterThan(1800);
    expect(next).toBeLessThan(2200);
    // Long past the usual time, polls slow down.
    expect((await schedule.next(8, 1_000_000, 1_400_000)) - 1_400_000).toBeGreaterThan(5000);
  });

  test("with webhooks, polling is a slow safety net after the slowest usual time", async () => {
    await finished(3, [20_000, 21_000, 22_000]);
    const schedule = new m.schedule.PollSchedule({ ...options, webhooks: true, safetyMs: 60_000 });
    expect((await schedule.first(3, 0)) - 0).toBeGreaterThanOrEqual(80_000);
    expect((await schedule.next(3, 0, 100_000)) - 100_000).toBeGreaterThanOrEqual(60_000);
  });

  test("when a job WaveSpeed ran was finished by a poll after the last delivery, it polls as usual until one arrives", async () => {
    const now = Date.now();
    await m.jobs.insertJobs([
      {
        id: "missedwebhook".padEnd(22, "0"),
        batchId: "missedbatch".padEnd(22, "0"),
        variation: 0,
        createdAt: now - 60_000,
        updatedAt: now,
        status: "completed" as const,
        prompt: "found by a poll",
        duration: 3,
        cameraFixed: false,
        seed: 1,
        safetyChecker: true,
        priceMicros: 48_000,
        upstreamId: "task-missed",
        submittedAt: now - 50_000,
        finishedAt: now - 10_000,
      },
    ]);
    const polling = new m.schedule.PollSchedule({ ...options, webhooks: true, safetyMs: 60_000 });
    expect((await polling.first(3, 0)) - 0).toBeLessThan(25_000);
    expect((await polling.next(3, 0, 100_000)) - 100_000).toBeLessThan(15_000);
    const { recordDelivery } = await import("@/lib/db/queries/work");
    await recordDelivery("msg-arrived", Date.now());
    const waiting = new m.schedule.PollSchedule({ ...options, webhooks: true, safetyMs: 60_000 });
    expect((await waiting.first(3, 0)) - 0).toBeGreaterThanOrEqual(80_000);
  });

  test("a duration with too few finished jobs is placed on a line through the others, not the flat default", async () => {
    // 3 s jobs took 20-40 s and 8 s jobs 60-90 s here (above): a 12 s job should take about 100 s, the
    // fastest quarter of them (as far as the others' spread says) some 85 s.
    const first = (await new m.schedule.PollSchedule(options).first(12, 0)) - 0;
    expect(first).toBeGreaterThan(75_000);
    expect(first).toBeLessThan(110_000);
  });

  test("when most jobs of a duration were found done by their first poll, the next first poll comes earlier", async () => {
    // 4 s jobs polled first at the 45 s default and found done there: they may take far less.
    await finished(4, [45_000, 45_500, 46_000], 1);
    const first = (await new m.schedule.PollSchedule(options).first(4, 0)) - 0;
    // The line through the other durations (3 s ≈ 21-40 s, 8 s ≈ 60-90 s) puts a 4 s job near 30 s.
    expect(first).toBeLessThan(0.8 * 45_000);
    expect(first).toBeGreaterThan(15_000);
  });

  test("a job found by a later poll is taken to have finished in the middle of the step before; a delivered one when it came", async () => {
    // Ten runs each, so each duration is placed by its own (and, last in this file, moves no other's line).
    await finished(9, Array<number>(10).fill(61_000), 4);
    await finished(11, Array<number>(10).fill(61_000), 0);
    // A long step makes the difference plain: found at 61 s, 20 s after the poll before, so done at about 51 s.
    const schedule = new m.schedule.PollSchedule({ ...options, pollMinMs: 20_000 });
    const polled = (await schedule.first(9, 1_000_000)) - 1_000_000;
    expect(polled).toBeGreaterThan(48_000);
    expect(polled).toBeLessThan(54_000);
    const delivered = (await schedule.first(11, 1_000_000)) - 1_000_000;
    expect(delivered).toBeGreaterThan(57_500);
    expect(delivered).toBeLessThan(64_500);
  });

  test("when a duration's runs were all found done by their first poll at the default, the next first poll halves it", async () => {
    // Twenty 5 s takes polled first at the 45 s default and found done there: they may have taken 6 s.
    // A few percent earlier each batch would keep takes waiting ~40 s for dozens of batches.
    await finished(5, Array<number>(20).fill(45_000), 1);
    const first = (await new m.schedule.PollSchedule(options).first(5, 0)) - 0;
    expect(first).toBeLessThan(0.55 * 45_000);
    expect(first).toBeGreaterThan(0.45 * 45_000 * 0.95);
  });
});
