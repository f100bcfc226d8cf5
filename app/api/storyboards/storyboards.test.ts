import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ENTRIES } from "@/lib/catalog";
import { probeVideo } from "@/lib/media/tag-video";
import type { Simulator } from "@/lib/simulator/server";
import type { StoryboardView } from "@/lib/storyboards/types";
import { setupApp, signedIn, until, testWorker } from "@/lib/test/app";
import { storedBytes, storedNames } from "@/lib/test/backends";
import { jobForm } from "@/lib/test/job-form";
import { call, savedJob } from "@/lib/test/routes";

let sim: Simulator;
let dataDir: string;
let cookie = "";
let m: {
  jobs: typeof import("../jobs/route");
  job: typeof import("../jobs/[id]/route");
  boards: typeof import("./route");
  board: typeof import("./[id]/route");
  shots: typeof import("./[id]/shots/route");
  shot: typeof import("./[id]/shots/[shotId]/route");
  order: typeof import("./[id]/order/route");
  shotAction: typeof import("./[id]/shots/[shotId]/[action]/route");
  exp: typeof import("./[id]/export/route");
  share: typeof import("@/app/f/[shareId]/video.mp4/route");
  films: typeof import("@/lib/films/exporter");
};

beforeAll(async () => {
  ({ sim, dataDir } = await setupApp());
  m = {
    jobs: await import("../jobs/route"),
    job: await import("../jobs/[id]/route"),
    boards: await import("./route"),
    board: await import("./[id]/route"),
    shots: await import("./[id]/shots/route"),
    shot: await import("./[id]/shots/[shotId]/route"),
    order: await import("./[id]/order/route"),
    shotAction: await import("./[id]/shots/[shotId]/[action]/route"),
    exp: await import("./[id]/export/route"),
    share: await import("@/app/f/[shareId]/video.mp4/route"),
    films: await import("@/lib/films/exporter"),
  };
  await testWorker({ pollMaxMs: 300 });
  const exporter = new m.films.FilmExporter({ instanceId: "test" });
  m.films.setFilmExporter(exporter);
  exporter.start();
  ({ cookie } = await signedIn("board@keyframe.test"));
});
afterAll(async () => {
  await m.films.getFilmExporter()?.stop();
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

async function take(prompt: string, fields: Record<string, string> = {}, size = { width: 640, height: 360 }): Promise<string> {
  const body = jobForm({ prompt, duration: "2", ...fields }, { ...size, tint: [40, 120, 200] });
  const res = await m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie } }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { jobs: { id: string }[] }).jobs[0]!.id;
}

const board = async (id: string) => (await call<StoryboardView>(m.board, "GET", { cookie, params: { id } })).body;
const picked = (view: StoryboardView) => view.shots.map((s) => s.pickedJobId);

