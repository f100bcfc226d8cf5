import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PresetView } from "@/lib/presets/types";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";
import { call } from "@/lib/test/routes";

let sim: Simulator;
let list: typeof import("./route");
let one: typeof import("./[id]/route");

beforeAll(async () => {
  ({ sim } = await setupApp());
  list = await import("./route");
  one = await import("./[id]/route");
});
afterAll(() => sim.close());

const preset = {
  name: "Slow orbit",
  prompt: "The camera orbits slowly",
  duration: 8,
  aspectRatio: "1:1",
  cameraFixed: false,
  seed: 12,
  enableSafetyChecker: true,
};

describe("team presets", () => {
  test("the three example prompts come first; members save, the team sees; admins rename or remove any", async () => {
    const admin = await signedIn("preset-admin@keyframe.test");
    const member = await signedIn("preset-member@keyframe.test", "member");
    const presets = async (cookie: string) => (await call<{ presets: PresetView[] }>(list, "GET", { cookie })).body.presets;
    const first = await presets(member.cookie);
    expect(first.map((p) => p.name)).toEqual(["Skateboarder", "Runner", "Dancer"]);
    expect(first[1]).toMatchObject({ duration: 5, aspectRatio: "auto", seed: -1, canManage: false });
    expect(first[1]!.prompt).toMatch(/5 seconds\.$/);

    const saved = await call<PresetView>(list, "POST", { cookie: member.cookie, body: preset });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ ...preset, canManage: true });
    expect((await presets(admin.cookie)).map((p) => p.name)).toEqual(["Skateboarder", "Runner", "Dancer", "Slow orbit"]);

    // Bad input changes nothing.
    const taken = await call<{ error: { fields: Record<string, string> } }>(list, "POST", { cookie: admin.cookie, body: preset });
    expect(taken.status).toBe(409);
    const bad = await call<{ error: { fields: Record<string, string> } }>(list, "POST", {
      cookie: admin.cookie,
      body: { ...preset, name: "Other", duration: 20, seed: -7, aspectRatio: "2:1" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["aspectRatio", "duration", "seed"]);
    expect(await presets(admin.cookie)).toHaveLength(4);

    const dancer = first[2]!.id;
    expect((await call(one, "PATCH", { cookie: member.cookie, params: { id: dancer }, body: { name: "Mine now" } })).status).toBe(403);
    expect((await call(one, "DELETE", { cookie: member.cookie, params: { id: dancer } })).status).toBe(403);
    expect((await call(one, "PATCH", { cookie: admin.cookie, params: { id: dancer }, body: { name: "Runner" } })).status).toBe(409);
    const renamed = await call<PresetView>(one, "PATCH", { cookie: admin.cookie, params: { id: dancer }, body: { name: "Stage spin" } });
    expect(renamed.body.name).toBe("Stage spin");
    expect((await call(one, "DELETE", { cookie: admin.cookie, params: { id: saved.body.id } })).status).toBe(204);
    expect((await presets(member.cookie)).map((p) => p.name)).toEqual(["Skateboarder", "Runner", "Stage spin"]);
    // Removed examples stay removed.
    expect((await call(one, "DELETE", { cookie: admin.cookie, params: { id: first[0]!.id } })).status).toBe(204);
    expect((await presets(member.cookie)).map((p) => p.name)).toEqual(["Runner", "Stage spin"]);
  });

  test("a preset keeps its model and is checked against it: 2.0 saves 15 s, lite 480p refuses it on duration", async () => {
    const { cookie } = await signedIn("preset-model@keyframe.test", "member");
    const { ENTRIES } = await import("@/lib/catalog");
    const lite = ENTRIES[0]!;
    const two = ENTRIES.find((e) => e.short === "2.0")!;
    const long = { ...preset, cameraFixed: false, duration: 15 };
    const saved = await call<PresetView>(list, "POST", { cookie, body: { ...long, name: "Long 2.0", model: two.id } });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: "Long 2.0", model: two.id, duration: 15 });
    const listed = await call<{ presets: PresetView[] }>(list, "GET", { cookie });
    expect(listed.body.presets.find((p) => p.name === "Long 2.0")).toMatchObject({ model: two.id, duration: 15 });

    const refused = await call<{ error: { fields: Record<string, string> } }>(list, "POST", {
      cookie,
      body: { ...long, name: "Long lite", model: lite.id },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual({ duration: "Duration must be a whole number from 2 to 12." });
    const without = await call<{ error: { fields: Record<string, string> } }>(list, "POST", {
      cookie,
      body: { ...long, name: "No model" },
    });
    expect(without.body.error.fields).toEqual({ duration: "Duration must be a whole number from 2 to 12." });
  });
});
