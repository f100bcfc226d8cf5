// backend-free: a LocalStore in a temporary folder, the same in both passes
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { LocalStore } from "./local";
import { objectResponse, parseRange } from "./serve";

describe("parseRange", () => {
  test.each([
    [null, null],
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=100-", { start: 100, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
    ["bytes=990-5000", { start: 990, end: 999 }],
    ["bytes=0-1,5-6", null],
    ["bytes=1000-", "unsatisfiable"],
    ["bytes=999999999-", "unsatisfiable"],
    ["bytes=5-2", "unsatisfiable"],
    ["bytes=-0", "unsatisfiable"],
    ["bytes=-", "unsatisfiable"],
    ["bytes=abc", "unsatisfiable"],
    ["items=0-1", "unsatisfiable"],
  ])("%s on 1000 bytes", (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

describe("objectResponse", () => {
  const key = "videos/clip-0123456789abcdef.mp4";
  const store = new LocalStore(fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-serve-")));
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
  beforeAll(() => store.put(key, bytes, "video/mp4"));
  const get = (headers: Record<string, string> = {}) =>
    objectResponse(new Request("http://x/clip.mp4", { headers }), store, key, {
      contentType: "video/mp4",
      cacheControl: "public, max-age=60",
    });

  test("a whole file is 200 with its type, length, nosniff and caching", async () => {
    const res = (await get())!;
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("content-length")).toBe("1000");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  test("bytes=0-99 is 206 with exactly those 100 bytes", async () => {
    const res = (await get({ range: "bytes=0-99" }))!;
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 0-99/1000");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(100);
    expect(body.equals(bytes.subarray(0, 100))).toBe(true);
  });

  test("a range from the middle to the end", async () => {
    const res = (await get({ range: "bytes=900-" }))!;
    expect(res.status).toBe(206);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(900))).toBe(true);
  });

  test.each(["bytes=999999999-", "bytes=abc", "bytes=50-10"])("%s is 416 with the size", async (range) => {
    const res = (await get({ range }))!;
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe("bytes */1000");
  });

  test("a matching ETag is 304; an absent object is null", async () => {
    const etag = (await get())!.headers.get("etag")!;
    expect((await get({ "if-none-match": etag }))!.status).toBe(304);
    const absent = await objectResponse(new Request("http://x/"), store, "videos/none-0123456789abcdef.mp4", {
      contentType: "video/mp4",
      cacheControl: "",
    });
    expect(absent).toBeNull();
  });
});