describe("storyboards", () => {
  test("three shots by continuing from last frames, reordered and re-picked, export to one film of their summed length", async () => {
    const first = await take("A kite lifts off a beach");
    await savedJob(first);
    const created = await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Kite film", jobIds: [first] } });
    expect(created.status).toBe(201);
    const id = created.body.id;
    let shotId = created.body.shots[0]!.id;
    for (const prompt of ["The kite climbs into clouds", "The kite drifts over the sea"]) {
      const next = await call<{ jobs: { id: string }[]; shotId: string }>(m.shotAction, "POST", {
        cookie,
        params: { id, shotId, action: "continue" },
        body: { prompt, duration: 2, cameraFixed: false, seed: -1, variations: 1 },
      });
      expect(next.status, JSON.stringify(next.body)).toBe(201);
      const job = await savedJob(next.body.jobs[0]!.id);
      // The next shot starts from the last frame of the one before, stored as that take's input.
      expect([job.imageWidth, job.imageHeight]).toEqual([864, 480]);
      expect(job.aspectRatio).toBeNull();
      shotId = next.body.shotId;
    }
    let view = await board(id);
    expect(view.shots.map((s) => s.takes[0]!.prompt)).toEqual([
      "A kite lifts off a beach",
      "The kite climbs into clouds",
      "The kite drifts over the sea",
    ]);

    // A new take of shot 1 joins it as an alternate; picking it puts it in the film.
    const again = await call<{ jobs: { id: string }[] }>(m.shotAction, "POST", {
      cookie,
      params: { id, shotId: view.shots[0]!.id, action: "retake" },
      body: { prompt: "A kite lifts off a windy beach", duration: 3, cameraFixed: true, seed: 9, variations: 1 },
    });
    expect(again.status).toBe(201);
    await savedJob(again.body.jobs[0]!.id);
    view = await board(id);
    expect(view.shots[0]!.takes).toHaveLength(2);
    expect(
      (await call(m.shot, "PATCH", { cookie, params: { id, shotId: view.shots[0]!.id }, body: { jobId: again.body.jobs[0]!.id } })).status,
    ).toBe(200);

    // An order that leaves a shot out changes nothing; a full one moves the last shot first.
    const ids = view.shots.map((s) => s.id);
    expect((await call(m.order, "PUT", { cookie, params: { id }, body: { shotIds: ids.slice(0, 2) } })).status).toBe(409);
    expect((await board(id)).shots.map((s) => s.id)).toEqual(ids);
    const moved = await call<StoryboardView>(m.order, "PUT", { cookie, params: { id }, body: { shotIds: [ids[2], ids[0], ids[1]] } });
    expect(moved.body.shots.map((s) => s.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(picked(moved.body)[1]).toBe(again.body.jobs[0]!.id);

    const queued = await call<{ id: string; status: string }>(m.exp, "POST", { cookie, params: { id } });
    expect(queued.status).toBe(202);
    const film = await until(async () => {
      const f = (await board(id)).films.find((x) => x.id === queued.body.id);
      if (f?.status === "failed") throw new Error(f.error ?? "failed");
      return f?.status === "done" ? f : undefined;
    }, 60_000);
    expect(await storedNames("films")).toEqual([`${film.id}.mp4`]);
    // 2 s + 3 s + 2 s: the picked takes, back to back.
    expect(film.durationS).toBeGreaterThan(6.8);
    expect(film.durationS).toBeLessThan(7.2);
    const file = `${dataDir}/film-check.mp4`;
    (await import("node:fs")).writeFileSync(file, (await storedBytes("films", `${film.id}.mp4`))!);
    expect((await probeVideo(file)).durationS).toBeCloseTo(7, 0);

    const shareId = film.shareUrl!.split("/").pop()!;
    const shared = await m.share.GET(new Request(`http://keyframe.test/f/${shareId}/video.mp4`, { headers: { range: "bytes=0-99" } }), {
      params: Promise.resolve({ shareId }),
    });
    expect(shared.status).toBe(206);
  }, 120_000);

  test("takes of another size are letterboxed into the first shot's frame", async () => {
    const wide = await take("Wide", { aspectRatio: "16:9" });
    const tall = await take("Tall", { aspectRatio: "9:16" }, { width: 360, height: 640 });
    await Promise.all([savedJob(wide), savedJob(tall)]);
    const { body } = await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Mixed", jobIds: [wide, tall] } });
    const queued = await call<{ id: string }>(m.exp, "POST", { cookie, params: { id: body.id } });
    const film = await until(async () => (await board(body.id)).films.find((f) => f.id === queued.body.id && f.status === "done"), 60_000);
    expect([film.width, film.height]).toEqual([864, 480]);
  }, 90_000);

  test("a storyboard of a lite 480p take and a 2.0 take with sound exports one film in the first shot's frame", async () => {
    // Another member: the per-minute submit limit counts per member, and this file's member has used it up.
    const { cookie: own } = await signedIn("models-board@keyframe.test");
    const two = ENTRIES.find((e) => e.short === "2.0")!;
    const make = async (fields: Record<string, string>) => {
      const body = jobForm({ duration: "2", aspectRatio: "16:9", ...fields }, { width: 640, height: 360, tint: [40, 120, 200] });
      const res = await m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie: own } }));
      expect(res.status).toBe(201);
      return ((await res.json()) as { jobs: { id: string }[] }).jobs[0]!.id;
    };
    const lite = await make({ prompt: "Lite first" });
    const hd = await make({ prompt: "2.0 second", model: two.id, resolution: "720p", generateAudio: "true", duration: "4" });
    await Promise.all([savedJob(lite), savedJob(hd)]);
    const { body } = await call<StoryboardView>(m.boards, "POST", { cookie: own, body: { name: "Two models", jobIds: [lite, hd] } });
    const queued = await call<{ id: string }>(m.exp, "POST", { cookie: own, params: { id: body.id } });
    const film = await until(async () => (await board(body.id)).films.find((f) => f.id === queued.body.id && f.status === "done"), 60_000);
    expect([film.width, film.height]).toEqual([864, 480]);
  }, 90_000);

  test("bad input changes nothing: unknown or deleted takes, an empty board, a bad name", async () => {
    const before = (await call<{ storyboards: unknown[] }>(m.boards, "GET", { cookie })).body.storyboards.length;
    const gone = await take("Soon deleted");
    await savedJob(gone);
    expect(
      (
        await m.job.DELETE(new Request("http://keyframe.test/x", { method: "DELETE", headers: { cookie } }), {
          params: Promise.resolve({ id: gone }),
        })
      ).status,
    ).toBe(204);
    for (const jobIds of [[gone], ["AAAAAAAAAAAAAAAAAAAAAA"], ["not-an-id"]]) {
      const res = await call<{ error: { code: string } }>(m.boards, "POST", { cookie, body: { name: "Nope", jobIds } });
      expect([400, 404]).toContain(res.status);
    }
    expect((await call(m.boards, "POST", { cookie, body: { name: "<b>x</b>" } })).status).toBe(400);
    expect((await call(m.boards, "POST", { cookie, body: { name: "x".repeat(81) } })).status).toBe(400);
    expect((await call<{ storyboards: unknown[] }>(m.boards, "GET", { cookie })).body.storyboards.length).toBe(before);

    const empty = await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Empty" } });
    const refused = await call<{ error: { message: string } }>(m.exp, "POST", { cookie, params: { id: empty.body.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/no shots/);
    expect((await board(empty.body.id)).films).toEqual([]);
    const added = await call(m.shots, "POST", { cookie, params: { id: empty.body.id }, body: { jobId: gone } });
    expect(added.status).toBe(404);
    expect((await call(m.board, "GET", { cookie, params: { id: "AAAAAAAAAAAAAAAAAAAAAA" } })).status).toBe(404);
  });

  test("a deleted take leaves its shot; a shot left with no take goes", async () => {
    const a = await take("Alpha");
    const b = await take("Beta");
    await Promise.all([savedJob(a), savedJob(b)]);
    const { body } = await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Deletions", jobIds: [a] } });
    await call(m.shots, "POST", { cookie, params: { id: body.id }, body: { jobId: b, shotId: body.shots[0]!.id } });
    await call(m.shot, "PATCH", { cookie, params: { id: body.id, shotId: body.shots[0]!.id }, body: { jobId: b } });
    await m.job.DELETE(new Request("http://keyframe.test/x", { method: "DELETE", headers: { cookie } }), {
      params: Promise.resolve({ id: b }),
    });
    expect(picked(await board(body.id))).toEqual([a]);
    await m.job.DELETE(new Request("http://keyframe.test/x", { method: "DELETE", headers: { cookie } }), {
      params: Promise.resolve({ id: a }),
    });
    expect((await board(body.id)).shots).toEqual([]);
  });
});
