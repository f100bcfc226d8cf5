import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";
import { storedNames } from "@/lib/test/backends";
import { flatPng, jpegHeader, makePng, pngClaimingSize, pngWithoutPixels } from "@/lib/test/png";

let sim: Simulator;
let routes: typeof import("./route");
let cookie = "";

beforeAll(async () => {
  ({ sim } = await setupApp());
  routes = await import("./route");
  ({ cookie } = await signedIn("refused@keyframe.test"));
});
afterAll(() => sim.close());

const storedFiles = () => storedNames("inputs");
const file = (bytes: Buffer, name = "in.png") => new File([new Uint8Array(bytes)], name);

function post(fields: Record<string, string | Blob>): Promise<Response> {
  const body = new FormData();
  const all = { image: file(makePng(640, 360)), prompt: "A slow push-in", duration: "2", aspectRatio: "auto", ...fields };
  for (const [k, v] of Object.entries(all)) body.append(k, v);
  for (const [k, v] of Object.entries({ cameraFixed: "false", seed: "-1", enableSafetyChecker: "true", variations: "2" }))
    body.append(k, v);
  return routes.POST(new Request("http://localhost/api/jobs", { method: "POST", body, headers: { cookie } }));
}

async function jobCount(): Promise<number> {
  const res = await routes.GET(new Request("http://localhost/api/jobs?limit=100", { headers: { cookie } }));
  return ((await res.json()) as { jobs: unknown[] }).jobs.length;
}

/** Sends a request that must be refused: 400 with these field errors, no job, no stored file, nothing upstream. */
async function refused(fields: Record<string, string | Blob>): Promise<Record<string, string>> {
  const jobsBefore = await jobCount();
  const res = await post(fields);
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
  expect(body.error.code).toBe("validation_failed");
  expect(await jobCount()).toBe(jobsBefore);
  expect(await storedFiles()).toEqual([]);
  expect(sim.stats.submitRequests).toBe(0);
  return body.error.fields;
}

const UNDECODABLE = "This image could not be decoded: the file is damaged or incomplete.";

describe("images are decoded on the server", () => {
  test.each([
    ["a 45-byte PNG: signature, IHDR 400×400, IEND", pngWithoutPixels(400, 400)],
    ["a JPEG of only SOI, APP0, SOF0 and EOI markers", jpegHeader(400, 400)],
    ["a PNG cut off half way", makePng(640, 360).subarray(0, 3000)],
  ])("%s is refused on the field", async (_, bytes) => {
    expect(bytes.length).toBeLessThan(3001);
    expect(await refused({ image: file(bytes) })).toEqual({ image: UNDECODABLE });
    expect(await refused({ lastImage: file(bytes) })).toEqual({ lastImage: UNDECODABLE });
  });

  test("a tiny PNG declaring 100000×100000 is refused by the pixel cap", async () => {
    const bytes = pngClaimingSize(100_000, 100_000);
    expect(bytes.length).toBeLessThan(80);
    expect(await refused({ image: file(bytes) })).toEqual({
      image: "Image is 100000×100000 px (10000 megapixels); the limit is 40 megapixels.",
    });
  });

  test("a valid 12 KB PNG of 10000×10000 (a decompression bomb) is refused by the pixel cap", async () => {
    expect(await refused({ lastImage: file(flatPng(10_000, 10_000)) })).toEqual({
      lastImage: "Image is 10000×10000 px (100 megapixels); the limit is 40 megapixels.",
    });
  });

  test("every broken field is named at once, beside the other fields' errors", async () => {
    expect(await refused({ image: file(pngWithoutPixels(400, 400)), lastImage: file(jpegHeader(400, 400)), duration: "1" })).toEqual({
      image: UNDECODABLE,
      lastImage: UNDECODABLE,
      duration: "Duration must be a whole number from 2 to 12.",
    });
  });
});

describe("image URLs", () => {
  test("a 1 MiB image URL is refused on its field", async () => {
    const url = `https://example.com/${"a".repeat(1024 * 1024)}`;
    expect(await refused({ image: url })).toEqual({ image: `Image URLs can be at most 2048 characters; this one has ${url.length}.` });
    expect(await refused({ lastImage: url })).toEqual({
      lastImage: `Image URLs can be at most 2048 characters; this one has ${url.length}.`,
    });
  });
});

describe("the prompt", () => {
  test("a prompt with NUL bytes is refused on the prompt", async () => {
    expect(await refused({ prompt: "probe\0nul\0bytes" })).toEqual({
      prompt: "The prompt contains a control character (U+0000); remove it. Newlines and tabs are fine.",
    });
  });
});

describe("what is fine still goes through", () => {
  test("a prompt with newlines and tabs, sent with a browser's CRLF line ends", async () => {
    const res = await post({ prompt: "One\r\ntwo\tthree" });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { jobs: { prompt: string }[] }).jobs[0]!.prompt).toBe("One\ntwo\tthree");
  });

  test("a real JPEG and a PNG end image", async () => {
    const jpeg = await sharp(makePng(800, 600)).jpeg().toBuffer();
    const res = await post({ image: file(jpeg, "photo.jpg"), lastImage: file(makePng(640, 360, [20, 180, 90])) });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { jobs: unknown[] }).jobs).toHaveLength(2);
  });
});
