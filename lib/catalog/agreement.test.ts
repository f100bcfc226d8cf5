import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, TEST_KEY } from "@/lib/test/app";
import { makePng } from "@/lib/test/png";
import { generateSchema } from "@/lib/validations/generate";
import { ENTRIES, type ModelEntry } from ".";

// The form's schema, the route and the simulator refuse the same value of each model with the same words.
let sim: Simulator;
let routes: typeof import("@/app/api/jobs/route");
let cookie = "";
const png = makePng(640, 360);

beforeAll(async () => {
  ({ sim } = await setupApp());
  routes = await import("@/app/api/jobs/route");
  ({ cookie } = await signedIn("models@keyframe.test"));
});
afterAll(() => sim.close());

const base = (entry: ModelEntry) => ({
  model: entry.id,
  prompt: "A dancer spins",
  duration: entry.duration.default,
  aspectRatio: "16:9",
  cameraFixed: false,
  seed: 7,
  enableSafetyChecker: true,
  variations: 1,
});

async function formSays(values: Record<string, unknown>): Promise<Record<string, string>> {
  const parsed = await generateSchema.safeParseAsync({ ...values, image: "https://example.com/start.png" });
  return Object.fromEntries((parsed.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
}

async function routeSays(values: Record<string, unknown>): Promise<{ status: number; fields: Record<string, string> }> {
  const body = new FormData();
  for (const [k, v] of Object.entries(values)) body.append(k, String(v));
  body.append("image", new File([new Uint8Array(png)], "start.png"));
  const res = await routes.POST(new Request("http://localhost/api/jobs", { method: "POST", body, headers: { cookie } }));
  const json = (await res.json()) as { error?: { fields?: Record<string, string> } };
  return { status: res.status, fields: json.error?.fields ?? {} };
}

async function simulatorSays(entry: ModelEntry, wire: Record<string, unknown>) {
  const image = `data:image/png;base64,${png.toString("base64")}`;
  const res = await fetch(`${sim.url}/api/v3/${entry.id}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ image, prompt: "A dancer spins", ...wire }),
  });
  return { status: res.status, message: ((await res.json()) as { message: string }).message };
}

describe.each(ENTRIES.map((e) => [e.short, e] as const))("%s", (_, entry) => {
  test("a duration past its range: the same field error from the form, the route and the simulator", async () => {
    const duration = entry.duration.max + 1;
    const message = `Duration must be a whole number from ${entry.duration.min} to ${entry.duration.max}.`;
    expect(await formSays({ ...base(entry), duration })).toEqual({ duration: message });
    expect(await routeSays({ ...base(entry), duration })).toEqual({ status: 400, fields: { duration: message } });
    expect(await simulatorSays(entry, { duration })).toEqual({ status: 400, message: `duration: ${message}` });
  });

  test("its own fields: camera_fixed, sound and resolution refused or taken alike", async () => {
    const values = { ...base(entry), cameraFixed: true, generateAudio: true, resolution: "1080p" };
    const form = await formSays(values);
    const route = await routeSays(values);
    expect(route.fields).toEqual(form);
    const sim1 = await simulatorSays(entry, {
      camera_fixed: true,
      generate_audio: true,
      resolution: "1080p",
      duration: entry.duration.min,
    });
    const first = Object.entries(form)[0];
    expect(sim1.status).toBe(first ? 400 : 200);
    if (first) expect(sim1.message).toContain(first[1]);
    if (!entry.cameraFixed) expect(form.cameraFixed).toBe(`${entry.short} has no Camera fixed setting.`);
    if (!entry.audio) expect(form.generateAudio).toBe(`${entry.short} makes silent clips: no Sound setting.`);
    if (!entry.resolutions.includes("1080p")) expect(form.resolution).toBe(`Resolution must be one of ${entry.resolutions.join(", ")}.`);
  });
});

test("a model that requires a prompt: the simulator refuses a submit without one (1400); lite 480p takes it", async () => {
  const two = ENTRIES.find((e) => e.promptRequired)!;
  const res = await simulatorSays(two, { prompt: undefined, duration: two.duration.default });
  expect(res).toEqual({ status: 400, message: `prompt: ${two.short} requires a prompt: describe the motion you want.` });
  expect((await simulatorSays(ENTRIES[0]!, { prompt: undefined, duration: 5 })).status).toBe(200);
});
