import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, TEST_USER, testWorker } from "@/lib/test/app";
import { storedBytes } from "@/lib/test/backends";
import { makePng } from "@/lib/test/png";
import { savedJob } from "@/lib/test/routes";

let sim: Simulator;
let dataDir = "";
const takes: string[] = [];

beforeAll(async () => {
  ({ sim, dataDir } = await setupApp());
  await testWorker({ instanceId: "worker", pollMaxMs: 300 });
  const { generateSchema } = await import("@/lib/validations/generate");
  const { GENERATE_DEFAULTS } = await import("@/lib/validations/generate-defaults");
  const { createJobs } = await import("@/lib/jobs/create");
  for (const [duration, prompt] of [
    [2, "A ferry leaves the quay"],
    [3, "The ferry crosses the bay"],
  ] as const) {
    const image = new File([new Uint8Array(makePng(640, 360))], "a.png");
    const request = await generateSchema.parseAsync({ ...GENERATE_DEFAULTS, image, prompt, aspectRatio: "16:9", duration });
    takes.push((await createJobs(request, { user: TEST_USER, origin: "http://keyframe.test" })).jobs[0]!.id);
  }
  await Promise.all(takes.map((id) => savedJob(id)));
}, 90_000);
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

/** ffprobe's length of a stored file, in seconds. */
async function probed(folder: string, name: string): Promise<number> {
  const file = path.join(dataDir, `probe-${folder}-${name}`);
  fs.writeFileSync(file, (await storedBytes(folder, name))!);
  return (await (await import("@/lib/media/tag-video")).probeVideo(file)).durationS;
}

const seconds = (tc: string) => {
  const [h, m, s, f] = tc.split(":").map(Number) as [number, number, number, number];
  return h * 3600 + m * 60 + s + f / 24;
};

describe("a board's comments as markers, timed to the exported film", () => {
  test("a take's comment lands where that take plays in the film (checked against ffprobe); a film's comment at its own time", async () => {
    const [a, b] = takes as [string, string];
    const { createBoard } = await import("@/lib/storyboards/boards");
    const board = await createBoard({ name: "Ferry, cut 1", jobIds: [a, b] }, TEST_USER);
    const { newId } = await import("@/lib/jobs/ids");
    const films = await import("@/lib/db/queries/films");
    const now = Date.now();
    const film = await films.insertFilm({
      id: newId(),
      storyboardId: board.id,
      userId: TEST_USER.id,
      name: "Ferry, cut 1",
      jobIds: [a, b],
      status: "rendering",
      createdAt: now,
      updatedAt: now,
    });
    const rendered = await (await import("@/lib/films/render")).renderFilm(film, () => {}, new AbortController().signal);
    await films.updateFilm(film.id, { ...rendered, status: "done", finishedAt: Date.now() });

    const { addMemberComment } = await import("./comments");
    await addMemberComment({ jobId: a, body: "Start on the rope", atMs: 500, endMs: 1500 }, TEST_USER);
    const onB = await addMemberComment(
      {
        jobId: b,
        body: "Gull, = too loud",
        atMs: 1000,
        drawing: [
          {
            kind: "rect",
            color: "#ffffff",
            points: [
              [0.1, 0.1],
              [0.4, 0.3],
            ],
          },
        ],
      },
      TEST_USER,
    );
    await addMemberComment({ jobId: b, parentId: onB.comments.at(-1)!.id, body: "Agreed" }, TEST_USER);
    await addMemberComment({ filmId: film.id, body: "Cut here", atMs: 2500 }, TEST_USER);

    const [takeA, filmS] = [await probed("videos", `${a}.mp4`), await probed("films", `${film.id}.mp4`)];
    const takeB = await probed("videos", `${b}.mp4`);
    expect(filmS).toBeCloseTo(takeA + takeB, 1);
    const frame = 1 / 24;

    const { boardMarkers } = await import("./export");
    const edl = (await boardMarkers(board.id, "edl")).body;
    const events = [...edl.matchAll(/^\d{3} {2}001 +V +C +\S+ \S+ (\S+) \S+ *\r\n.*\|M:([^|]*) \|D:(\d+)/gm)].map(
      (m) => [seconds(m[1]!) - 3600, m[2]!] as const,
    );
    expect(events.map((e) => e[1])).toEqual(["Test: Start on the rope", "Test: Cut here", "Test: Gull, = too loud"]);
    expect(events[0]![0]).toBeCloseTo(0.5, 5);
    expect(events[1]![0]).toBeCloseTo(2.5, 5);
    // Take B starts where take A ends in the film: ffprobe's length of take A, plus the comment's 1.0 s.
    expect(Math.abs(events[2]![0] - (takeA + 1.0))).toBeLessThanOrEqual(frame);
    expect(edl).toContain("|C:ResolveColorBlue |M:Test: Start on the rope |D:24");
    expect(edl).toMatch(/^TITLE: Ferry, cut 1\r\nFCM: NON-DROP FRAME\r\n/);

    const xml = (await boardMarkers(board.id, "fcpxml")).body;
    const starts = [...xml.matchAll(/<marker start="(\d+)\/24s" duration="(\d+)\/24s" value="([^"]*)"/g)].map((m) => [
      Number(m[1]) / 24,
      Number(m[2]),
      m[3],
    ]);
    expect(starts.map((s) => s[0])).toEqual(events.map((e) => Math.round(e[0] * 24) / 24));
    expect(starts[0]).toEqual([0.5, 24, "Test: Start on the rope"]);
    expect(xml).toContain(`duration="${Math.round(filmS * 24)}/24s"`);

    const csv = (await boardMarkers(board.id, "csv")).body.trim().split("\r\n");
    expect(csv).toHaveLength(5);
    expect(csv[0]).toBe("thread,reply,shot,on,picture_s,film_s,film_end_s,timecode,author,name,comment,resolved,shapes,created_at");
    expect(csv.filter((line) => line.includes("Gull"))[0]).toContain(",2,take,1.000,");
    expect(csv.some((l) => l.includes(",true,2,take,1.000,") && l.includes("Agreed"))).toBe(true);

    // Deleting the film takes its own comments with it; the takes' stay.
    await films.deleteFilm(film.id);
    const { commentsOn } = await import("@/lib/db/queries/comments");
    expect((await commentsOn({ jobIds: [a, b], filmIds: [film.id] })).map((c) => c.body)).toEqual([
      "Start on the rope",
      "Gull, = too loud",
      "Agreed",
    ]);
  }, 120_000);

  test("no finished film yet: refused, saying to export first", async () => {
    const { createBoard } = await import("@/lib/storyboards/boards");
    const board = await createBoard({ name: "Unexported", jobIds: [takes[0]!] }, TEST_USER);
    const { boardMarkers } = await import("./export");
    await expect(boardMarkers(board.id, "csv")).rejects.toThrow(/Export the film first/);
  });
});
