import type http from "node:http";
import type { SimContext, RouteResult } from "./context";
import { envelope, failure, readBody, readBytes, TooLarge, type Reply } from "./http";
import { UPLOAD_MAX_BYTES } from "./uploads";
import { InputError } from "./validate";

const tooLarge = () => failure(413, `File is larger than ${UPLOAD_MAX_BYTES} bytes`, 1401);

async function ticket(req: http.IncomingMessage, ctx: SimContext): Promise<Reply> {
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch {
    return failure(400, "Invalid JSON body", 1401);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return failure(400, "Body must be a JSON object", 1401);
  try {
    return { status: 200, body: envelope(200, "success", await ctx.uploads.ticket(body as Record<string, unknown>, ctx.baseUrl())) };
  } catch (error) {
    if (error instanceof InputError) return failure(400, error.message, error.errorCode);
    throw error;
  }
}

/** The legacy upload: multipart/form-data with the file in field `file`, parsed by undici's FormData. */
async function binary(req: http.IncomingMessage, ctx: SimContext): Promise<Reply> {
  const bytes = await readBytes(req, UPLOAD_MAX_BYTES + 64 * 1024).catch((error: unknown) => {
    if (error instanceof TooLarge) return null;
    throw error;
  });
  if (!bytes) return tooLarge();
  let form: FormData;
  try {
    form = await new Request("http://simulator/", {
      method: "POST",
      headers: { "content-type": req.headers["content-type"] ?? "" },
      body: new Uint8Array(bytes),
    }).formData();
  } catch {
    return failure(400, "Body must be multipart/form-data with the file in field file", 1401);
  }
  const file = form.get("file");
  if (file === null || typeof file === "string") return failure(400, "file is required", 1400);
  if (file.size === 0) return failure(400, "file is empty", 1401);
  if (file.size > UPLOAD_MAX_BYTES) return tooLarge();
  const data = await ctx.uploads.binary({ name: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) }, ctx.baseUrl());
  return { status: 200, body: envelope(200, "success", data) };
}

/** The PUT to a ticket's URL: no auth (the token in the URL is the permission), as a presigned URL. */
async function put(req: http.IncomingMessage, url: URL, id: string, ctx: SimContext): Promise<RouteResult> {
  const fault = await ctx.requestFault("put", req);
  if (fault && typeof fault === "object") return fault;
  const bytes = await readBytes(req, UPLOAD_MAX_BYTES).catch((error: unknown) => {
    if (error instanceof TooLarge) return null;
    throw error;
  });
  if (!bytes) return tooLarge();
  const problem = await ctx.uploads.put(
    id,
    url.searchParams.get("token"),
    { authorization: req.headers.authorization, contentType: req.headers["content-type"] },
    bytes,
  );
  if (problem) return failure(problem.status, problem.message);
  return { status: 200, body: "" };
}

/** Routes that need the caller's key: the caller checks it first. */
export async function uploadApiRoutes(req: http.IncomingMessage, url: URL, ctx: SimContext): Promise<RouteResult> {
  if (req.method !== "POST") return undefined;
  const target =
    url.pathname === "/api/v3/media/uploads" ? "upload" : url.pathname === "/api/v3/media/upload/binary" ? "binary" : undefined;
  if (!target) return undefined;
  const fault = await ctx.requestFault(target, req);
  if (fault && typeof fault === "object") return fault;
  if (fault === "malformed") return "malformed";
  return target === "upload" ? ticket(req, ctx) : binary(req, ctx);
}

/** Routes without a key: the PUT of a ticket's bytes, and the uploaded files themselves. */
export async function uploadPublicRoutes(req: http.IncomingMessage, url: URL, ctx: SimContext): Promise<RouteResult> {
  const putMatch = /^\/__upload\/([a-f0-9]{32})$/.exec(url.pathname);
  if (putMatch && req.method === "PUT") return put(req, url, putMatch[1] ?? "", ctx);
  const media = /^\/media\/([a-f0-9]{32})\/([^/]+)$/.exec(url.pathname);
  if (media && (req.method === "GET" || req.method === "HEAD")) {
    const file = await ctx.uploads.read(media[1] ?? "", decodeURIComponent(media[2] ?? ""));
    if (!file) return failure(404, "Not found");
    return {
      status: 200,
      body: req.method === "HEAD" ? "" : file.bytes,
      headers: { "content-type": file.contentType, "content-length": String(file.bytes.length) },
    };
  }
  return undefined;
}
