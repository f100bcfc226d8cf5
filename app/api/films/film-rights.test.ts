import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import type { FilmView, StoryboardView } from "@/lib/storyboards/types";
import { setupApp, signedIn, testWorker, until } from "@/lib/test/app";
import { storedNames } from "@/lib/test/backends";
import { jobForm } from "@/lib/test/job-form";
import { refusedDeletes, type RefusedDeletes } from "@/lib/test/refused-deletes";
import { call, savedJob } from "@/lib/test/routes";

let sim: Simulator;
let storage: RefusedDeletes;
/** The board's maker; a member who exports from it; a member who did neither; an admin. */
const who = { maker: "", exporter: "", outsider: "", admin: "" };
let take = "";
let m: {
  jobs: typeof import("../jobs/route");
  boards: typeof import("../storyboards/route");
  board: typeof import("../storyboards/[id]/route");
  exp: typeof import("../storyboards/[id]/export/route");
  film: typeof import("./[id]/route");
  share: typeof import("./[id]/share/route");
  video: typeof import("@/app/f/[shareId]/video.mp4/route");
  exporter: typeof import("@/lib/films/exporter");
};
type Refusal = { error: { code: string; message: string } };

beforeAll(async () => {
  storage = await refusedDeletes();
  ({ sim } = await setupApp(storage.env));
  m = {
    jobs: await import("../jobs/route"),
    boards: await import("../storyboards/route"),
    board: await import("../storyboards/[id]/route"),
    exp: await import("../storyboards/[id]/export/route"),
    film: await import("./[id]/route"),
    share: await import("./[id]/share/route"),
    video: await import("@/app/f/[shareId]/video.mp4/route"),
    exporter: await import("@/lib/films/exporter"),
  };
  await testWorker({ pollMaxMs: 300 });
  const exporter = new m.exporter.FilmExporter({ instanceId: "test" });
  m.exporter.setFilmExporter(exporter);
  exporter.start();
  who.maker = (await signedIn("maker@keyframe.test", "member")).cookie;
  who.exporter = (await signedIn("exporter@keyframe.test", "member")).cookie;
  who.outsider = (await signedIn("outsider@keyframe.test", "member")).cookie;
  who.admin = (await signedIn("boss@keyframe.test", "admin")).cookie;
  const body = jobForm({ prompt: "A tram in the rain", duration: "2", aspectRatio: "16:9" });
  const res = await m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie: who.maker } }));
  take = ((await res.json()) as { jobs: { id: string }[] }).jobs[0]!.id;
  await savedJob(take);
}, 90_000);
afterAll(async () => {
  storage.allow();
  await m.exporter.getFilmExporter()?.stop();
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
  await storage.close();
});

const newBoard = async (name: string) =>
  (await call<StoryboardView>(m.boards, "POST", { cookie: who.maker, body: { name, jobIds: [take] } })).body.id;
const board = async (id: string, cookie = who.maker) => (await call<StoryboardView>(m.board, "GET", { cookie, params: { id } })).body;

async function exported(boardId: string, cookie: string): Promise<FilmView> {
  const queued = await call<FilmView>(m.exp, "POST", { cookie, params: { id: boardId } });
  expect(queued.status).toBe(202);
  return until(async () => {
    const film = (await board(boardId)).films.find((f) => f.id === queued.body.id);
    if (film?.status === "failed") throw new Error(film.error ?? "failed");
    return film?.status === "done" ? film : undefined;
  }, 60_000);
}

const plays = async (film: FilmView) => {
  const shareId = film.shareUrl!.split("/").pop()!;
  const res = await m.video.GET(new Request(`http://keyframe.test/f/${shareId}/video.mp4`, { headers: { range: "bytes=0-99" } }), {
    params: Promise.resolve({ shareId }),
  });
  return res.status;
};

