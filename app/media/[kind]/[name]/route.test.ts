import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { probeImage } from "@/lib/images/probe";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";
import { putStored, storedBytes, storedNames } from "@/lib/test/backends";

let sim: Simulator;
let cookie = "";
let m: typeof import("./route");
let inputs: typeof import("@/app/media/inputs/[name]/route");

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = await import("./route");
  inputs = await import("@/app/media/inputs/[name]/route");
  ({ cookie } = await signedIn("media@keyframe.test"));
});
afterAll(() => sim.close());

const get = (kind: string, name: string, headers: Record<string, string> = { cookie }) =>
  m.GET(new Request(`http://keyframe.test/media/${kind}/${name}`, { headers }), { params: Promise.resolve({ kind, name }) });

const poster = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#3a6" } })
    .jpeg()
    .toBuffer();

describe("thumbnails", () => {
  test("a poster stored before thumbnails existed gets its thumbnail on the first request: made once, then stored and served", async () => {
    const name = "olderjob0123456789ab.jpg";
    await putStored("posters", name, await poster(864, 480));
    expect(await storedNames("thumbs")).not.toContain(name);

    const first = await get("thumbs", name);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("image/jpeg");
    expect(first.headers.get("cache-control")).toMatch(/immutable/);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(probeImage(bytes)).toMatchObject({ type: "image/jpeg", width: 480, height: 267 });
    expect(await storedBytes("thumbs", name)).toEqual(bytes);

    // Served from storage from then on, with the same validator a browser revalidates with.
    const again = await get("thumbs", name, { cookie, "if-none-match": first.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  test("a portrait poster fits the same box; a small one is never enlarged", async () => {
    await putStored("posters", "portrait0123456789ab.jpg", await poster(480, 864));
    await putStored("posters", "smallpic0123456789ab.jpg", await poster(320, 180));
    expect(probeImage(Buffer.from(await (await get("thumbs", "portrait0123456789ab.jpg")).arrayBuffer()))).toMatchObject({
      width: 267,
      height: 480,
    });
    expect(probeImage(Buffer.from(await (await get("thumbs", "smallpic0123456789ab.jpg")).arrayBuffer()))).toMatchObject({
      width: 320,
      height: 180,
    });
  });

  test("no poster, a malformed name or no session: no thumbnail, and nothing is stored", async () => {
    const before = await storedNames("thumbs");
    expect((await get("thumbs", "missingjob0123456789.jpg")).status).toBe(404);
    expect((await get("thumbs", "..%2Fposters%2Fx.jpg")).status).toBe(404);
    expect((await get("thumbs", "olderjob0123456789ab.png")).status).toBe(404);
    await putStored("posters", "signedout0123456789a.jpg", await poster(864, 480));
    const anonymous = await get("thumbs", "signedout0123456789a.jpg", {});
    expect(anonymous.status).toBe(401);
    expect(await storedNames("thumbs")).toEqual(before);
  });
});

describe("input thumbnails", () => {
  const hash = "c".repeat(64);
  const getInput = (query = "", name = `${hash}.png`) =>
    inputs.GET(new Request(`http://keyframe.test/media/inputs/${name}${query}`, { headers: { cookie } }), {
      params: Promise.resolve({ name }),
    });

  test("?thumb answers a start image fitted in 480×480 as a JPEG, stored once; without it, the image as uploaded", async () => {
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: "#a36" } })
      .png()
      .toBuffer();
    await putStored("inputs", `${hash}.png`, png);
    const thumb = await getInput("?thumb");
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/jpeg");
    const bytes = Buffer.from(await thumb.arrayBuffer());
    expect(probeImage(bytes)).toMatchObject({ type: "image/jpeg", width: 480, height: 240 });
    expect(await storedBytes("thumbs", `${hash}.jpg`)).toEqual(bytes);
    const full = await getInput();
    expect(full.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await full.arrayBuffer())).toEqual(png);
  });

  test("a phone photo's thumbnail is turned upright as its EXIF orientation says; a transparent PNG's is laid on white", async () => {
    const sideways = await sharp({ create: { width: 1200, height: 600, channels: 3, background: "#36a" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    await putStored("inputs", `${"e".repeat(64)}.jpg`, sideways);
    const upright = Buffer.from(await (await getInput("?thumb", `${"e".repeat(64)}.jpg`)).arrayBuffer());
    expect(await sharp(upright).metadata()).toMatchObject({ width: 240, height: 480 });
    expect((await sharp(upright).metadata()).orientation ?? 1).toBe(1);

    const clear = await sharp({ create: { width: 400, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    await putStored("inputs", `${"f".repeat(64)}.png`, clear);
    const flat = Buffer.from(await (await getInput("?thumb", `${"f".repeat(64)}.png`)).arrayBuffer());
    const { channels } = await sharp(flat).stats();
    expect(channels.slice(0, 3).map((c) => Math.round(c.mean))).toEqual([255, 255, 255]);
  });

  test("no such input, or a malformed name: 404 and no thumbnail stored", async () => {
    const before = await storedNames("thumbs");
    expect((await getInput("?thumb", `${"d".repeat(64)}.jpg`)).status).toBe(404);
    expect((await getInput("?thumb", "short.png")).status).toBe(404);
    expect(await storedNames("thumbs")).toEqual(before);
  });
});
