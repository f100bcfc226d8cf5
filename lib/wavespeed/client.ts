import { Agent, fetch as undiciFetch } from "undici";
import { z } from "zod";
import { modelOf } from "@/lib/catalog";
import {
  balanceSchema,
  catalogEntrySchema,
  catalogSchema,
  envelopeSchema,
  listedIdSchema,
  priceSchema,
  taskSchema,
  webhookSecretSchema,
} from "./schema";
import type { WireCatalogEntry } from "./schema";
import { isKeyRefusal, isTimeout, networkCode, retryAfterMs } from "./http";
import { codeWords } from "./task-error";
import type { ResultOutcome, SubmitInput, SubmitOutcome } from "./types";
import { Uploader, type UploadFile, type UploadOutcome } from "./upload";
import { CLIENT_HEADERS, toTask, toWire } from "./wire";

export type WaveSpeedConfig = {
  baseUrl: string;
  apiKey: string;
  /** Each result GET, upload ticket, balance… */
  timeoutMs: number;
  /** A submit's answer (and an upload's bytes): a submit is never resent, so it is waited for long. Default 10 min. */
  submitTimeoutMs?: number;
};

/**
 * For the submit: Node's own fetch gives up on an answer's headers after 300 s whatever its signal allows
 * (UND_ERR_HEADERS_TIMEOUT), so a longer WAVESPEED_SUBMIT_TIMEOUT_MS needs an agent of its own; the signal
 * bounds the wait, connecting keeps its 10 s.
 */
const PATIENT = new Agent({ headersTimeout: 0, bodyTimeout: 0, connect: { timeout: 10_000 } });

/** Nothing reached WaveSpeed: the connection was never made (undici's connect timeout included). */
const NEVER_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/**
 * An answer that is an error: a 4xx/5xx, or HTTP 200 whose envelope `code` is not 200 (then that code
 * stands for the status). `errorCode` is the body's `error_code` (or `data.code`).
 */
type Failure = { status: number; errorCode: number | null; message: string };
type Read<T> = { ok: true; data: T } | { ok: false; failure: Failure } | { ok: false; unreadable: string };

/** An answer that was an error; `status` is the HTTP status (or the envelope code standing for it). */
export class WaveSpeedError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  get keyRefused(): boolean {
    return this.status !== undefined && isKeyRefusal(this.status);
  }
}

export class WaveSpeedClient {
  private readonly uploader: Uploader;

  constructor(private readonly config: WaveSpeedConfig) {
    this.uploader = new Uploader({
      request: (path, init, abort, timeoutMs) => this.request(path, init, abort, timeoutMs),
      errorMessage: async (res) => this.failure(res.status, await res.text(), res.statusText).message,
      scrub: (text) => this.scrub(text),
      timeoutMs: config.timeoutMs,
      transferTimeoutMs: this.submitTimeoutMs,
    });
  }

  /** Which WaveSpeed this client talks to (uploads are known to that one only). */
  get baseUrl(): string {
    return this.config.baseUrl;
  }

  private get submitTimeoutMs(): number {
    return this.config.submitTimeoutMs ?? 600_000;
  }

  /** Upstream text is shown to users; make sure the key can never ride along in it. */
  private scrub(text: string): string {
    return text.split(this.config.apiKey).join("[redacted]").slice(0, 500);
  }

