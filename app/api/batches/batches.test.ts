import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";
import { storedNames } from "@/lib/test/backends";
import { batchCsv, batchForm, shotsZip } from "@/lib/test/batch-form";
import { jobForm } from "@/lib/test/job-form";
import { makePng } from "@/lib/test/png";

let sim: Simulator;
let cookie = "";
let m: {
  batches: typeof import("./route");
  preview: typeof import("./preview/route");
  one: typeof import("./[id]/route");
  cancel: typeof import("./[id]/cancel/route");
  jobs: typeof import("../jobs/route");
  settings: typeof import("@/lib/team/settings");
  db: typeof import("@/lib/db/client");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    batches: await import("./route"),
    preview: await import("./preview/route"),
    one: await import("./[id]/route"),
    cancel: await import("./[id]/cancel/route"),
    jobs: await import("../jobs/route"),
    settings: await import("@/lib/team/settings"),
    db: await import("@/lib/db/client"),
  };
  ({ cookie } = await signedIn("batcher@keyframe.test"));
});
afterAll(() => sim.close());
afterEach(async () => {
  const { db, t } = await m.db.getDb();
  for (const table of [t.ledger, t.jobs, t.idempotencyKeys, t.jobGroups]) await db.delete(table);
  await settings({});
});

const settings = (patch: Record<string, unknown>) =>
  m.settings.saveTeamSettings({
    balanceWarnUsd: null,
    defaultShareVisibility: "public",
    submitsPerMinute: 100,
    billsFailedTasks: true,
    teamDailyCapUsd: null,
    teamMonthlyCapUsd: null,
    memberDailyCapUsd: null,
    memberMonthlyCapUsd: null,
    ...patch,
  });

type Detail = {
  batch: { id: string; total: number; queued: number; cancelled: number; completed: number };
  jobs: { id: string; status: string }[];
};
type Answer = Detail & { error?: { code: string; message: string; rows?: { line: number; field: string; message: string }[] } };

async function send(route: "batches" | "preview", body: FormData | object, headers: Record<string, string> = {}) {
  const json = !(body instanceof FormData);
  const init = {
    method: "POST",
    body: json ? JSON.stringify(body) : body,
    headers: { cookie, ...(json ? { "content-type": "application/json" } : {}), ...headers },
  };
  const res = await m[route].POST(new Request(`http://keyframe.test/api/batches${route === "preview" ? "/preview" : ""}`, init));
  return { status: res.status, body: (await res.json()) as Answer & Record<string, unknown> };
}

async function stored() {
  const { db, t } = await m.db.getDb();
  const [groups, jobs, ledger] = await Promise.all([db.select().from(t.jobGroups), db.select().from(t.jobs), db.select().from(t.ledger)]);
  return {
    groups: groups.length,
    jobs: jobs.length,
    ledger: ledger.filter((l) => l.state !== "released").length,
    inputs: (await storedNames("inputs")).length,
  };
}
const NOTHING = { groups: 0, jobs: 0, ledger: 0, inputs: 0 };

