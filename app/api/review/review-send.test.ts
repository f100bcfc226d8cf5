import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { JobView } from "@/lib/jobs/types";
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
  review: typeof import("./[token]/route");
  db: typeof import("@/lib/db/client");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    jobs: await import("../jobs/route"),
    boards: await import("../storyboards/route"),
    board: await import("../storyboards/[id]/route"),
    shots: await import("../storyboards/[id]/shots/route"),
    links: await import("../review-links/route"),
    review: await import("./[token]/route"),
    db: await import("@/lib/db/client"),
  };
  await testWorker({ pollMaxMs: 300, submitConcurrency: 3 });
  ({ cookie } = await signedIn("review-sends@keyframe.test"));
});
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

async function takes(n: number): Promise<string[]> {
  const body = jobForm({ prompt: "A kite climbs over a dune", variations: String(n) });
  const res = await m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie } }));
  const ids = ((await res.json()) as { jobs: { id: string }[] }).jobs.map((j) => j.id);
  await Promise.all(ids.map((id) => savedJob(id)));
  return ids;
}

/** A board with one shot per take given (a take may be several shots), and a review link to it. */
async function reviewed(jobIds: string[]): Promise<{ shots: string[]; token: string; boardId: string }> {
  const board = (await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Kites", jobIds: jobIds.slice(0, 1) } })).body;
  for (const jobId of jobIds.slice(1))
    expect((await call(m.shots, "POST", { cookie, params: { id: board.id }, body: { jobId } })).status).toBe(201);
  const view = (await call<StoryboardView>(m.board, "GET", { cookie, params: { id: board.id } })).body;
  const token = (await call<{ id: string }>(m.links, "POST", { cookie, body: { storyboardId: board.id } })).body.id;
  return { shots: view.shots.map((s) => s.id), token, boardId: board.id };
}

type Mine = Record<string, { pick: string | null; comment: string; name: string }>;
const send = (token: string, body: unknown, address = "203.0.113.50") =>
  call<{ mine: Mine; error: { code: string; message: string; fields?: Record<string, string> } }>(m.review, "POST", {
    params: { token },
    body,
    url: `/api/review/${token}`,
    headers: { "x-keyframe-peer": address },
  });
const mine = async (token: string, reviewerId: string) =>
  (await call<{ mine: Mine }>(m.review, "GET", { params: { token }, url: `/api/review/${token}?reviewer=${reviewerId}` })).body.mine;
const teamWord = async (boardId: string) =>
  (await call<StoryboardView>(m.board, "GET", { cookie, params: { id: boardId } })).body.shots.map((s) =>
    s.feedback.map((f) => [f.name, f.pickedJobId, f.comment]),
  );
const card = async (id: string) =>
  (await call<{ jobs: JobView[] }>(m.jobs, "GET", { cookie, url: "/api/jobs" })).body.jobs.find((j) => j.id === id)!;

/** Runs `fn` while the database refuses to `event` rows of `table` matching `when`: a real failure of a save, not a mocked one. */
async function refusing(table: string, event: "insert" | "update", when: string, fn: () => Promise<void>) {
  const backend = await m.db.getDb();
  const sqlite = backend.kind === "embedded";
  const setup = sqlite
    ? [`create trigger refuse_for_test before ${event} on ${table} when ${when} begin select raise(abort, 'refused for the test'); end`]
    : [
        `create function refuse_for_test() returns trigger language plpgsql as $$ begin
          if ${when} then raise exception 'refused for the test'; end if; return new; end $$`,
        `create trigger refuse_for_test before ${event} on ${table} for each row execute function refuse_for_test()`,
      ];
  for (const statement of setup) await backend.run(sql.raw(statement));
  try {
    await fn();
  } finally {
    await backend.run(sql.raw(sqlite ? "drop trigger refuse_for_test" : `drop trigger refuse_for_test on ${table}`));
    if (!sqlite) await backend.run(sql.raw("drop function refuse_for_test()"));
  }
}

describe("a review send is all saved or none", () => {
  test("a batch that would take the link past its 2,000 words is refused whole; replacing a word at the bound is fine", async () => {
    const [a] = await takes(1);
    const { shots, token } = await reviewed([a!, a!, a!]);
    const { db, t } = await m.db.getDb();
    // 1,999 words from other reviewers.
    const now = Date.now();
    await db.insert(t.reviewFeedback).values(
      Array.from({ length: 1999 }, (_, i) => ({
        linkId: token,
        reviewerId: `earlier-reviewer-${String(i).padStart(6, "0")}`,
        shotKey: shots[0]!,
        name: `Reviewer ${i}`,
        pickedJobId: null,
        comment: "Fine",
        updatedAt: now,
      })),
    );
    const reviewerId = "reviewer-bound-0123456789";
    const word = (shotKey: string, comment: string) => ({ shotKey, pick: null, comment });
    const full = await send(token, { reviewerId, name: "Ada", shots: [word(shots[0]!, "One"), word(shots[1]!, "Two")] });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toBe("This review link cannot take more feedback; ask the team for a new one.");
    expect(await mine(token, reviewerId)).toEqual({});

    expect((await send(token, { reviewerId, name: "Ada", shots: [word(shots[0]!, "One")] })).status).toBe(200);
    // At the bound: changing a word already given is fine, a new one is not.
    expect((await send(token, { reviewerId, name: "Ada", shots: [word(shots[0]!, "One, better")] })).status).toBe(200);
    expect((await send(token, { reviewerId, name: "Ada", shots: [word(shots[2]!, "Three")] })).status).toBe(409);
    expect(await mine(token, reviewerId)).toEqual({ [shots[0]!]: { pick: null, comment: "One, better", name: "Ada" } });
  }, 60_000);

  test("a batch the database refuses midway saves nothing: not the shots before, not the touch of their takes", async () => {
    const [a, b] = await takes(2);
    const { shots, token, boardId } = await reviewed([a!, b!]);
    const body = {
      reviewerId: "reviewer-midway-0123456789",
      name: "Bo",
      shots: [
        { shotKey: shots[0], pick: a, comment: "" },
        { shotKey: shots[1], pick: null, comment: "Slower" },
      ],
    };
    // The second shot's row, or the picked take's touch, refused by the database.
    for (const [table, event, when] of [
      ["review_feedback", "insert", `new.shot_key = '${shots[1]}'`],
      ["jobs", "update", `new.id = '${a}'`],
    ] as const) {
      await refusing(table, event, when, async () => {
        const refused = await send(token, body);
        expect(refused.status).toBe(500);
        expect(refused.body.error.message).not.toMatch(/refused for the test/);
      });
      expect(await mine(token, body.reviewerId), `${table} ${event}`).toEqual({});
      expect(await teamWord(boardId)).toEqual([[], []]);
      expect((await card(a!)).review.picks).toBe(0);
    }
    expect((await send(token, body)).status).toBe(200);
    expect(await teamWord(boardId)).toEqual([[["Bo", a, null]], [["Bo", null, "Slower"]]]);
  }, 60_000);

  test("the rate limits count shots, not requests: one address sends 200 shots a minute", async () => {
    const [a] = await takes(1);
    const { shots, token } = await reviewed(Array.from({ length: 100 }, () => a!));
    expect(shots).toHaveLength(100);
    const all = { reviewerId: "reviewer-rate-0123456789", name: "Cy", shots: shots.map((shotKey) => ({ shotKey, pick: a, comment: "" })) };
    expect((await send(token, all, "198.51.100.20")).status).toBe(200);
    expect((await send(token, { ...all, name: "Cy again" }, "198.51.100.20")).status).toBe(200);
    const limited = await send(token, { ...all, name: "Cy once more", shots: all.shots.slice(0, 1) }, "198.51.100.20");
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/^Too many reviews from here; try again in \d+ s\.$/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Object.values(await mine(token, all.reviewerId)).every((w) => w.name === "Cy again")).toBe(true);
    // Another address is not held up by this one.
    expect((await send(token, { ...all, reviewerId: "reviewer-rate-other-0123456789" }, "198.51.100.21")).status).toBe(200);
  }, 90_000);
});

