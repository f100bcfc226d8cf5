import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ReviewView } from "@/lib/reviews/types";
import type { Simulator } from "@/lib/simulator/server";
import type { StoryboardView } from "@/lib/storyboards/types";
import { setupApp, signedIn, testWorker } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";
import { call, savedJob } from "@/lib/test/routes";

let sim: Simulator;
let cookie = "";
let m: {
  jobs: typeof import("../jobs/route");
  boards: typeof import("../storyboards/route");
  board: typeof import("../storyboards/[id]/route");
  shots: typeof import("../storyboards/[id]/shots/route");
  shot: typeof import("../storyboards/[id]/shots/[shotId]/route");
  links: typeof import("../review-links/route");
  link: typeof import("../review-links/[id]/route");
  review: typeof import("./[token]/route");
  unlock: typeof import("./[token]/passphrase/route");
  decisions: typeof import("./[token]/decisions/route");
  visit: typeof import("./[token]/visit/route");
  comments: typeof import("./[token]/comments/route");
  inbox: typeof import("../review-inbox/route");
  video: typeof import("@/app/r/[token]/takes/[jobId]/video.mp4/route");
  filmVideo: typeof import("@/app/r/[token]/films/[filmId]/video.mp4/route");
  filmPoster: typeof import("@/app/r/[token]/films/[filmId]/poster.jpg/route");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    jobs: await import("../jobs/route"),
    boards: await import("../storyboards/route"),
    board: await import("../storyboards/[id]/route"),
    shots: await import("../storyboards/[id]/shots/route"),
    shot: await import("../storyboards/[id]/shots/[shotId]/route"),
    links: await import("../review-links/route"),
    link: await import("../review-links/[id]/route"),
    review: await import("./[token]/route"),
    unlock: await import("./[token]/passphrase/route"),
    decisions: await import("./[token]/decisions/route"),
    visit: await import("./[token]/visit/route"),
    comments: await import("./[token]/comments/route"),
    inbox: await import("../review-inbox/route"),
    video: await import("@/app/r/[token]/takes/[jobId]/video.mp4/route"),
    filmVideo: await import("@/app/r/[token]/films/[filmId]/video.mp4/route"),
    filmPoster: await import("@/app/r/[token]/films/[filmId]/poster.jpg/route"),
  };
  await testWorker({ pollMaxMs: 300, submitConcurrency: 3 });
  ({ cookie } = await signedIn("links@keyframe.test"));
});
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

async function boardWithLink() {
  const body = jobForm({ prompt: "A kite over dunes", variations: "2" });
  const res = await m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie } }));
  const [a, b] = ((await res.json()) as { jobs: { id: string }[] }).jobs.map((j) => j.id);
  await Promise.all([savedJob(a!), savedJob(b!)]);
  const board = (await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Kite cut", jobIds: [a] } })).body;
  await call(m.shots, "POST", { cookie, params: { id: board.id }, body: { jobId: b, shotId: board.shots[0]!.id } });
  const token = (await call<{ id: string }>(m.links, "POST", { cookie, body: { storyboardId: board.id } })).body.id;
  return { board, token, shotKey: board.shots[0]!.id, a: a!, b: b! };
}

const REVIEWER = "reviewer-abcdef0123456789";
const as = (token: string, extra: { cookie?: string; address?: string } = {}) => ({
  params: { token },
  url: `/api/review/${token}?reviewer=${REVIEWER}`,
  cookie: extra.cookie,
  headers: { "x-keyframe-peer": extra.address ?? "198.51.100.4" },
});
type Answer = { review: ReviewView; error: { code: string; message: string; fields?: Record<string, string>; passphrase?: boolean } };

