import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import type { StoryboardView } from "@/lib/storyboards/types";
import { setupApp, signedIn, testWorker } from "@/lib/test/app";
import { onServerBackends } from "@/lib/test/backends";
import { jobForm } from "@/lib/test/job-form";
import { call, savedJob } from "@/lib/test/routes";

let sim: Simulator;
let cookie = "";
let m: {
  jobs: typeof import("../jobs/route");
  boards: typeof import("./route");
  board: typeof import("./[id]/route");
  shots: typeof import("./[id]/shots/route");
  shot: typeof import("./[id]/shots/[shotId]/route");
  order: typeof import("./[id]/order/route");
  shotAction: typeof import("./[id]/shots/[shotId]/[action]/route");
  links: typeof import("../review-links/route");
  review: typeof import("../review/[token]/route");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    jobs: await import("../jobs/route"),
    boards: await import("./route"),
    board: await import("./[id]/route"),
    shots: await import("./[id]/shots/route"),
    shot: await import("./[id]/shots/[shotId]/route"),
    order: await import("./[id]/order/route"),
    shotAction: await import("./[id]/shots/[shotId]/[action]/route"),
    links: await import("../review-links/route"),
    review: await import("../review/[token]/route"),
  };
  await testWorker({ pollMaxMs: 300, submitConcurrency: 3 });
  ({ cookie } = await signedIn("cross@keyframe.test"));
});
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

/** New takes (a take may be a shot before it has finished). */
async function takes(n: number): Promise<string[]> {
  const body = jobForm({ prompt: "A heron lands on a post", variations: String(n) });
  const res = await m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie } }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { jobs: { id: string }[] }).jobs.map((j) => j.id);
}

const board = async (id: string) => (await call<StoryboardView>(m.board, "GET", { cookie, params: { id } })).body;
const shape = (view: StoryboardView) => view.shots.map((s) => ({ id: s.id, picked: s.pickedJobId, takes: s.takes.map((t) => t.id) }));
const jobCount = async () => (await call<{ jobs: unknown[] }>(m.jobs, "GET", { cookie, url: "/api/jobs" })).body.jobs.length;

async function newBoard(name: string, jobIds: string[]): Promise<StoryboardView> {
  const created = await call<StoryboardView>(m.boards, "POST", { cookie, body: { name, jobIds } });
  expect(created.status).toBe(201);
  return created.body;
}

/** Runs a statement on the app's database, as data left by an earlier version would have it. */
async function raw(query: ReturnType<typeof sql>) {
  const { getDb } = await import("@/lib/db/client");
  await (await getDb()).run(query);
}

/** The repair migration's statements, from the folder the app migrates from (and listed in its journal). */
async function runRepairMigration() {
  const folder = path.join(process.cwd(), "drizzle", onServerBackends() ? "pg" : "sqlite");
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const entry = journal.entries.find((e) => e.tag.endsWith("_repair_empty_shots"));
  expect(entry, "the repair is in the migration journal").toBeDefined();
  const statements = fs.readFileSync(path.join(folder, `${entry!.tag}.sql`), "utf8").split("--> statement-breakpoint");
  for (const statement of statements) await raw(sql.raw(statement));
}

