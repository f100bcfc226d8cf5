// backend-free: the WaveSpeed client against the simulator or a local server, no database or object store
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Agent, getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { makePng } from "@/lib/test/png";
import { WaveSpeedClient } from "./client";
import type { SubmitInput } from "./types";

const KEY = "client-test-key-123";
let sim: Simulator;
let client: WaveSpeedClient;

const input: SubmitInput = {
  image: `data:image/png;base64,${makePng(480, 320).toString("base64")}`,
  prompt: "A slow push-in",
  duration: 2,
  aspectRatio: "16:9",
  cameraFixed: true,
  seed: 7,
  enableSafetyChecker: true,
};

async function settle(id: string) {
  for (let i = 0; i < 100; i++) {
    const r = await client.result(id);
    if (r.ok && (r.task.status === "completed" || r.task.status === "failed")) return r.task;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error("task did not settle");
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, apiKey: KEY, delayMs: 300, workDir: path.join(os.tmpdir(), `kf-sim-${process.pid}`), slowMs: 800 });
  client = new WaveSpeedClient({ baseUrl: sim.url, apiKey: KEY, timeoutMs: 500 });
});
afterAll(() => sim.close());

async function setFaults(spec: string) {
  const res = await fetch(`${sim.url}/__sim/faults`, { method: "POST", body: spec });
  expect(res.status).toBe(200);
}
beforeEach(async () => {
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

describe("submit", () => {
  test("creates a task with a 32-hex id and sends every field in WaveSpeed's names", async () => {
    const r = await client.submit({ ...input, lastImage: input.image });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.task.id).toMatch(/^[0-9a-f]{32}$/);
    expect(r.task.status).toBe("created");
    expect(sim.stats.received[0]).toMatchObject({
      prompt: "A slow push-in",
      duration: 2,
      aspect_ratio: "16:9",
      camera_fixed: true,
      seed: 7,
      enable_safety_checker: true,
      image: expect.stringMatching(/^data:image\/png/),
      last_image: expect.stringMatching(/^data:image\/png/),
    });
  });

  test("leaves aspect_ratio out when the model should follow the image", async () => {
    await client.submit({ ...input, aspectRatio: undefined });
    expect(sim.stats.received[0]).not.toHaveProperty("aspect_ratio");
  });

  test("a bad key is a refusal of the key: nothing created", async () => {
    const bad = new WaveSpeedClient({ baseUrl: sim.url, apiKey: "wrong-key-000", timeoutMs: 500 });
    const r = await bad.submit(input);
    expect(r).toMatchObject({ ok: false, kind: "key_refused", status: 401 });
    expect(sim.stats.submits).toBe(0);
  });

  test.each([
    [{ image: "" }, /image is required/],
    [{ duration: 13 }, /duration/],
    [{ image: "data:image/png;base64,aGVsbG8=" }, /JPEG or PNG/],
  ])("the simulator rejects what the API rejects: %j", async (patch, message) => {
    const r = await client.submit({ ...input, ...patch });
    expect(r).toMatchObject({ ok: false, kind: "rejected", status: 400 });
    if (!r.ok) expect(r.message).toMatch(message);
  });

  test.each([
    ["429", undefined],
    ["429ra", 1000],
  ])("%s is a safe-to-retry refusal, waiting as long as a Retry-After asks if one is sent", async (fault, retryAfterMs) => {
    await setFaults(`submit:${fault}`);
    const r = await client.submit(input);
    expect(r).toMatchObject({ ok: false, kind: "rate_limited", retryAfterMs });
    expect(sim.stats.submits).toBe(0);
  });

  test.each(["500", "malformed", "slow"])("%s leaves the outcome unknown, never retried", async (fault) => {
    // The simulator's slow answer (800 ms) comes after this client's submit timeout.
    const impatient = new WaveSpeedClient({ baseUrl: sim.url, apiKey: KEY, timeoutMs: 500, submitTimeoutMs: 500 });
    const r = await impatient.submit({ ...input }).then(async () => {
      await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
      await setFaults(`submit:${fault}`);
      return impatient.submit(input);
    });
    expect(r).toMatchObject({ ok: false, kind: "unknown" });
    expect(sim.stats.submitRequests).toBe(1);
  });

  test("a submit is waited for past fetch's own limit on an answer's headers (300 s in Node, 0.5 s here)", async () => {
    const task = { id: "a".repeat(32), model: "m", outputs: [], has_nsfw_contents: [], status: "created", error: "" };
    const late = http.createServer((req, res) => {
      req.resume();
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ code: 200, data: task })), 2500);
    });
    await new Promise<void>((resolve) => late.listen(0, "127.0.0.1", resolve));
    const node = getGlobalDispatcher();
    setGlobalDispatcher(new Agent({ headersTimeout: 500 }));
    try {
      const { port } = late.address() as net.AddressInfo;
      const r = await new WaveSpeedClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY, timeoutMs: 500 }).submit(input);
      expect(r).toMatchObject({ ok: true, task: { id: task.id, status: "created" } });
    } finally {
      setGlobalDispatcher(node);
      late.closeAllConnections();
      await new Promise((resolve) => late.close(resolve));
    }
  });

  test("a submit answered after the result timeout (500 ms) is waited for and creates its task", async () => {
    await setFaults("submit:slow");
    const r = await client.submit(input);
    expect(r).toMatchObject({ ok: true, task: { status: "created" } });
    expect(sim.stats.submitRequests).toBe(1);
    expect(sim.stats.submits).toBe(1);
  });

  // At scale: an answer 3 s late is four times past this client's 750 ms result timeout (WAVESPEED_TIMEOUT_MS, 30 s by default);
  // Node's own 300 s limit on an answer's headers is the test above.
  test("a submit answered several times past the result timeout is waited for: the task, not an unknown outcome", async () => {
    const patient = new WaveSpeedClient({ baseUrl: sim.url, apiKey: KEY, timeoutMs: 750 });
    await setFaults("submit:late3");
    const started = Date.now();
    const r = await patient.submit(input);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
    expect(r).toMatchObject({ ok: true, task: { status: expect.stringMatching(/created|processing|completed/) } });
    expect(sim.stats.submitRequests).toBe(1);
  });

  test("a refused connection means nothing was sent", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const closed = new WaveSpeedClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY, timeoutMs: 500 });
    expect(await closed.submit(input)).toMatchObject({ ok: false, kind: "unreachable" });
  });
});

