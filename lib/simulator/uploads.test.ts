// backend-free: the simulator alone, no database or object store
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { makePng } from "@/lib/test/png";
import { MODEL_ID } from "@/lib/model/seedance";
import { startSimulator, type Simulator } from "./server";

const KEY = "upload-test-key";
const auth = { authorization: `Bearer ${KEY}` };
const png = makePng(400, 320);
let sim: Simulator;
let workDir: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "kf-sim-uploads-"));
  sim = await startSimulator({ port: 0, apiKey: KEY, delayMs: 100, workDir, render: false });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

type Ticket = {
  download_url: string;
  filename: string;
  size: number;
  type: string;
  upload: { method: string; url: string; headers: Record<string, string>; expires_at: string };
};

async function ticket(body: unknown, headers: Record<string, string> = auth) {
  const res = await fetch(`${sim.url}/api/v3/media/uploads`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { code: number; message: string; error_code?: number; data: Ticket } };
}

describe("newer upload: a ticket, then a PUT of the bytes", () => {
  test("the download_url answers 404 until the PUT, then serves exactly the bytes, without a key", async () => {
    const { status, json } = await ticket({ filename: "start.png", size: png.length, content_type: "image/png" });
    expect(status).toBe(200);
    expect(json).toMatchObject({ code: 200, message: "success" });
    const data = json.data;
    expect(data).toMatchObject({
      type: "image",
      filename: "start.png",
      size: png.length,
      upload: { method: "PUT", headers: { "Content-Type": "image/png" } },
    });
    expect(data.download_url).toMatch(new RegExp(`^${sim.url}/media/[a-f0-9]{32}/start\\.png$`));
    expect(data.upload.url).toMatch(new RegExp(`^${sim.url}/__upload/[a-f0-9]{32}\\?token=[a-f0-9]+$`));
    expect(Date.parse(data.upload.expires_at)).toBeGreaterThan(Date.now());
    expect((await fetch(data.download_url)).status).toBe(404);

    const put = await fetch(data.upload.url, { method: "PUT", headers: data.upload.headers, body: new Uint8Array(png) });
    expect(put.status).toBe(200);
    const got = await fetch(data.download_url);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
    expect(sim.stats.uploads).toEqual({ tickets: 1, puts: 1, binary: 0, bytes: png.length });
    expect(fs.readdirSync(path.join(workDir, "uploads")).length).toBeGreaterThanOrEqual(2);
  });

  test.each([
    ["with Authorization, as no presigned URL accepts", { ...auth, "content-type": "image/png" }, png, 400, /Authorization/],
    ["with another Content-Type than the ticket's", { "content-type": "image/jpeg" }, png, 400, /Content-Type must be image\/png/],
    ["with fewer bytes than the ticket said", { "content-type": "image/png" }, png.subarray(1), 400, /the upload ticket said/],
  ])("a PUT %s is refused and nothing is served", async (_, headers, body, status, message) => {
    const { json } = await ticket({ filename: "a.png", size: png.length, content_type: "image/png" });
    const put = await fetch(json.data.upload.url, { method: "PUT", headers, body: new Uint8Array(body) });
    expect(put.status).toBe(status);
    expect(((await put.json()) as { message: string }).message).toMatch(message);
    expect((await fetch(json.data.download_url)).status).toBe(404);
    expect(sim.stats.uploads.puts).toBe(0);
  });

  test("a PUT with another ticket's token is refused", async () => {
    const { json } = await ticket({ filename: "a.png", size: png.length, content_type: "image/png" });
    const forged = json.data.upload.url.replace(/token=[a-f0-9]+/, "token=00");
    expect((await fetch(forged, { method: "PUT", headers: { "content-type": "image/png" }, body: new Uint8Array(png) })).status).toBe(403);
  });

  test.each([
    [{ size: 10, content_type: "image/png" }, 1400, /filename is required/],
    [{ filename: "a.png", content_type: "image/png" }, 1400, /size is required/],
    [{ filename: "a.png", size: -1 }, 1401, /size must be/],
    [{ filename: "a.png", size: 10, content_type: "png" }, 1401, /content_type/],
  ])("a bad ticket %j is a 400 with its error_code", async (body, errorCode, message) => {
    const { status, json } = await ticket(body);
    expect(status).toBe(400);
    expect(json).toMatchObject({ code: 400, error_code: errorCode, data: null });
    expect(json.message).toMatch(message);
    expect(sim.stats.uploads.tickets).toBe(0);
  });

  test("a ticket needs the key; the fault upload:404 answers 404 so clients fall back", async () => {
    expect((await ticket({ filename: "a.png", size: 1 }, { authorization: "Bearer wrong" })).status).toBe(401);
    await fetch(`${sim.url}/__sim/faults`, { method: "POST", body: "upload:404x*" });
    expect((await ticket({ filename: "a.png", size: 1 })).status).toBe(404);
    expect(sim.stats.uploads.tickets).toBe(0);
  });
});

describe("legacy upload: multipart field file", () => {
  test("keeps the file and answers its download_url", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "end.png");
    const res = await fetch(`${sim.url}/api/v3/media/upload/binary`, { method: "POST", headers: auth, body: form });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { download_url: string; filename: string; size: number; type: string } };
    expect(data).toMatchObject({ filename: "end.png", size: png.length, type: "image" });
    const got = await fetch(data.download_url);
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
    expect(sim.stats.uploads).toEqual({ tickets: 0, puts: 0, binary: 1, bytes: png.length });
  });

  test("without a file field: 400, error_code 1400", async () => {
    const form = new FormData();
    form.append("other", "x");
    const res = await fetch(`${sim.url}/api/v3/media/upload/binary`, { method: "POST", headers: auth, body: form });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 400, message: "file is required", error_code: 1400, data: null });
  });
});

test("a submit naming an uploaded file's download_url renders from it; one never PUT fails as media access", async () => {
  const { json } = await ticket({ filename: "start.png", size: png.length, content_type: "image/png" });
  const submit = (image: string) =>
    fetch(`${sim.url}/api/v3/${MODEL_ID}`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ image, duration: 2 }),
    }).then(async (r) => ((await r.json()) as { data: { id: string } }).data.id);
  const early = await submit(json.data.download_url);
  await fetch(json.data.upload.url, { method: "PUT", headers: json.data.upload.headers, body: new Uint8Array(png) });
  const ok = await submit(json.data.download_url);
  const result = async (id: string) => {
    for (;;) {
      const r = (await (await fetch(`${sim.url}/api/v3/predictions/${id}/result`, { headers: auth })).json()) as {
        data: { status: string; error: string };
      };
      if (r.data.status === "completed" || r.data.status === "failed") return r.data;
      await new Promise((res) => setTimeout(res, 30));
    }
  };
  expect(await result(ok)).toMatchObject({ status: "completed", error: "" });
  const failed = await result(early);
  expect(failed.status).toBe("failed");
  expect(failed.error).toMatch(/could not fetch image/);
});
