import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import type { FilmView, StoryboardView } from "@/lib/storyboards/types";
import { setupApp, signedIn, until, testWorker } from "@/lib/test/app";
import { storedNames } from "@/lib/test/backends";
import { jobForm } from "@/lib/test/job-form";
import { call, savedJob } from "@/lib/test/routes";

let sim: Simulator;
let dataDir = "";
const who = { maker: "", other: "", admin: "" };
let boardId = "";
let take = "";
let m: {
  jobs: typeof import("../jobs/route");
  boards: typeof import("../storyboards/route");
  board: typeof import("../storyboards/[id]/route");
  shots: typeof import("../storyboards/[id]/shots/route");
  exp: typeof import("../storyboards/[id]/export/route");
  film: typeof import("./[id]/route");
  share: typeof import("./[id]/share/route");
  video: typeof import("@/app/f/[shareId]/video.mp4/route");
  poster: typeof import("@/app/f/[shareId]/poster.jpg/route");
  media: typeof import("@/app/media/[kind]/[name]/route");
  member: typeof import("@/app/media/films/[name]/route");
  exporter: typeof import("@/lib/films/exporter");
};

beforeAll(async () => {
  ({ sim, dataDir } = await setupApp());
  m = {
    jobs: await import("../jobs/route"),
    boards: await import("../storyboards/route"),
    board: await import("../storyboards/[id]/route"),
    shots: await import("../storyboards/[id]/shots/route"),
    exp: await import("../storyboards/[id]/export/route"),
    film: await import("./[id]/route"),
    share: await import("./[id]/share/route"),
    video: await import("@/app/f/[shareId]/video.mp4/route"),
    poster: await import("@/app/f/[shareId]/poster.jpg/route"),
    media: await import("@/app/media/[kind]/[name]/route"),
    member: await import("@/app/media/films/[name]/route"),
    exporter: await import("@/lib/films/exporter"),
  };
  await testWorker({ pollMaxMs: 300 });
  const exporter = new m.exporter.FilmExporter({ instanceId: "test" });
  m.exporter.setFilmExporter(exporter);
  exporter.start();
  who.maker = (await signedIn("maker@keyframe.test", "member")).cookie;
  who.other = (await signedIn("other@keyframe.test", "member")).cookie;
  who.admin = (await signedIn("boss@keyframe.test", "admin")).cookie;
  const body = jobForm({ prompt: "A lighthouse at night", duration: "2", aspectRatio: "16:9" });
  const res = await m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie: who.maker } }));
  take = ((await res.json()) as { jobs: { id: string }[] }).jobs[0]!.id;
  await savedJob(take);
  boardId = (await call<StoryboardView>(m.boards, "POST", { cookie: who.maker, body: { name: "Lighthouse", jobIds: [take] } })).body.id;
}, 90_000);
afterAll(async () => {
  await m.exporter.getFilmExporter()?.stop();
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

const board = async (id = boardId) => (await call<StoryboardView>(m.board, "GET", { cookie: who.maker, params: { id } })).body;

async function exported(id = boardId, cookie = who.maker): Promise<FilmView> {
  const queued = await call<FilmView>(m.exp, "POST", { cookie, params: { id } });
  expect(queued.status).toBe(202);
  return until(async () => {
    const film = (await board(id)).films.find((f) => f.id === queued.body.id);
    if (film?.status === "failed") throw new Error(film.error ?? "failed");
    return film?.status === "done" ? film : undefined;
  }, 60_000);
}

const shareIdOf = (film: FilmView) => film.shareUrl!.split("/").pop()!;

/** What a stranger gets for a film's link: its video (a range, as a player asks) and its poster. */
async function stranger(shareId: string): Promise<number[]> {
  const params = { params: Promise.resolve({ shareId }) };
  const video = await m.video.GET(new Request(`http://keyframe.test/f/${shareId}/video.mp4`, { headers: { range: "bytes=0-99" } }), params);
  const poster = await m.poster.GET(new Request(`http://keyframe.test/f/${shareId}/poster.jpg`), params);
  return [video.status, poster.status];
}

describe("films", () => {
  test("a board exported seven times lists all seven, and every one's link can be revoked", async () => {
    const films: FilmView[] = [];
    for (let i = 0; i < 7; i++) films.push(await exported());
    const listed = (await board()).films;
    // Before, the board listed its five newest: the two oldest played on to anyone, out of reach.
    expect(listed.map((f) => f.id)).toEqual(films.map((f) => f.id).reverse());
    expect(listed.every((f) => f.shareUrl)).toBe(true);
    for (const film of listed) {
      expect(await stranger(shareIdOf(film))).toEqual([206, 200]);
      const revoked = await call<FilmView>(m.share, "DELETE", { cookie: who.maker, params: { id: film.id } });
      expect(revoked.status).toBe(200);
      expect(revoked.body.shareUrl).toBeNull();
      expect(await stranger(shareIdOf(film))).toEqual([404, 404]);
    }
    expect((await board()).films.map((f) => f.shareUrl)).toEqual(Array(7).fill(null));
  }, 180_000);

  test("deleting a film removes its video, poster and thumbnail, and its link answers 404; only its maker, its board's maker or an admin may", async () => {
    const [newest, , , , , , oldest] = (await board()).films;
    const relinked = (await call<FilmView>(m.share, "POST", { cookie: who.maker, params: { id: oldest!.id } })).body;
    const thumb = await m.media.GET(
      new Request(`http://keyframe.test/media/thumbs/${oldest!.id}.jpg`, { headers: { cookie: who.maker } }),
      {
        params: Promise.resolve({ kind: "thumbs", name: `${oldest!.id}.jpg` }),
      },
    );
    expect(thumb.status).toBe(200);
    expect(await storedNames("thumbs")).toContain(`${oldest!.id}.jpg`);

    const refused = await call<{ error: { code: string; message: string } }>(m.film, "DELETE", {
      cookie: who.other,
      params: { id: oldest!.id },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Only whoever exported this film, whoever made its storyboard, or an admin can delete it.");
    expect(await stranger(shareIdOf(relinked))).toEqual([206, 200]);

    expect((await call(m.film, "DELETE", { cookie: who.maker, params: { id: oldest!.id } })).status).toBe(204);
    expect(await storedNames("films")).not.toContain(`${oldest!.id}.mp4`);
    expect(await storedNames("posters")).not.toContain(`${oldest!.id}.jpg`);
    expect(await storedNames("thumbs")).not.toContain(`${oldest!.id}.jpg`);
    expect(await stranger(shareIdOf(relinked))).toEqual([404, 404]);
    const own = await m.member.GET(new Request(`http://keyframe.test/media/films/${oldest!.id}.mp4`, { headers: { cookie: who.maker } }), {
      params: Promise.resolve({ name: `${oldest!.id}.mp4` }),
    });
    expect(own.status).toBe(404);
    expect((await board()).films.map((f) => f.id)).not.toContain(oldest!.id);
    expect(await storedNames("films")).toContain(`${newest!.id}.mp4`);

    for (const id of [oldest!.id, "AAAAAAAAAAAAAAAAAAAAAA", "not-an-id"]) {
      const gone = await call<{ error: { code: string } }>(m.film, "DELETE", { cookie: who.maker, params: { id } });
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe("not_found");
    }
    // An admin may delete anyone's film; the board's maker may delete a film someone else exported from it.
    expect((await call(m.film, "DELETE", { cookie: who.admin, params: { id: newest!.id } })).status).toBe(204);
    const theirs = await exported(boardId, who.other);
    expect((await call(m.film, "DELETE", { cookie: who.maker, params: { id: theirs.id } })).status).toBe(204);
    expect(await storedNames("films")).not.toContain(`${theirs.id}.mp4`);
  }, 120_000);

  test("a film deleted while it renders is cancelled: no file is kept, and the next export runs", async () => {
    const { body } = await call<StoryboardView>(m.boards, "POST", { cookie: who.maker, body: { name: "Long", jobIds: [take] } });
    for (let i = 1; i < 12; i++) await call(m.shots, "POST", { cookie: who.maker, params: { id: body.id }, body: { jobId: take } });
    const queued = await call<FilmView>(m.exp, "POST", { cookie: who.maker, params: { id: body.id } });
    await until(async () => {
      const film = (await board(body.id)).films.find((f) => f.id === queued.body.id);
      return film?.status === "rendering" && film.progress >= 10;
    }, 30_000);
    expect((await call(m.film, "DELETE", { cookie: who.maker, params: { id: queued.body.id } })).status).toBe(204);
    expect((await board(body.id)).films).toEqual([]);

    // The exporter renders one film at a time: once the next one is done, the cancelled render has ended.
    await exported();
    expect(await storedNames("films")).not.toContain(`${queued.body.id}.mp4`);
    expect(await storedNames("posters")).not.toContain(`${queued.body.id}.jpg`);
    expect(fs.readdirSync(path.join(dataDir, "tmp")).filter((n) => n.startsWith(`film-${queued.body.id}-`))).toEqual([]);
  }, 120_000);
});
