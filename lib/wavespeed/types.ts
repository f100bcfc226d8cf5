import type { AspectRatio } from "@/lib/model/seedance";

export type TaskStatus = "created" | "processing" | "completed" | "failed" | "cancelled" | "timeout" | "deleted";

/** Statuses after which a task never changes: polling stops. Anything else is polled until the job's deadline. */
export const FINAL_TASK_STATUSES: readonly string[] = ["completed", "failed", "cancelled", "timeout", "deleted"];

/** Keyframe's own view of an upstream task; nothing outside lib/wavespeed sees WaveSpeed's field names. */
export type Task = {
  id: string;
  status: TaskStatus | (string & {});
  outputs: string[];
  nsfw: boolean[];
  error: string | null;
  /** WaveSpeed's code for a task that ended without a video (1402: it could not fetch an input), if it sent one. */
  code: number | null;
  inferenceMs: number | null;
};

export type SubmitInput = {
  /** http(s) URL or a data: URI */
  image: string;
  lastImage?: string;
  prompt: string;
  duration: number;
  aspectRatio?: AspectRatio;
  cameraFixed: boolean;
  seed: number;
  enableSafetyChecker: boolean;
  /** The catalog id; omitted, the default model (lite 480p). */
  model?: string;
  /** Sent only to models that take it. */
  resolution?: string;
  generateAudio?: boolean;
};

export type SubmitOutcome =
  | { ok: true; task: Task }
  /** WaveSpeed answered and did not create a task: nothing was charged. */
  | { ok: false; kind: "rejected"; status: number; message: string }
  /** WaveSpeed answered 429: no task was created; sending again later is safe. */
  | { ok: false; kind: "rate_limited"; message: string; retryAfterMs?: number }
  /** The connection was never made: nothing reached WaveSpeed, sending again is safe. */
  | { ok: false; kind: "unreachable"; message: string }
  /** WaveSpeed refused the API key (401/403): it created nothing; nothing is sent until the key is accepted. */
  | { ok: false; kind: "key_refused"; status: number; message: string }
  /** The request may have reached WaveSpeed: a task may exist and be charged. Never resend. */
  | { ok: false; kind: "unknown"; message: string };

/**
 * One result GET. `retry`: worth asking again (429, 5xx, network); `refused`: the key was refused (401/403),
 * so no GET should be made for any job until it is accepted; `final`: this task will not be found (404…).
 */
export type ResultOutcome =
  { ok: true; task: Task } | { ok: false; kind: "retry" | "refused" | "final"; status?: number; message: string; retryAfterMs?: number };
