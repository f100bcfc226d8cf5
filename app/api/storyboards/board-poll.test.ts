import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import type { StoryboardView } from "@/lib/storyboards/types";
import { setupApp, signedIn, testWorker } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";
import { call, savedJob } from "@/lib/test/routes";

let sim: Simulator;
let cookie = "";
let m: {
  jobs: typeof import("../jobs/route");
  star: typeof import("../jobs/[id]/star/route");
  boards: typeof import("./route");
  board: typeof import("./[id]/route");
  shots: typeof import("./[id]/shots/route");
  shot: typeof import("./[id]/shots/[shotId]/route");
  links: typeof import("../review-links/route");
  link: typeof import("../review-links/[id]/route");
  review: typeof import("../review/[token]/route");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    jobs: await import("../jobs/route"),
    star: await import("../jobs/[id]/star/route"),
    boards: await import("./route"),
    board: await import("./[id]/route"),
    shots: await import("./[id]/shots/route"),
    shot: await import("./[id]/shots/[shotId]/route"),
    links: await import("../review-links/route"),
    link: await import("../review-links/[id]/route"),
    review: await import("../review/[token]/route"),
  };
  await testWorker({ pollMaxMs: 300, submitConcurrency: 3 });
  ({ cookie } = await signedIn("poll@keyframe.test"));
});
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

async function savedTakes(n: number): Promise<string[]> {
  const body = jobForm({ prompt: "A heron lands on a post", variations: String(n) });
  const res = await m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie } }));
  const ids = ((await res.json()) as { jobs: { id: string }[] }).jobs.map((j) => j.id);
  await Promise.all(ids.map((id) => savedJob(id)));
  return ids;
}

/** A board with one shot holding both takes, and a review link to it. */
async function reviewedBoard(name: string, takes: string[]) {
  const board = (await call<StoryboardView>(m.boards, "POST", { cookie, body: { name, jobIds: [takes[0]] } })).body;
  const shotId = board.shots[0]!.id;
  await call(m.shots, "POST", { cookie, params: { id: board.id }, body: { jobId: takes[1], shotId } });
  const token = (await call<{ id: string }>(m.links, "POST", { cookie, body: { storyboardId: board.id } })).body.id;
  const say = async (pick: string | null, comment: string) => {
    const res = await call(m.review, "POST", {
      params: { token },
      body: { reviewerId: "reviewer-0123456789", name: "Dana", shotKey: shotId, pick, comment },
      url: `/api/review/${token}`,
      headers: { "x-keyframe-peer": "203.0.113.7" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  return { id: board.id, shotId, token, say };
}

describe("an open board's poll", () => {
  test("answers 304 while nothing on the board changed, and the board as soon as anything it shows did", async () => {
    const [a, b, c, d] = await savedTakes(4);
    const one = await reviewedBoard("Polled", [a!, b!]);
    const other = await reviewedBoard("Elsewhere", [c!, d!]);
    let tag = "";
    /** GET as a browser revalidating what it holds: the status, and the board when there is one. */
    const poll = async (who = cookie) => {
      const res = await call<StoryboardView>(m.board, "GET", { cookie: who, params: { id: one.id }, headers: { "if-none-match": tag } });
      if (res.status === 200) tag = res.headers.get("etag") ?? "";
      return res;
    };

    const first = await poll();
    expect(first.status).toBe(200);
    expect(tag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const still = await poll();
    expect(still.status).toBe(304);
    expect(still.body).toBe("");

    // Feedback on another board, and a star there, are not this board's news.
    await other.say(d!, "Elsewhere");
    expect((await call(m.star, "PUT", { cookie, params: { id: c! } })).status).toBe(200);
    expect((await poll()).status).toBe(304);

    const changes: [string, () => Promise<unknown>, (view: StoryboardView) => unknown, unknown][] = [
      ["a reviewer's comment", () => one.say(null, "Softer landing?"), (v) => v.shots[0]!.feedback[0]?.comment, "Softer landing?"],
      ["a reviewer's pick", () => one.say(b!, "Softer landing?"), (v) => v.shots[0]!.feedback[0]?.pickedJobId, b],
      [
        "a member's pick",
        () => call(m.shot, "PATCH", { cookie, params: { id: one.id, shotId: one.shotId }, body: { jobId: b } }),
        (v) => v.shots[0]!.pickedJobId,
        b,
      ],
      ["a star", () => call(m.star, "PUT", { cookie, params: { id: a! } }), (v) => v.shots[0]!.takes[0]!.stars.count, 1],
      ["a new review link", () => call(m.links, "POST", { cookie, body: { storyboardId: one.id } }), (v) => v.reviewLinks.length, 2],
      ["a revoked review link", () => call(m.link, "DELETE", { cookie, params: { id: one.token } }), (v) => v.reviewLinks.length, 1],
    ];
    for (const [what, change, read, expected] of changes) {
      await change();
      const seen = await poll();
      expect(seen.status, what).toBe(200);
      expect(read(seen.body), what).toEqual(expected);
      expect((await poll()).status, `${what}, polled again`).toBe(304);
    }

    // What a board answers depends on who asks (their stars, what they may manage): another member's tag is theirs.
    const someone = await signedIn("someone@keyframe.test", "member");
    const theirs = await poll(someone.cookie);
    expect(theirs.status).toBe(200);
    expect(theirs.body.canManage).toBe(false);
    expect(
      (await call(m.board, "GET", { cookie, params: { id: "AAAAAAAAAAAAAAAAAAAAAA" }, headers: { "if-none-match": tag } })).status,
    ).toBe(404);
  }, 60_000);
});