describe("who may change a film's link or delete it", () => {
  test("one rule for revoking, renewing and deleting: whoever exported it, its board's maker, or an admin; the board says so per film", async () => {
    const boardId = await newBoard("Tram");
    const theirs = await exported(boardId, who.exporter);
    const makers = await exported(boardId, who.maker);

    // What each member's board says they may do with each film (newest first: the maker's, then the exporter's).
    const may = async (cookie: string) => (await board(boardId, cookie)).films.map((f) => f.canManage);
    expect(await may(who.maker)).toEqual([true, true]);
    expect(await may(who.exporter)).toEqual([false, true]);
    expect(await may(who.outsider)).toEqual([false, false]);
    expect(await may(who.admin)).toEqual([true, true]);

    // Before, the board's maker could delete a film someone else exported from it, but not revoke its link.
    const revoked = await call<FilmView>(m.share, "DELETE", { cookie: who.maker, params: { id: theirs.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.body.shareUrl).toBeNull();
    const renewed = await call<FilmView>(m.share, "POST", { cookie: who.maker, params: { id: theirs.id } });
    expect(renewed.status).toBe(200);
    expect(await plays(renewed.body)).toBe(206);

    // Anyone else is refused all three alike, and the film and its link stay.
    for (const [cookie, film] of [
      [who.outsider, renewed.body],
      [who.outsider, makers],
      [who.exporter, makers],
    ] as const) {
      for (const [route, method, doing] of [
        [m.share, "DELETE", "change its link"],
        [m.share, "POST", "change its link"],
        [m.film, "DELETE", "delete it"],
      ] as const) {
        const refused = await call<Refusal>(route, method, { cookie, params: { id: film.id } });
        expect([refused.status, refused.body.error]).toEqual([
          403,
          { code: "forbidden", message: `Only whoever exported this film, whoever made its storyboard, or an admin can ${doing}.` },
        ]);
      }
      expect(await plays(film)).toBe(206);
    }

    // Whoever exported a film may do all three with it; so may an admin.
    expect((await call(m.share, "DELETE", { cookie: who.exporter, params: { id: theirs.id } })).status).toBe(200);
    expect((await call(m.share, "POST", { cookie: who.admin, params: { id: makers.id } })).status).toBe(200);
    expect((await call(m.film, "DELETE", { cookie: who.exporter, params: { id: theirs.id } })).status).toBe(204);
    expect((await call(m.film, "DELETE", { cookie: who.admin, params: { id: makers.id } })).status).toBe(204);
    expect((await board(boardId)).films).toEqual([]);
  }, 120_000);
});

describe("a storage failure while deleting", () => {
  test("deleting a film: 500, the film stays listed to be deleted again, and the retry removes its files", async () => {
    const boardId = await newBoard("Retry");
    const film = await exported(boardId, who.maker);
    storage.refuse([`thumbs/${film.id}.jpg`]);
    const failed = await call<Refusal>(m.film, "DELETE", { cookie: who.maker, params: { id: film.id } });
    expect(failed.status).toBe(500);
    // Before, its row went first: gone from the board with its files left behind, and a retry answered 404.
    expect((await board(boardId)).films.map((f) => f.id)).toEqual([film.id]);

    storage.allow();
    expect((await call(m.film, "DELETE", { cookie: who.maker, params: { id: film.id } })).status).toBe(204);
    expect((await board(boardId)).films).toEqual([]);
    expect(await storedNames("films")).not.toContain(`${film.id}.mp4`);
    expect(await storedNames("posters")).not.toContain(`${film.id}.jpg`);
  }, 120_000);

  test("deleting a board: 500, the board keeps its films to be deleted again, and the retry removes their files", async () => {
    const boardId = await newBoard("Retry board");
    const film = await exported(boardId, who.maker);
    storage.refuse([`thumbs/${film.id}.jpg`]);
    expect((await call(m.board, "DELETE", { cookie: who.maker, params: { id: boardId } })).status).toBe(500);
    expect((await board(boardId)).films.map((f) => f.id)).toEqual([film.id]);

    storage.allow();
    expect((await call(m.board, "DELETE", { cookie: who.maker, params: { id: boardId } })).status).toBe(204);
    expect(await storedNames("films")).not.toContain(`${film.id}.mp4`);
    expect(await storedNames("posters")).not.toContain(`${film.id}.jpg`);
  }, 120_000);
});
