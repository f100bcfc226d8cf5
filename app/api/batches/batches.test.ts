import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { batchApp, NOTHING, type BatchApp, type BatchDetailAnswer } from "@/lib/test/batch-app";
import { batchCsv, batchForm, shotsZip } from "@/lib/test/batch-form";

let app: BatchApp;
beforeAll(async () => {
  app = await batchApp();
});
afterAll(() => app.sim.close());
afterEach(() => app.reset());

describe("preview", () => {
  test("each row's validation, takes and price, the total and what the tightest cap leaves; nothing stored or sent", async () => {
    await app.settings({ memberDailyCapUsd: 1, teamMonthlyCapUsd: 50 });
    const csv = batchCsv(4, (line) =>
      line === 3 ? { duration: "20" } : line === 4 ? { image: "missing.png" } : line === 5 ? { duration: "5" } : {},
    );
    const started = performance.now();
    const { status, body } = await app.send("preview", batchForm(csv, shotsZip(4)));
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
    expect(await app.stored()).toEqual(NOTHING);
    expect(app.sim.stats.submitRequests).toBe(0);
    console.log(`preview of 4 rows with a zip: ${took.toFixed(0)} ms`);
  });
});

describe("create: all or nothing", () => {
  test("a bad row 17 of 20 refuses the whole batch with 400 naming line 17: nothing stored, nothing sent", async () => {
    const csv = batchCsv(20, (line) => (line === 17 ? { prompt: "" } : {}));
    const { status, body } = await app.send("batches", batchForm(csv, shotsZip(20)));
    expect(status).toBe(400);
    expect(body.error!.code).toBe("invalid");
    expect(body.error!.rows).toEqual([{ line: 17, field: "prompt", message: "Describe the motion you want." }]);
    expect(body.error!.message).toBe("Line 17, prompt: Describe the motion you want. Nothing was charged.");
    expect(await app.stored()).toEqual(NOTHING);
    expect(app.sim.stats.submitRequests).toBe(0);
  });

  test("a total over what a cap leaves is refused with 403 naming the cap, nothing stored", async () => {
    await app.settings({ teamDailyCapUsd: 0.5 });
    const { status, body } = await app.send("batches", batchForm(batchCsv(20), shotsZip(20)));
    expect(status).toBe(403);
    expect(body.error!.message).toBe("This batch costs $0.64, more than the $0.50 left under the team's daily cap. Nothing was charged.");
    expect(await app.stored()).toEqual(NOTHING);
  });

  test("a valid batch is one group of queued takes, each reserved in the ledger; the batch counts as one submission", async () => {
    await app.settings({ submitsPerMinute: 2 });
    const { status, body } = await app.send("batches", batchForm(batchCsv(5), shotsZip(5), { name: "Five shots" }));
    expect(status).toBe(201);
    expect(body.batch).toMatchObject({ name: "Five shots", source: "csv", total: 5, queued: 5, completed: 0 });
    expect(body.jobs).toHaveLength(5);
    expect(await app.stored()).toEqual({ groups: 1, jobs: 5, ledger: 5, inputs: 5 });
    // 2 a minute: the batch used one; a single generate still goes, the next is limited.
    const single = app.single;
    expect((await single()).status).toBe(201);
    expect((await single()).status).toBe(429);
    // The gallery's view of the batch: its takes only.
    const group = await app.m.jobs.GET(
      new Request(`http://keyframe.test/api/jobs?group=${body.batch.id}`, { headers: { cookie: app.cookie } }),
    );
    const takes = ((await group.json()) as { jobs: { id: string }[] }).jobs.map((j) => j.id);
    expect(takes.sort()).toEqual(body.jobs.map((j) => j.id).sort());
    const list = await app.m.batches.GET(new Request("http://keyframe.test/api/batches", { headers: { cookie: app.cookie } }));
    expect(((await list.json()) as { batches: { id: string }[] }).batches.map((b) => b.id)).toEqual([body.batch.id]);
  });
});

