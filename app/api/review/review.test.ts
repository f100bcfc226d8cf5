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
    expect(shot.takes.map((t) => t.model)).toEqual([
      "Seedance V1 Lite · image-to-video · 480p",
      "Seedance V1 Lite · image-to-video · 480p",
    ]);
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

  test("a set of selected takes is one shot to pick from", async () => {
    const ids = await takes(2);
    const link = await call<{ id: string }>(m.links, "POST", { cookie, body: { jobIds: ids } });
    const seen = await stranger(link.body.id);
    expect(seen.body.review.kind).toBe("takes");
    expect(seen.body.review.shots).toHaveLength(1);
    const feedback = { reviewerId: "reviewer-0123456789", name: "Sam", shotKey: "takes", pick: ids[1], comment: "" };
    expect((await stranger(link.body.id, feedback, "198.51.100.9")).body.mine).toEqual({
      takes: { pick: ids[1], comment: "", name: "Sam" },
    });
    expect((await call(m.links, "POST", { cookie, body: { jobIds: [] } })).status).toBe(400);
    expect((await call(m.links, "POST", { cookie, body: { jobIds: ["AAAAAAAAAAAAAAAAAAAAAA"] } })).status).toBe(404);
  }, 60_000);
});

describe("what a reviewer sends", () => {
  const word = (body: unknown) => body as { mine: Record<string, { pick: string | null; comment: string; name: string }> };
  const refused = (body: unknown) => (body as { error: { fields: Record<string, string> } }).error.fields;

  test("one request sends every shot's pick and comment; one bad field refuses them all, named by its shot", async () => {
    const [a, b, c] = await takes(3);
    const board = (await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Two shots", jobIds: [a, c] } })).body;
    await call(m.shots, "POST", { cookie, params: { id: board.id }, body: { jobId: b, shotId: board.shots[0]!.id } });
    const token = (await call<{ id: string }>(m.links, "POST", { cookie, body: { storyboardId: board.id } })).body.id;
    const [one, two] = board.shots.map((s) => s.id) as [string, string];
    const shots = [
      { shotKey: one, pick: b, comment: "" },
      { shotKey: two, pick: null, comment: "Hold the last frame longer" },
    ];
    const base = { reviewerId: "reviewer-batch-0123456789", name: "Ren" };
    const send = (body: unknown) =>
      call(m.review, "POST", { params: { token }, body, url: `/api/review/${token}`, headers: { "x-keyframe-peer": "203.0.113.40" } });

    for (const [body, fields] of [
      [{ ...base, name: "", shots }, { name: "Your name is empty." }],
      [{ ...base, name: "\u200B\u2060", shots }, { name: "Your name is empty." }],
      [
        { ...base, shots: [shots[0], { ...shots[1], comment: "<b>longer</b>" }] },
        { "shots.1.comment": "The comment is plain text: remove the markup (tags like <b> or entities like &amp;)." },
      ],
      [{ ...base, shots: [shots[0], { ...shots[1], pick: a }] }, { "shots.1.pick": "Not one of this shot's takes." }],
      [{ ...base, shots: [] }, { shots: "Pick a take or write a comment first." }],
    ] as const) {
      const res = await send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(refused(res.body)).toEqual(fields);
    }
    // Refused, nothing was saved.
    const before = await call(m.review, "GET", { params: { token }, url: `/api/review/${token}?reviewer=${base.reviewerId}` });
    expect(word(before.body).mine).toEqual({});

    const sent = await send({ ...base, shots });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(word(sent.body).mine).toEqual({
      [one]: { pick: b, comment: "", name: "Ren" },
      [two]: { pick: null, comment: "Hold the last frame longer", name: "Ren" },
    });
    const team = (await call<StoryboardView>(m.board, "GET", { cookie, params: { id: board.id } })).body;
    expect(team.shots.map((s) => s.feedback.map((f) => f.name))).toEqual([["Ren"], ["Ren"]]);
  }, 60_000);

  test("direction controls are refused in a reviewer's name and comment, with the field and the character named", async () => {
    const [a] = await takes(1);
    const token = (await call<{ id: string }>(m.links, "POST", { cookie, body: { jobIds: [a] } })).body.id;
    const feedback = { reviewerId: "reviewer-bidi-0123456789", name: "Zed", shotKey: "takes", pick: a, comment: "" };
    const named = await stranger(token, { ...feedback, name: "Zed\u202E" }, "203.0.113.41");
    expect(named.status).toBe(400);
    expect(refused(named.body)).toEqual({
      name: "Your name contains a text direction control (U+202E), which can make it read differently from what it says; remove it.",
    });
    const commented = await stranger(token, { ...feedback, comment: "pay \u202E0001$\u202C now" }, "203.0.113.41");
    expect(commented.status).toBe(400);
    expect(refused(commented.body)).toEqual({
      comment: "The comment contains a text direction control (U+202E), which can make it read differently from what it says; remove it.",
    });
    const batch = await stranger(
      token,
      { reviewerId: feedback.reviewerId, name: "Zed", shots: [{ shotKey: "takes", pick: a, comment: "\u2067x\u2069" }] },
      "203.0.113.41",
    );
    expect(refused(batch.body)).toEqual({
      "shots.0.comment":
        "The comment contains a text direction control (U+2067), which can make it read differently from what it says; remove it.",
    });
    // Nothing was saved; plain right-to-left text is fine.
    expect((await stranger(token, { ...feedback, name: "זד" }, "203.0.113.41")).status).toBe(200);
  }, 60_000);
});