describe("result", () => {
  test("goes created -> processing -> completed with a playable mp4", async () => {
    const r = await client.submit(input);
    if (!r.ok) throw new Error(r.message);
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const res = await client.result(r.task.id);
      if (res.ok) seen.add(res.task.status);
      if (res.ok && res.task.status === "completed") {
        expect(res.task.outputs[0]).toMatch(/\.mp4$/);
        expect(res.task.nsfw).toEqual([false]);
        const video = await fetch(res.task.outputs[0]!);
        expect(video.headers.get("content-type")).toBe("video/mp4");
        expect((await video.arrayBuffer()).byteLength).toBeGreaterThan(1000);
        break;
      }
      await new Promise((res) => setTimeout(res, 40));
    }
    expect([...seen]).toEqual(["created", "processing", "completed"]);
  });

  test.each([
    ["429", { kind: "retry", status: 429, retryAfterMs: undefined }],
    ["429ra", { kind: "retry", status: 429, retryAfterMs: 1000 }],
    ["500", { kind: "retry", status: 500 }],
    ["503", { kind: "retry", status: 503 }],
    ["malformed", { kind: "retry" }],
    ["slow", { kind: "retry", message: "WaveSpeed did not answer in time" }],
  ])("fault %s is retryable", async (fault, expected) => {
    const r = await client.submit(input);
    if (!r.ok) throw new Error(r.message);
    await setFaults(`result:${fault}`);
    expect(await client.result(r.task.id)).toMatchObject({ ok: false, ...expected });
    expect(await client.result(r.task.id)).toMatchObject({ ok: true });
  });

  test("an unknown task is a final 404", async () => {
    expect(await client.result("0".repeat(32))).toMatchObject({ ok: false, kind: "final", status: 404 });
  });

  test("a failed task carries WaveSpeed's error text", async () => {
    await setFaults("submit:fail");
    const r = await client.submit(input);
    if (!r.ok) throw new Error(r.message);
    const task = await settle(r.task.id);
    expect(task.status).toBe("failed");
    expect(task.error).toMatch(/Task failed/);
  });

  test.each(["image", "lastImage"] as const)("a %s URL WaveSpeed cannot fetch fails the task as media access", async (field) => {
    // A URL on this machine: the simulator must refuse it as WaveSpeed cannot reach it, without fetching it.
    let hits = 0;
    const server = http.createServer((_, res) => {
      hits += 1;
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/x.png`;
    try {
      const r = await client.submit({ ...input, [field]: url });
      if (!r.ok) throw new Error(r.message);
      const task = await settle(r.task.id);
      expect(task.status).toBe("failed");
      // The plain words come from the task's `code` (1402), the text follows them.
      const which = field === "image" ? "the start image" : "the end image";
      expect(task.error).toMatch(new RegExp(`^WaveSpeed could not fetch ${which} from its URL \\(media access failed`));
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  test("an NSFW flag comes through per output", async () => {
    const r = await client.submit({ ...input, prompt: "A dancer [sim:nsfw]" });
    if (!r.ok) throw new Error(r.message);
    expect((await settle(r.task.id)).nsfw).toEqual([true]);
  });
});

test("balance reads the account balance and drops with each task", async () => {
  const before = await client.balance();
  await client.submit({ ...input, duration: 5 });
  expect(before - (await client.balance())).toBeCloseTo(0.08, 6);
});

test("tasks survive a simulator restart on the same work dir", async () => {
  const r = await client.submit(input);
  if (!r.ok) throw new Error(r.message);
  await settle(r.task.id);
  await sim.close();
  sim = await startSimulator({ port: 0, apiKey: KEY, delayMs: 300, workDir: path.join(os.tmpdir(), `kf-sim-${process.pid}`) });
  client = new WaveSpeedClient({ baseUrl: sim.url, apiKey: KEY, timeoutMs: 500 });
  const again = await client.result(r.task.id);
  expect(again).toMatchObject({ ok: true, task: { status: "completed" } });
});