describe("resending a batch charges nothing twice", () => {
  test("the same Idempotency-Key twice: 201, then 200 with the same batch and the same jobs", async () => {
    const headers = { "idempotency-key": "nightly-2026-12-07" };
    const first = await app.send("batches", batchForm(batchCsv(3), shotsZip(3)), headers);
    const again = await app.send("batches", batchForm(batchCsv(3), shotsZip(3)), headers);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.batch.id).toBe(first.body.batch.id);
    expect(again.body.jobs.map((j) => j.id).sort()).toEqual(first.body.jobs.map((j) => j.id).sort());
    expect(await app.stored()).toMatchObject({ groups: 1, jobs: 3, ledger: 3 });
    // The same key with another batch is refused.
    const other = await app.send("batches", batchForm(batchCsv(4), shotsZip(4)), headers);
    expect(other.status).toBe(422);
  });

  test("without a key, the same content is the same batch; a resend after a half-done first attempt makes only the missing rows", async () => {
    const first = await app.send("batches", batchForm(batchCsv(4), shotsZip(4)));
    expect(first.status).toBe(201);
    // As if the first request had died after its first two rows: rows 3 and 4 never made, never reserved.
    const { db, t } = await app.m.db.getDb();
    const { inArray, like } = await import("drizzle-orm");
    const lost = first.body.jobs.filter((j) => /Shot [34],/.test((j as unknown as { prompt: string }).prompt)).map((j) => j.id);
    expect(lost).toHaveLength(2);
    await db.delete(t.ledger).where(inArray(t.ledger.jobId, lost));
    await db.delete(t.jobs).where(inArray(t.jobs.id, lost));
    await db.delete(t.idempotencyKeys).where(like(t.idempotencyKeys.key, `${first.body.batch.id}:%`));
    const again = await app.send("batches", batchForm(batchCsv(4), shotsZip(4)));
    expect(again.status).toBe(200);
    expect(again.body.batch).toMatchObject({ id: first.body.batch.id, total: 4, queued: 4 });
    const kept = first.body.jobs.filter((j) => !lost.includes(j.id)).map((j) => j.id);
    expect(again.body.jobs.map((j) => j.id)).toEqual(expect.arrayContaining(kept));
    expect(await app.stored()).toMatchObject({ groups: 1, jobs: 4, ledger: 4 });
    expect((await app.send("batches", batchForm(batchCsv(4), shotsZip(4)))).status).toBe(200);
    expect(await app.stored()).toMatchObject({ jobs: 4, ledger: 4 });

    // A day on, as an idempotency key does, the same file stops answering its old batch: it is a new one, said so.
    await db
      .update(t.jobGroups)
      .set({ createdAt: Date.now() - 25 * 60 * 60 * 1000 })
      .where(inArray(t.jobGroups.id, [first.body.batch.id]));
    await db
      .update(t.idempotencyKeys)
      .set({ createdAt: Date.now() - 25 * 60 * 60 * 1000 })
      .where(like(t.idempotencyKeys.key, "batch:%"));
    const dayLater = await app.send("batches", batchForm(batchCsv(4), shotsZip(4)));
    expect(dayLater.status).toBe(201);
    expect(dayLater.body.batch.id).not.toBe(first.body.batch.id);
    expect(await app.stored()).toMatchObject({ groups: 2, jobs: 8, ledger: 8 });
  });
});

describe("repeats and cancel", () => {
  test("a fixed-seed row repeating a recent take: preview flags it, create refuses with 409 naming the line unless confirmed", async () => {
    const csv = batchCsv(2, () => ({ seed: "42" }));
    expect((await app.send("batches", batchForm(csv, shotsZip(2), { confirmDuplicate: "false" }))).status).toBe(201);
    const more = batchCsv(3, () => ({ seed: "42" }));
    const preview = await app.send("preview", batchForm(more, shotsZip(3)));
    expect((preview.body.rows as { repeat: unknown }[]).map((r) => r.repeat !== null)).toEqual([true, true, false]);
    const refused = await app.send("batches", batchForm(more, shotsZip(3)));
    expect(refused.status).toBe(409);
    expect(refused.body.error!.message).toMatch(/^Already generated: lines 2, 3 would pay again/);
    expect((await app.send("batches", batchForm(more, shotsZip(3), { confirmDuplicate: "true" }))).status).toBe(201);
  });

  test("cancel withdraws the batch's queued takes and releases their reservations", async () => {
    const { body } = await app.send("batches", batchForm(batchCsv(3), shotsZip(3)));
    const params = Promise.resolve({ id: body.batch.id });
    const res = await app.m.cancel.POST(
      new Request(`http://keyframe.test/api/batches/${body.batch.id}/cancel`, { method: "POST", headers: { cookie: app.cookie } }),
      { params },
    );
    expect(res.status).toBe(200);
    const got = await app.m.one.GET(new Request(`http://keyframe.test/api/batches/${body.batch.id}`, { headers: { cookie: app.cookie } }), {
      params,
    });
    const after = (await got.json()) as BatchDetailAnswer & { batch: { cancelledAt: string | null } };
    expect(after.batch).toMatchObject({ total: 3, queued: 0, cancelled: 3 });
    expect(after.batch.cancelledAt).not.toBeNull();
    expect(await app.stored()).toMatchObject({ jobs: 3, ledger: 0 });
    expect(app.sim.stats.submitRequests).toBe(0);
  });
});