describe("preview", () => {
  test("each row's validation, takes and price, the total and what the tightest cap leaves; nothing stored or sent", async () => {
    await settings({ memberDailyCapUsd: 1, teamMonthlyCapUsd: 50 });
    const csv = batchCsv(4, (line) =>
      line === 3 ? { duration: "20" } : line === 4 ? { image: "missing.png" } : line === 5 ? { duration: "5" } : {},
    );
    const started = performance.now();
    const { status, body } = await send("preview", batchForm(csv, shotsZip(4)));
    const took = performance.now() - started;
    expect(status).toBe(200);
    expect(body.rows).toMatchObject([
      {
        line: 2,
        ok: true,
        errors: [],
        takes: 1,
        priceMicros: 32_000,
        priceLabel: "$0.032",
        repeat: null,
        values: { image: "shot-1.png", prompt: "Shot 1, a slow push-in", duration: "2" },
      },
      {
        line: 3,
        ok: false,
        errors: [{ field: "duration", message: "Duration must be a whole number from 2 to 12." }],
        takes: 1,
        priceMicros: 0,
        priceLabel: "$0.00",
        repeat: null,
      },
      {
        line: 4,
        ok: false,
        errors: [{ field: "image", message: 'No image named "missing.png" in the zip or among the uploaded images.' }],
        takes: 1,
        priceMicros: 32_000,
        priceLabel: "$0.032",
        repeat: null,
      },
      { line: 5, ok: true, errors: [], takes: 1, priceMicros: 80_000, priceLabel: "$0.08", repeat: null },
    ]);
    expect(body).toMatchObject({
      takes: 4,
      totalMicros: 144_000,
      totalLabel: "$0.144",
      fits: false,
      problem: "2 rows need fixing (lines 3, 4).",
    });
    expect(body.capsLeft).toMatchObject({ cap: "memberDaily", leftMicros: 1_000_000, leftLabel: "$1.00" });
    expect(await stored()).toEqual(NOTHING);
    expect(sim.stats.submitRequests).toBe(0);
    console.log(`preview of 4 rows with a zip: ${took.toFixed(0)} ms`);
  });

  test("a sweep of 2 prompts × 2 seeds × 2 durations is 8 rows; the total against a cap that is too small does not fit", async () => {
    await settings({ memberDailyCapUsd: 0.3 });
    const sweep = { image: "https://example.test/start.png", prompts: ["Orbit left", "Orbit right"], seeds: [1, 2], durations: [2, 4] };
    const { status, body } = await send("preview", { name: "Orbits", sweep });
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: "Orbits", source: "sweep", takes: 8, totalLabel: "$0.384", fits: false });
    expect(body.problem).toBe("This batch costs $0.384, more than the $0.30 left under your daily cap.");
    const bad = await send("preview", { sweep: { ...sweep, durations: [2, 20] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "validation_failed", message: "Durations must be whole numbers from 2 to 12." });
  });
});

test("a sweep from the form: its image as a part named in the sweep, every combination a row", async () => {
  const form = new FormData();
  form.append(
    "sweep",
    JSON.stringify({ image: "still.png", prompts: ["Orbit left", "Orbit right", "Hold"], seeds: [-1], durations: [2, 3] }),
  );
  form.append("image", new File([new Uint8Array(makePng(400, 300))], "still.png", { type: "image/png" }));
  const { status, body } = await send("preview", form);
  expect(status).toBe(200);
  expect(body).toMatchObject({ name: "Sweep", source: "sweep", takes: 6, totalLabel: "$0.24", fits: true });
  expect((body.rows as { line: number; ok: boolean; values: { prompt: string } }[]).map((r) => [r.line, r.ok, r.values.prompt])).toEqual([
    [1, true, "Orbit left"],
    [2, true, "Orbit left"],
    [3, true, "Orbit right"],
    [4, true, "Orbit right"],
    [5, true, "Hold"],
    [6, true, "Hold"],
  ]);
});

describe("create: all or nothing", () => {
  test("a bad row 17 of 20 refuses the whole batch with 400 naming line 17: nothing stored, nothing sent", async () => {
    const csv = batchCsv(20, (line) => (line === 17 ? { prompt: "" } : {}));
    const { status, body } = await send("batches", batchForm(csv, shotsZip(20)));
    expect(status).toBe(400);
    expect(body.error!.code).toBe("invalid");
    expect(body.error!.rows).toEqual([{ line: 17, field: "prompt", message: "Describe the motion you want." }]);
    expect(body.error!.message).toBe("Line 17, prompt: Describe the motion you want. Nothing was charged.");
    expect(await stored()).toEqual(NOTHING);
    expect(sim.stats.submitRequests).toBe(0);
  });

  test("a total over what a cap leaves is refused with 403 naming the cap, nothing stored", async () => {
    await settings({ teamDailyCapUsd: 0.5 });
    const { status, body } = await send("batches", batchForm(batchCsv(20), shotsZip(20)));
    expect(status).toBe(403);
    expect(body.error!.message).toBe("This batch costs $0.64, more than the $0.50 left under the team's daily cap. Nothing was charged.");
    expect(await stored()).toEqual(NOTHING);
  });

  test("a valid batch is one group of queued takes, each reserved in the ledger; the batch counts as one submission", async () => {
    await settings({ submitsPerMinute: 2 });
    const { status, body } = await send("batches", batchForm(batchCsv(5), shotsZip(5), { name: "Five shots" }));
    expect(status).toBe(201);
    expect(body.batch).toMatchObject({ name: "Five shots", source: "csv", total: 5, queued: 5, completed: 0 });
    expect(body.jobs).toHaveLength(5);
    expect(await stored()).toEqual({ groups: 1, jobs: 5, ledger: 5, inputs: 5 });
    // 2 a minute: the batch used one; a single generate still goes, the next is limited.
    const single = () =>
      m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body: jobForm(), headers: { cookie } }));
    expect((await single()).status).toBe(201);
    expect((await single()).status).toBe(429);
    // The gallery's view of the batch: its takes only.
    const group = await m.jobs.GET(new Request(`http://keyframe.test/api/jobs?group=${body.batch.id}`, { headers: { cookie } }));
    const takes = ((await group.json()) as { jobs: { id: string }[] }).jobs.map((j) => j.id);
    expect(takes.sort()).toEqual(body.jobs.map((j) => j.id).sort());
    const list = await m.batches.GET(new Request("http://keyframe.test/api/batches", { headers: { cookie } }));
    expect(((await list.json()) as { batches: { id: string }[] }).batches.map((b) => b.id)).toEqual([body.batch.id]);
  });
});

