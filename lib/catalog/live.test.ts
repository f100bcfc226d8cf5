import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { getSetting, putSetting } from "@/lib/db/queries/settings";
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

test("POST /api/models/quote: WaveSpeed's quote per model and inputs, kept in the database; out of range is a 400 on the field", async () => {
  const routes = await import("@/app/api/models/quote/route");
  const two = ENTRIES.find((e) => e.short === "2.0")!;
  const ask = (body: unknown) =>
    routes.POST(new Request("http://localhost/api/models/quote", { method: "POST", body: JSON.stringify(body), headers: { cookie } }));
  const res = await ask({ model: two.id, duration: 5, resolution: "1080p" });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(await res.json()).toEqual({ model: two.id, micros: 2_700_000, label: "$2.70", listMicros: 2_700_000, source: "wavespeed" });
  expect(await getSetting(`quote:${two.id}:1080p:5:${two.audio?.default ? "sound" : "silent"}`)).toMatchObject({
    micros: 2_700_000,
    source: "wavespeed",
  });
  const bad = await ask({ model: two.id, duration: 16 });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { error: { fields: unknown } }).error.fields).toEqual({
    duration: "Duration must be a whole number from 4 to 15.",
  });
});

test("a catalog answer that lists none of Keyframe's models retires nothing, and a failed refresh is tried again within the hour after", async () => {
  const { catalogAvailability, refreshCatalog } = await import("./live");
  const stale = { fetchedAt: Date.now() - 2 * 24 * 60 * 60 * 1000, models: {} };
  await putSetting("catalog:live", stale);
  sim.options.catalogIds = [];
  await expect(refreshCatalog()).rejects.toThrow(/none of Keyframe's models/);
  expect(await getSetting("catalog:live")).toEqual(stale);

  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  expect(await catalogAvailability()).toEqual({});
  await settle();
  expect(await getSetting("catalog:live")).toEqual(stale);
  const routes = await import("@/app/api/jobs/route");
  const res = await routes.POST(new Request("http://localhost/api/jobs", { method: "POST", body: jobForm({}), headers: { cookie } }));
  expect(res.status, await res.clone().text()).toBe(201);

  sim.options.catalogIds = undefined;
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    vi.setSystemTime(Date.now() + 61 * 60 * 1000);
    await catalogAvailability();
    await settle();
    const fresh = (await getSetting("catalog:live")) as { models: Record<string, { available: boolean }> };
    expect(Object.keys(fresh.models)).toHaveLength(ENTRIES.length);
    expect(Object.values(fresh.models).every((m) => m.available)).toBe(true);
  } finally {
    vi.useRealTimers();
  }
});

test("a take is charged WaveSpeed's discounted quote, not the list price, whether or not the form asked for a quote first", async () => {
  const { getJob } = await import("@/lib/db/queries/jobs");
  const jobs = await import("@/app/api/jobs/route");
  const quotes = await import("@/app/api/models/quote/route");
  const lite = ENTRIES[0]!;
  sim.options.discount = 0.25;
  const take = async (duration: number) => {
    const body = jobForm({ duration: String(duration) });
    const res = await jobs.POST(new Request("http://localhost/api/jobs", { method: "POST", body, headers: { cookie } }));
    expect(res.status, await res.clone().text()).toBe(201);
    const [job] = ((await res.json()) as { jobs: { id: string }[] }).jobs;
    return (await getJob(job!.id))!.priceMicros;
  };
  try {
    // 6 s of lite 480p lists at $0.096; a quarter off is $0.072.
    expect(await take(6)).toBe(72_000);
    const asked = await quotes.POST(
      new Request("http://localhost/api/models/quote", {
        method: "POST",
        body: JSON.stringify({ model: lite.id, duration: 7 }),
        headers: { cookie },
      }),
    );
    expect(await asked.json()).toMatchObject({ micros: 84_000, listMicros: 112_000, source: "wavespeed" });
    expect(await take(7)).toBe(84_000);
  } finally {
    sim.options.discount = undefined;
  }
});