describe("withdrawing a word", () => {
  test("no pick and no comment on a shot takes back the reviewer's word there; the rest of the send is saved", async () => {
    const [a, b, c] = await takes(3);
    const { shots, token, boardId } = await reviewed([a!, c!]);
    await call(m.shots, "POST", { cookie, params: { id: boardId }, body: { jobId: b, shotId: shots[0] } });
    const reviewerId = "reviewer-withdraw-0123456789";
    const said = await send(token, {
      reviewerId,
      name: "Di",
      shots: [
        { shotKey: shots[0], pick: b, comment: "" },
        { shotKey: shots[1], pick: null, comment: "Too dark" },
      ],
    });
    expect(said.status, JSON.stringify(said.body)).toBe(200);
    expect((await card(b!)).review.picks).toBe(1);

    const changed = await send(token, {
      reviewerId,
      name: "Di",
      shots: [
        { shotKey: shots[0], pick: a, comment: "" },
        { shotKey: shots[1], pick: null, comment: "" },
      ],
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.mine).toEqual({ [shots[0]!]: { pick: a, comment: "", name: "Di" } });
    expect(await teamWord(boardId)).toEqual([[["Di", a, null]], []]);
    expect((await card(b!)).review.picks).toBe(0);
    expect((await card(a!)).review.picks).toBe(1);
    // One shot's word, the first contract, withdrawn the same way.
    expect((await send(token, { reviewerId, name: "Di", shotKey: shots[0], pick: null, comment: "" })).body.mine).toEqual({});
    expect(await teamWord(boardId)).toEqual([[], []]);
  }, 60_000);
});
