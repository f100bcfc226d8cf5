import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CommentList } from "@/lib/comments/types";
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
  links: typeof import("../review-links/route");
  link: typeof import("../review-links/[id]/route");
  comments: typeof import("./route");
  comment: typeof import("./[id]/route");
  job: typeof import("../jobs/[id]/route");
  theirs: typeof import("../review/[token]/comments/route");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    jobs: await import("../jobs/route"),
    boards: await import("../storyboards/route"),
    links: await import("../review-links/route"),
    link: await import("../review-links/[id]/route"),
    comments: await import("./route"),
    comment: await import("./[id]/route"),
    job: await import("../jobs/[id]/route"),
    theirs: await import("../review/[token]/comments/route"),
  };
  await testWorker({ pollMaxMs: 300, submitConcurrency: 3 });
  ({ cookie } = await signedIn("picture@keyframe.test"));
});
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

async function take(): Promise<string> {
  const body = jobForm({ prompt: "A kite over the dunes", duration: "5" });
  const res = await m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie } }));
  const id = ((await res.json()) as { jobs: { id: string }[] }).jobs[0]!.id;
  await savedJob(id);
  return id;
}

type Answer = CommentList & { error: { code: string; message: string; fields?: Record<string, string> } };
const REVIEWER = "reviewer-abcdef0123456789";
const reviewer = (token: string, body?: unknown, who = REVIEWER, address = "203.0.113.20") =>
  call<Answer>(m.theirs, body === undefined ? "GET" : "POST", {
    params: { token },
    body,
    url: `/api/review/${token}/comments?reviewer=${who}`,
    headers: { "x-keyframe-peer": address },
  });

const drawing = [
  {
    kind: "arrow",
    color: "#ef4444",
    points: [
      [0.1, 0.2],
      [0.5, 0.5],
    ],
  },
  {
    kind: "pen",
    color: "#3b82f6",
    points: [
      [0.2, 0.2],
      [0.25, 0.3],
      [0.3, 0.35],
    ],
  },
];

