// backend-free: pure functions, no database or object store
import { zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { parseCsv, parseJsonRows } from "./parse";
import { unzipImages } from "./zip";

describe("CSV as spreadsheets export it", () => {
  test("BOM, CRLF, quoted commas and newlines, header names in any case: line numbers as a spreadsheet shows them", () => {
    const csv =
      "\uFEFFImage,PROMPT,End Image,Duration\r\n" +
      'a.png,"Pan left, slowly",,5\r\n' +
      "\r\n" +
      'b.png,"Two lines:\r\nthen ""zoom""",c.png,\r\n' +
      "https://example.test/d.png,Tilt up,,12\r\n";
    const rows = parseCsv(csv);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(rows[0]!.values).toEqual({ image: "a.png", prompt: "Pan left, slowly", end_image: "", duration: "5" });
    expect(rows[1]!.values.prompt).toBe('Two lines:\r\nthen "zoom"');
    expect(rows[1]!.values.end_image).toBe("c.png");
    expect(rows[2]!.values.image).toBe("https://example.test/d.png");
  });

  test("semicolons (a European spreadsheet's export) read as commas do", () => {
    expect(parseCsv("image;prompt;seed\na.png;Orbit, left;42\n")[0]!.values).toEqual({ image: "a.png", prompt: "Orbit, left", seed: "42" });
  });

  test("an unknown column, a missing prompt column, an unclosed quote and extra cells are named", () => {
    expect(() => parseCsv("image,prompt,speed\na.png,x,3\n")).toThrow(
      'Line 1 names unknown column "speed"; the columns are image, end_image',
    );
    expect(() => parseCsv("image,seed\na.png,3\n")).toThrow('Line 1 has no "prompt" column');
    expect(() => parseCsv('image,prompt\na.png,ok\nb.png,"never closed\n')).toThrow(/could not be read/);
    expect(parseCsv("image,prompt\na.png,x,extra\n")[0]!.problems).toEqual([
      { field: "row", message: "This line has 3 cells; the header has 2." },
    ]);
  });

  test("at most 200 rows, said plainly", () => {
    const csv = "image,prompt\n" + "a.png,x\n".repeat(201);
    expect(() => parseCsv(csv)).toThrow("The file has 201 rows; a batch can have at most 200. Split it into several batches.");
  });
});

describe("JSON rows", () => {
  test("an array or { name, rows }, numbered from 1; unknown keys are the row's errors", () => {
    expect(parseJsonRows('[{"image":"a.png","prompt":"x"}]').rows[0]).toEqual({
      line: 1,
      values: { image: "a.png", prompt: "x" },
      problems: [],
    });
    const named = parseJsonRows('{"name":"Tests","rows":[{"image":"a.png","prompt":"x"},{"image":"b.png","promt":"y"}]}');
    expect(named.name).toBe("Tests");
    expect(named.rows[1]!.problems[0]).toEqual({ field: "promt", message: expect.stringMatching(/^Unknown key "promt"/) });
    expect(() => parseJsonRows('{"rows": 3}')).toThrow('A JSON batch is an array of rows, or an object with "rows".');
    expect(() => parseJsonRows("[1]")).toThrow("Row 1 is not an object");
  });
});

/** Sets every central-directory entry's declared unpacked size, as a zip bomb's header may claim anything. */
function declareSizes(zip: Uint8Array, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return zip;
}

describe("zips of images", () => {
  test("entries by name; folders, __MACOSX and hidden files left out", () => {
    const zip = zipSync({
      "a.png": new Uint8Array([1, 2, 3]),
      "shots/b.png": new Uint8Array([4]),
      "__MACOSX/._a.png": new Uint8Array([0]),
      ".DS_Store": new Uint8Array([0]),
    });
    expect([...unzipImages(zip).files.keys()].sort()).toEqual(["a.png", "shots/b.png"]);
  });

  test("more than 400 entries is refused before unpacking", () => {
    const many = Object.fromEntries(Array.from({ length: 401 }, (_, i) => [`${i}.png`, new Uint8Array([i % 256])]));
    expect(() => unzipImages(zipSync(many))).toThrow("The zip has more than 400 files; a batch's zip can have at most 400.");
  });

  test("a zip bomb (entries claiming 210 MB in all) is refused by its headers, without inflating it", () => {
    const files = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`${i}.png`, new Uint8Array(16)]));
    const bomb = declareSizes(zipSync(files, { level: 9 }), 10 * 1024 * 1024 - 1);
    const started = performance.now();
    expect(() => unzipImages(bomb)).toThrow("The zip unpacks to more than 42 MB; a batch's images can be at most 42 MB in all.");
    expect(performance.now() - started).toBeLessThan(500);
  });

  test("an entry larger than an image may be is named, not unpacked; a file that is no zip is said so", () => {
    const { files, tooLarge } = unzipImages(declareSizes(zipSync({ "big.png": new Uint8Array(8) }), 11 * 1024 * 1024));
    expect(files.size).toBe(0);
    expect(tooLarge.get("big.png")).toBe("Image is 11.0 MB; the limit is 10 MB.");
    expect(() => unzipImages(new Uint8Array([1, 2, 3]))).toThrow("The images file is not a zip that can be read.");
  });
});
