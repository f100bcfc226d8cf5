import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, until, testWorker } from "@/lib/test/app";
import { storedNames } from "@/lib/test/backends";
import { jobForm } from "@/lib/test/job-form";

let sim: Simulator;

let m: {
  list: typeof import("../route");
  one: typeof import("./route");
  share: typeof import("./share/route");
  retry: typeof import("./retry/route");
  page: typeof import("@/app/v/[shareId]/video.mp4/route");
  worker: typeof import("@/lib/jobs/registry");
  ws: typeof import("@/lib/wavespeed");
  queries: typeof import("@/lib/db/queries/jobs");
  inputs: typeof import("@/app/media/inputs/[name]/route");
};

let cookie = "";

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    list: await import("../route"),
    one: await import("./route"),
    share: await import("./share/route"),
    retry: await import("./retry/route"),
    page: await import("@/app/v/[shareId]/video.mp4/route"),
    worker: await import("@/lib/jobs/registry"),
    ws: await import("@/lib/wavespeed"),
    queries: await import("@/lib/db/queries/jobs"),
    inputs: await import("@/app/media/inputs/[name]/route"),
  };
  await testWorker({ pollMaxMs: 300 });
  ({ cookie } = await signedIn("manage@keyframe.test"));
});
afterAll(async () => {
  await m.worker.getWorker()?.stop();
  await sim.close();
});

type View = { id: string; status: string; shareUrl: string | null; copy: { state: string }; video: { src: string } | null };
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const req = (url: string, init?: RequestInit) => new Request(`http://keyframe.test${url}`, { ...init, headers: { cookie } });

async function create(prompt: string, color?: [number, number, number]): Promise<View> {
  const body = jobForm({ prompt, seed: "5" }, { width: 400, height: 300, tint: color ?? [120, 80, 200] });
  const res = await m.list.POST(req("/api/jobs", { method: "POST", body }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { jobs: View[] }).jobs[0]!;
}

const get = async (id: string) => (await (await m.one.GET(req(`/api/jobs/${id}`), ctx(id))).json()) as View;
const saved = (id: string) => until(async () => ((await get(id)).copy.state === "done" ? get(id) : undefined), 20_000);

describe("share links", () => {
  test("a job carries an absolute shareUrl once done; revoking 404s its media, renewing gives a new id", async () => {
    const job = await create("A share test");
    expect(job.shareUrl).toBeNull();
    const done = await saved(job.id);
    expect(done.shareUrl).toMatch(/^http:\/\/keyframe\.test\/v\/[A-Za-z0-9_-]{22}$/);
    const shareId = done.shareUrl!.split("/").pop()!;
    expect(shareId).not.toBe(job.id);
    const media = () => m.page.GET(req(`/v/${shareId}/video.mp4`), { params: Promise.resolve({ shareId }) });
    expect((await media()).status).toBe(200);

    const revoked = (await (await m.share.DELETE(req(`/api/jobs/${job.id}/share`, { method: "DELETE" }), ctx(job.id))).json()) as View;
    expect(revoked.shareUrl).toBeNull();
    expect((await media()).status).toBe(404);

    const renewed = (await (await m.share.POST(req(`/api/jobs/${job.id}/share`, { method: "POST" }), ctx(job.id))).json()) as View;
    expect(renewed.shareUrl).toMatch(/\/v\/[A-Za-z0-9_-]{22}$/);
    expect(renewed.shareUrl).not.toBe(done.shareUrl);
  });

  test("unknown and malformed ids are the same 404", async () => {
    for (const id of ["nope", "AAAAAAAAAAAAAAAAAAAAAA"]) {
      const res = await m.share.POST(req(`/api/jobs/${id}/share`, { method: "POST" }), ctx(id));
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "not_found", message: "No job with that id." } });
    }
  });
});

