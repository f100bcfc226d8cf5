import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { JobView } from "@/lib/jobs/types";
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
  links: typeof import("../review-links/route");
  link: typeof import("../review-links/[id]/route");
  review: typeof import("./[token]/route");
  video: typeof import("@/app/r/[token]/takes/[jobId]/video.mp4/route");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    jobs: await import("../jobs/route"),
    boards: await import("../storyboards/route"),
    board: await import("../storyboards/[id]/route"),
    shots: await import("../storyboards/[id]/shots/route"),
    links: await import("../review-links/route"),
    link: await import("../review-links/[id]/route"),
    review: await import("./[token]/route"),
    video: await import("@/app/r/[token]/takes/[jobId]/video.mp4/route"),
  };
  await testWorker({ pollMaxMs: 300, submitConcurrency: 3 });
  ({ cookie } = await signedIn("reviews@keyframe.test"));
});
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

async function takes(n: number): Promise<string[]> {
  const body = jobForm({ prompt: "A heron lands on a post", variations: String(n) });
  const res = await m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie } }));
  const ids = ((await res.json()) as { jobs: { id: string }[] }).jobs.map((j) => j.id);
  await Promise.all(ids.map((id) => savedJob(id)));
  return ids;
}

const stranger = (token: string, body?: unknown, address = "203.0.113.7") =>
  call<{ review: ReviewView; mine: Record<string, { pick: string | null; comment: string }> } & { error: { message: string } }>(
    m.review,
    body === undefined ? "GET" : "POST",
    { params: { token }, body, url: `/api/review/${token}?reviewer=reviewer-0123456789`, headers: { "x-keyframe-peer": address } },
  );

describe("review links", () => {
  test("a stranger sees the shots, picks and comments; the team sees it on the board and the card; revoked means 404", async () => {
    const [a, b, c] = await takes(3);
    const board = (await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Heron cut", jobIds: [a] } })).body;
    await call(m.shots, "POST", { cookie, params: { id: board.id }, body: { jobId: b, shotId: board.shots[0]!.id } });
    await call(m.shots, "POST", { cookie, params: { id: board.id }, body: { jobId: c } });
    const link = await call<{ id: string; url: string }>(m.links, "POST", { cookie, body: { storyboardId: board.id } });
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(/^http:\/\/keyframe\.test\/r\/[A-Za-z0-9_-]{22}$/);
    const token = link.body.id;

    const seen = await stranger(token);
    expect(seen.status).toBe(200);
    expect(seen.body.review.title).toBe("Heron cut");
    expect(seen.body.review.shots.map((s) => s.takes.length)).toEqual([2, 1]);
    expect(JSON.stringify(seen.body)).not.toMatch(/reviews@keyframe|"owner"|shareUrl|price/);
    const shot = seen.body.review.shots[0]!;
    const media = await m.video.GET(new Request(`http://keyframe.test${shot.takes[1]!.video}`, { headers: { range: "bytes=0-9" } }), {
      params: Promise.resolve({ token, jobId: b! }),
    });
    expect(media.status).toBe(206);

    const feedback = {
      reviewerId: "reviewer-0123456789",
      name: "Dana",
      shotKey: shot.key,
      pick: b,
      comment: "The <3 landing, but 2 < 3 wins",
    };
    const saved = await stranger(token, feedback);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.mine[shot.key]).toMatchObject({ pick: b, comment: feedback.comment });

    for (const [bad, field] of [
      [{ ...feedback, comment: "x".repeat(10_000) }, /at most 500 characters \(this has 10000\)/],
      [{ ...feedback, comment: "<script>alert(1)</script>" }, /plain text/],
      [{ ...feedback, comment: "Nice &amp; calm" }, /plain text/],
      [{ ...feedback, name: "" }, /empty/],
      [{ ...feedback, pick: c }, /Not one of this shot/],
    ] as const) {
      const res = await stranger(token, bad);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(field);
    }
    const team = (await call<StoryboardView>(m.board, "GET", { cookie, params: { id: board.id } })).body;
    expect(team.shots[0]!.feedback).toEqual([{ name: "Dana", pickedJobId: b, comment: feedback.comment, at: expect.any(String) }]);
    const card = (await call<{ jobs: JobView[] }>(m.jobs, "GET", { cookie, url: "/api/jobs" })).body.jobs.find((j) => j.id === b)!;
    expect(card.review).toEqual({ picks: 1, comments: [{ name: "Dana", text: feedback.comment, at: expect.any(String) }] });

    expect((await call(m.link, "DELETE", { cookie, params: { id: token } })).status).toBe(204);
    expect((await stranger(token)).status).toBe(404);
    expect((await stranger(token, feedback)).status).toBe(404);
    const gone = await m.video.GET(new Request("http://keyframe.test/x"), { params: Promise.resolve({ token, jobId: b! }) });
    expect(gone.status).toBe(404);
    for (const bad of ["nope", "AAAAAAAAAAAAAAAAAAAAAA", "../../etc/passwd"]) expect((await stranger(bad)).status).toBe(404);
  }, 60_000);

  test("a set of selected takes is one shot to pick from; feedback is rate-limited per address", async () => {
    const ids = await takes(2);
    const link = await call<{ id: string }>(m.links, "POST", { cookie, body: { jobIds: ids } });
    const seen = await stranger(link.body.id);
    expect(seen.body.review.kind).toBe("takes");
    expect(seen.body.review.shots).toHaveLength(1);
    const feedback = { reviewerId: "reviewer-0123456789", name: "Sam", shotKey: "takes", pick: ids[1], comment: "" };
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await stranger(link.body.id, feedback, "198.51.100.9")).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const limited = await stranger(link.body.id, feedback, "198.51.100.9");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is not held up by this one.
    expect((await stranger(link.body.id, feedback, "198.51.100.10")).status).toBe(200);
    expect((await call(m.links, "POST", { cookie, body: { jobIds: [] } })).status).toBe(400);
    expect((await call(m.links, "POST", { cookie, body: { jobIds: ["AAAAAAAAAAAAAAAAAAAAAA"] } })).status).toBe(404);
  }, 60_000);
});
