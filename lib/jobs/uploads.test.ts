import path from "node:path";
import os from "node:os";
import fs from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { setupApp, TEST_USER, testWorker, until } from "@/lib/test/app";
import { makePng } from "@/lib/test/png";
import { WaveSpeedClient } from "@/lib/wavespeed/client";

let sim: Simulator;
let worker: import("./worker").JobWorker | undefined;
let m: {
  create: typeof import("./create");
  queries: typeof import("@/lib/db/queries/jobs");
  uploads: typeof import("@/lib/db/queries/uploads");
  refusal: typeof import("@/lib/team/key-refusal");
  db: typeof import("@/lib/db/client");
  schema: typeof import("@/lib/validations/generate");
  defaults: typeof import("@/lib/validations/generate-defaults");
};

const DAY = 24 * 60 * 60 * 1000;
const media = () => expect.stringMatching(new RegExp(`^${sim.url}/media/[0-9a-f]{32}/`));
/** The key an upload is recorded under: the WaveSpeed it went to and the bytes. */
const sha256 = (bytes: Uint8Array, base = sim.url) => createHash("sha256").update(base).update("\0").update(bytes).digest("hex");

/** A PNG of noise, so it does not compress: ~10 MB (10,453,402 bytes) at 1860×1870, under the app's 10 MiB limit. */
const noisePng = (width = 1860, height = 1870) =>
  sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();

let colour = 0;
/** A small image no other test uses, so no earlier upload of it is on record. */
const freshPng = () => makePng(400, 400, [colour++ % 256, 90, 200]);

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    create: await import("./create"),
    queries: await import("@/lib/db/queries/jobs"),
    uploads: await import("@/lib/db/queries/uploads"),
    refusal: await import("@/lib/team/key-refusal"),
    db: await import("@/lib/db/client"),
    schema: await import("@/lib/validations/generate"),
    defaults: await import("@/lib/validations/generate-defaults"),
  };
  const { getTeamSettings, saveTeamSettings } = await import("@/lib/team/settings");
  await saveTeamSettings({ ...(await getTeamSettings()), submitsPerMinute: 600 });
});
afterAll(() => sim.close());
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await m.refusal.acceptKey();
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

async function setFaults(spec: string) {
  expect((await fetch(`${sim.url}/__sim/faults`, { method: "POST", body: spec })).status).toBe(200);
}

async function createJobs(start: Uint8Array, end?: Uint8Array, patch: Record<string, unknown> = {}) {
  const request = await m.schema.generateSchema.parseAsync({
    ...m.defaults.GENERATE_DEFAULTS,
    image: new File([new Uint8Array(start)], "start.png"),
    ...(end ? { lastImage: new File([new Uint8Array(end)], "end.png") } : {}),
    prompt: "A dancer spins",
    duration: 2,
    ...patch,
  });
  return (await m.create.createJobs(request, { user: TEST_USER, origin: "http://keyframe.test" })).jobs;
}

const settled = (id: string, timeoutMs = 20_000) =>
  until(async () => {
    const job = await m.queries.getJob(id);
    return job && ["completed", "failed", "unknown"].includes(job.status) ? job : undefined;
  }, timeoutMs);

async function ledgerState(jobId: string) {
  const { db, t } = await m.db.getDb();
  return (await db.select().from(t.ledger)).find((row) => row.jobId === jobId)?.state;
}

/** The submit body's size: the simulator's own count where it keeps one, else the body it received (images there are URLs). */
const bodyBytes = (i: number) =>
  (sim.stats as { submitBodyBytes?: number[] }).submitBodyBytes?.[i] ?? Buffer.byteLength(JSON.stringify(sim.stats.received[i]));