describe("comments on the picture", () => {
  test("a reviewer comments at 2.0 s with a drawing; the team sees it, replies and resolves; the reviewer sees the team by name only", async () => {
    const job = await take();
    const board = (await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Kite", jobIds: [job] } })).body;
    const token = (await call<{ id: string }>(m.links, "POST", { cookie, body: { storyboardId: board.id } })).body.id;

    const sent = await reviewer(token, { reviewerId: REVIEWER, name: "Dana", jobId: job, body: "Lift the kite here", atMs: 2000, drawing });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const first = sent.body.comments[0]!;
    expect(first).toMatchObject({ name: "Dana", author: "reviewer", atMs: 2000, endMs: null, drawing, mine: true, resolved: false });

    const team = await call<Answer>(m.comments, "GET", { cookie, url: `/api/comments?jobId=${job}` });
    expect(team.body.comments).toEqual([{ ...first, mine: false }]);
    const reply = await call<Answer>(m.comments, "POST", { cookie, body: { jobId: job, parentId: first.id, body: "On it" } });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.comments[1]).toMatchObject({ parentId: first.id, author: "member", name: "picture", atMs: null, mine: true });
    const range = await call<Answer>(m.comments, "POST", { cookie, body: { jobId: job, body: "Too slow", atMs: 1000, endMs: 3500 } });
    expect(range.body.comments[2]).toMatchObject({ atMs: 1000, endMs: 3500 });
    const resolved = await call<Answer>(m.comment, "PATCH", { cookie, params: { id: first.id }, body: { resolved: true } });
    expect(resolved.body.comments[0]!.resolved).toBe(true);

    const seen = await reviewer(token);
    expect(seen.body.comments.map((c) => [c.name, c.body, c.resolved])).toEqual([
      ["Dana", "Lift the kite here", true],
      ["picture", "On it", false],
      ["picture", "Too slow", false],
    ]);
    expect(JSON.stringify(seen.body)).not.toMatch(/@keyframe|userId|reviewerId|price|resolvedBy/);
    // Another link's reviewer sees the team's own notes, not this link's reviewers' threads nor the team's replies in them.
    const other = (await call<{ id: string }>(m.links, "POST", { cookie, body: { jobIds: [job] } })).body.id;
    expect((await reviewer(other)).body.comments.map((c) => c.body)).toEqual(["Too slow"]);

    expect((await call(m.link, "DELETE", { cookie, params: { id: token } })).status).toBe(204);
    expect((await reviewer(token)).status).toBe(404);
    expect((await reviewer(token, { reviewerId: REVIEWER, name: "Dana", jobId: job, body: "Still here?", atMs: 0 })).status).toBe(404);
    for (const bad of ["nope", "AAAAAAAAAAAAAAAAAAAAAA"]) expect((await reviewer(bad)).status).toBe(404);
    expect((await call(m.comments, "GET", { url: `/api/comments?jobId=${job}` })).status).toBe(401);

    // Deleting the take takes its comments and replies with it.
    expect((await call(m.job, "DELETE", { cookie, params: { id: job } })).status).toBe(204);
    const { getComment } = await import("@/lib/db/queries/comments");
    expect(await getComment(first.id)).toBeUndefined();
    expect(await getComment(reply.body.comments[1]!.id)).toBeUndefined();
  }, 60_000);

  test("bad text, times and drawings are refused on their field, and nothing is saved", async () => {
    const job = await take();
    const token = (await call<{ id: string }>(m.links, "POST", { cookie, body: { jobIds: [job] } })).body.id;
    const ok = { reviewerId: REVIEWER, name: "Dana", jobId: job, body: "Fine", atMs: 2000 };
    const many = Array.from({ length: 25 }, () => drawing[0]);
    for (const [bad, field, message] of [
      [{ ...ok, body: "x".repeat(1001) }, "body", /at most 1000 characters \(this has 1001\)/],
      [{ ...ok, body: "bell\u0007" }, "body", /control character/],
      [{ ...ok, body: "<img src=x>" }, "body", /plain text/],
      [{ ...ok, body: "   " }, "body", /empty/],
      [{ ...ok, name: "" }, "name", /empty/],
      [{ ...ok, atMs: 9000 }, "atMs", /past the end of the picture \(5\.0 s\)/],
      [{ ...ok, atMs: -1 }, "atMs", /before the start/],
      [{ ...ok, endMs: 1500 }, "endMs", /after the start/],
      [{ ...ok, drawing: many }, "drawing", /at most 24 shapes/],
      [{ ...ok, drawing: [{ ...drawing[0], color: "#123456" }] }, "drawing", /colour is one of/],
      [
        {
          ...ok,
          drawing: [
            {
              ...drawing[0],
              points: [
                [0, 0],
                [1.5, 0],
              ],
            },
          ],
        },
        "drawing",
        /outside the picture/,
      ],
      [
        {
          ...ok,
          drawing: [
            {
              ...drawing[0],
              points: [
                [0, 0],
                [0.5, 0],
                [0.6, 0.1],
              ],
            },
          ],
        },
        "drawing",
        /exactly two points/,
      ],
      [
        { ...ok, drawing: [{ kind: "pen", color: "#ffffff", points: Array.from({ length: 401 }, () => [0.5, 0.5]) }] },
        "drawing",
        /at most 400 points/,
      ],
      [{ ...ok, jobId: "AAAAAAAAAAAAAAAAAAAAAA" }, "jobId", /not in this review/],
      [{ ...ok, atMs: undefined, parentId: "AAAAAAAAAAAAAAAAAAAAAA" }, "parentId", /not on this picture/],
    ] as const) {
      const res = await reviewer(token, bad);
      expect([400, 404], JSON.stringify(bad).slice(0, 80)).toContain(res.status);
      expect(res.body.error.fields?.[field], `${field}: ${JSON.stringify(res.body)}`).toMatch(message);
    }
    expect((await reviewer(token)).body.comments).toEqual([]);
  }, 60_000);

  test("a reviewer's comments are counted in the database: the 31st in ten minutes waits", async () => {
    const job = await take();
    const token = (await call<{ id: string }>(m.links, "POST", { cookie, body: { jobIds: [job] } })).body.id;
    const who = "reviewer-ratelimit0000001";
    const ok = { reviewerId: who, name: "Rae", jobId: job, body: "Note", atMs: 1000 };
    for (let i = 0; i < 30; i++) expect((await reviewer(token, ok, who, `198.51.100.${i}`)).status).toBe(201);
    const refused = await reviewer(token, ok, who, "198.51.100.200");
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/Too many comments from here; try again in \d+ s/);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await reviewer(token, { ...ok, reviewerId: "reviewer-someone-else-01" })).status).toBe(201);
  }, 60_000);

  test("a reviewer comments on the board's exported film through the link, not on another board's film", async () => {
    const job = await take();
    const films = await import("@/lib/db/queries/films");
    const { newId } = await import("@/lib/jobs/ids");
    const film = async (storyboardId: string) => {
      const now = Date.now();
      const row = { id: newId(), storyboardId, userId: null, name: "Cut", jobIds: [job], status: "done" as const, durationMs: 5000 };
      return (await films.insertFilm({ ...row, createdAt: now, updatedAt: now, finishedAt: now })).id;
    };
    const board = (await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Film notes", jobIds: [job] } })).body;
    const elsewhere = (await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Another", jobIds: [job] } })).body;
    const [ours, theirs] = [await film(board.id), await film(elsewhere.id)];
    const token = (await call<{ id: string }>(m.links, "POST", { cookie, body: { storyboardId: board.id } })).body.id;

    const note = { reviewerId: REVIEWER, name: "Dana", body: "Cut sooner", atMs: 4200 };
    const sent = await reviewer(token, { ...note, filmId: ours });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.comments).toEqual([expect.objectContaining({ filmId: ours, jobId: null, atMs: 4200, mine: true })]);
    expect((await call<Answer>(m.comments, "GET", { cookie, url: `/api/comments?filmId=${ours}` })).body.comments[0]).toMatchObject({
      body: "Cut sooner",
      name: "Dana",
    });
    const past = await reviewer(token, { ...note, filmId: ours, atMs: 9000 });
    expect(past.status).toBe(400);
    const other = await reviewer(token, { ...note, filmId: theirs });
    expect(other.status).toBe(404);
    expect(other.body.error.fields).toEqual({ filmId: "That film is not in this review." });
    expect((await call<Answer>(m.comments, "GET", { cookie, url: `/api/comments?filmId=${theirs}` })).body.comments).toEqual([]);
  }, 60_000);
});
