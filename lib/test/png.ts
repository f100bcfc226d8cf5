import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(width: number, height: number, bitDepth: number, colourType: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([bitDepth, colourType, 0, 0, 0], 8);
  return chunk("IHDR", header);
}

/**
 * A real, decodable RGB PNG with a diagonal gradient, for tests and fixtures. `level` 0 stores the
 * pixels uncompressed, so the file's size follows its pixel count.
 */
export function makePng(width: number, height: number, tint: [number, number, number] = [120, 80, 200], level = 6): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const t = (x + y) / (width + height);
      raw[row + 1 + x * 3] = Math.round(tint[0] * (1 - t) + 255 * t);
      raw[row + 2 + x * 3] = Math.round(tint[1] * (1 - t) + 40 * t);
      raw[row + 3 + x * 3] = Math.round(tint[2] * (1 - t) + 60 * t);
    }
  }
  return Buffer.concat([SIGNATURE, chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level })), chunk("IEND", Buffer.alloc(0))]);
}

/** A decodable PNG of exactly `bytes` bytes: stored pixels, topped up with a text chunk decoders skip. */
export function makePngOfSize(bytes: number, tint?: [number, number, number]): Buffer {
  const width = 1024;
  for (let height = Math.floor(bytes / (width * 3 + 1)); height > 0; height--) {
    const png = makePng(width, height, tint, 0);
    // A tEXt chunk costs 12 bytes around its data; its data is a keyword, a NUL and the text.
    const room = bytes - png.length - 12 - "Comment\0".length;
    if (room < 0) continue;
    const text = chunk("tEXt", Buffer.from(`Comment\0${"x".repeat(room)}`, "latin1"));
    return Buffer.concat([png.subarray(0, png.length - 12), text, png.subarray(png.length - 12)]);
  }
  throw new Error(`no PNG of ${bytes} bytes`);
}

/** Signature, IHDR and IEND only: every header a probe reads, and no pixels (45 bytes). */
export function pngWithoutPixels(width: number, height: number): Buffer {
  return Buffer.concat([SIGNATURE, ihdr(width, height, 8, 2), chunk("IEND", Buffer.alloc(0))]);
}

/** A tiny PNG (under 80 bytes) declaring a huge size, with a scrap of image data that cannot fill it. */
export function pngClaimingSize(width: number, height: number): Buffer {
  return Buffer.concat([
    SIGNATURE,
    ihdr(width, height, 8, 2),
    chunk("IDAT", deflateSync(Buffer.alloc(64))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * A complete, valid one-colour PNG whose pixels inflate far beyond its file size (a decompression bomb):
 * 1-bit grey, so 10000×10000 is about 12 KB on disk and 100 megapixels decoded.
 */
export function flatPng(width: number, height: number): Buffer {
  const row = Math.ceil(width / 8) + 1;
  return Buffer.concat([
    SIGNATURE,
    ihdr(width, height, 1, 0),
    chunk("IDAT", deflateSync(Buffer.alloc(row * height), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The first bytes of a baseline JPEG (SOI, APP0, SOF0): enough for a header probe, not for a decoder. */
export function jpegHeader(width: number, height: number): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}