describe("one board's URL never reaches another board's shots", () => {
  test("delete, pick, add, continue, retake and order through board A leave board B's shot as it was", async () => {
    const [a1, b1, b2, spare] = await takes(4);
    const boardA = await newBoard("Board A", [a1!]);
    const boardB = await newBoard("Board B", [b1!]);
    const shotB = boardB.shots[0]!.id;
    await call(m.shots, "POST", { cookie, params: { id: boardB.id }, body: { jobId: b2, shotId: shotB } });
    expect((await call(m.shot, "PATCH", { cookie, params: { id: boardB.id, shotId: shotB }, body: { jobId: b2 } })).status).toBe(200);
    const before = shape(await board(boardB.id));
    expect(before).toEqual([{ id: shotB, picked: b2, takes: [b1, b2] }]);
    const jobs = await jobCount();
    const viaA = { cookie, params: { id: boardA.id, shotId: shotB } };
    const generate = { prompt: "Again", duration: 2, cameraFixed: false, seed: -1, variations: 1 };

    const removed = await call<{ error: { code: string } }>(m.shot, "DELETE", viaA);
    expect(removed.status).toBe(404);
    expect(removed.body.error.code).toBe("not_found");
    expect(shape(await board(boardB.id)), "board B after the DELETE through board A").toEqual(before);
    expect((await call(m.shot, "PATCH", { ...viaA, body: { jobId: b1 } })).status).toBe(404);
    expect((await call(m.shots, "POST", { cookie, params: { id: boardA.id }, body: { jobId: spare, shotId: shotB } })).status).toBe(404);
    expect((await call(m.shots, "POST", { cookie, params: { id: boardA.id }, body: { jobId: spare, afterShotId: shotB } })).status).toBe(
      404,
    );
    expect((await call(m.shotAction, "POST", { cookie, params: { ...viaA.params, action: "continue" }, body: generate })).status).toBe(404);
    expect((await call(m.shotAction, "POST", { cookie, params: { ...viaA.params, action: "retake" }, body: generate })).status).toBe(404);
    const unknown = { cookie, params: { id: boardB.id, shotId: shotB, action: "explode" }, body: generate };
    expect((await call(m.shotAction, "POST", unknown)).status).toBe(404);
    expect(
      (await call(m.order, "PUT", { cookie, params: { id: boardA.id }, body: { shotIds: [shotB, boardA.shots[0]!.id] } })).status,
    ).toBe(409);
    // The query under "add take" holds the same line on its own, whoever calls it.
    const { insertTakes } = await import("@/lib/db/queries/storyboards");
    expect(await insertTakes(boardA.id, shotB, [spare!])).toBe(false);

    expect(shape(await board(boardB.id))).toEqual(before);
    expect(shape(await board(boardA.id))).toEqual([{ id: boardA.shots[0]!.id, picked: a1, takes: [a1] }]);
    expect(await jobCount()).toBe(jobs);
    // Board B still takes a new order from its own page.
    const extra = await call<StoryboardView>(m.shots, "POST", { cookie, params: { id: boardB.id }, body: { jobId: spare } });
    const ids = extra.body.shots.map((s) => s.id);
    expect((await call(m.order, "PUT", { cookie, params: { id: boardB.id }, body: { shotIds: [...ids].reverse() } })).status).toBe(200);
  });

  test("the repair migration gives an emptied shot back its picked and reviewer-picked takes, drops shots whose takes are gone, and the board reorders again", async () => {
    const [a1, a2, b1, c1, d1] = [...(await takes(3)), ...(await takes(2))];
    const view = await newBoard("Emptied", [a1!, b1!, c1!, d1!]);
    const [r1, r2, , r4] = view.shots.map((s) => s.id);
    await call(m.shots, "POST", { cookie, params: { id: view.id }, body: { jobId: a2, shotId: r1 } });
    // Reviewers see saved takes only.
    await Promise.all([savedJob(a1!), savedJob(a2!)]);
    const link = await call<{ id: string }>(m.links, "POST", { cookie, body: { storyboardId: view.id } });
    const feedback = { reviewerId: "reviewer-0123456789", name: "Dana", shotKey: r1, pick: a2, comment: "" };
    const said = await call(m.review, "POST", {
      params: { token: link.body.id },
      body: feedback,
      url: `/api/review/${link.body.id}`,
      headers: { "x-keyframe-peer": "203.0.113.7" },
    });
    expect(said.status, JSON.stringify(said.body)).toBe(200);

    // What the old DELETE through another board left: r1 and r2 with no take rows; r2's picked take since deleted;
    // r3's take row pointing at a job that is gone.
    await raw(sql`delete from shot_takes where shot_id in (${r1}, ${r2})`);
    await raw(sql`delete from jobs where id in (${b1}, ${c1})`);
    const broken = await board(view.id);
    expect(broken.shots.map((s) => s.id)).toEqual([r4]);
    const refused = await call<{ error: { message: string } }>(m.order, "PUT", {
      cookie,
      params: { id: view.id },
      body: { shotIds: [r4] },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/changed meanwhile/);

    await runRepairMigration();

    // Takes of one request share a creation time: their order among themselves is not the point here.
    const repaired = shape(await board(view.id)).map((s) => ({ ...s, takes: s.takes.sort() }));
    expect(repaired).toEqual([
      { id: r1, picked: a1, takes: [a1, a2].sort() },
      { id: r4, picked: d1, takes: [d1] },
    ]);
    const moved = await call<StoryboardView>(m.order, "PUT", { cookie, params: { id: view.id }, body: { shotIds: [r4, r1] } });
    expect(moved.status).toBe(200);
    expect(moved.body.shots.map((s) => s.id)).toEqual([r4, r1]);
  });
});
