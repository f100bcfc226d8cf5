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
  boards: typeof import("./route");
  board: typeof import("./[id]/route");
  shotAction: typeof import("./[id]/shots/[shotId]/[action]/route");
  db: typeof import("@/lib/db/client");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    jobs: await import("../jobs/route"),
    boards: await import("./route"),
    board: await import("./[id]/route"),
    shotAction: await import("./[id]/shots/[shotId]/[action]/route"),
    db: await import("@/lib/db/client"),
  };
  await testWorker({ pollMaxMs: 300 });
  ({ cookie } = await signedIn("board-duplicates@keyframe.test"));
});
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

type Answer = {
  jobs: { id: string }[];
  shotId: string;
  error: { code: string; message: string; duplicateOf?: string; priceLabel?: string; totalLabel?: string; repeatedSeeds?: number[] };
};

/** A board of one shot holding one saved take (random seed), and that take. */
async function boardOfOne(prompt: string): Promise<{ id: string; shotId: string; take: JobView }> {
  const res = await m.jobs.POST(
    new Request("http://keyframe.test/api/jobs", { method: "POST", body: jobForm({ prompt }), headers: { cookie } }),
  );
  const [job] = ((await res.json()) as { jobs: JobView[] }).jobs;
  await savedJob(job!.id);
  const board = (await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Repeats", jobIds: [job!.id] } })).body;
  return { id: board.id, shotId: board.shots[0]!.id, take: board.shots[0]!.takes[0]! };
}

const act = (id: string, shotId: string, action: "continue" | "retake", body: Record<string, unknown>) =>
  call<Answer>(m.shotAction, "POST", { cookie, params: { id, shotId, action }, body });
const ledgerRows = async () => {
  const { db, t } = await m.db.getDb();
  return (await db.select().from(t.ledger)).length;
};
const takesOf = async (id: string) =>
  (await call<StoryboardView>(m.board, "GET", { cookie, params: { id } })).body.shots.map((s) => s.takes.length);

describe("Already generated? on a storyboard", () => {
  test("New take repeating the picked take's prompt, settings and seed: 409 naming it, nothing paid; confirmed, it is made", async () => {
    const { id, shotId, take } = await boardOfOne("A paper boat drifts down a gutter");
    const same = {
      prompt: take.prompt,
      duration: take.params.duration,
      cameraFixed: take.params.cameraFixed,
      seed: take.params.seed,
      variations: 1,
    };
    const spent = await ledgerRows();
    const again = await act(id, shotId, "retake", same);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      /^Already generated: the same images, prompt, settings and seed were generated .* Open it, or pay \$0\.032 again\?$/,
    );
    expect(again.body.error.duplicateOf).toBe(take.id);
    expect(await ledgerRows()).toBe(spent);
    expect(await takesOf(id)).toEqual([1]);

    // One of two takes repeating is priced as one, and said so.
    const some = await act(id, shotId, "retake", { ...same, seed: take.params.seed - 1, variations: 2 });
    expect(some.status).toBe(409);
    expect(some.body.error).toMatchObject({
      duplicateOf: take.id,
      priceLabel: "$0.032",
      totalLabel: "$0.064",
      repeatedSeeds: [take.params.seed],
    });

    const paid = await act(id, shotId, "retake", { ...same, confirmDuplicate: true });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body.shotId).toBe(shotId);
    expect(await ledgerRows()).toBe(spent + 1);
    expect(await takesOf(id)).toEqual([2]);
    expect((await act(id, shotId, "retake", { ...same, confirmDuplicate: "yes" })).status).toBe(400);
  }, 60_000);

  test("Continue with a seed already continued from this take asks too; a random seed never does", async () => {
    const { id, shotId } = await boardOfOne("A paper boat reaches a drain");
    const next = { prompt: "The boat tips over the edge", duration: 2, cameraFixed: false, seed: 4242, variations: 1 };
    const first = await act(id, shotId, "continue", next);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await act(id, shotId, "continue", next);
    expect(again.status).toBe(409);
    expect(again.body.error.duplicateOf).toBe(first.body.jobs[0]!.id);
    expect(await takesOf(id)).toEqual([1, 1]);
    expect((await act(id, shotId, "continue", { ...next, confirmDuplicate: true })).status).toBe(201);
    for (let i = 0; i < 2; i++) expect((await act(id, shotId, "retake", { ...next, seed: -1 })).status).toBe(201);
    expect(await takesOf(id)).toEqual([3, 1, 1]);
  }, 60_000);
});
