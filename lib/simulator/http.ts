import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import type http from "node:http";

/** The simulator's HTTP plumbing: WaveSpeed's envelope, fault answers, bodies, and ranged video files. */
export type Reply = { status: number; body: unknown; headers?: Record<string, string> };

export const envelope = (code: number, message: string, data: unknown = null) => ({ code, message, data });

/** An HTTP error answer as WaveSpeed's clients read it: `message`, and `error_code` where WaveSpeed has one. */
export const failure = (status: number, message: string, errorCode?: number): Reply => ({
  status,
  body: { code: status, message, ...(errorCode === undefined ? {} : { error_code: errorCode }), data: null },
});

/** A body past the limit: the request is answered 413 rather than read into memory. */
export class TooLarge extends Error {}

/** The HTTP error answer a fault kind stands for, or undefined for faults that shape the task instead. */
export function errorReply(kind: string): Reply | undefined {
  if (kind === "404") return { status: 404, body: envelope(404, "Not found") };
  if (kind === "429")
    return { status: 429, body: envelope(429, "Too many requests: rate limit exceeded"), headers: { "retry-after": "1" } };
  if (kind === "500") return { status: 500, body: envelope(500, "Internal server error") };
  if (kind === "503") return { status: 503, body: envelope(503, "Service temporarily unavailable") };
  return undefined;
}

export async function readBytes(req: http.IncomingMessage, maxBytes = 64 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new TooLarge(`Body is larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readBody(req: http.IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString("utf8");
}

export async function sendVideo(req: http.IncomingMessage, res: http.ServerResponse, file: string): Promise<void> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) {
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    return;
  }
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
  const headers = { "content-type": "video/mp4", "accept-ranges": "bytes", "access-control-allow-origin": "*" };
  if (!range || (range[1] === "" && range[2] === "")) {
    res.writeHead(200, { ...headers, "content-length": String(stat.size) });
    createReadStream(file).pipe(res);
    return;
  }
  const start = range[1] === "" ? Math.max(0, stat.size - Number(range[2])) : Number(range[1]);
  const end = range[1] === "" || range[2] === "" ? stat.size - 1 : Math.min(Number(range[2]), stat.size - 1);
  if (start >= stat.size || start > end) {
    res.writeHead(416, { ...headers, "content-range": `bytes */${stat.size}` }).end();
    return;
  }
  res.writeHead(206, { ...headers, "content-range": `bytes ${start}-${end}/${stat.size}`, "content-length": String(end - start + 1) });
  createReadStream(file, { start, end }).pipe(res);
}
