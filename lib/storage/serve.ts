import "server-only";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import { Readable } from "node:stream";

export type ByteRange = { start: number; end: number };

/**
 * A Range header against a file of `size` bytes: null means "send it all" (no header, or several
 * ranges, which we may ignore), "unsatisfiable" means 416 (malformed, reversed or past the end).
 */
export function parseRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  if (header === null || header.trim() === "") return null;
  const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*(,.*)?$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return "unsatisfiable";
  if (match[3]) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const last = match[2] === "" ? Infinity : Number(match[2]);
  if (start > last || start >= size) return "unsatisfiable";
  return { start, end: Math.min(last, size - 1) };
}

export type ServeOptions = { contentType: string; cacheControl: string; downloadName?: string };

/** Streams a file with range support (206/416), validators and nosniff; null when the file is absent. */
export async function fileResponse(request: Request, file: string, options: ServeOptions): Promise<Response | null> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) return null;
  const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
  const headers = new Headers({
    "Content-Type": options.contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": options.cacheControl,
    ETag: etag,
    "Last-Modified": stat.mtime.toUTCString(),
    "X-Content-Type-Options": "nosniff",
  });
  if (options.downloadName) {
    headers.set(
      "Content-Disposition",
      `attachment; filename="${options.downloadName}"; filename*=UTF-8''${encodeURIComponent(options.downloadName)}`,
    );
  }
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  const range = parseRange(request.headers.get("range"), stat.size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${stat.size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: stat.size - 1 };
  headers.set("Content-Length", String(stat.size === 0 ? 0 : end - start + 1));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${stat.size}`);
  const status = range ? 206 : 200;
  if (request.method === "HEAD" || stat.size === 0) return new Response(null, { status, headers });
  const body = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}

/** Cache headers for names that never change meaning (private: they are for signed-in members). */
export const IMMUTABLE = "private, max-age=31536000, immutable";
