import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";

let sim: Simulator;
let cookie = "";
let m: { routes: typeof import("./route"); db: typeof import("@/lib/db/client") };

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = { routes: await import("./route"), db: await import("@/lib/db/client") };
  ({ cookie } = await signedIn("remixer@keyframe.test"));
});
afterAll(() => sim.close());
afterEach(async () => {
  const { db, t } = await m.db.getDb();
  await db.delete(t.ledger);
  await db.delete(t.jobs);
  await db.delete(t.idempotencyKeys);
});

type Answer = {
  jobs?: { id: string; params: { seed: number } }[];
  error?: { code: string; message: string; duplicateOf?: string; priceLabel?: string };
};

async function post(fields: Record<string, string> = {}): Promise<{ status: number; body: Answer }> {
  const body = jobForm({ prompt: "A lantern drifts up a dark stairwell", ...fields });
  const res = await m.routes.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie } }));
  return { status: res.status, body: (await res.json()) as Answer };
}

const ledgerRows = async () => {
  const { db, t } = await m.db.getDb();
  return db.select().from(t.ledger);
};

describe("Already generated? compares with what each take was sent", () => {
  test("Remix of a random-seed take, then Generate unchanged: 409 naming that take, nothing reserved", async () => {
    const first = await post({ seed: "-1" });
    expect(first.status).toBe(201);
    const take = first.body.jobs![0]!;
    // Remix fills in the seed the take ran with.
    const again = await post({ seed: String(take.params.seed) });
    expect(again.status).toBe(409);
    expect(again.body.error!.message).toMatch(/^Already generated: the same images, prompt, settings and seed/);
    expect(again.body.error!.duplicateOf).toBe(take.id);
    expect(await ledgerRows()).toHaveLength(1);
    // Changing anything, or confirming, generates.
    expect((await post({ seed: String(take.params.seed), prompt: "A lantern drifts down a dark stairwell" })).status).toBe(201);
    expect((await post({ seed: String(take.params.seed), confirmDuplicate: "true" })).status).toBe(201);
  });

  test("a random seed is never a duplicate, not even of earlier random-seed takes of the same inputs", async () => {
    for (let i = 0; i < 3; i++) expect((await post({ seed: "-1" })).status).toBe(201);
    expect((await post({ seed: "-1", variations: "4" })).status).toBe(201);
    expect(await ledgerRows()).toHaveLength(7);
  });

  test("each variation counts by its own seed: asking for one of them again asks first", async () => {
    const batch = await post({ seed: "500", variations: "3" });
    expect(batch.body.jobs!.map((j) => j.params.seed)).toEqual([500, 501, 502]);
    const one = await post({ seed: "502" });
    expect(one.status).toBe(409);
    expect(one.body.error!.duplicateOf).toBe(batch.body.jobs![2]!.id);
    // Two variations from 499 are 499 and 500: the second was made, and only its price would be paid again.
    const some = await post({ seed: "499", variations: "2" });
    expect(some.status).toBe(409);
    expect(some.body.error!.message).toMatch(
      /^Already generated: 1 of these 2 takes \(seed 500\) repeats a take generated \d{4}-\d\d-\d\d \d\d:\d\d UTC with the same images, prompt, settings and seed\. Open it, or pay \$0\.064 for all 2, \$0\.032 of it again\?$/,
    );
    expect(some.body.error).toMatchObject({
      duplicateOf: batch.body.jobs![0]!.id,
      priceLabel: "$0.032",
      totalLabel: "$0.064",
      repeatedSeeds: [500],
    });
    // All of them repeating costs all of them again.
    const all = await post({ seed: "501", variations: "2" });
    expect(all.body.error).toMatchObject({ priceLabel: "$0.064", totalLabel: "$0.064", repeatedSeeds: [501, 502] });
    expect(all.body.error!.message).toMatch(/Open it, or pay \$0\.064 again\?$/);
    expect((await post({ seed: "503" })).status).toBe(201);
    // The same seed with another setting is another video.
    expect((await post({ seed: "500", cameraFixed: "true" })).status).toBe(201);
    expect((await post({ seed: "500", duration: "3" })).status).toBe(201);
  });
});
