// backend-free: the WaveSpeed client against the simulator or a local server, no database or object store
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { makePng } from "@/lib/test/png";
import { WaveSpeedClient } from "./client";

const KEY = "upload-test-key-123";
let sim: Simulator;
const png = makePng(320, 320);
const file = { filename: "start.png", contentType: "image/png" };
const fresh = () => new WaveSpeedClient({ baseUrl: sim.url, apiKey: KEY, timeoutMs: 2000 });

beforeAll(async () => {
  sim = await startSimulator({ port: 0, apiKey: KEY, delayMs: 300, workDir: path.join(os.tmpdir(), `kf-upl-${process.pid}`) });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

async function setFaults(spec: string) {
  expect((await fetch(`${sim.url}/__sim/faults`, { method: "POST", body: spec })).status).toBe(200);
}

/** A stand-in for WaveSpeed answering every request with this status and body. */
async function answering(status: number, body: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(status, { "content-type": "application/json" }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("upload", () => {
  test("takes a ticket, PUTs the bytes without the key, and answers an address serving those bytes", async () => {
    const r = await fresh().upload(png, file);
    expect(r).toMatchObject({ ok: true, url: expect.stringMatching(new RegExp(`^${sim.url}/media/[0-9a-f]{32}/start\\.png$`)) });
    if (!r.ok) return;
    // The simulator refuses a PUT that carries Authorization, as a presigned URL does.
    expect(sim.stats.uploads).toMatchObject({ tickets: 1, puts: 1, binary: 0, bytes: png.length });
    const served = await fetch(r.url);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  test("falls back to the legacy multipart upload where the newer one answers 404", async () => {
    await setFaults("upload:404x*");
    const client = fresh();
    const r = await client.upload(png, file);
    expect(r).toMatchObject({ ok: true });
    expect(sim.stats.uploads).toMatchObject({ tickets: 0, puts: 0, binary: 1 });
    if (r.ok) expect(Buffer.from(await (await fetch(r.url)).arrayBuffer()).equals(png)).toBe(true);
    expect(await client.upload(png, file)).toMatchObject({ ok: true });
    expect(sim.stats.uploads.binary).toBe(2);
  });

  test.each([
    ["upload:500", "transient"],
    ["upload:429", "transient"],
    ["upload:503", "transient"],
    ["put:500", "transient"],
  ])("%s is a failure worth trying again", async (spec, kind) => {
    await setFaults(spec);
    expect(await fresh().upload(png, file)).toMatchObject({ ok: false, kind });
    expect(await fresh().upload(png, file)).toMatchObject({ ok: true });
  });

  test("a refused key says so, and is not worth trying again as is", async () => {
    const r = await new WaveSpeedClient({ baseUrl: sim.url, apiKey: "wrong-key-000", timeoutMs: 2000 }).upload(png, file);
    expect(r).toMatchObject({ ok: false, kind: "key_refused", status: 401 });
    expect(sim.stats.uploads.tickets).toBe(0);
  });

  test("HTTP 200 with an envelope code other than 200 is an error, with WaveSpeed's message: a refused file is final", async () => {
    const stub = await answering(200, JSON.stringify({ code: 500, message: "Upload failed: invalid file type", data: null }));
    try {
      const r = await new WaveSpeedClient({ baseUrl: stub.url, apiKey: KEY, timeoutMs: 2000 }).upload(png, file);
      expect(r).toMatchObject({ ok: false, kind: "rejected", message: "WaveSpeed 500: Upload failed: invalid file type" });
    } finally {
      await stub.close();
    }
  });

  test("a file WaveSpeed will not take (400) is final", async () => {
    const stub = await answering(400, JSON.stringify({ code: 400, message: "content_type is not allowed", error_code: 1401, data: null }));
    try {
      const r = await new WaveSpeedClient({ baseUrl: stub.url, apiKey: KEY, timeoutMs: 2000 }).upload(png, file);
      expect(r).toMatchObject({
        ok: false,
        kind: "rejected",
        status: 400,
        message: expect.stringContaining("content_type is not allowed"),
      });
    } finally {
      await stub.close();
    }
  });

  test("nothing listening is a failure worth trying again", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const r = await new WaveSpeedClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY, timeoutMs: 2000 }).upload(png, file);
    expect(r).toMatchObject({ ok: false, kind: "transient", message: expect.stringContaining("ECONNREFUSED") });
  });
});