describe("review link controls", () => {
  test("a passphrase asks, refuses a wrong one, throttles, and the right one opens this link only", async () => {
    const { token } = await boardWithLink();
    const other = (await boardWithLink()).token;
    const set = await call<{ controls: Record<string, unknown> }>(m.link, "PATCH", {
      cookie,
      params: { id: token },
      body: { passphrase: "kite season 26" },
    });
    expect(set.status).toBe(200);
    expect(set.body.controls).toMatchObject({ hasPassphrase: true, enabled: true });
    expect(JSON.stringify(set.body)).not.toMatch(/kite season|scrypt/);
    expect((await call(m.link, "PATCH", { cookie, params: { id: token }, body: { passphrase: "short" } })).status).toBe(400);

    const locked = await call<Answer>(m.review, "GET", as(token));
    expect(locked.status).toBe(401);
    expect(locked.body.error).toMatchObject({ code: "unauthorized", passphrase: true });
    expect((await call<Answer>(m.comments, "GET", as(token))).body.error).toMatchObject({ passphrase: true });
    const wrong = await call<Answer>(m.unlock, "POST", { ...as(token), body: { passphrase: "kite season 25" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.fields).toEqual({ passphrase: "Not the right passphrase." });

    const right = await call(m.unlock, "POST", { ...as(token), body: { passphrase: "kite season 26" } });
    expect(right.status).toBe(204);
    const setCookie = right.headers.get("set-cookie")!;
    expect(setCookie).toMatch(new RegExp(`^keyframe_review_${token}=\\d+\\.[\\w-]+; Path=/; Max-Age=43200; HttpOnly; SameSite=Lax$`));
    const pass = setCookie.split(";")[0]!;
    expect((await call<Answer>(m.review, "GET", as(token, { cookie: pass }))).status).toBe(200);
    expect((await call<Answer>(m.comments, "GET", as(token, { cookie: pass }))).status).toBe(200);
    // The same value under the other link's name opens nothing there (it has its own passphrase).
    await call(m.link, "PATCH", { cookie, params: { id: other }, body: { passphrase: "kite season 26" } });
    const moved = pass.replace(token, other);
    expect((await call(m.review, "GET", as(other, { cookie: moved }))).status).toBe(401);
    // Changing the passphrase ends every pass.
    await call(m.link, "PATCH", { cookie, params: { id: token }, body: { passphrase: "another season" } });
    expect((await call(m.review, "GET", as(token, { cookie: pass }))).status).toBe(401);

    const from = { address: "203.0.113.99" };
    const tries = [];
    for (let i = 0; i < 11; i++)
      tries.push((await call(m.unlock, "POST", { ...as(other, from), body: { passphrase: `guess ${i}` } })).status);
    expect(tries.slice(0, 10).every((s) => s === 401)).toBe(true);
    const throttled = await call<Answer>(m.unlock, "POST", { ...as(other, from), body: { passphrase: "kite season 26" } });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toMatch(/^\d+$/);
  }, 60_000);

  test("expired and off answer 404 as revoked does; each switch off refuses just its own thing", async () => {
    const { token, shotKey, a, b, board } = await boardWithLink();
    const base = { reviewerId: REVIEWER, name: "Rui", shotKey };
    expect((await call(m.link, "PATCH", { cookie, params: { id: token }, body: { expiresAt: "2001-01-01T00:00:00Z" } })).status).toBe(400);
    const revokedBody = (await call<Answer>(m.review, "GET", as("AAAAAAAAAAAAAAAAAAAAAA"))).body;

    await call(m.link, "PATCH", { cookie, params: { id: token }, body: { enabled: false } });
    const off = await call<Answer>(m.review, "GET", as(token));
    expect(off.status).toBe(404);
    expect(off.body).toEqual(revokedBody);
    expect((await call<Answer>(m.comments, "GET", as(token))).body).toEqual(revokedBody);
    const media = await m.video.GET(new Request("http://keyframe.test/x"), { params: Promise.resolve({ token, jobId: a }) });
    expect(media.status).toBe(404);
    await call(m.link, "PATCH", { cookie, params: { id: token }, body: { enabled: true } });
    expect((await call(m.review, "GET", as(token))).status).toBe(200);

    await call(m.link, "PATCH", { cookie, params: { id: token }, body: { allowComment: false, allowDecide: false } });
    const seen = await call<Answer>(m.review, "GET", as(token));
    expect(seen.body.review.rights).toEqual({ comment: false, decide: false, download: false });
    const comment = await call<Answer>(m.review, "POST", { ...as(token), body: { ...base, pick: b, comment: "Too windy" } });
    expect(comment.status).toBe(403);
    expect(comment.body.error.message).toBe("The team has turned off comments on this link.");
    expect((await call(m.review, "POST", { ...as(token), body: { ...base, pick: b } })).status).toBe(200);
    const note = { reviewerId: REVIEWER, name: "Rui", jobId: a, body: "Lift the kite here", atMs: 2000 };
    const onPicture = await call<Answer>(m.comments, "POST", { ...as(token), body: note });
    expect(onPicture.status).toBe(403);
    expect(onPicture.body.error.message).toBe("The team has turned off comments on this link.");
    expect((await call(m.comments, "GET", as(token))).status).toBe(200);
    const decided = await call<Answer>(m.decisions, "POST", { ...as(token), body: { ...base, decision: "approved" } });
    expect(decided.status).toBe(403);
    expect(decided.body.error.message).toBe("The team has turned off decisions on this link.");
    const url = `http://keyframe.test/r/${token}/takes/${a}/video.mp4`;
    const noDownload = await m.video.GET(new Request(`${url}?download`), { params: Promise.resolve({ token, jobId: a }) });
    expect(noDownload.status).toBe(403);
    expect((await m.video.GET(new Request(url), { params: Promise.resolve({ token, jobId: a }) })).status).toBe(200);
    await call(m.link, "PATCH", { cookie, params: { id: token }, body: { allowDownload: true } });
    const download = await m.video.GET(new Request(`${url}?download`), { params: Promise.resolve({ token, jobId: a }) });
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);

    // Expiry: set in the future, then moved into the past by the clock (simulated by a short one).
    const soon = new Date(Date.now() + 1500).toISOString();
    expect((await call(m.link, "PATCH", { cookie, params: { id: token }, body: { expiresAt: soon } })).status).toBe(200);
    expect((await call(m.review, "GET", as(token))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    const expired = await call<Answer>(m.review, "GET", as(token));
    expect(expired.status).toBe(404);
    expect(expired.body).toEqual(revokedBody);
    const team = (await call<StoryboardView>(m.board, "GET", { cookie, params: { id: board.id } })).body;
    expect(team.reviewLinks[0]!.controls).toMatchObject({ expired: true, allowComment: false, allowDecide: false, allowDownload: true });
    expect(team.reviewLinks[0]!.controls.reviewers).toEqual([{ name: "Rui", lastSeenAt: null }]);
  }, 60_000);

  test("a reviewer's decision reaches the board and the team's unread count; a new pick is a new version", async () => {
    const { token, shotKey, b, board } = await boardWithLink();
    const before = (await call<{ unread: number }>(m.inbox, "GET", { cookie })).body.unread;
    const visit = await call<{ seenVersion: number | null; version: number }>(m.visit, "POST", {
      ...as(token),
      body: { reviewerId: REVIEWER, name: "Ines" },
    });
    expect(visit.body).toEqual({ seenVersion: null, version: 1 });
    await call(m.review, "GET", as(token));
    const decided = await call<{ decisions: Record<string, string> }>(m.decisions, "POST", {
      ...as(token),
      body: { reviewerId: REVIEWER, name: "Ines", shotKey, decision: "approved" },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.decisions).toEqual({ [shotKey]: "approved" });
    const bad = await call<Answer>(m.decisions, "POST", {
      ...as(token),
      body: { reviewerId: REVIEWER, name: "Ines", shotKey, decision: "maybe" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.decision).toBe("Choose Approved or Changes requested.");
    const noFilm = await call<Answer>(m.decisions, "POST", {
      ...as(token),
      body: { reviewerId: REVIEWER, name: "Ines", shotKey: "film", decision: "approved" },
    });
    expect(noFilm.status).toBe(404);

    const team = (await call<StoryboardView>(m.board, "GET", { cookie, params: { id: board.id } })).body;
    expect(team.shots[0]!.decisions).toEqual([
      { name: "Ines", decision: "approved", subjectId: expect.any(String), version: 1, at: expect.any(String) },
    ]);
    expect(team.reviewLinks[0]!.unread).toBe(1);
    expect(team.reviewLinks[0]!.controls.views).toBe(0);
    const inbox = await call<{ unread: number; links: { linkId: string; title: string; unread: number }[] }>(m.inbox, "GET", { cookie });
    expect(inbox.body.unread).toBe(before + 1);
    expect(inbox.body.links).toContainEqual({ linkId: token, storyboardId: board.id, title: "Kite cut", unread: 1 });
    expect((await call(m.inbox, "POST", { cookie, body: { linkIds: [token] } })).status).toBe(204);
    expect((await call<StoryboardView>(m.board, "GET", { cookie, params: { id: board.id } })).body.reviewLinks[0]!.unread).toBe(0);

    // The team picks the other take: the link shows version 2, and the reviewer's visit says they saw 1.
    expect((await call(m.shot, "PATCH", { cookie, params: { id: board.id, shotId: shotKey }, body: { jobId: b } })).status).toBe(200);
    const now = (await call<Answer>(m.review, "GET", as(token))).body.review;
    expect(now.versions.map((v) => [v.number, v.picks[shotKey]])).toEqual([
      [1, expect.any(String)],
      [2, b],
    ]);
    expect(now.versions[0]!.picks[shotKey]).not.toBe(b);
    const again = await call(m.visit, "POST", { ...as(token), body: { reviewerId: REVIEWER, name: "Ines" } });
    expect(again.body).toEqual({ seenVersion: 1, version: 2 });
  }, 60_000);

  test("a link's film and poster: refused when the link is off or expired (404), locked (401), or the film is another board's (404)", async () => {
    const { board, token, a } = await boardWithLink();
    const stranger = await boardWithLink();
    const { insertFilm } = await import("@/lib/db/queries/films");
    const { newId } = await import("@/lib/jobs/ids");
    const { outputName } = await import("@/lib/storage/keys");
    const { filmPosterKey, filmVideoKey } = await import("@/lib/films/files");
    const store = await (await import("@/lib/storage/store")).getStore();
    const film = async (storyboardId: string) => {
      const id = newId();
      const now = Date.now();
      await insertFilm({
        id,
        storyboardId,
        name: "Cut",
        jobIds: [a],
        status: "done",
        posterFile: outputName("posters", id),
        createdAt: now,
        updatedAt: now,
      });
      await store.put(filmVideoKey(id), Buffer.from("mp4 bytes"), "video/mp4");
      await store.put(filmPosterKey(id), Buffer.from("jpg bytes"), "image/jpeg");
      return id;
    };
    const ours = await film(board.id);
    const theirs = await film(stranger.board.id);
    const media = async (filmId: string) =>
      Promise.all(
        [m.filmVideo, m.filmPoster].map(
          async (route) =>
            (
              await route.GET(new Request(`http://keyframe.test/r/${token}/films/${filmId}/x`), {
                params: Promise.resolve({ token, filmId }),
              })
            ).status,
        ),
      );
    expect(await media(ours)).toEqual([200, 200]);
    expect(await media(theirs)).toEqual([404, 404]);

    await call(m.link, "PATCH", { cookie, params: { id: token }, body: { enabled: false } });
    expect(await media(ours)).toEqual([404, 404]);
    await call(m.link, "PATCH", { cookie, params: { id: token }, body: { enabled: true } });
    const { putLinkControls } = await import("@/lib/db/queries/review-controls");
    await putLinkControls(token, { expiresAt: Date.now() - 1000 });
    expect(await media(ours)).toEqual([404, 404]);
    await putLinkControls(token, { expiresAt: null });
    expect(await media(ours)).toEqual([200, 200]);
    await call(m.link, "PATCH", { cookie, params: { id: token }, body: { passphrase: "kite season 26" } });
    expect(await media(ours)).toEqual([401, 401]);
  }, 60_000);
});
