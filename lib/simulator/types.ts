import type { UploadStats } from "./uploads";
import type { WebhookStats } from "./webhooks";

export type SimulatorOptions = {
  port: number;
  host?: string;
  /** The one key accepted; any other Bearer value gets 401. */
  apiKey: string;
  /** Submit to completion, in ms; a quarter of it is spent in "created". */
  delayMs: number;
  /** More time per second of video asked for (real Seedance jobs take longer for longer videos). */
  delayPerSecondMs?: number;
  /** Each task's time varies by up to this fraction either way. */
  delayJitter?: number;
  workDir: string;
  /** Render clips with ffmpeg (default true); false gives every task the stock clip. */
  render?: boolean;
  faults?: string;
  slowMs?: number;
  /** The secret deliveries are signed with (`whsec_…`); by default one kept in workDir. */
  webhookSecret?: string;
  /** How long a sync-mode submit (`enable_sync_mode: true`) waits before answering 5004 (default 90 s). */
  syncTimeoutMs?: number;
  /** The account's discount as a fraction off the list price (0.25: `discounted_price` is 75% of `price`). */
  discount?: number;
  /** When set, `GET /api/v3/models` lists only these ids (as a paged or partial answer would). */
  catalogIds?: string[];
};

/** What the simulator saw: every submit POST (accepted or not), tasks created, result GETs per task id. */
export type SimulatorStats = {
  submitRequests: number;
  submits: number;
  resultGets: Record<string, number>;
  balanceGets: number;
  /** Downloads of output videos, ranged or not. */
  outputGets: number;
  /** Accepted submit bodies, images replaced by a short description, with the `webhook` address asked for. */
  received: Record<string, unknown>[];
  /** Byte length of every submit body received (accepted or not, key or not). */
  submitBodyBytes: number[];
  /** The request headers of the last submit POST, Authorization left out (x-client-name and the like). */
  lastHeaders: Record<string, string>;
  /** Webhook deliveries: answered 2xx, failed (after retries, or refused), dropped by a fault switch. */
  webhooks: WebhookStats;
  /** Upload tickets issued, PUTs and legacy uploads accepted, and the bytes they brought. */
  uploads: UploadStats;
};
