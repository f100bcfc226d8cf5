import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, TEST_USER, until, testWorker } from "@/lib/test/app";
import { storedNames } from "@/lib/test/backends";
import { savedJob } from "@/lib/test/routes";
import { makePng } from "@/lib/test/png";

let sim: Simulator;
let boardId = "";
let m: {
  films: typeof import("@/lib/db/queries/films");
  request: typeof import("./films");
  exporter: typeof import("./exporter");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = { films: await import("@/lib/db/queries/films"), request: await import("./films"), exporter: await import("./exporter") };
  await testWorker({ instanceId: "worker", pollMaxMs: 300 });
  const { generateSchema } = await import("@/lib/validations/generate");
  const { GENERATE_DEFAULTS } = await import("@/lib/validations/generate-defaults");
  const request = await generateSchema.parseAsync({
    ...GENERATE_DEFAULTS,
    image: new File([new Uint8Array(makePng(640, 360))], "a.png"),
    prompt: "A tram turns a corner",
    duration: 2,
  });
  const { createJobs } = await import("@/lib/jobs/create");
  const [job] = (await createJobs(request, { user: TEST_USER, origin: "http://keyframe.test" })).jobs;
  await savedJob(job!.id);
  const { createBoard } = await import("@/lib/storyboards/boards");
  boardId = (await createBoard({ name: "Tram", jobIds: [job!.id] }, TEST_USER)).id;
});
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

const lease = (owner: string) => ({ owner, now: Date.now(), ms: 15_000 });

describe("film exports shared by several instances", () => {
  test("one instance claims a queued film; the other gets nothing", async () => {
    const film = await m.request.requestExport(boardId, TEST_USER);
    expect((await m.films.claimFilm(lease("a"), 3))?.id).toBe(film.id);
    expect(await m.films.claimFilm(lease("b"), 3)).toBeUndefined();
    // The holder's progress keeps its lease; another instance's report is refused.
    expect(await m.films.reportFilmProgress(film.id, lease("a"), 400)).toBe(true);
    expect(await m.films.reportFilmProgress(film.id, lease("b"), 900)).toBe(false);
    expect((await m.films.getFilm(film.id))?.progress).toBe(400);
    await m.films.finishFilm(film.id, "a", { status: "failed", error: "test" });
  });

  test("a film whose instance died mid-render is taken over and finished by another", async () => {
    const film = await m.request.requestExport(boardId, TEST_USER);
    await m.films.updateFilm(film.id, { status: "rendering", progress: 300, attempts: 1, leaseOwner: "dead", leaseUntil: Date.now() - 1 });
    const exporter = new m.exporter.FilmExporter({ instanceId: "survivor" });
    exporter.start();
    try {
      const done = await until(async () => {
        const row = await m.films.getFilm(film.id);
        return row?.status === "done" ? row : undefined;
      }, 30_000);
      expect(done.attempts).toBe(2);
      expect(done.leaseOwner).toBeNull();
      expect(await storedNames("films")).toContain(`${film.id}.mp4`);
    } finally {
      await exporter.stop();
    }
  });

  test("a render interrupted too often fails for good, with a reason", async () => {
    const film = await m.request.requestExport(boardId, TEST_USER);
    await m.films.updateFilm(film.id, { status: "rendering", attempts: 3, leaseOwner: "dead", leaseUntil: Date.now() - 1 });
    await m.films.failAbandonedFilms(Date.now(), 3, "interrupted");
    expect(await m.films.getFilm(film.id)).toMatchObject({ status: "failed", error: "interrupted", leaseOwner: null });
  });

  test("shutting down hands a render back to the queue", async () => {
    const film = await m.request.requestExport(boardId, TEST_USER);
    await m.films.claimFilm(lease("leaving"), 3);
    await m.films.releaseFilms("leaving");
    expect(await m.films.getFilm(film.id)).toMatchObject({ status: "queued", attempts: 0, leaseOwner: null });
    await m.films.updateFilm(film.id, { status: "failed" });
  });
});
