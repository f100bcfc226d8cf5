import { afterAll, beforeAll, expect, test } from "vitest";
import { putSetting } from "@/lib/db/queries/settings";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";
import { ENTRIES } from ".";

let sim: Simulator;
let cookie = "";
beforeAll(async () => {
  ({ sim } = await setupApp());
  ({ cookie } = await signedIn("live@keyframe.test"));
});
afterAll(() => sim.close());

test("WaveSpeed's live catalog is kept in the database; a model it retired is refused naming its successor, with no upstream call", async () => {
  const { refreshCatalog } = await import("./live");
  const fresh = await refreshCatalog();
  expect(Object.values(fresh.models).every((m) => m.available)).toBe(true);

  const retired = ENTRIES[1]!;
  await putSetting("catalog:live", {
    fetchedAt: Date.now(),
    models: { [retired.id]: { available: false, reason: "WaveSpeed no longer lists it" } },
  });
  const routes = await import("@/app/api/jobs/route");
  const body = jobForm({ model: retired.id, duration: "5" });
  const res = await routes.POST(new Request("http://localhost/api/jobs", { method: "POST", body, headers: { cookie } }));
  expect(res.status).toBe(400);
  const message = "Lite 720p is unavailable: WaveSpeed no longer lists it. Choose 2.0 instead.";
  expect(((await res.json()) as { error: { fields: unknown } }).error.fields).toEqual({ model: message });
  expect(sim.stats.submitRequests).toBe(0);
});
