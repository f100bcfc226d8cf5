// backend-free: the simulator alone, no database or object store
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { MODEL_ID } from "@/lib/model/seedance";
import { makePng } from "@/lib/test/png";
import { startSimulator, type Simulator } from "./server";

const KEY = "server-test-key";
const image = `data:image/png;base64,${makePng(400, 320).toString("base64")}`;
let sim: Simulator;

beforeAll(async () => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "kf-sim-server-"));
  sim = await startSimulator({ port: 0, apiKey: KEY, delayMs: 200, workDir, render: false, syncTimeoutMs: 2000 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

type Json = { code: number; message: string; error_code?: number; data: Record<string, unknown> | null };
async function call(method: string, route: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sim.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Json };
}
const submit = (body: Record<string, unknown>, headers?: Record<string, string>) =>
  call("POST", `/api/v3/${MODEL_ID}`, { image, duration: 2, ...body }, headers);
const task = (id: string) => call("GET", `/api/v3/predictions/${id}/result`).then((r) => r.json.data as Record<string, unknown>);
async function settled(id: string) {
  for (;;) {
    const t = await task(id);
    if (!["created", "processing"].includes(String(t.status))) return t;
    await new Promise((r) => setTimeout(r, 25));
  }
}
const idOf = (r: { json: Json }) => String(r.json.data?.id);

describe("auth and error bodies", () => {
  test("the key is checked before routing: a wrong key on an unknown route is 401, a good key 404", async () => {
    const wrong = await call("GET", "/api/v3/no-such-route", undefined, { authorization: "Bearer nope" });
    expect([wrong.status, wrong.json]).toEqual([401, { code: 401, message: "Unauthorized: invalid API key", data: null }]);
    const missing = await call("GET", "/api/v3/models", undefined, { authorization: "" });
    expect(missing.status).toBe(401);
    const unknown = await call("GET", "/api/v3/no-such-route");
    expect([unknown.status, unknown.json]).toEqual([404, { code: 404, message: "No route for GET /api/v3/no-such-route", data: null }]);
  });

  test("a missing image is 400 with error_code 1400; an invalid one 1401", async () => {
    expect((await submit({ image: undefined })).json).toEqual({ code: 400, message: "image is required", error_code: 1400, data: null });
    expect((await submit({ seed: -2 })).json).toMatchObject({ code: 400, error_code: 1401 });
    expect(sim.stats).toMatchObject({ submitRequests: 2, submits: 0 });
  });

  test("429 carries no Retry-After unless the 429ra fault asks for one", async () => {
    const plain = await submit({}, { "x-sim-fault": "429" });
    expect([plain.status, plain.headers.get("retry-after")]).toEqual([429, null]);
    const withHeader = await submit({ prompt: "x [sim:429ra]" });
    expect([withHeader.status, withHeader.headers.get("retry-after")]).toEqual([429, "1"]);
    expect(sim.stats.submits).toBe(0);
  });

  test("401, 403 and code500 faults on any target", async () => {
    await fetch(`${sim.url}/__sim/faults`, { method: "POST", body: "balance:403,result:code500,submit:401" });
    expect((await call("GET", "/api/v3/balance")).json).toEqual({ code: 403, message: "Forbidden: this account is suspended", data: null });
    expect((await submit({})).status).toBe(401);
    const created = await submit({});
    const envelopeError = await call("GET", `/api/v3/predictions/${idOf(created)}/result`);
    expect([envelopeError.status, envelopeError.json]).toEqual([200, { code: 500, message: "Internal server error", data: null }]);
  });
});

describe("tasks", () => {
  test("a failed task says so in plain words and carries code 1403; GET /predictions/{id} answers too", async () => {
    const id = idOf(await submit({ prompt: "x [sim:fail]" }));
    const failed = await settled(id);
    expect(failed).toMatchObject({ status: "failed", code: 1403, outputs: [] });
    expect(String(failed.error)).not.toMatch(/\d/);
    expect((await call("GET", `/api/v3/predictions/${id}`)).json.data).toMatchObject({ id, status: "failed" });
  });

  test("an image URL WaveSpeed cannot reach fails as media access: code 1402, no digits in the text", async () => {
    const failed = await settled(idOf(await submit({ image: "http://127.0.0.1:9/x.png" })));
    expect(failed).toMatchObject({ status: "failed", code: 1402 });
    expect(String(failed.error)).toMatch(/^media access failed: could not fetch image: /);
    expect(String(failed.error).replace(/https?:\/\/\S+|\(\S+\)/g, "")).not.toMatch(/\d/);
  });

  test("late1: the task exists at once, its answer comes a second later", async () => {
    const started = Date.now();
    const answer = submit({ prompt: "x [sim:late1]" });
    await new Promise((r) => setTimeout(r, 300));
    expect(sim.stats.submits).toBe(1);
    const r = await answer;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(r.json.data).toMatchObject({ id: sim.stats.received[0]?.taskId });
  });

  test("sync mode answers the final task in one request, a failed one too (envelope code 200)", async () => {
    const done = await submit({ enable_sync_mode: true });
    expect(done.json).toMatchObject({ code: 200, data: { status: "completed", outputs: [expect.stringMatching(/\.mp4$/)] } });
    const failed = await submit({ enable_sync_mode: true, prompt: "x [sim:fail]" });
    expect(failed.json).toMatchObject({ code: 200, data: { status: "failed", code: 1403 } });
  });

  test("deleted through the API: its result says deleted, its video is gone, history leaves it out", async () => {
    const since = new Date().toISOString();
    const id = idOf(await submit({}));
    await settled(id);
    const other = idOf(await submit({}));
    expect((await call("POST", "/api/v3/predictions/delete", { ids: [id, "f".repeat(32)] })).json.data).toEqual({ ids: [id] });
    expect(await task(id)).toMatchObject({ status: "deleted", error: "The task was deleted.", outputs: [] });
    expect((await fetch(`${sim.url}/outputs/${id}.mp4`)).status).toBe(404);
    const history = await call("POST", "/api/v3/predictions", { page: 1, page_size: 10, created_after: since });
    expect((history.json.data?.items as { id: string }[]).map((i) => i.id)).toEqual([other]);
    expect((await call("POST", "/api/v3/predictions/delete", {})).json).toMatchObject({ code: 400, error_code: 1400 });
  });
});

describe("account endpoints", () => {
  test("history: newest first, paged, filtered by status; page and page_size required", async () => {
    // Tasks outlive a reset: only this test's count.
    const created_after = new Date().toISOString();
    const first = idOf(await submit({ prompt: "x [sim:fail]" }));
    await settled(first);
    const second = idOf(await submit({}));
    const page1 = await call("POST", "/api/v3/predictions", { page: 1, page_size: 1, created_after });
    expect(page1.json.data).toMatchObject({ page: 1, total: 2, items: [{ id: second }] });
    const failed = await call("POST", "/api/v3/predictions", { page: 1, page_size: 10, status: "failed", created_after });
    expect(failed.json.data).toMatchObject({ total: 1, items: [{ id: first, status: "failed" }] });
    expect((await call("POST", "/api/v3/predictions", { page_size: 10 })).json).toMatchObject({
      code: 400,
      error_code: 1400,
      message: "page is required",
    });
    expect((await call("POST", "/api/v3/predictions", { page: 1, page_size: 101 })).json).toMatchObject({ code: 400, error_code: 1401 });
  });

  test("price: $0.016 a second, 5 s when duration is missing; another model 404; a bad duration 400", async () => {
    const price = (inputs: unknown, model_id: string = MODEL_ID) => call("POST", "/api/v3/model/price", { model_id, inputs });
    expect((await price({ duration: 10 })).json.data).toEqual({ model_id: MODEL_ID, price: 0.16, discounted_price: 0.16, currency: "USD" });
    expect((await price({})).json.data).toMatchObject({ price: 0.08 });
    expect((await price({}, "bytedance/other")).status).toBe(404);
    expect((await price({ duration: 1 })).json).toMatchObject({ code: 400, error_code: 1401 });
  });

  test("catalog: lite 480p first, with its base price, formula and request schema", async () => {
    const { json } = await call("GET", "/api/v3/models");
    expect((json.data as unknown as unknown[]).length).toBeGreaterThan(1);
    expect((json.data as unknown as unknown[]).slice(0, 1)).toEqual([
      expect.objectContaining({
        model_id: MODEL_ID,
        base_price: 0.08,
        formula: "base_price * duration / 5",
        api_schema: { api_schemas: [expect.objectContaining({ request_schema: expect.objectContaining({ required: ["image"] }) })] },
      }),
    ]);
    const schema = (
      json.data as unknown as { api_schema: { api_schemas: { request_schema: { properties: Record<string, unknown> } }[] } }[]
    )[0];
    expect(Object.keys(schema?.api_schema.api_schemas[0]?.request_schema.properties ?? {}).sort()).toEqual(
      ["aspect_ratio", "camera_fixed", "duration", "image", "last_image", "prompt", "seed"].sort(),
    );
  });

  test("billing: a deduct per task, a refund for a failed one; balance and usage agree", async () => {
    const before = (await call("GET", "/api/v3/balance")).json.data?.balance as number;
    const start_time = new Date().toISOString();
    const good = idOf(await submit({ duration: 5 }));
    const bad = idOf(await submit({ duration: 5, prompt: "x [sim:fail]" }));
    await Promise.all([settled(good), settled(bad)]);
    const window = { start_time, end_time: new Date(Date.now() + 60_000).toISOString() };
    const billing = await call("POST", "/api/v3/billings/search", { page: 1, page_size: 10, ...window });
    const items = billing.json.data?.items as { billing_type: string; price: number; prediction: { uuid: string; status: string } }[];
    expect(items.map((i) => [i.billing_type, i.prediction.uuid, i.price]).sort()).toEqual(
      [
        ["deduct", good, 0.08],
        ["deduct", bad, 0.08],
        ["refund", bad, 0.08],
      ].sort(),
    );
    expect(billing.json.data?.has_more).toBe(false);
    expect(before - ((await call("GET", "/api/v3/balance")).json.data?.balance as number)).toBeCloseTo(0.08, 6);
    const usage = await call("POST", "/api/v3/user/usage_stats", window);
    expect(usage.json.data?.summary).toEqual({ total_cost: 0.08, total_requests: 2, success_requests: 1 });
    expect((await call("POST", "/api/v3/billings/search", { page: 1, page_size: 10 })).json).toMatchObject({ error_code: 1400 });
  });
});
