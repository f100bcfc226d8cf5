import { z } from "zod";
import { isKeyRefusal, isTimeout, networkCode, retryAfterMs } from "./http";

/** What WaveSpeed keeps an uploaded file for (its docs: 7 days). */
export const UPLOAD_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export type UploadFile = { filename: string; contentType: string };

export type UploadOutcome =
  | { ok: true; url: string }
  /**
   * `transient`: a network error, 429 or 5xx: an upload creates no charge, so trying again is safe.
   * `rejected`: WaveSpeed will not take this file (400, 413…): trying again will not help.
   * `key_refused`: 401/403: the API key is missing, wrong or not allowed.
   */
  | UploadFailure;

export type UploadFailure = {
  ok: false;
  kind: "transient" | "rejected" | "key_refused";
  status?: number;
  message: string;
  retryAfterMs?: number;
};

/** What the client lends the uploader: its authorised requests and its way of reading errors. */
export type UploadTransport = {
  request(path: string, init: RequestInit, abort: AbortSignal | undefined, timeoutMs: number): Promise<Response>;
  errorMessage(res: Response): Promise<string>;
  scrub(text: string): string;
  timeoutMs: number;
  /** Sending the bytes may take long on a slow uplink: bounded like a submit. */
  transferTimeoutMs: number;
};

const ticketSchema = z.looseObject({
  download_url: z.url(),
  upload: z.looseObject({
    method: z.string(),
    url: z.url(),
    headers: z.record(z.string(), z.string()).nullish(),
  }),
});
const binarySchema = z.looseObject({ download_url: z.url() });
const envelope = z.looseObject({ code: z.number(), message: z.string().nullish(), data: z.unknown() });

/** How long to keep using the legacy upload after the newer one answered 404, before trying the newer again. */
const NEWER_MISSING_MS = 60 * 60 * 1000;

function kindOf(status: number): "transient" | "rejected" | "key_refused" {
  if (isKeyRefusal(status)) return "key_refused";
  if (status === 408 || status === 429 || status >= 500) return "transient";
  return "rejected";
}

/**
 * An error code inside an HTTP 200 answer: WaveSpeed's own SDK shows `{"code":500,"message":"Upload failed:
 * invalid file type"}`, a refusal of the file, not a passing fault; only busy-like codes are worth a retry.
 */
function envelopeKindOf(code: number): "transient" | "rejected" | "key_refused" {
  if (isKeyRefusal(code)) return "key_refused";
  return [408, 429, 502, 503, 504].includes(code) ? "transient" : "rejected";
}

function networkFailure(error: unknown, what: string): UploadOutcome {
  if (isTimeout(error)) return { ok: false, kind: "transient", message: `${what} timed out` };
  return { ok: false, kind: "transient", message: `${what} failed (${networkCode(error) ?? "network error"})` };
}

/**
 * WaveSpeed's two uploads: the newer one (a ticket, then a PUT of the bytes to the address it names, with
 * exactly its headers and no Authorization) and the legacy multipart one, used where the newer answers 404.
 */
export class Uploader {
  private newerMissingUntil = 0;

  constructor(private readonly t: UploadTransport) {}

  async upload(input: Uint8Array, file: UploadFile, abort?: AbortSignal): Promise<UploadOutcome> {
    // fetch and Blob want bytes over a plain ArrayBuffer (a Buffer may sit on a shared pool).
    const bytes = new Uint8Array(input);
    if (Date.now() >= this.newerMissingUntil) {
      const newer = await this.newer(bytes, file, abort);
      if (newer !== "missing") return newer;
      this.newerMissingUntil = Date.now() + NEWER_MISSING_MS;
    }
    return this.legacy(bytes, file, abort);
  }

  private async refusal(res: Response): Promise<UploadFailure> {
    return {
      ok: false,
      kind: kindOf(res.status),
      status: res.status,
      message: await this.t.errorMessage(res),
      retryAfterMs: retryAfterMs(res),
    };
  }

  /** The envelope's data, or the failure its `code` (whatever the HTTP status) or its shape means. */
  private async data<T extends z.ZodType>(res: Response, schema: T): Promise<{ data: z.infer<T> } | { failure: UploadFailure }> {
    let json: unknown;
    try {
      json = JSON.parse(await res.text());
    } catch {
      return { failure: { ok: false, kind: "transient", message: "WaveSpeed's answer to the upload is not JSON" } };
    }
    const outer = envelope.safeParse(json);
    if (!outer.success) return { failure: { ok: false, kind: "transient", message: "WaveSpeed's answer to the upload is not understood" } };
    if (outer.data.code !== 200) {
      const message = this.t.scrub(`WaveSpeed ${outer.data.code}: ${outer.data.message ?? "upload failed"}`);
      return { failure: { ok: false, kind: envelopeKindOf(outer.data.code), status: outer.data.code, message } };
    }
    const inner = schema.safeParse(outer.data.data);
    if (!inner.success)
      return { failure: { ok: false, kind: "transient", message: "WaveSpeed's answer to the upload has no download address" } };
    return { data: inner.data as z.infer<T> };
  }

  private async newer(bytes: Uint8Array<ArrayBuffer>, file: UploadFile, abort?: AbortSignal): Promise<UploadOutcome | "missing"> {
    let res: Response;
    try {
      const body = JSON.stringify({ filename: file.filename, size: bytes.byteLength, content_type: file.contentType });
      res = await this.t.request(
        "/api/v3/media/uploads",
        { method: "POST", headers: { "Content-Type": "application/json" }, body },
        abort,
        this.t.timeoutMs,
      );
    } catch (error) {
      return networkFailure(error, "The upload request");
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return "missing";
    }
    if (!res.ok) return this.refusal(res);
    const ticket = await this.data(res, ticketSchema);
    if ("failure" in ticket) return ticket.failure;
    const { upload, download_url } = ticket.data;
    if (upload.method.toUpperCase() !== "PUT")
      return { ok: false, kind: "transient", message: `WaveSpeed asked for an upload by ${upload.method}` };
    let put: Response;
    try {
      const timeout = AbortSignal.timeout(this.t.transferTimeoutMs);
      // A presigned address: its own headers only, never the API key.
      put = await fetch(upload.url, {
        method: "PUT",
        headers: upload.headers ?? {},
        body: bytes,
        signal: abort ? AbortSignal.any([abort, timeout]) : timeout,
        cache: "no-store",
      });
    } catch (error) {
      return networkFailure(error, "Sending the file");
    }
    await put.body?.cancel();
    if (put.ok) return { ok: true, url: download_url };
    // The address's own storage answered: its 401/403 mean an expired signature, not a refused key.
    const kind = put.status === 400 || put.status === 413 ? "rejected" : "transient";
    return {
      ok: false,
      kind,
      status: put.status,
      message: `WaveSpeed's storage answered ${put.status} to the file`,
      retryAfterMs: retryAfterMs(put),
    };
  }

  private async legacy(bytes: Uint8Array<ArrayBuffer>, file: UploadFile, abort?: AbortSignal): Promise<UploadOutcome> {
    let res: Response;
    try {
      const form = new FormData();
      form.append("file", new Blob([bytes], { type: file.contentType }), file.filename);
      res = await this.t.request("/api/v3/media/upload/binary", { method: "POST", body: form }, abort, this.t.transferTimeoutMs);
    } catch (error) {
      return networkFailure(error, "The upload");
    }
    if (!res.ok) return this.refusal(res);
    const answer = await this.data(res, binarySchema);
    if ("failure" in answer) return answer.failure;
    return { ok: true, url: answer.data.download_url };
  }
}
