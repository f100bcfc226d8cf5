import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Film } from "@/lib/db/schema";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, TEST_USER, testWorker } from "@/lib/test/app";
import { storedBytes, storedNames } from "@/lib/test/backends";
import { makePng } from "@/lib/test/png";
import { savedJob } from "@/lib/test/routes";

let sim: Simulator;
let dataDir = "";
let take = "";
let m: {
  render: typeof import("./render");
  films: typeof import("@/lib/db/queries/films");
  jobs: typeof import("@/lib/db/queries/jobs");
  probe: typeof import("@/lib/media/tag-video");
};

beforeAll(async () => {
  ({ sim, dataDir } = await setupApp());
  m = {
    render: await import("./render"),
    films: await import("@/lib/db/queries/films"),
    jobs: await import("@/lib/db/queries/jobs"),
    probe: await import("@/lib/media/tag-video"),
  };
  await testWorker({ instanceId: "worker", pollMaxMs: 300 });
  const { generateSchema } = await import("@/lib/validations/generate");
  const { GENERATE_DEFAULTS } = await import("@/lib/validations/generate-defaults");
  const request = await generateSchema.parseAsync({
    ...GENERATE_DEFAULTS,
    image: new File([new Uint8Array(makePng(640, 360))], "a.png"),
    prompt: "A ferry crosses a bay",
    aspectRatio: "16:9",
    duration: 2,
  });
  const { createJobs } = await import("@/lib/jobs/create");
  take = (await createJobs(request, { user: TEST_USER, origin: "http://keyframe.test" })).jobs[0]!.id;
  await savedJob(take);
}, 90_000);
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

async function filmOf(jobIds: string[]): Promise<Film> {
  const { newId } = await import("@/lib/jobs/ids");
  const now = Date.now();
  return m.films.insertFilm({
    id: newId(),
    storyboardId: newId(),
    userId: TEST_USER.id,
    name: "Ferry",
    jobIds,
    status: "rendering",
    createdAt: now,
    updatedAt: now,
  });
}

type Run = { tool: string; inputs: number };

/**
 * Runs `work` with ffmpeg and ffprobe on PATH replaced by stand-ins that log each run (which tool, how many
 * `-i` inputs, when it starts and ends) and then run the real tool: what the render asked of them.
 */
async function traced(work: () => Promise<unknown>): Promise<{ runs: Run[]; mostAtOnce: number }> {
  const real = path.dirname(spawnSync("sh", ["-c", "command -v ffmpeg"], { encoding: "utf8" }).stdout.trim());
  const bin = fs.mkdtempSync(path.join(dataDir, "bin-"));
  const log = path.join(bin, "runs.log");
  for (const tool of ["ffmpeg", "ffprobe"]) {
    const shim = `#!/bin/sh
n=0; for a in "$@"; do [ "$a" = "-i" ] && n=$((n+1)); done
echo "start ${tool} $n" >> "${log}"
"${real}/${tool}" "$@"; rc=$?
echo "end ${tool}" >> "${log}"
exit $rc
`;
    fs.writeFileSync(path.join(bin, tool), shim, { mode: 0o755 });
  }
  const before = process.env.PATH;
  process.env.PATH = `${bin}:${before}`;
  try {
    await work();
  } finally {
    process.env.PATH = before;
  }
  const lines = fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : [];
  let running = 0;
  let mostAtOnce = 0;
  const runs: Run[] = [];
  for (const line of lines) {
    const [event, tool, inputs] = line.split(" ");
    running += event === "start" ? 1 : -1;
    mostAtOnce = Math.max(mostAtOnce, running);
    if (event === "start") runs.push({ tool: tool!, inputs: Number(inputs) });
  }
  return { runs, mostAtOnce };
}

const scratch = (film: Film) => fs.readdirSync(path.join(dataDir, "tmp")).filter((name) => name.startsWith(`film-${film.id}-`));

describe("rendering a film", () => {
  test("one clip at a time: one process at once, none reading more than one clip, no probe per clip", async () => {
    const film = await filmOf(Array.from({ length: 6 }, () => take));
    const progress: number[] = [];
    const { runs, mostAtOnce } = await traced(() => m.render.renderFilm(film, (p) => progress.push(p), new AbortController().signal));

    // Before: six ffprobes at once, then one ffmpeg holding all six clips open (memory grew with each shot).
    expect(mostAtOnce).toBe(1);
    expect(runs.filter((r) => r.tool === "ffmpeg" && r.inputs > 1)).toEqual([]);
    // The takes' sizes and lengths are stored; only the finished film is probed.
    expect(runs.filter((r) => r.tool === "ffprobe")).toHaveLength(1);
    expect(runs.filter((r) => r.tool === "ffmpeg").length).toBeGreaterThanOrEqual(6);

    const file = path.join(dataDir, "film-check.mp4");
    fs.writeFileSync(file, (await storedBytes("films", `${film.id}.mp4`))!);
    const probed = await m.probe.probeVideo(file);
    expect(probed.durationS).toBeCloseTo(12, 1);
    expect([probed.width, probed.height]).toEqual([864, 480]);
    expect(await storedNames("posters")).toContain(`${film.id}.jpg`);

    // The bar moves through every clip and the join, never back.
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[0]).toBe(50);
    for (let shot = 0; shot < 6; shot++) {
      const [from, to] = [50 + (850 * shot) / 6, 50 + (850 * (shot + 1)) / 6];
      expect(progress.some((p) => p > from && p <= to)).toBe(true);
    }
    expect(progress.some((p) => p > 900 && p <= 950)).toBe(true);
    expect(progress.at(-1)).toBe(960);
    expect(scratch(film)).toEqual([]);
  }, 120_000);

  test("a take stored before its size was recorded: the first clip is probed, once", async () => {
    const { videoWidth, videoHeight } = (await m.jobs.getJob(take))!;
    await m.jobs.updateJob(take, { videoWidth: null, videoHeight: null });
    try {
      const film = await filmOf([take, take, take]);
      const { runs } = await traced(() => m.render.renderFilm(film, () => {}, new AbortController().signal));
      expect(runs.filter((r) => r.tool === "ffprobe")).toHaveLength(2);
    } finally {
      await m.jobs.updateJob(take, { videoWidth, videoHeight });
    }
  }, 60_000);

  test("stopped midway (its lease lost, or the film deleted): it rejects, stores nothing and leaves no scratch files", async () => {
    const film = await filmOf(Array.from({ length: 6 }, () => take));
    const abort = new AbortController();
    const rendering = m.render.renderFilm(film, (p) => p > 300 && abort.abort(), abort.signal);
    await expect(rendering).rejects.toThrow();
    expect(await storedNames("films")).not.toContain(`${film.id}.mp4`);
    expect(scratch(film)).toEqual([]);
  }, 60_000);

  test("a take that is gone fails the film for good, naming its shot, before any clip is rendered", async () => {
    const film = await filmOf([take, "AAAAAAAAAAAAAAAAAAAAAA"]);
    let error: unknown;
    const { runs } = await traced(() =>
      m.render.renderFilm(film, () => {}, new AbortController().signal).catch((e: unknown) => (error = e)),
    );
    expect(error).toBeInstanceOf(m.render.FilmError);
    expect((error as Error).message).toMatch(/^Shot 2's take is no longer stored/);
    expect(runs).toEqual([]);
    expect(scratch(film)).toEqual([]);
  });
});