describe("delete and retry", () => {
  test("deleting removes the row and every file of the job, keeping inputs other jobs use", async () => {
    const a = await create("Delete me", [1, 2, 3]);
    const b = await create("Keep me", [1, 2, 3]);
    await saved(a.id);
    const files = async () =>
      (await Promise.all(["videos", "posters", "thumbs", "frames"].map(storedNames))).flat().filter((f) => f.startsWith(a.id));
    expect(await files()).toHaveLength(4);
    const res = await m.one.DELETE(req(`/api/jobs/${a.id}`, { method: "DELETE" }), ctx(a.id));
    expect(res.status).toBe(204);
    expect(await files()).toEqual([]);
    expect((await m.one.GET(req(`/api/jobs/${a.id}`), ctx(a.id))).status).toBe(404);
    // b uses the same start image, so it stays until b goes too, and its thumbnail with it.
    const input = path.basename(((await get(b.id)) as View & { image: { src: string } }).image.src);
    expect(await storedNames("inputs")).toContain(input);
    const thumb = await m.inputs.GET(req(`/media/inputs/${input}?thumb`), { params: Promise.resolve({ name: input }) });
    expect(thumb.status).toBe(200);
    expect(await storedNames("thumbs")).toContain(`${input.slice(0, 64)}.jpg`);
    await saved(b.id);
    expect((await m.one.DELETE(req(`/api/jobs/${b.id}`, { method: "DELETE" }), ctx(b.id))).status).toBe(204);
    expect(await storedNames("inputs")).not.toContain(input);
    expect(await storedNames("thumbs")).not.toContain(`${input.slice(0, 64)}.jpg`);
  });

  test("a running job cannot be deleted or retried: 409 and nothing changes", async () => {
    const job = await create("Still running");
    const del = await m.one.DELETE(req(`/api/jobs/${job.id}`, { method: "DELETE" }), ctx(job.id));
    expect(del.status).toBe(409);
    expect(((await del.json()) as { error: { code: string } }).error.code).toBe("conflict");
    const retry = await m.retry.POST(req(`/api/jobs/${job.id}/retry`, { method: "POST" }), ctx(job.id));
    expect(retry.status).toBe(409);
    expect(await m.queries.getJob(job.id)).toBeDefined();
  });

  test("retrying a failed job creates one new job with the same inputs, sent once", async () => {
    const job = await create("It breaks [sim:fail]");
    await until(async () => (await get(job.id)).status === "failed" || undefined, 20_000);
    const before = sim.stats.submits;
    const res = await m.retry.POST(req(`/api/jobs/${job.id}/retry`, { method: "POST" }), ctx(job.id));
    expect(res.status).toBe(201);
    const [again] = ((await res.json()) as { jobs: View[] }).jobs;
    expect(again!.id).not.toBe(job.id);
    expect(again!.status).toBe("queued");
    await until(async () => (await get(again!.id)).status === "failed" || undefined, 20_000);
    expect(sim.stats.submits - before).toBe(1);
    expect((await get(job.id)).status).toBe("failed");
  });

  test("a retry is refused when its model is no longer served, and is priced at today's price, not the failed job's", async () => {
    const job = await create("Price moved [sim:fail]", [30, 60, 90]);
    await until(async () => (await get(job.id)).status === "failed" || undefined, 20_000);
    const row = (await m.queries.getJob(job.id))!;
    const { putSetting, deleteSetting } = await import("@/lib/db/queries/settings");
    await putSetting("catalog:live", {
      fetchedAt: Date.now(),
      models: { [row.model]: { available: false, reason: "WaveSpeed no longer lists it" } },
    });
    const before = sim.stats.submitRequests;
    const refused = await m.retry.POST(req(`/api/jobs/${job.id}/retry`, { method: "POST" }), ctx(job.id));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { fields: unknown } }).error.fields).toEqual({
      model: "Lite 480p is unavailable: WaveSpeed no longer lists it. Choose 2.0 instead.",
    });
    expect(sim.stats.submitRequests).toBe(before);
    await deleteSetting("catalog:live");

    await m.queries.updateJob(job.id, { priceMicros: 1 });
    const res = await m.retry.POST(req(`/api/jobs/${job.id}/retry`, { method: "POST" }), ctx(job.id));
    expect(res.status).toBe(201);
    const [again] = ((await res.json()) as { jobs: View[] }).jobs;
    expect((await m.queries.getJob(again!.id))!.priceMicros).toBe(row.priceMicros);
  });

  test("retrying a failed job whose images are gone is a 409 that sends and stores nothing", async () => {
    const job = await create("Lost inputs [sim:fail]", [9, 99, 199]);
    await until(async () => (await get(job.id)).status === "failed" || undefined, 20_000);
    const { getStore } = await import("@/lib/storage/store");
    const { inputKey } = await import("@/lib/storage/keys");
    const row = await m.queries.getJob(job.id);
    await (await getStore()).delete([inputKey(row!.imageFile!)!]);
    const before = sim.stats.submits;
    const res = await m.retry.POST(req(`/api/jobs/${job.id}/retry`, { method: "POST" }), ctx(job.id));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/images are no longer stored/);
    expect(await storedNames("inputs")).not.toContain(row!.imageFile);
    expect(sim.stats.submits).toBe(before);
  });
});

describe("GET /api/jobs filters", () => {
  test("status and prompt search narrow the list; a bad status is a 400 on that field", async () => {
    const tag = `needle${Date.now()}`;
    await create(`Find the ${tag} here`);
    const list = async (q: string) => (await (await m.list.GET(req(`/api/jobs${q}`))).json()) as { jobs: View[] };
    expect((await list(`?q=${tag.toUpperCase()}`)).jobs).toHaveLength(1);
    expect((await list(`?q=${tag}&status=completed`)).jobs.every((j) => j.status === "completed")).toBe(true);
    expect((await list(`?status=failed`)).jobs.every((j) => j.status === "failed" || j.status === "unknown")).toBe(true);
    const bad = await m.list.GET(req("/api/jobs?status=everything"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("status");
  });
});
