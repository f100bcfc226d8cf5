import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";
import { onServerBackends, storedNames } from "@/lib/test/backends";
import { jobForm } from "@/lib/test/job-form";
import { makePng } from "@/lib/test/png";
import { teamSettings } from "@/lib/test/team-settings";

/** Admission (duplicate check, rate limit, caps) runs before new images are stored: a refused submit writes nothing. */
let sim: Simulator;
let dataDir = "";
let cookie = "";
let m: {
  routes: typeof import("./route");
  db: typeof import("@/lib/db/client");
  inputs: typeof import("@/lib/jobs/inputs");
  keys: typeof import("@/lib/storage/keys");
};

beforeAll(async () => {
  ({ sim, dataDir } = await setupApp());
  m = {
    routes: await import("./route"),
    db: await import("@/lib/db/client"),
    inputs: await import("@/lib/jobs/inputs"),
    keys: await import("@/lib/storage/keys"),
  };
  ({ cookie } = await signedIn("admitted@keyframe.test"));
});
afterAll(() => sim.close());

const blocked: string[] = [];
afterEach(() => {
  for (const dir of blocked.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

type Tint = [number, number, number];
const image = (tint: Tint) => ({ width: 400, height: 300, tint });
const post = (fields: Record<string, string>, tint: Tint) =>
  m.routes.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body: jobForm(fields, image(tint)), headers: { cookie } }));

/** Everything a submit could leave behind: stored inputs, job rows, ledger rows. */
async function state() {
  const { db, t } = await m.db.getDb();
  return {
    inputs: await storedNames("inputs"),
    jobs: (await db.select().from(t.jobs)).length,
    ledger: (await db.select().from(t.ledger)).length,
  };
}

/**
 * On disk, the image's place is made a folder, so storing it would fail with a 500: a refusal that still
 * reads as the refusal proves nothing was about to be stored. (Storage cannot be blocked so on the S3 pass.)
 */
function blockStoring(tint: Tint) {
  if (onServerBackends()) return;
  const name = m.inputs.inputName(makePng(400, 300, tint), "image/png");
  const dir = path.join(dataDir, "media", m.keys.inputKey(name)!);
  fs.mkdirSync(path.join(dir, "in-the-way"), { recursive: true });
  blocked.push(dir);
}

test("a submit over a spend cap writes nothing: no file, no job, no ledger entry", async () => {
  await teamSettings({ teamDailyCapUsd: 0.01 });
  blockStoring([10, 20, 30]);
  const before = await state();
  const res = await post({}, [10, 20, 30]);
  expect(res.status).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("spend_cap");
  expect(await state()).toEqual(before);
});

test("a submit over the rate limit writes nothing", async () => {
  await teamSettings({ submitsPerMinute: 1 });
  expect((await post({}, [200, 10, 10])).status).toBe(201);
  blockStoring([11, 21, 31]);
  const before = await state();
  const res = await post({}, [11, 21, 31]);
  expect(res.status).toBe(429);
  expect(await state()).toEqual(before);
});

// A duplicate names images already stored, so only the rows can show a write; this guards them.
test("a duplicate (409) adds no job and no ledger entry, and sends nothing", async () => {
  await teamSettings({});
  expect((await post({ seed: "5" }, [12, 22, 32])).status).toBe(201);
  const before = await state();
  const res = await post({ seed: "5" }, [12, 22, 32]);
  expect(res.status).toBe(409);
  expect(await state()).toEqual(before);
  expect(sim.stats.submitRequests).toBe(0);
});
