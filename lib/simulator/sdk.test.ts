// backend-free: the simulator alone, no database or object store
/**
 * WaveSpeed's official npm SDK (`wavespeed` 0.3.2) against the simulator, used as its users use it. Each
 * test checks what the SDK returned or threw AND what the simulator received.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, version, WavespeedException, WavespeedSubmissionException, WavespeedSyncTimeoutException } from "wavespeed";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { MODEL_ID } from "@/lib/model/seedance";
import { makePng } from "@/lib/test/png";
import { startSimulator, type Simulator } from "./server";

const KEY = "sdk-test-key";
const png = makePng(400, 320);
const dataUri = `data:image/png;base64,${png.toString("base64")}`;
const fast = { pollInterval: 0.02, timeout: 20 };
let sim: Simulator;
let client: Client;
let workDir: string;

const makeClient = (key = KEY, url = sim.url) => new Client(key, { baseUrl: url, retryInterval: 0.02, maxConnectionRetries: 5 });
const faults = (spec: string) => fetch(`${sim.url}/__sim/faults`, { method: "POST", body: spec });
const firstTaskId = () => String(sim.stats.received[0]?.taskId);
/** What the SDK threw, for assertions on its class and words. */
const thrown = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error("did not throw"),
    (error: unknown) => error as Error,
  );

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "kf-sim-sdk-"));
  sim = await startSimulator({ port: 0, apiKey: KEY, delayMs: 150, workDir, render: false });
  client = makeClient();
  // The SDK logs every retry; the count is asserted from the simulator's side instead.
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterAll(() => sim.close());
beforeEach(async () => {
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

test("the SDK under test is 0.3.2 and exports what its users import", () => {
  expect(version).toBe("0.3.2");
  expect(
    [Client, WavespeedException, WavespeedSubmissionException, WavespeedSyncTimeoutException].every((x) => typeof x === "function"),
  ).toBe(true);
});

describe("run()", () => {
  test("with a data URI and every parameter: completes with one playable mp4, every field received as sent", async () => {
    const input = {
      image: dataUri,
      last_image: dataUri,
      prompt: "A slow push-in",
      duration: 3,
      aspect_ratio: "16:9",
      camera_fixed: true,
      seed: 42,
      enable_safety_checker: true,
    };
    const { outputs } = await client.run(MODEL_ID, input, fast);
    expect(outputs).toHaveLength(1);
    const video = await fetch(String(outputs[0]));
    expect(video.headers.get("content-type")).toBe("video/mp4");
    expect((await video.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(sim.stats.received).toEqual([
      {
        ...input,
        image: `data:image/png (${dataUri.length} chars)`,
        last_image: `data:image/png (${dataUri.length} chars)`,
        taskId: expect.stringMatching(/^[a-f0-9]{32}$/),
        webhook: undefined,
      },
    ]);
    expect(sim.stats.submitBodyBytes).toEqual([JSON.stringify(input).length]);
    expect(sim.stats.lastHeaders).toMatchObject({
      "x-client-name": "wavespeed-js",
      "x-client-version": "0.3.2",
      "x-client-os": process.platform,
    });
    expect(sim.stats.lastHeaders.authorization).toBeUndefined();
  });

  test("with raw base64 (no data: prefix): completes", async () => {
    const { outputs } = await client.run(MODEL_ID, { image: png.toString("base64"), duration: 2 }, fast);
    expect(outputs).toHaveLength(1);
    expect(sim.stats.submits).toBe(1);
  });

  test("upload() a file, then a run naming its URL: the simulator fetched its own upload", async () => {
    const file = path.join(workDir, "start.png");
    fs.writeFileSync(file, png);
    const url = await client.upload(file);
    expect(url).toMatch(new RegExp(`^${sim.url}/media/[a-f0-9]{32}/start\\.png$`));
    expect(sim.stats.uploads).toEqual({ tickets: 1, puts: 1, binary: 0, bytes: png.length });
    const { outputs } = await client.run(MODEL_ID, { image: url, duration: 2 }, fast);
    expect(outputs).toHaveLength(1);
    expect(sim.stats.received[0]?.image).toBe(url);
    expect(sim.stats.submitBodyBytes[0]).toBeLessThan(300);
  });

  test("an upload answered HTTP 200 with envelope code 500 is an error, and no PUT follows", async () => {
    const file = path.join(workDir, "bad.png");
    fs.writeFileSync(file, png);
    await faults("upload:code500");
    const error = await thrown(client.upload(file));
    expect(error.message).toBe("Upload failed: Upload failed: invalid file type");
    expect(sim.stats.uploads).toMatchObject({ tickets: 0, puts: 0 });
  });
});

describe("sync mode", () => {
  test("one request answers the completed task: no result GETs", async () => {
    const { outputs } = await client.run(MODEL_ID, { image: dataUri, duration: 2 }, { ...fast, enableSyncMode: true });
    expect(outputs).toHaveLength(1);
    expect(sim.stats.submitRequests).toBe(1);
    expect(sim.stats.resultGets).toEqual({});
    expect(sim.stats.received[0]?.enable_sync_mode).toBe(true);
  });

  test("past the simulator's sync limit: WavespeedSyncTimeoutException with WaveSpeed's words, the task still running", async () => {
    const slow = await startSimulator({ port: 0, apiKey: KEY, delayMs: 5000, workDir, render: false, syncTimeoutMs: 300 });
    try {
      const error = await thrown(
        makeClient(KEY, slow.url).run(MODEL_ID, { image: dataUri, duration: 2 }, { ...fast, enableSyncMode: true }),
      );
      expect(error).toBeInstanceOf(WavespeedSyncTimeoutException);
      const id = String(slow.stats.received[0]?.taskId);
      expect(error.message).toBe(
        `Sync mode timed out (task_id: ${id}): Sync mode timed out after 0.3 seconds. The prediction is still processing asynchronously. ` +
          `Query the result later at: ${slow.url}/api/v3/predictions/${id}/result`,
      );
      expect(slow.stats.submits).toBe(1);
    } finally {
      await slow.close();
    }
  });
});

describe("refusals and retries", () => {
  test("a wrong key: 401 on the submit, not retried even with task retries on", async () => {
    const error = await thrown(makeClient("not-the-key").run(MODEL_ID, { image: dataUri }, { ...fast, maxRetries: 2 }));
    expect(error).toBeInstanceOf(WavespeedSubmissionException);
    expect(error.message).toContain('HTTP 401: {"code":401,"message":"Unauthorized: invalid API key","data":null}');
    expect(sim.stats).toMatchObject({ submitRequests: 1, submits: 0 });
  });

  test("a key refused on the result GET (401) ends the wait after one GET", async () => {
    await faults("result:401x*");
    const error = await thrown(client.run(MODEL_ID, { image: dataUri, duration: 2 }, fast));
    expect(error.message).toMatch(/HTTP 401/);
    expect(sim.stats.resultGets[firstTaskId()]).toBe(1);
  });

  test("a bad parameter: 400 with its message and error_code, nothing created", async () => {
    const error = await thrown(client.run(MODEL_ID, { image: dataUri, duration: 13 }, fast));
    expect(error).toBeInstanceOf(WavespeedSubmissionException);
    expect(error.message).toContain(
      'HTTP 400: {"code":400,"message":"duration: Duration must be a whole number from 2 to 12.","error_code":1401,"data":null}',
    );
    expect(sim.stats).toMatchObject({ submitRequests: 1, submits: 0 });
  });

  test("an unknown task id: 404, final after one GET", async () => {
    await faults("result:404");
    const error = await thrown(client.run(MODEL_ID, { image: dataUri, duration: 2 }, fast));
    expect(error.message).toMatch(/HTTP 404/);
    expect(sim.stats.resultGets[firstTaskId()]).toBe(1);
    const unknown = await fetch(`${sim.url}/api/v3/predictions/${"0".repeat(32)}/result`, { headers: { authorization: `Bearer ${KEY}` } });
    expect([unknown.status, await unknown.json()]).toEqual([404, { code: 404, message: "Task not found", data: null }]);
  });

  test("result GETs answered 500 twice are retried, then the run completes", async () => {
    await faults("result:500x2");
    const { outputs } = await client.run(MODEL_ID, { image: dataUri, duration: 2 }, fast);
    expect(outputs).toHaveLength(1);
    expect(sim.stats.resultGets[firstTaskId()]).toBeGreaterThanOrEqual(3);
  });

  test("a submit answered 500 is never resent, even with task retries on", async () => {
    await faults("submit:500");
    const error = await thrown(client.run(MODEL_ID, { image: dataUri, duration: 2 }, { ...fast, maxRetries: 2 }));
    expect(error).toBeInstanceOf(WavespeedSubmissionException);
    expect(sim.stats.submitRequests).toBe(1);
  });
});

describe("final statuses end the wait with the task's text", () => {
  test.each([
    ["cancelled", "The task was cancelled before it finished."],
    ["timeout", "The task timed out before the model finished."],
    ["deleted", "The task was deleted."],
    ["fail", "Task failed: the model could not generate this video (simulated failure)."],
  ])("[sim:%s]", async (tag, text) => {
    const error = await thrown(client.run(MODEL_ID, { image: dataUri, duration: 2, prompt: `A pan [sim:${tag}]` }, fast));
    expect(error.message).toBe(`Prediction failed (task_id: ${firstTaskId()}): ${text}`);
    const gets = sim.stats.resultGets[firstTaskId()] ?? 0;
    await new Promise((r) => setTimeout(r, 100));
    expect(sim.stats.resultGets[firstTaskId()]).toBe(gets);
  });
});

describe("against `npm run simulator`, as its users start it", () => {
  let child: ChildProcess;
  let url = "";
  let dir = "";
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kf-sim-npm-"));
    child = spawn("npm", ["run", "--silent", "simulator"], {
      env: { ...process.env, SIM_PORT: "0", SIM_API_KEY: KEY, SIM_DELAY_MS: "300", SIM_RENDER: "0", SIM_DATA_DIR: dir },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
    url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const found = /listening on (http:\/\/\S+)/.exec(out);
        if (found?.[1]) resolve(found[1]);
      });
      child.once("exit", (code) => reject(new Error(`npm run simulator exited (${code}): ${out}`)));
    });
  }, 60_000);
  afterAll(() => {
    // npm, its shell and the simulator: the whole group.
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  });

  test("upload() then run(), sync mode, and a wrong key behave as against WaveSpeed", async () => {
    const sdk = makeClient(KEY, url);
    const file = path.join(dir, "start.png");
    fs.writeFileSync(file, png);
    const image = await sdk.upload(file);
    expect(image).toMatch(new RegExp(`^${url}/media/[0-9a-f]{32}/start\\.png$`));
    const { outputs } = await sdk.run(MODEL_ID, { image, prompt: "A slow push-in", duration: 2 }, fast);
    expect(outputs[0]).toMatch(/\.mp4$/);
    const sync = await sdk.run(MODEL_ID, { image, prompt: "Sync", duration: 2 }, { ...fast, enableSyncMode: true });
    expect(sync.outputs).toHaveLength(1);
    const refused = await thrown(makeClient("wrong-key-1234", url).run(MODEL_ID, { image, prompt: "x" }, fast));
    expect(refused).toBeInstanceOf(WavespeedSubmissionException);
    expect(refused.message).toMatch(/HTTP 401/);
    const stats = (await (await fetch(`${url}/__sim/stats`)).json()) as { submits: number; uploads: { tickets: number; puts: number } };
    expect(stats).toMatchObject({ submits: 2, uploads: { tickets: 1, puts: 1 } });
  });
});
