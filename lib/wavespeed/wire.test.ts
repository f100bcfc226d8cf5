// backend-free: the WaveSpeed client against the simulator or a local server, no database or object store
import http from "node:http";
import type net from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import packageJson from "@/package.json";
import { WaveSpeedClient } from "./client";
import type { SubmitInput } from "./types";

/**
 * How the client reads WaveSpeed's answers, against a stub that answers exactly what each case needs
 * (shapes from WaveSpeed's official clients: /work/shared/wavespeed-api.md).
 */
type Answer = { status: number; body: unknown };
let next: Answer = { status: 200, body: {} };
let seen: http.IncomingHttpHeaders[] = [];
let server: http.Server;
let client: WaveSpeedClient;

const input: SubmitInput = {
  image: "https://cdn.example/a.png",
  prompt: "p",
  duration: 2,
  cameraFixed: false,
  seed: 1,
  enableSafetyChecker: true,
};
const task = (patch: Record<string, unknown> = {}) => ({
  id: "a".repeat(32),
  model: "bytedance/seedance-v1-lite-i2v-480p",
  outputs: [],
  urls: { get: "x" },
  has_nsfw_contents: [],
  status: "created",
  created_at: "2026-01-01T00:00:00Z",
  error: "",
  executionTime: 0,
  timings: { inference: 0 },
  ...patch,
});
const ok = (data: unknown): Answer => ({ status: 200, body: { code: 200, message: "success", data } });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on("end", () => {
      const text = typeof next.body === "string" ? next.body : JSON.stringify(next.body);
      res.writeHead(next.status, { "content-type": "application/json" }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  client = new WaveSpeedClient({
    baseUrl: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    apiKey: "k-123456",
    timeoutMs: 2000,
  });
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test("every request names Keyframe, its version and the OS", async () => {
  seen = [];
  next = ok(task());
  await client.submit(input);
  await client.result("a".repeat(32));
  next = ok({ balance: 3 });
  await client.balance();
  expect(seen).toHaveLength(3);
  for (const headers of seen) {
    expect(headers).toMatchObject({
      "x-client-name": "keyframe",
      "x-client-version": packageJson.version,
      "x-client-os": process.platform,
    });
  }
});

describe("a submit", () => {
  test.each([
    [
      "HTTP 200 with envelope code 500",
      { status: 200, body: { code: 500, message: "Upload failed: invalid file type", data: null } },
      { kind: "unknown" },
    ],
    [
      "HTTP 200 with envelope code 400",
      { status: 200, body: { code: 400, message: "bad duration", data: null } },
      { kind: "rejected", status: 400 },
    ],
    [
      "HTTP 200 with envelope code 401",
      { status: 200, body: { code: 401, message: "Invalid key", data: null } },
      { kind: "key_refused", status: 401 },
    ],
    ["HTTP 200 with envelope code 429", { status: 200, body: { code: 429, message: "slow down", data: null } }, { kind: "rate_limited" }],
    ["HTTP 403", { status: 403, body: { code: 403, message: "Account suspended", data: null } }, { kind: "key_refused", status: 403 }],
  ])("answered %s is read as an error, not a task", async (_, answer, expected) => {
    next = answer;
    expect(await client.submit(input)).toMatchObject({ ok: false, ...expected });
  });

  test("an error body's error_code gives the plain words, the message follows", async () => {
    next = { status: 400, body: { code: 400, message: "image could not be downloaded", error_code: 1402, data: null } };
    expect(await client.submit(input)).toMatchObject({
      kind: "rejected",
      message: "WaveSpeed could not fetch the start image from its URL (WaveSpeed 400: image could not be downloaded).",
    });
  });

  test.each([
    [
      "data.code when there is no error_code",
      { code: 400, message: "missing prompt", data: { code: 1400 } },
      "WaveSpeed refused a parameter of this request (WaveSpeed 400: missing prompt).",
    ],
    [
      "the code alone when there is no message",
      { code: 400, error_code: 1200, data: null },
      "WaveSpeed's content moderation refused this request (WaveSpeed 400: error code 1200).",
    ],
    ["digits in the message are not a code", { code: 400, message: "seed 1402 is odd", data: null }, "WaveSpeed 400: seed 1402 is odd"],
    ["the raw text when it is not JSON", "Bad gateway of sorts", "WaveSpeed 400: Bad gateway of sorts"],
  ])("reads %s", async (_, body, message) => {
    next = { status: 400, body };
    expect(await client.submit(input)).toMatchObject({ kind: "rejected", message });
  });
});

describe("a result GET", () => {
  test.each([
    [401, "refused"],
    [403, "refused"],
    [404, "final"],
    [429, "retry"],
    [502, "retry"],
  ])("answered %i is %s", async (status, kind) => {
    next = { status, body: { code: status, message: "no", data: null } };
    expect(await client.result("a".repeat(32))).toMatchObject({ ok: false, kind, status });
  });

  test("HTTP 200 with envelope code 500 is an error worth retrying", async () => {
    next = { status: 200, body: { code: 500, message: "internal", data: null } };
    expect(await client.result("a".repeat(32))).toMatchObject({ ok: false, kind: "retry", status: 500 });
  });

  test.each([
    ["cancelled", "Cancelled by user", undefined, "WaveSpeed cancelled this task (Cancelled by user)."],
    ["timeout", "", 5004, "WaveSpeed timed out on this task."],
    ["deleted", "", undefined, "WaveSpeed deleted this task."],
    [
      "failed",
      "Media access failed: last_image https://x/y.png",
      1402,
      "WaveSpeed could not fetch the end image from its URL (Media access failed: last_image https://x/y.png).",
    ],
    ["failed", "media access failed (1402)", undefined, "media access failed (1402)"],
  ])("a %s task with %j (code %s) reads %j", async (status, error, code, words) => {
    next = ok(task({ status, error, ...(code ? { code } : {}) }));
    expect(await client.result("a".repeat(32))).toMatchObject({ ok: true, task: { status, error: words } });
  });
});

test("the balance of a refused key throws an error that says the key was refused", async () => {
  next = { status: 401, body: { code: 401, message: "Invalid API key", data: null } };
  await expect(client.balance()).rejects.toMatchObject({ keyRefused: true, status: 401, message: "WaveSpeed 401: Invalid API key" });
});
