import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp } from "@/lib/test/app";

let sim: Simulator;
let jobs: typeof import("./jobs") & typeof import("./gallery");

const TOTAL = 1_500;
/** Newest first: job i was made i seconds before job 0. */
const prompts = Array.from({ length: TOTAL }, (_, i) => {
  if (i % 5 === 0) return `A Lantern glows, take ${i}`; // common: one in five
  if (i === 1_301 || i === 1_451) return `A heron waits, take ${i}`; // rare, and older than the newest 1,000
  if (i === 3) return `Un ÉCLAIR dans la nuit, take ${i}`;
  return `Rain falls, take ${i}`;
});
const ids = prompts.map((_, i) => `search${String(i).padStart(16, "0")}`);

beforeAll(async () => {
  ({ sim } = await setupApp());
  jobs = { ...(await import("./jobs")), ...(await import("./gallery")) };
  const now = Date.now();
  const rows = prompts.map((prompt, i) => ({
    id: ids[i]!,
    batchId: ids[i]!,
    variation: 0,
    createdAt: now - i * 1000,
    updatedAt: now,
    status: (i % 7 === 0 ? "failed" : "completed") as "failed" | "completed",
    prompt,
    duration: 5,
    cameraFixed: false,
    seed: i,
    safetyChecker: true,
    priceMicros: 80_000,
  }));
  for (let i = 0; i < rows.length; i += 250) await jobs.insertJobs(rows.slice(i, i + 250));
});
afterAll(() => sim.close());

/** Every page of a search, followed by its cursor to the end: the ids in the order shown. */
async function allPages(filter: Parameters<typeof jobs.listJobs>[2], limit = 24): Promise<string[]> {
  const seen: string[] = [];
  let cursor: Parameters<typeof jobs.listJobs>[1];
  for (let pages = 0; pages < 200; pages++) {
    const page = await jobs.listJobs(limit, cursor, filter);
    seen.push(...page.rows.map((r) => r.id));
    if (!page.next) return seen;
    cursor = page.next;
  }
  throw new Error("the pages did not end");
}

const expected = (match: (prompt: string, i: number) => boolean) => ids.filter((_, i) => match(prompts[i]!, i));

describe("prompt search", () => {
  test("a common word pages through every match, newest first, in any case", async () => {
    const want = expected((p) => p.includes("Lantern"));
    expect(want).toHaveLength(TOTAL / 5);
    expect(await allPages({ q: "lantern" })).toEqual(want);
    expect(await allPages({ q: "LANTERN" }, 50)).toEqual(want);
    // Rows read through the newest-first window come back typed as any other row.
    const [first] = (await jobs.listJobs(24, undefined, { q: "lantern" })).rows;
    expect(first).toMatchObject({ id: ids[0], cameraFixed: false, safetyChecker: true, outputs: [], createdAt: expect.any(Number) });
  });

  test("a rare word older than the newest thousand jobs is still found", async () => {
    expect(await allPages({ q: "heron" })).toEqual([ids[1_301], ids[1_451]]);
  });

  test("search combines with the status tab, and non-ASCII text matches in any case", async () => {
    expect(await allPages({ q: "lantern", statuses: ["failed"] })).toEqual(expected((p, i) => p.includes("Lantern") && i % 7 === 0));
    expect(await allPages({ q: "éclair" })).toEqual([ids[3]]);
    expect(await allPages({ q: "no such words" })).toEqual([]);
  });
});
