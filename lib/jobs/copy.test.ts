import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { probeImage } from "@/lib/images/probe";
import { runFile } from "@/lib/media/ffmpeg";
import { bufferReader, readMp4Tags } from "@/lib/media/mp4-tags";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, TEST_USER, until, testWorker } from "@/lib/test/app";
import { storedBytes, storedNames } from "@/lib/test/backends";
import { makePng } from "@/lib/test/png";

let sim: Simulator;
let dataDir: string;
let worker: import("./worker").JobWorker | undefined;
let m: {
  create: typeof import("./create");
  manage: typeof import("./manage");
  worker: typeof import("./worker");
  queries: typeof import("@/lib/db/queries/jobs");
  schema: typeof import("@/lib/validations/generate");
  defaults: typeof import("@/lib/validations/generate-defaults");
  ws: typeof import("@/lib/wavespeed");
};

beforeAll(async () => {
  ({ sim, dataDir } = await setupApp());
  m = {
    create: await import("./create"),
    manage: await import("./manage"),
    worker: await import("./worker"),
    queries: await import("@/lib/db/queries/jobs"),
    schema: await import("@/lib/validations/generate"),
    defaults: await import("@/lib/validations/generate-defaults"),
    ws: await import("@/lib/wavespeed"),
  };
});
afterAll(() => sim.close());
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

const faults = (spec: string) => fetch(`${sim.url}/__sim/faults`, { method: "POST", body: spec });

async function startWorker() {
  worker = await testWorker();
}

async function createJob() {
  const request = await m.schema.generateSchema.parseAsync({
    ...m.defaults.GENERATE_DEFAULTS,
    image: new File([new Uint8Array(makePng(400, 400))], "a.png"),
    prompt: "A kite climbs",
    duration: 2,
    aspectRatio: "1:1",
  });
  const [job] = (await m.create.createJobs(request, { user: TEST_USER, origin: "http://keyframe.test" })).jobs;
  return job!;
}

const copyEnded = (id: string) =>
  until(async () => {
    const job = await m.queries.getJob(id);
    return job && (job.copyStatus === "done" || job.copyStatus === "failed") ? job : undefined;
  }, 20_000);

const filesFor = async (id: string) =>
  (await Promise.all(["videos", "posters", "thumbs", "frames"].map(storedNames))).flat().filter((f) => f.startsWith(id));

describe("keeping a copy of each output", () => {
  test("a completed job gets the upstream video with its settings as tags, a JPEG poster, its card-sized thumbnail and its last frame at the output size", async () => {
    const job = await createJob();
    await startWorker();
    const done = await copyEnded(job.id);
    expect(done.copyStatus).toBe("done");
    const stored = (await storedBytes("videos", done.videoFile!))!;
    const upstream = Buffer.from(await (await fetch(done.outputs[0]!)).arrayBuffer());
    // The same frames, untouched: only the container gained tags.
    const frames = async (bytes: Buffer) => {
      const file = path.join(dataDir, `check-${bytes.length}.mp4`);
      fs.writeFileSync(file, bytes);
      return (await runFile("ffmpeg", ["-v", "error", "-i", file, "-map", "0:v", "-c", "copy", "-f", "md5", "-"])).stdout;
    };
    expect(await frames(stored)).toBe(await frames(upstream));
    const tags = await readMp4Tags(bufferReader(stored), stored.length);
    expect(tags?.title).toBe("A kite climbs");
    expect(JSON.parse(tags!.comment!)).toMatchObject({ prompt: "A kite climbs", seed: done.seed, duration: 2, aspectRatio: "1:1" });
    expect(done.videoBytes).toBe(stored.length);
    const poster = (await storedBytes("posters", done.posterFile!))!;
    expect([...poster.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    // The 640×640 output's thumbnail fits in 480×480, under the poster's own name.
    expect(probeImage((await storedBytes("thumbs", done.posterFile!))!)).toMatchObject({ type: "image/jpeg", width: 480, height: 480 });
    const last = probeImage((await storedBytes("frames", done.lastFrameFile!))!);
    expect(last).toMatchObject({ type: "image/png", width: 640, height: 640 });
    expect([done.videoWidth, done.videoHeight]).toEqual([640, 640]);
  });

  test("a failing download is retried with backoff and then succeeds", async () => {
    await faults("output:500x2");
    const job = await createJob();
    await startWorker();
    const done = await copyEnded(job.id);
    expect(done.copyStatus).toBe("done");
    expect(done.copyAttempts).toBe(3);
    expect(done.copyError).toBeNull();
  });

  test("an output WaveSpeed has already deleted fails the copy for good, and the job keeps its upstream URL", async () => {
    await faults("output:404x*");
    const job = await createJob();
    await startWorker();
    const done = await copyEnded(job.id);
    expect(done.copyStatus).toBe("failed");
    expect(done.copyAttempts).toBe(1);
    expect(done.copyError).toMatch(/no longer has this video/);
    expect(done.status).toBe("completed");
    expect(await filesFor(job.id)).toEqual([]);

    // Once the file is reachable again, "Try saving again" gets the copy.
    await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
    await m.manage.retryCopy(job.id, TEST_USER);
    const saved = await copyEnded(job.id);
    expect(saved.copyStatus).toBe("done");
    expect(await filesFor(job.id)).toHaveLength(4);
  });

  test("a copy interrupted by a restart starts over and finishes", async () => {
    const job = await createJob();
    await faults("output:404x*");
    await startWorker();
    await until(async () => (await m.queries.getJob(job.id))?.status === "completed", 20_000);
    await worker!.stop();
    // As a crash mid-download leaves it: claimed under a lease nobody renews, with half a download on disk.
    await m.queries.updateJob(job.id, {
      copyStatus: "copying",
      copyError: null,
      copyAttempts: 1,
      leaseOwner: "gone",
      leaseUntil: Date.now() - 1,
    });
    fs.mkdirSync(path.join(dataDir, "tmp", `${job.id}-dead`), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "tmp", `${job.id}-dead`, `${job.id}.mp4`), "half");
    await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
    await startWorker();
    const done = await copyEnded(job.id);
    expect(done.copyStatus).toBe("done");
    expect((await filesFor(job.id)).sort()).toEqual([`${job.id}.jpg`, `${job.id}.jpg`, `${job.id}.mp4`, `${job.id}.png`]);
  });

  test("deleting a job while its copy runs leaves no file behind", async () => {
    await faults("output:slowx*");
    const job = await createJob();
    await startWorker();
    await until(async () => (await m.queries.getJob(job.id))?.copyStatus === "copying", 20_000);
    await m.manage.deleteJob(job.id, TEST_USER);
    expect(await m.queries.getJob(job.id)).toBeUndefined();
    await worker!.stop();
    expect(await filesFor(job.id)).toEqual([]);
  });
});