describe("images by upload", () => {
  test("a submit with two 10 MB images carries their upload addresses, a body under 10 KB; a second submit uploads nothing", async () => {
    const [start, end] = await Promise.all([noisePng(), noisePng()]);
    expect(start.length).toBeGreaterThan(10_000_000);
    const [first] = await createJobs(start, end);
    worker = await testWorker();
    // A shared machine: 10 MB images take their time to store, upload and turn into a video.
    expect((await settled(first!.id, 50_000)).status).toBe("completed");
    expect(sim.stats.received[0]).toMatchObject({ image: media(), last_image: media() });
    expect(bodyBytes(0)).toBeLessThan(10 * 1024);
    expect(sim.stats.uploads).toMatchObject({ tickets: 2, puts: 2, bytes: start.length + end.length });
    // The addresses serve the very bytes Keyframe stored.
    const served = Buffer.from(await (await fetch(sim.stats.received[0]!.image as string)).arrayBuffer());
    expect(served.equals(start)).toBe(true);

    const [second] = await createJobs(start, end, { prompt: "The dancer bows" });
    expect((await settled(second!.id, 50_000)).status).toBe("completed");
    expect(sim.stats.uploads).toMatchObject({ tickets: 2, puts: 2, binary: 0 });
    expect(sim.stats.received[1]).toMatchObject({ image: sim.stats.received[0]!.image, last_image: sim.stats.received[0]!.last_image });
  }, 120_000);

  test("an upload is reused until six days have passed, then made again", async () => {
    const image = freshPng();
    const [first] = await createJobs(image);
    worker = await testWorker();
    expect((await settled(first!.id)).status).toBe("completed");
    const recorded = await m.uploads.findUpload(sha256(image));
    expect(recorded?.url).toBe(sim.stats.received[0]!.image);

    await m.uploads.saveUpload({ ...recorded!, uploadedAt: Date.now() - 6 * DAY + 60_000 });
    const [reused] = await createJobs(image, undefined, { prompt: "Again" });
    expect((await settled(reused!.id)).status).toBe("completed");
    expect(sim.stats.uploads.tickets).toBe(1);

    await m.uploads.saveUpload({ ...recorded!, uploadedAt: Date.now() - 6 * DAY - 60_000 });
    const [renewed] = await createJobs(image, undefined, { prompt: "Once more" });
    expect((await settled(renewed!.id)).status).toBe("completed");
    expect(sim.stats.uploads.tickets).toBe(2);
    expect(sim.stats.received[2]!.image).not.toBe(recorded!.url);
    expect((await m.uploads.findUpload(sha256(image)))?.url).toBe(sim.stats.received[2]!.image);
  });

  test("where the newer upload answers 404, the legacy one is used", async () => {
    await setFaults("upload:404x*");
    const [job] = await createJobs(freshPng(), freshPng());
    worker = await testWorker();
    expect((await settled(job!.id)).status).toBe("completed");
    expect(sim.stats.uploads).toMatchObject({ tickets: 0, puts: 0, binary: 2 });
    expect(sim.stats.received[0]).toMatchObject({ image: media(), last_image: media() });
  });

  test("an upload failing with 500 three times, then working, completes the job with one submit", async () => {
    await setFaults("upload:500x3");
    const [job] = await createJobs(freshPng());
    worker = await testWorker();
    const done = await settled(job!.id);
    expect(done).toMatchObject({ status: "completed", error: null });
    expect(sim.stats.uploads.tickets).toBe(1);
    expect(sim.stats.submitRequests).toBe(1);
    expect(await ledgerState(job!.id)).toBe("charged");
  });

  test("an image WaveSpeed will not take fails the job with a plain message, releases its reservation and sends no submit", async () => {
    await setFaults("upload:404x*,binary:404x*");
    const [job] = await createJobs(freshPng());
    worker = await testWorker();
    const done = await settled(job!.id);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/^Could not upload the start image to WaveSpeed: WaveSpeed 404: .+; nothing was sent or charged\.$/);
    expect(sim.stats.submitRequests).toBe(0);
    expect(await ledgerState(job!.id)).toBe("released");
  });

  test("an upload refused for the key sends no submit: the job waits for the key, then goes", async () => {
    const [job] = await createJobs(freshPng());
    worker = await testWorker({ keyCheckMs: 60_000 }, new WaveSpeedClient({ baseUrl: sim.url, apiKey: "wrong-key-000", timeoutMs: 1000 }));
    expect(await until(() => m.refusal.keyRefusal())).toMatchObject({ status: 401 });
    const waiting = await until(async () => {
      const row = await m.queries.getJob(job!.id);
      return row?.status === "queued" && row.error ? row : undefined;
    });
    expect(waiting.error).toBe("Waiting: WaveSpeed 401: Unauthorized: invalid API key");
    expect(sim.stats.submitRequests).toBe(0);
    expect(await ledgerState(job!.id)).toBe("reserved");
    await worker.stop();
    worker = await testWorker();
    expect((await settled(job!.id)).status).toBe("completed");
    expect(sim.stats.submitRequests).toBe(1);
  });

  test("an instance that dies while a job's images upload leaves it queued and reserved, not unknown and charged; another sends it once", async () => {
    const { claimQueued, expireLeases } = await import("@/lib/db/queries/work");
    const { lifeStep } = await import("./life");
    const [job] = await createJobs(freshPng());
    // Claimed by an instance that then died mid-upload: its lease runs out.
    const now = Date.now();
    expect((await claimQueued({ owner: "dead-instance", now, ms: 1000 }, 5)).map((j) => j.id)).toContain(job!.id);
    expect(await expireLeases(now + 2000, lifeStep({ kind: "lease_expired_mid_submit" }, now + 2000).patch)).toEqual([]);
    expect((await m.queries.getJob(job!.id))?.status).toBe("queued");
    expect(await ledgerState(job!.id)).toBe("reserved");
    worker = await testWorker();
    expect((await settled(job!.id)).status).toBe("completed");
    expect(sim.stats.submitRequests).toBe(1);
  });

  test("an image uploaded to one WaveSpeed is uploaded again for another (the simulator, then a real key)", async () => {
    const image = freshPng();
    const [first] = await createJobs(image);
    worker = await testWorker();
    expect((await settled(first!.id)).status).toBe("completed");
    await worker.stop();
    const other = await startSimulator({
      port: 0,
      apiKey: "other-wavespeed-key",
      delayMs: 200,
      workDir: fs.mkdtempSync(path.join(os.tmpdir(), "kf-other-")),
      render: false,
    });
    try {
      const [second] = await createJobs(image, undefined, { seed: "7" });
      worker = await testWorker({}, new WaveSpeedClient({ baseUrl: other.url, apiKey: "other-wavespeed-key", timeoutMs: 2000 }));
      await until(async () => ((await m.queries.getJob(second!.id))?.upstreamId ? true : undefined));
      expect(other.stats.uploads.tickets).toBe(1);
      expect(String(other.stats.received[0]?.image)).toMatch(new RegExp(`^${other.url}/media/`));
    } finally {
      await worker.stop();
      worker = undefined;
      await other.close();
    }
  });

  test("an upload WaveSpeed can no longer fetch (1402) is forgotten: the next job with the image uploads it again", async () => {
    const image = freshPng();
    // Recorded as uploaded a minute ago, but WaveSpeed has lost it (the simulator never received its PUT).
    const gone = `${sim.url}/media/${"0".repeat(32)}/gone.png`;
    await m.uploads.saveUpload({ sha256: sha256(image), url: gone, uploadedAt: Date.now() - 60_000 });
    const [first] = await createJobs(image);
    worker = await testWorker();
    const failed = await settled(first!.id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/^WaveSpeed could not fetch the start image from its URL/);
    expect(await m.uploads.findUpload(sha256(image))).toBeUndefined();
    const [second] = await createJobs(image, undefined, { seed: "11" });
    expect((await settled(second!.id)).status).toBe("completed");
    expect(sim.stats.uploads.tickets).toBe(1);
    expect(String(sim.stats.received[1]?.image)).not.toBe(gone);
  });

  test("two jobs sending the same new image at once both complete, and one upload is on record", async () => {
    const image = freshPng();
    const jobs = await createJobs(image, undefined, { variations: 2 });
    worker = await testWorker({ submitConcurrency: 2 });
    for (const job of jobs) expect((await settled(job.id)).status).toBe("completed");
    expect((await m.uploads.findUpload(sha256(image)))?.url).toEqual(media());
  });

  test("a submit answered after WAVESPEED_TIMEOUT_MS is waited for and completes", async () => {
    // The simulator's slow answer comes 1.5 s late; result GETs here time out at 1 s.
    await setFaults("submit:slow");
    const [job] = await createJobs(freshPng());
    worker = await testWorker();
    const done = await settled(job!.id);
    expect(done.status).toBe("completed");
    expect(sim.stats.submitRequests).toBe(1);
  });

  test("a drain during an upload puts the job back in the queue, unsent, for the next worker to send", async () => {
    await setFaults("put:slow");
    const [job] = await createJobs(freshPng());
    const draining = await testWorker();
    await until(async () => sim.stats.uploads.tickets === 1);
    await draining.stop();
    expect(await m.queries.getJob(job!.id)).toMatchObject({ status: "queued", error: null, leaseOwner: null, submitAttempts: 0 });
    expect(sim.stats.submitRequests).toBe(0);
    worker = await testWorker();
    expect((await settled(job!.id)).status).toBe("completed");
    expect(sim.stats.submitRequests).toBe(1);
  });
});
