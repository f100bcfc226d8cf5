import "server-only";
import type { ByteRange, ObjectStore } from "./object-store";

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

/**
 * An object as an HTTP response, with range support (206/416), validators and nosniff; null when the object
 * does not exist. Access is checked by the caller, before this.
 */
export async function objectResponse(request: Request, store: ObjectStore, key: string, options: ServeOptions): Promise<Response | null> {
  const info = await store.head(key);
  if (!info) return null;
  const headers = new Headers({
    "Content-Type": options.contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": options.cacheControl,
    ETag: info.etag,
    "Last-Modified": info.lastModified.toUTCString(),
    "X-Content-Type-Options": "nosniff",
  });
  if (options.downloadName) {
    headers.set(
      "Content-Disposition",
      `attachment; filename="${options.downloadName}"; filename*=UTF-8''${encodeURIComponent(options.downloadName)}`,
    );
  }
  if (request.headers.get("if-none-match") === info.etag) return new Response(null, { status: 304, headers });

  const range = parseRange(request.headers.get("range"), info.size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${info.size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  headers.set("Content-Length", String(info.size === 0 ? 0 : end - start + 1));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${info.size}`);
  const status = range ? 206 : 200;
  if (request.method === "HEAD" || info.size === 0) return new Response(null, { status, headers });
  const object = await store.read(key, range ?? undefined);
  if (!object) return null;
  return new Response(object.body, { status, headers });
}

/** Cache headers for names that never change meaning (private: they are for signed-in members). */
export const IMMUTABLE = "private, max-age=31536000, immutable";