  /** Error text as WaveSpeed's clients read it: `message`, then `error_code`, then `data.code`, then the raw text. */
  private failure(status: number, text: string, statusText = ""): Failure {
    let body: { message?: unknown; error?: unknown; error_code?: unknown; data?: { code?: unknown } | null } = {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === "object") body = parsed as typeof body;
    } catch {
      // not JSON: the raw text below
    }
    const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
    const errorCode = num(body.error_code) ?? num(body.data?.code);
    const said = typeof body.message === "string" && body.message ? body.message : typeof body.error === "string" ? body.error : "";
    const raw = said || (errorCode === null ? text.trim().slice(0, 200) : `error code ${errorCode}`);
    const base = raw ? `WaveSpeed ${status}: ${raw}` : `WaveSpeed answered ${status} ${statusText}`.trim();
    const words = codeWords(errorCode, raw);
    return { status, errorCode, message: this.scrub(words ? `${words} (${base}).` : base) };
  }

  private request(
    path: string,
    init: RequestInit = {},
    abort?: AbortSignal,
    timeoutMs = this.config.timeoutMs,
    patient = false,
  ): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const options: RequestInit = {
      ...init,
      headers: { Authorization: `Bearer ${this.config.apiKey}`, ...CLIENT_HEADERS, ...init.headers },
      signal: abort ? AbortSignal.any([abort, timeout]) : timeout,
      cache: "no-store",
    };
    const url = `${this.config.baseUrl}${path}`;
    if (!patient) return fetch(url, options);
    return undiciFetch(url, { ...(options as Parameters<typeof undiciFetch>[1]), dispatcher: PATIENT }) as unknown as Promise<Response>;
  }

  /** Reads any answer: an HTTP error, an envelope code other than 200 under any status, or the data. */
  private async read<T extends z.ZodType>(res: Response, data: T): Promise<Read<z.infer<T>>> {
    const text = await res.text();
    if (!res.ok) return { ok: false, failure: this.failure(res.status, text, res.statusText) };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, unreadable: "WaveSpeed sent a response that is not JSON" };
    }
    const code = (json as { code?: unknown } | null)?.code;
    if (typeof code === "number" && code !== 200) return { ok: false, failure: this.failure(code, text) };
    const parsed = envelopeSchema(data).safeParse(json);
    if (!parsed.success) return { ok: false, unreadable: "WaveSpeed sent a response Keyframe does not understand" };
    return { ok: true, data: parsed.data.data as z.infer<T> };
  }

  private async parse<T extends z.ZodType>(res: Response, data: T): Promise<z.infer<T>> {
    const read = await this.read(res, data);
    if (read.ok) return read.data;
    if ("failure" in read) throw new WaveSpeedError(read.failure.message, read.failure.status);
    throw new WaveSpeedError(read.unreadable);
  }

  /**
   * Sends one submit POST, exactly once: this method never retries, because a retry can mean paying twice.
   * With `webhookUrl`, WaveSpeed also POSTs the finished task there (the `webhook` query parameter).
   */
  async submit(input: SubmitInput, options: { webhookUrl?: string } = {}): Promise<SubmitOutcome> {
    let res: Response;
    const query = options.webhookUrl ? `?webhook=${encodeURIComponent(options.webhookUrl)}` : "";
    try {
      res = await this.request(
        `/api/v3/${modelOf(input.model).id}${query}`,
        {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(toWire(input)),
        },
        undefined,
        this.submitTimeoutMs,
        true,
      );
    } catch (error) {
      const code = networkCode(error);
      if (code && NEVER_CONNECTED.has(code))
        return { ok: false, kind: "unreachable", message: `Could not connect to WaveSpeed (${code}).` };
      const why = isTimeout(error) ? "timed out" : `failed (${code ?? "network error"})`;
      return { ok: false, kind: "unknown", message: `The submit request ${why} after it may have reached WaveSpeed.` };
    }
    try {
      const read = await this.read(res, taskSchema);
      if (read.ok) return { ok: true, task: toTask(read.data) };
      if ("unreadable" in read) return { ok: false, kind: "unknown", message: `${read.unreadable} to the submit; the task may exist.` };
      return submitFailure(read.failure, retryAfterMs(res));
    } catch {
      return { ok: false, kind: "unknown", message: "The submit response was cut off; the task may exist." };
    }
  }

  /**
   * Uploads a file to WaveSpeed (no charge) and answers the address a submit can name it by; WaveSpeed keeps
   * it 7 days. Never throws: the outcome says whether trying again may help.
   */
  upload(bytes: Uint8Array, file: UploadFile, abort?: AbortSignal): Promise<UploadOutcome> {
    return this.uploader.upload(bytes, file, abort);
  }

  /** One result GET. Retrying is the caller's choice: a GET costs nothing. */
  async result(id: string, abort?: AbortSignal): Promise<ResultOutcome> {
    let res: Response;
    try {
      res = await this.request(`/api/v3/predictions/${encodeURIComponent(id)}/result`, {}, abort);
    } catch (error) {
      return {
        ok: false,
        kind: "retry",
        message: isTimeout(error) ? "WaveSpeed did not answer in time" : `Network error (${networkCode(error) ?? "unknown"})`,
      };
    }
    try {
      const read = await this.read(res, taskSchema);
      if (read.ok) return { ok: true, task: toTask(read.data) };
      if ("unreadable" in read) return { ok: false, kind: "retry", message: read.unreadable };
      const { status, message } = read.failure;
      const kind = isKeyRefusal(status) ? "refused" : status === 429 || status >= 500 || status < 400 ? "retry" : "final";
      return { ok: false, kind, status, message, retryAfterMs: retryAfterMs(res) };
    } catch {
      return { ok: false, kind: "retry", message: "The result response was cut off" };
    }
  }

  /** The secret WaveSpeed signs webhook deliveries with (`whsec_…`). */
  async webhookSecret(): Promise<string> {
    const res = await this.request("/api/v3/webhook/secret");
    return (await this.parse(res, webhookSecretSchema)).secret;
  }

  /** A JSON POST to an account endpoint (history, billing, usage), read like any answer; throws WaveSpeedError. */
  async post<T extends z.ZodType>(path: string, body: unknown, data: T, abort?: AbortSignal): Promise<z.infer<T>> {
    const init = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
    return this.parse(await this.request(path, init, abort), data);
  }

  async balance(): Promise<number> {
    const res = await this.request("/api/v3/balance");
    return (await this.parse(res, balanceSchema)).balance;
  }

  /** WaveSpeed's quote for these inputs, USD: the discounted price when it gives one. */
  async price(modelId: string, inputs: Record<string, unknown>): Promise<{ price: number; discounted: number | null }> {
    const body = JSON.stringify({ model_id: modelId, inputs });
    const res = await this.request("/api/v3/model/price", { method: "POST", headers: { "Content-Type": "application/json" }, body });
    const data = await this.parse(res, priceSchema);
    return { price: data.price, discounted: data.discounted_price ?? null };
  }

  /** WaveSpeed's catalog: the entries Keyframe can read (others are left out). */
  async models(): Promise<WireCatalogEntry[]> {
    const list = await this.parse(await this.request("/api/v3/models"), catalogSchema);
    return list.flatMap((item) => {
      const parsed = catalogEntrySchema.safeParse(item);
      if (parsed.success) return [parsed.data];
      // Listed but unreadable: still listed (not retired), with nothing known of its schema.
      const named = listedIdSchema.safeParse(item);
      return named.success ? [{ model_id: named.data.model_id }] : [];
    });
  }
}

/**
 * A submit WaveSpeed answered with an error (HTTP, or HTTP 200 with an envelope code other than 200; the
 * code then stands for the status). 401/403: the key was refused, nothing created. 429: nothing created,
 * send again later. Other 4xx: rejected, nothing created. 5xx and any other code: the task may exist.
 */
function submitFailure(failure: Failure, retryAfter: number | undefined): SubmitOutcome {
  const { status, message } = failure;
  if (isKeyRefusal(status)) return { ok: false, kind: "key_refused", status, message };
  if (status === 429) return { ok: false, kind: "rate_limited", message, retryAfterMs: retryAfter };
  if (status >= 400 && status < 500) return { ok: false, kind: "rejected", status, message };
  return { ok: false, kind: "unknown", message: `${message} while submitting; the task may exist.` };
}
