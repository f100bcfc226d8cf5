import { Agent, fetch as undiciFetch } from "undici";
import { z } from "zod";
import { MODEL_ID } from "@/lib/model/seedance";
import { balanceSchema, envelopeSchema, taskSchema, webhookSecretSchema, type WireTask } from "./schema";
import { describeTaskError } from "./task-error";
import type { ResultOutcome, SubmitInput, SubmitOutcome, Task } from "./types";
import { Uploader, type UploadFile, type UploadOutcome } from "./upload";

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

export function toTask(wire: WireTask): Task {
  return {
    id: wire.id,
    status: wire.status,
    outputs: wire.outputs ?? [],
    nsfw: wire.has_nsfw_contents ?? [],
    error: wire.error ? describeTaskError(wire.error) : null,
    inferenceMs: wire.timings?.inference ?? null,
  };
}

function toWire(input: SubmitInput): Record<string, unknown> {
  return {
    image: input.image,
    ...(input.lastImage ? { last_image: input.lastImage } : {}),
    prompt: input.prompt,
    duration: input.duration,
    ...(input.aspectRatio ? { aspect_ratio: input.aspectRatio } : {}),
    camera_fixed: input.cameraFixed,
    seed: input.seed,
    enable_safety_checker: input.enableSafetyChecker,
  };
}

function retryAfterMs(res: Response): number | undefined {
  const value = res.headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

export class WaveSpeedClient {
  private readonly uploader: Uploader;

  constructor(private readonly config: WaveSpeedConfig) {
    this.uploader = new Uploader({
      request: (path, init, abort, timeoutMs) => this.request(path, init, abort, timeoutMs),
      errorMessage: (res) => this.errorMessage(res),
      scrub: (text) => this.scrub(text),
      timeoutMs: config.timeoutMs,
      transferTimeoutMs: this.submitTimeoutMs,
    });
  }

  private get submitTimeoutMs(): number {
    return this.config.submitTimeoutMs ?? 600_000;
  }

  /** Upstream text is shown to users; make sure the key can never ride along in it. */
  private scrub(text: string): string {
    return text.split(this.config.apiKey).join("[redacted]").slice(0, 500);
  }

  private async errorMessage(res: Response): Promise<string> {
    const text = await res.text().catch(() => "");
    try {
      const body = JSON.parse(text) as { message?: unknown; error?: unknown };
      const message = typeof body.message === "string" ? body.message : typeof body.error === "string" ? body.error : "";
      if (message) return this.scrub(`WaveSpeed ${res.status}: ${message}`);
    } catch {
      // not JSON: fall through to the status line
    }
    return this.scrub(`WaveSpeed answered ${res.status} ${res.statusText}`.trim());
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
      headers: { Authorization: `Bearer ${this.config.apiKey}`, ...init.headers },
      signal: abort ? AbortSignal.any([abort, timeout]) : timeout,
      cache: "no-store",
    };
    const url = `${this.config.baseUrl}${path}`;
    if (!patient) return fetch(url, options);
    return undiciFetch(url, { ...(options as Parameters<typeof undiciFetch>[1]), dispatcher: PATIENT }) as unknown as Promise<Response>;
  }

  private async parse<T extends z.ZodType>(res: Response, data: T): Promise<z.infer<T> | string> {
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return "WaveSpeed sent a response that is not JSON";
    }
    const parsed = envelopeSchema(data).safeParse(json);
    if (!parsed.success) return "WaveSpeed sent a response Keyframe does not understand";
    if (parsed.data.code !== 200) return this.scrub(`WaveSpeed ${parsed.data.code}: ${parsed.data.message ?? "error"}`);
    return parsed.data.data as z.infer<T>;
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
        `/api/v3/${MODEL_ID}${query}`,
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
    if (res.status === 429) {
      return { ok: false, kind: "rate_limited", message: await this.errorMessage(res), retryAfterMs: retryAfterMs(res) };
    }
    if (res.status >= 400 && res.status < 500) {
      return { ok: false, kind: "rejected", status: res.status, message: await this.errorMessage(res) };
    }
    if (!res.ok) {
      return { ok: false, kind: "unknown", message: `${await this.errorMessage(res)} while submitting; the task may exist.` };
    }
    try {
      const data = await this.parse(res, taskSchema);
      if (typeof data === "string") return { ok: false, kind: "unknown", message: `${data} to the submit; the task may exist.` };
      return { ok: true, task: toTask(data) };
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
        retryable: true,
        message: isTimeout(error) ? "WaveSpeed did not answer in time" : `Network error (${networkCode(error) ?? "unknown"})`,
      };
    }
    if (!res.ok) {
      const transient = res.status === 429 || res.status >= 500 || res.status === 401 || res.status === 403;
      return {
        ok: false,
        retryable: transient,
        status: res.status,
        message: await this.errorMessage(res),
        retryAfterMs: retryAfterMs(res),
      };
    }
    try {
      const data = await this.parse(res, taskSchema);
      if (typeof data === "string") return { ok: false, retryable: true, message: data };
      return { ok: true, task: toTask(data) };
    } catch {
      return { ok: false, retryable: true, message: "The result response was cut off" };
    }
  }

  /** The secret WaveSpeed signs webhook deliveries with (`whsec_…`). */
  async webhookSecret(): Promise<string> {
    const res = await this.request("/api/v3/webhook/secret");
    if (!res.ok) throw new Error(await this.errorMessage(res));
    const data = await this.parse(res, webhookSecretSchema);
    if (typeof data === "string") throw new Error(data);
    return data.secret;
  }

  async balance(): Promise<number> {
    const res = await this.request("/api/v3/balance");
    if (!res.ok) throw new Error(await this.errorMessage(res));
    const data = await this.parse(res, balanceSchema);
    if (typeof data === "string") throw new Error(data);
    return data.balance;
  }
}