describe("resending a batch charges nothing twice", () => {
  test("the same Idempotency-Key twice: 201, then 200 with the same batch and the same jobs", async () => {
    const headers = { "idempotency-key": "nightly-2026-12-07" };
    const first = await send("batches", batchForm(batchCsv(3), shotsZip(3)), headers);
    const again = await send("batches", batchForm(batchCsv(3), shotsZip(3)), headers);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.batch.id).toBe(first.body.batch.id);
    expect(again.body.jobs.map((j) => j.id).sort()).toEqual(first.body.jobs.map((j) => j.id).sort());
    expect(await stored()).toMatchObject({ groups: 1, jobs: 3, ledger: 3 });
    // The same key with another batch is refused.
    const other = await send("batches", batchForm(batchCsv(4), shotsZip(4)), headers);
    expect(other.status).toBe(422);
  });

  test("without a key, the same content is the same batch; a resend after a half-done first attempt makes only the missing rows", async () => {
    const first = await send("batches", batchForm(batchCsv(4), shotsZip(4)));
    expect(first.status).toBe(201);
    // As if the first request had died after its first two rows: rows 3 and 4 never made, never reserved.
    const { db, t } = await m.db.getDb();
    const { inArray, like } = await import("drizzle-orm");
    const lost = first.body.jobs.filter((j) => /Shot [34],/.test((j as unknown as { prompt: string }).prompt)).map((j) => j.id);
    expect(lost).toHaveLength(2);
    await db.delete(t.ledger).where(inArray(t.ledger.jobId, lost));
    await db.delete(t.jobs).where(inArray(t.jobs.id, lost));
    await db.delete(t.idempotencyKeys).where(like(t.idempotencyKeys.key, `${first.body.batch.id}:%`));
    const again = await send("batches", batchForm(batchCsv(4), shotsZip(4)));
    expect(again.status).toBe(200);
    expect(again.body.batch).toMatchObject({ id: first.body.batch.id, total: 4, queued: 4 });
    const kept = first.body.jobs.filter((j) => !lost.includes(j.id)).map((j) => j.id);
    expect(again.body.jobs.map((j) => j.id)).toEqual(expect.arrayContaining(kept));
    expect(await stored()).toMatchObject({ groups: 1, jobs: 4, ledger: 4 });
    expect((await send("batches", batchForm(batchCsv(4), shotsZip(4)))).status).toBe(200);
    expect(await stored()).toMatchObject({ jobs: 4, ledger: 4 });
  });
});

