import { afterAll, beforeAll, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, until, testWorker } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";

let sim: Simulator;
let alice: { cookie: string; id: string };
let bob: { cookie: string; id: string };
let boss: { cookie: string; id: string };
let m: {
  list: typeof import("./route");
  one: typeof import("./[id]/route");
  share: typeof import("./[id]/share/route");
  video: typeof import("@/app/v/[shareId]/video.mp4/route");
  worker: typeof import("@/lib/jobs/registry");
  ws: typeof import("@/lib/wavespeed");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    list: await import("./route"),
    one: await import("./[id]/route"),
    share: await import("./[id]/share/route"),
    video: await import("@/app/v/[shareId]/video.mp4/route"),
    worker: await import("@/lib/jobs/registry"),
    ws: await import("@/lib/wavespeed"),
  };
  await testWorker({ pollMaxMs: 300 });
  alice = await signedIn("alice@keyframe.test", "member");
  bob = await signedIn("bob@keyframe.test", "member");
  boss = await signedIn("boss@keyframe.test", "admin");
});
afterAll(async () => {
  await m.worker.getWorker()?.stop();
  await sim.close();
});

type View = { id: string; mine: boolean; canManage: boolean; owner: string | null; shareUrl: string | null; copy: { state: string } };
const req = (url: string, cookie: string, init: RequestInit = {}) =>
  new Request(`http://keyframe.test${url}`, { ...init, headers: { cookie } });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function aliceMakesOne(): Promise<View> {
  const body = jobForm({ prompt: "Alice's take" });
  const res = await m.list.POST(req("/api/jobs", alice.cookie, { method: "POST", body }));
  expect(res.status).toBe(201);
  const [job] = ((await res.json()) as { jobs: View[] }).jobs;
  return until(async () => {
    const view = (await (await m.one.GET(req(`/api/jobs/${job!.id}`, alice.cookie), ctx(job!.id))).json()) as View;
    return view.copy.state === "done" ? view : undefined;
  }, 20_000);
}

test("Mine shows only my jobs; Team shows everyone's with who made them", async () => {
  const job = await aliceMakesOne();
  const list = async (cookie: string, scope: string) =>
    ((await (await m.list.GET(req(`/api/jobs?scope=${scope}`, cookie))).json()) as { jobs: View[] }).jobs;
  expect((await list(bob.cookie, "mine")).map((j) => j.id)).not.toContain(job.id);
  const team = (await list(bob.cookie, "team")).find((j) => j.id === job.id)!;
  expect(team).toMatchObject({ mine: false, canManage: false, owner: "alice" });
  expect((await list(alice.cookie, "mine")).find((j) => j.id === job.id)).toMatchObject({ mine: true, canManage: true });
});

test("a member cannot delete or re-share someone else's job; its maker and admins can", async () => {
  const job = await aliceMakesOne();
  const del = await m.one.DELETE(req(`/api/jobs/${job.id}`, bob.cookie, { method: "DELETE" }), ctx(job.id));
  expect(del.status).toBe(403);
  expect((await m.share.DELETE(req(`/api/jobs/${job.id}/share`, bob.cookie, { method: "DELETE" }), ctx(job.id))).status).toBe(403);
  expect((await m.share.DELETE(req(`/api/jobs/${job.id}/share`, alice.cookie, { method: "DELETE" }), ctx(job.id))).status).toBe(200);
  expect((await m.one.DELETE(req(`/api/jobs/${job.id}`, boss.cookie, { method: "DELETE" }), ctx(job.id))).status).toBe(204);
});

test("a team-only link's media needs a signed-in member; an anyone link's does not", async () => {
  const job = await aliceMakesOne();
  const shareId = job.shareUrl!.split("/").pop()!;
  const video = (cookie = "") => m.video.GET(req(`/v/${shareId}/video.mp4`, cookie), { params: Promise.resolve({ shareId }) });
  expect((await video()).status).toBe(200);
  const patch = await m.share.PATCH(
    req(`/api/jobs/${job.id}/share`, alice.cookie, { method: "PATCH", body: JSON.stringify({ visibility: "team" }) }),
    ctx(job.id),
  );
  expect(patch.status).toBe(200);
  expect((await video()).status).toBe(401);
  expect((await video(bob.cookie)).status).toBe(200);
});
