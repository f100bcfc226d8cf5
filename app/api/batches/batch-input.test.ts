import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { batchApp, type BatchApp } from "@/lib/test/batch-app";
import { batchCsv, batchForm, shotsZip } from "@/lib/test/batch-form";
import { makePng } from "@/lib/test/png";

let app: BatchApp;
beforeAll(async () => {
  app = await batchApp();
});
afterAll(() => app.sim.close());
afterEach(() => app.reset());

describe("sweeps", () => {
  test("a sweep of 2 prompts × 2 seeds × 2 durations is 8 rows; the total against a cap that is too small does not fit", async () => {
    await app.settings({ memberDailyCapUsd: 0.3 });
    const sweep = { image: "https://example.test/start.png", prompts: ["Orbit left", "Orbit right"], seeds: [1, 2], durations: [2, 4] };
    const { status, body } = await app.send("preview", { name: "Orbits", sweep });
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: "Orbits", source: "sweep", takes: 8, totalLabel: "$0.384", fits: false });
    expect(body.problem).toBe("This batch costs $0.384, more than the $0.30 left under your daily cap.");
    const bad = await app.send("preview", { sweep: { ...sweep, durations: [2, 20] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "validation_failed", message: "Durations must be whole numbers from 2 to 15." });
  });

  test("a sweep from the form: its image as a part named in the sweep, every combination a row", async () => {
    const form = new FormData();
    form.append(
      "sweep",
      JSON.stringify({ image: "still.png", prompts: ["Orbit left", "Orbit right", "Hold"], seeds: [-1], durations: [2, 3] }),
    );
    form.append("image", new File([new Uint8Array(makePng(400, 300))], "still.png", { type: "image/png" }));
    const { status, body } = await app.send("preview", form);
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
});

describe("limits and JSON", () => {
  test("200 rows over 10 images in a zip preview in one request; 201 rows are refused, saying the limit", async () => {
    // Each distinct image is decoded once, however many rows name it.
    const form = batchForm(
      batchCsv(200, (line) => ({ image: `shot-${((line - 2) % 10) + 1}.png` })),
      shotsZip(10),
    );
    const started = performance.now();
    const { status, body } = await app.send("preview", form);
    const took = performance.now() - started;
    expect(status).toBe(200);
    expect(body).toMatchObject({ takes: 200, totalLabel: "$6.40", fits: true });
    console.log(`preview of 200 rows over 10 distinct 400×300 PNGs in a zip: ${took.toFixed(0)} ms`);
    const over = await app.send("preview", batchForm(batchCsv(201)));
    expect(over.status).toBe(400);
    expect(over.body.error!.message).toBe("The file has 201 rows; a batch can have at most 200. Split it into several batches.");
  });

  test("JSON rows by URL: an unknown key and a non-http image are named by row number", async () => {
    const rows = [
      { image: "https://example.test/a.png", prompt: "Orbit", duration: 4 },
      { image: "ftp://example.test/b.png", prompt: "Orbit" },
      { image: "https://example.test/c.png", prompt: "Orbit", sed: 3 },
    ];
    const { status, body } = await app.send("batches", { name: "By URL", rows });
    expect(status).toBe(400);
    expect(body.error!.rows).toEqual([
      { line: 2, field: "image", message: "Image URLs must use http or https." },
      {
        line: 3,
        field: "sed",
        message:
          'Unknown key "sed"; the keys are image, end_image, prompt, duration, aspect_ratio, camera_fixed, seed, variations, model, resolution, generate_audio.',
      },
    ]);
    expect(await app.stored()).toMatchObject({ groups: 0, jobs: 0, ledger: 0 });
    const made = await app.send("batches", { name: "By URL", rows: [rows[0]] });
    expect(made.status).toBe(201);
    expect(made.body.batch).toMatchObject({ name: "By URL", source: "json", total: 1 });
  });

  test("a row names its model: each is checked and priced by its own rules, and the takes are made with it", async () => {
    const rows = [
      { image: "https://example.test/a.png", prompt: "Orbit", duration: 4 },
      {
        image: "https://example.test/a.png",
        prompt: "Orbit",
        duration: 15,
        model: "bytedance/seedance-2.0/image-to-video",
        resolution: "480p",
        generate_audio: "yes",
      },
      { image: "https://example.test/a.png", prompt: "Orbit", duration: 15 },
      { image: "https://example.test/a.png", prompt: "Orbit", model: "bytedance/seedance-9" },
      { image: "https://example.test/a.png", prompt: "", model: "bytedance/seedance-2.0/image-to-video" },
    ];
    const preview = await app.send("preview", { rows });
    expect(preview.status).toBe(200);
    type Row = { ok: boolean; errors: { field: string; message: string }[]; priceMicros: number; priceLabel: string };
    const [lite, two, tooLong, unknown, noPrompt] = (preview.body as unknown as { rows: Row[] }).rows;
    expect(lite).toMatchObject({ ok: true, priceLabel: "$0.064" });
    expect(two).toMatchObject({ ok: true, errors: [] });
    expect(two!.priceMicros).toBeGreaterThan(15 * 16_000);
    expect(tooLong!.errors).toEqual([{ field: "duration", message: "Duration must be a whole number from 2 to 12." }]);
    expect(unknown!.errors.map((e) => e.field)).toEqual(["model"]);
    expect(noPrompt!.errors.map((e) => e.field)).toEqual(["prompt"]);

    const made = await app.send("batches", { rows: rows.slice(0, 2) });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const { getJob } = await import("@/lib/db/queries/jobs");
    const jobs = await Promise.all(made.body.jobs.map((j: { id: string }) => getJob(j.id)));
    expect(jobs.map((j) => [j!.model, j!.duration, j!.generateAudio]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ["bytedance/seedance-v1-lite-i2v-480p", 4, null],
      ["bytedance/seedance-2.0/image-to-video", 15, true],
    ]);
  });

  test("a member over the per-minute limit is refused the batch with 429, nothing stored", async () => {
    await app.settings({ submitsPerMinute: 1 });
    const single = app.single;
    expect((await single()).status).toBe(201);
    const { status } = await app.send("batches", batchForm(batchCsv(2), shotsZip(2)));
    expect(status).toBe(429);
    expect(await app.stored()).toMatchObject({ groups: 0, jobs: 1, ledger: 1 });
  });
});
