import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { JobView } from "@/lib/jobs/types";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";
import { call } from "@/lib/test/routes";

let sim: Simulator;
let jobs: typeof import("../../route");
let star: typeof import("./route");

beforeAll(async () => {
  ({ sim } = await setupApp());
  jobs = await import("../../route");
  star = await import("./route");
});
afterAll(() => sim.close());

describe("stars", () => {
  test("each member stars for themselves; the gallery filters by mine or anyone's and says who starred", async () => {
    const ann = await signedIn("ann@keyframe.test");
    const bob = await signedIn("bob@keyframe.test", "member");
    const res = await jobs.POST(
      new Request("http://keyframe.test/api/jobs", { method: "POST", body: jobForm({ variations: "3" }), headers: { cookie: ann.cookie } }),
    );
    const [a, b] = ((await res.json()) as { jobs: JobView[] }).jobs.map((j) => j.id);
    expect((await call(star, "PUT", { cookie: ann.cookie, params: { id: a! } })).status).toBe(200);
    const both = await call<JobView>(star, "PUT", { cookie: bob.cookie, params: { id: a! } });
    expect(both.body.stars).toEqual({ count: 2, mine: true, by: ["ann", "You"] });
    await call(star, "PUT", { cookie: bob.cookie, params: { id: b! } });
    // Starring twice is still one star.
    await call(star, "PUT", { cookie: bob.cookie, params: { id: b! } });

    const ids = async (cookie: string, query: string) =>
      (await call<{ jobs: JobView[] }>(jobs, "GET", { cookie, url: `/api/jobs${query}` })).body.jobs.map((j) => j.id).sort();
    expect(await ids(ann.cookie, "?starred=me")).toEqual([a]);
    expect(await ids(ann.cookie, "?starred=anyone")).toEqual([a, b].sort());
    expect(await ids(bob.cookie, "?starred=me")).toEqual([a, b].sort());
    expect((await call(jobs, "GET", { cookie: ann.cookie, url: "/api/jobs?starred=everyone" })).status).toBe(400);

    const off = await call<JobView>(star, "DELETE", { cookie: ann.cookie, params: { id: a! } });
    expect(off.body.stars).toEqual({ count: 1, mine: false, by: ["bob"] });
    expect(await ids(ann.cookie, "?starred=me")).toEqual([]);
    expect((await call(star, "PUT", { cookie: ann.cookie, params: { id: "AAAAAAAAAAAAAAAAAAAAAA" } })).status).toBe(404);
  });
});
