// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import { flatPng, jpegHeader, makePng } from "@/lib/test/png";
import { generateSchema } from "./generate";
import { variationSeeds } from "./generate-defaults";

const png = (w: number, h: number) => new File([new Uint8Array(makePng(w, h))], "in.png", { type: "image/png" });
const valid = {
  image: png(400, 300),
  prompt: "A slow push-in",
  duration: 5,
  aspectRatio: "auto",
  cameraFixed: false,
  seed: -1,
  enableSafetyChecker: true,
  variations: 1,
};

async function errorsFor(patch: Record<string, unknown>) {
  const result = await generateSchema.safeParseAsync({ ...valid, ...patch });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("generateSchema", () => {
  test("accepts typed form values and multipart strings alike", async () => {
    const typed = await generateSchema.parseAsync(valid);
    const strings = await generateSchema.parseAsync({
      ...valid,
      duration: "5",
      seed: "-1",
      cameraFixed: "false",
      enableSafetyChecker: "true",
      variations: "1",
    });
    expect(strings).toEqual(typed);
    expect(typed.image).toMatchObject({ kind: "file", type: "image/png", width: 400, height: 300 });
    expect(typed.lastImage).toBeUndefined();
  });

  test.each([
    [{ duration: 1 }, "duration"],
    [{ duration: 13 }, "duration"],
    [{ duration: 5.5 }, "duration"],
    [{ duration: "" }, "duration"],
    [{ seed: -2 }, "seed"],
    [{ seed: 2_147_483_648 }, "seed"],
    [{ seed: "abc" }, "seed"],
    [{ variations: 0 }, "variations"],
    [{ variations: 5 }, "variations"],
    [{ aspectRatio: "5:4" }, "aspectRatio"],
    [{ cameraFixed: "yes" }, "cameraFixed"],
    [{ prompt: "" }, "prompt"],
    [{ prompt: "   " }, "prompt"],
    [{ prompt: "x".repeat(2001) }, "prompt"],
    [{ image: undefined }, "image"],
    [{ image: "ftp://example.com/a.png" }, "image"],
    [{ lastImage: "not a url" }, "lastImage"],
  ])("rejects %j on %s", async (patch, field) => {
    const errors = await errorsFor(patch);
    expect(Object.keys(errors)).toEqual([field]);
  });

  test.each([
    [{ duration: 2 }],
    [{ duration: 12 }],
    [{ seed: 2_147_483_647 }],
    [{ seed: 0 }],
    [{ variations: 4 }],
    [{ prompt: "x".repeat(2000) }],
    [{ aspectRatio: "21:9" }],
    [{ image: "https://example.com/a.png" }],
    [{ lastImage: png(300, 300) }],
    [{ lastImage: "" }],
    [{ prompt: "Line one\nline two\twith a tab" }],
    [{ prompt: "Windows line ends\r\nfrom a multipart body" }],
  ])("accepts the edge %j", async (patch) => {
    expect(await errorsFor(patch)).toEqual({});
  });

  test("checks images by content and size", async () => {
    expect((await errorsFor({ image: png(200, 200) })).image).toBe("Image is 200×200 px; it must be at least 300×300 px.");
    expect((await errorsFor({ image: png(299, 400) })).image).toMatch(/299×400/);
    const text = new File(["just text"], "photo.png", { type: "image/png" });
    expect((await errorsFor({ image: text })).image).toBe("Not a JPEG or PNG image (checked by content, not by file name).");
    const jpeg = new File([new Uint8Array(jpegHeader(800, 600))], "photo.txt");
    expect((await errorsFor({ image: jpeg })).image).toBeUndefined();
    const huge = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "big.png");
    expect((await errorsFor({ image: huge })).image).toMatch(/limit is 10 MB/);
  });
});

describe("image URL length", () => {
  const longUrl = `https://example.com/${"a".repeat(2048 - 19)}`;

  test("an image URL of exactly 2,048 characters is fine", async () => {
    expect(await errorsFor({ image: longUrl.slice(0, 2048), lastImage: longUrl.slice(0, 2048) })).toEqual({});
  });

  test.each(["image", "lastImage"])("an image URL over 2,048 characters is refused on %s", async (field) => {
    expect(longUrl).toHaveLength(2049);
    expect((await errorsFor({ [field]: longUrl }))[field]).toBe("Image URLs can be at most 2048 characters; this one has 2049.");
    const mib = `https://example.com/${"x".repeat(1024 * 1024)}`;
    expect(Object.keys(await errorsFor({ [field]: mib }))).toEqual([field]);
  });
});

describe("control characters in the prompt", () => {
  test.each([
    ["probe\0nul\0bytes", "U+0000"],
    ["bell\u0007", "U+0007"],
    ["escape \u001b[31m red", "U+001B"],
    ["delete\u007f", "U+007F"],
    ["c1 \u0085 next line", "U+0085"],
    ["a lone \r carriage return", "U+000D"],
  ])("a prompt with a control character (%j) is refused on the prompt", async (prompt, codePoint) => {
    const errors = await errorsFor({ prompt });
    expect(Object.keys(errors)).toEqual(["prompt"]);
    expect(errors.prompt).toBe(`The prompt contains a control character (${codePoint}); remove it. Newlines and tabs are fine.`);
  });

  test("direction overrides are refused; the marks right-to-left writers use are not; nothing visible is no prompt", async () => {
    for (const [prompt, codePoint] of [
      ["pay \u202E0001$\u202C now", "U+202E"],
      ["an \u2067isolate\u2069", "U+2067"],
      ["an \u202Aembedding", "U+202A"],
    ] as const) {
      expect(await errorsFor({ prompt })).toEqual({
        prompt: `The prompt contains a text direction control (${codePoint}), which can make it read differently from what is sent; remove it. Marks like U+200F are fine.`,
      });
    }
    const hebrew = "המצלמה מתקרבת לאט אל ה-AI\u200F.";
    expect((await generateSchema.parseAsync({ ...valid, prompt: hebrew })).prompt).toBe(hebrew);
    expect(await errorsFor({ prompt: "\u200B\u2060 \uFEFF" })).toEqual({ prompt: "Describe the motion you want." });
  });

  test("Windows line ends become newlines, as the browser's text box has them", async () => {
    const parsed = await generateSchema.parseAsync({ ...valid, prompt: "one\r\ntwo" });
    expect(parsed.prompt).toBe("one\ntwo");
  });
});

describe("image pixel count", () => {
  test("an image over the pixel cap is refused by its header, before any decoding", async () => {
    const bomb = new File([new Uint8Array(flatPng(10000, 10000))], "bomb.png");
    expect((await errorsFor({ image: bomb })).image).toBe("Image is 10000×10000 px (100 megapixels); the limit is 40 megapixels.");
  });
});

describe("variationSeeds", () => {
  test("fixed seeds count up and wrap within range", () => {
    expect(variationSeeds(42, 3, () => 0)).toEqual([42, 43, 44]);
    expect(variationSeeds(2_147_483_646, 3, () => 0)).toEqual([2_147_483_646, 2_147_483_647, 0]);
  });
  test("-1 draws a seed per variation", () => {
    let n = 10;
    expect(variationSeeds(-1, 3, () => n++)).toEqual([10, 11, 12]);
  });
});
