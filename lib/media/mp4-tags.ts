/**
 * Reads the iTunes-style tags (moov/udta/meta/ilst) that ffmpeg writes for `-metadata title=… comment=…`,
 * from a File in the browser or a Buffer in tests, reading only the box headers and the moov box.
 */
export type ReadBytes = (offset: number, length: number) => Promise<Uint8Array>;

const ITEMS: Record<string, string> = { "©nam": "title", "©cmt": "comment", desc: "description" };
const MAX_MOOV_BYTES = 32 * 1024 * 1024;

type Box = { type: string; start: number; body: number; end: number };

const ascii = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4)).replace("\u00a9", "©");

function readBox(view: DataView, bytes: Uint8Array, at: number, limit: number): Box | null {
  if (at + 8 > limit) return null;
  let size = view.getUint32(at);
  const type = ascii(bytes, at + 4);
  let body = at + 8;
  if (size === 1) {
    if (at + 16 > limit) return null;
    size = Number(view.getBigUint64(at + 8));
    body = at + 16;
  } else if (size === 0) size = limit - at;
  if (size < body - at || at + size > limit) return null;
  return { type, start: at, body, end: at + size };
}

function children(bytes: Uint8Array, from: number, to: number): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Box[] = [];
  for (let at = from; at < to;) {
    const box = readBox(view, bytes, at, to);
    if (!box) break;
    boxes.push(box);
    at = box.end;
  }
  return boxes;
}

function tagsIn(moov: Uint8Array): Record<string, string> {
  const tags: Record<string, string> = {};
  const inMoov = children(moov, 0, moov.length);
  const udta = inMoov.find((b) => b.type === "udta");
  const metas = [...(udta ? children(moov, udta.body, udta.end) : []), ...inMoov].filter((b) => b.type === "meta");
  for (const meta of metas) {
    // `meta` is a full box: four bytes of version and flags come before its children.
    const ilst = children(moov, meta.body + 4, meta.end).find((b) => b.type === "ilst");
    if (!ilst) continue;
    for (const item of children(moov, ilst.body, ilst.end)) {
      const name = ITEMS[item.type];
      const data = children(moov, item.body, item.end).find((b) => b.type === "data");
      // data: type indicator (4 bytes, 1 = UTF-8) and locale (4 bytes), then the text.
      if (!name || !data || data.end - data.body < 8) continue;
      tags[name] ??= new TextDecoder().decode(moov.subarray(data.body + 8, data.end));
    }
  }
  return tags;
}

/** The title, comment and description an MP4 carries; null when it is not an MP4 at all. */
export async function readMp4Tags(read: ReadBytes, size: number): Promise<Record<string, string> | null> {
  for (let at = 0; at + 8 <= size;) {
    const head = await read(at, Math.min(16, size - at));
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const type = ascii(head, 4);
    if (at === 0 && type !== "ftyp") return null;
    let length = view.getUint32(0);
    let header = 8;
    if (length === 1) {
      if (head.length < 16) return {};
      length = Number(view.getBigUint64(8));
      header = 16;
    } else if (length === 0) length = size - at;
    if (length < header || at + length > size) return {};
    if (type === "moov") return length > MAX_MOOV_BYTES ? {} : tagsIn(await read(at + header, length - header));
    at += length;
  }
  return size >= 8 ? {} : null;
}

export const fileReader =
  (file: Blob): ReadBytes =>
  async (offset, length) =>
    new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());

export const bufferReader =
  (buffer: Uint8Array): ReadBytes =>
  async (offset, length) =>
    buffer.subarray(offset, offset + length);
