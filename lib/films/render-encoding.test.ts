import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, TEST_USER, testWorker } from "@/lib/test/app";
import { putStored, storedBytes } from "@/lib/test/backends";
import { makePng } from "@/lib/test/png";
import { savedJob } from "@/lib/test/routes";

let sim: Simulator;
let dataDir = "";
let m: {
  render: typeof import("./render");
  films: typeof import("@/lib/db/queries/films");
  jobs: typeof import("@/lib/db/queries/jobs");
  ffmpeg: typeof import("@/lib/media/ffmpeg");
};

beforeAll(async () => {
  ({ sim, dataDir } = await setupApp());
  m = {
    render: await import("./render"),
    films: await import("@/lib/db/queries/films"),
    jobs: await import("@/lib/db/queries/jobs"),
    ffmpeg: await import("@/lib/media/ffmpeg"),
  };
  await testWorker({ instanceId: "worker", pollMaxMs: 300 });
}, 60_000);
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

/** A finished, saved take of 2 s made through the app (the simulator's clip: untagged BT.601, as ffmpeg makes it). */
async function takeOf(aspectRatio: "16:9" | "1:1"): Promise<string> {
  const { generateSchema } = await import("@/lib/validations/generate");
  const { GENERATE_DEFAULTS } = await import("@/lib/validations/generate-defaults");
  const request = await generateSchema.parseAsync({
    ...GENERATE_DEFAULTS,
    image: new File([new Uint8Array(makePng(640, 360))], "a.png"),
    prompt: `A red kite, ${aspectRatio}`,
    aspectRatio,
    duration: 2,
  });
  const { createJobs } = await import("@/lib/jobs/create");
  const id = (await createJobs(request, { user: TEST_USER, origin: "http://keyframe.test" })).jobs[0]!.id;
  await savedJob(id);
  return id;
}

const probe = async (file: string, entries: string, extra: string[] = []) =>
  JSON.parse(
    (await m.ffmpeg.runFile("ffprobe", ["-v", "error", ...extra, "-select_streams", "v:0", "-show_entries", entries, "-of", "json", file]))
      .stdout,
  ) as { streams: Record<string, string | number>[] };

test("a film of takes encoded differently (full range, BT.601, another size and frame rate) plays through, converted and tagged alike", async () => {
  const plain = await takeOf("16:9");
  const other = await takeOf("1:1");
  // The second take's video: a red field between black and white bars, 30 fps, full-range BT.601, and tagged so.
  const clip = path.join(dataDir, "full-range.mp4");
  const bars = "drawbox=x=0:y=0:w=160:h=480:color=black:t=fill,drawbox=x=320:y=0:w=160:h=480:color=white:t=fill";
  await m.ffmpeg.ffmpeg([
    ...["-f", "lavfi", "-i", `color=c=red:s=480x480:r=30:d=2,format=rgb24,${bars},format=yuvj420p`],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-color_range", "pc", "-colorspace", "bt470bg"],
    ...["-color_primaries", "bt470bg", "-color_trc", "smpte170m", clip],
  ]);
  const job = (await m.jobs.getJob(other))!;
  await putStored("videos", job.videoFile!, fs.readFileSync(clip));
  await m.jobs.updateJob(other, { videoWidth: 480, videoHeight: 480 });

  const { newId } = await import("@/lib/jobs/ids");
  const now = Date.now();
  const film = await m.films.insertFilm({
    ...{ id: newId(), storyboardId: newId(), userId: TEST_USER.id, name: "Kites", jobIds: [plain, other] },
    ...{ status: "rendering", createdAt: now, updatedAt: now },
  });
  await m.render.renderFilm(film, () => {}, new AbortController().signal);
  const file = path.join(dataDir, "film.mp4");
  fs.writeFileSync(file, (await storedBytes("films", `${film.id}.mp4`))!);

  // Decodes from end to end with nothing to say, at 24 fps for its 4 s (a frame either way per clip).
  const decoded = await m.ffmpeg.runFile("ffmpeg", ["-v", "error", "-i", file, "-f", "null", "-"]);
  expect(decoded.stderr).toBe("");
  const [counted] = (await probe(file, "stream=nb_read_frames", ["-count_frames"])).streams;
  expect(Math.abs(Number(counted!.nb_read_frames) - 96)).toBeLessThanOrEqual(2);

  // Before, the film carried the first take's header (untagged) for both: the second played with the wrong matrix.
  const [stream] = (
    await probe(file, "stream=width,height,profile,level,pix_fmt,color_range,color_space,color_primaries,color_transfer,time_base")
  ).streams;
  expect(stream).toEqual({
    width: 864,
    height: 480,
    profile: "High",
    level: 40,
    pix_fmt: "yuv420p",
    color_range: "tv",
    color_space: "bt709",
    color_primaries: "bt709",
    color_transfer: "bt709",
    time_base: "1/12288",
  });

  // The pixels are converted, not just relabelled: the second shot's red, black and white read as limited-range BT.709.
  const levels = async (x: number) => {
    const { stderr } = await m.ffmpeg.runFile("ffmpeg", [
      ...["-v", "info", "-ss", "3", "-i", file, "-vf", `crop=40:40:${x}:220,signalstats,metadata=print`],
      ...["-frames:v", "1", "-f", "null", "-"],
    ]);
    const read = (key: string) => Number(new RegExp(`signalstats\\.${key}=(\\d+)`).exec(stderr)?.[1]);
    return [read("YAVG"), read("UAVG"), read("VAVG")];
  };
  const near = (actual: number[], expected: number[]) => actual.every((v, i) => Math.abs(v - expected[i]!) <= 3);
  const [black, red, white] = [await levels(252), await levels(412), await levels(572)];
  expect({ black, red, white, ok: near(black, [16, 128, 128]) && near(red, [63, 102, 240]) && near(white, [235, 128, 128]) }).toMatchObject(
    {
      ok: true,
    },
  );
}, 120_000);