describe("repeats and cancel", () => {
  test("a fixed-seed row repeating a recent take: preview flags it, create refuses with 409 naming the line unless confirmed", async () => {
    const csv = batchCsv(2, () => ({ seed: "42" }));
    expect((await send("batches", batchForm(csv, shotsZip(2), { confirmDuplicate: "false" }))).status).toBe(201);
    const more = batchCsv(3, () => ({ seed: "42" }));
    const preview = await send("preview", batchForm(more, shotsZip(3)));
    expect((preview.body.rows as { repeat: unknown }[]).map((r) => r.repeat !== null)).toEqual([true, true, false]);
    const refused = await send("batches", batchForm(more, shotsZip(3)));
    expect(refused.status).toBe(409);
    expect(refused.body.error!.message).toMatch(/^Already generated: lines 2, 3 would pay again/);
    expect((await send("batches", batchForm(more, shotsZip(3), { confirmDuplicate: "true" }))).status).toBe(201);
  });

  test("cancel withdraws the batch's queued takes and releases their reservations", async () => {
    const { body } = await send("batches", batchForm(batchCsv(3), shotsZip(3)));
    const params = Promise.resolve({ id: body.batch.id });
    const res = await m.cancel.POST(
      new Request(`http://keyframe.test/api/batches/${body.batch.id}/cancel`, { method: "POST", headers: { cookie } }),
      { params },
    );
    expect(res.status).toBe(200);
    const got = await m.one.GET(new Request(`http://keyframe.test/api/batches/${body.batch.id}`, { headers: { cookie } }), { params });
    const after = (await got.json()) as Detail & { batch: { cancelledAt: string | null } };
    expect(after.batch).toMatchObject({ total: 3, queued: 0, cancelled: 3 });
    expect(after.batch.cancelledAt).not.toBeNull();
    expect(await stored()).toMatchObject({ jobs: 3, ledger: 0 });
    expect(sim.stats.submitRequests).toBe(0);
  });
});

describe("limits and JSON", () => {
  test("200 rows over 10 images in a zip preview in one request; 201 rows are refused, saying the limit", async () => {
    // Each distinct image is decoded once, however many rows name it.
    const form = batchForm(
      batchCsv(200, (line) => ({ image: `shot-${((line - 2) % 10) + 1}.png` })),
      shotsZip(10),
    );
    const started = performance.now();
    const { status, body } = await send("preview", form);
    const took = performance.now() - started;
    expect(status).toBe(200);
    expect(body).toMatchObject({ takes: 200, totalLabel: "$6.40", fits: true });
    console.log(`preview of 200 rows over 10 distinct 400×300 PNGs in a zip: ${took.toFixed(0)} ms`);
    const over = await send("preview", batchForm(batchCsv(201)));
    expect(over.status).toBe(400);
    expect(over.body.error!.message).toBe("The file has 201 rows; a batch can have at most 200. Split it into several batches.");
  });

  test("JSON rows by URL: an unknown key and a non-http image are named by row number", async () => {
    const rows = [
      { image: "https://example.test/a.png", prompt: "Orbit", duration: 4 },
      { image: "ftp://example.test/b.png", prompt: "Orbit" },
      { image: "https://example.test/c.png", prompt: "Orbit", sed: 3 },
    ];
    const { status, body } = await send("batches", { name: "By URL", rows });
    expect(status).toBe(400);
    expect(body.error!.rows).toEqual([
      { line: 2, field: "image", message: "Image URLs must use http or https." },
      {
        line: 3,
        field: "sed",
        message: 'Unknown key "sed"; the keys are image, end_image, prompt, duration, aspect_ratio, camera_fixed, seed, variations.',
      },
    ]);
    expect(await stored()).toMatchObject({ groups: 0, jobs: 0, ledger: 0 });
    const made = await send("batches", { name: "By URL", rows: [rows[0]] });
    expect(made.status).toBe(201);
    expect(made.body.batch).toMatchObject({ name: "By URL", source: "json", total: 1 });
  });

  test("a member over the per-minute limit is refused the batch with 429, nothing stored", async () => {
    await settings({ submitsPerMinute: 1 });
    const single = () =>
      m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body: jobForm(), headers: { cookie } }));
    expect((await single()).status).toBe(201);
    const { status } = await send("batches", batchForm(batchCsv(2), shotsZip(2)));
    expect(status).toBe(429);
    expect(await stored()).toMatchObject({ groups: 0, jobs: 1, ledger: 1 });
  });
});
