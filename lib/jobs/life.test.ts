// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import type { Job } from "@/lib/db/schema";
import type { Task } from "@/lib/wavespeed/types";
import { deadlineMs, INTERRUPTED_SUBMIT, jobLife, MAX_SUBMIT_ATTEMPTS, pastDeadline, type LifeEvent, type Money } from "./life";

const T0 = 1_700_000_000_000;
const NOW = T0 + 60_000;
const NEXT = NOW + 5000;
const RETRY = NOW + 7000;
const clock = { now: NOW, nextPoll: NEXT, retry: () => RETRY };

/** A job WaveSpeed accepted a minute ago (the fields the decisions read). */
const job = (patch: Partial<Job> = {}): Job =>
  ({
    id: "j",
    status: "submitted",
    duration: 5,
    createdAt: T0,
    submittedAt: T0,
    processingAt: null,
    submitAttempts: 1,
    pollCount: 2,
    pollFailures: 0,
    ...patch,
  }) as Job;
const task = (status: string, patch: Partial<Task> = {}): Task => ({
  id: "t1",
  status,
  outputs: [],
  nsfw: [],
  error: null,
  code: null,
  inferenceMs: null,
  ...patch,
});
const late = { submittedAt: NOW - deadlineMs(5) - 1 };
const submit = (outcome: Extract<LifeEvent, { kind: "submit" }>["outcome"]): LifeEvent => ({ kind: "submit", outcome });
const result = (outcome: Extract<LifeEvent, { kind: "result" }>["outcome"]): LifeEvent => ({ kind: "result", outcome });

type Row = [
  name: string,
  job: Job,
  event: LifeEvent,
  status: Job["status"] | undefined,
  error: string | RegExp | null | undefined,
  money: Money,
];

const rows: Row[] = [
  // Submit outcomes
  [
    "submit accepted",
    job({ status: "submitting", submittedAt: null }),
    submit({ ok: true, task: task("created") }),
    "submitted",
    null,
    "charge",
  ],
  [
    "submit answered with a task that already failed: charged and shown as a failed take",
    job({ status: "submitting", submittedAt: null }),
    submit({ ok: true, task: task("failed", { error: "WaveSpeed could not generate this video (Task failed)." }) }),
    "failed",
    "WaveSpeed could not generate this video (Task failed).",
    "charge_failed",
  ],
  [
    "submit rejected (4xx)",
    job({ status: "submitting" }),
    submit({ ok: false, kind: "rejected", status: 400, message: "WaveSpeed 400: bad" }),
    "failed",
    "WaveSpeed 400: bad",
    "release",
  ],
  [
    "submit rate limited",
    job({ status: "submitting" }),
    submit({ ok: false, kind: "rate_limited", message: "WaveSpeed 429: slow" }),
    "queued",
    "Waiting to retry: WaveSpeed 429: slow",
    null,
  ],
  [
    "submit rate limited, out of tries",
    job({ status: "submitting", submitAttempts: MAX_SUBMIT_ATTEMPTS }),
    submit({ ok: false, kind: "rate_limited", message: "WaveSpeed 429: slow" }),
    "failed",
    /Gave up after 8 tries; WaveSpeed created no task, so nothing was charged\.$/,
    "release",
  ],
  [
    "submit unreachable",
    job({ status: "submitting" }),
    submit({ ok: false, kind: "unreachable", message: "Could not connect to WaveSpeed (ECONNREFUSED)." }),
    "queued",
    /^Waiting to retry: Could not connect/,
    null,
  ],
  [
    "submit outcome unknown",
    job({ status: "submitting" }),
    submit({ ok: false, kind: "unknown", message: "WaveSpeed 502: bad gateway while submitting; the task may exist." }),
    "unknown",
    /It was not resent, to avoid paying twice\.$/,
    "charge",
  ],
  [
    "submit key refused",
    job({ status: "submitting" }),
    submit({ ok: false, kind: "key_refused", status: 401, message: "WaveSpeed 401: Invalid key" }),
    "queued",
    "Waiting: WaveSpeed 401: Invalid key",
    null,
  ],
  [
    "input unreadable for now",
    job({ status: "submitting" }),
    { kind: "unreadable_input", missing: false, message: "EIO" },
    "queued",
    /^Waiting to retry: could not read the input images \(EIO\)/,
    null,
  ],
  [
    "input missing",
    job({ status: "submitting" }),
    { kind: "unreadable_input", missing: true, message: "An input image is missing from storage." },
    "failed",
    "An input image is missing from storage.",
    "release",
  ],
  [
    "upload failed, retryable",
    job({ status: "submitting" }),
    {
      kind: "upload_failed",
      retryable: true,
      message: "Could not upload the start image to WaveSpeed: WaveSpeed 503: busy; nothing was sent or charged.",
    },
    "queued",
    "Waiting to retry: Could not upload the start image to WaveSpeed: WaveSpeed 503: busy; nothing was sent or charged.",
    null,
  ],
  [
    "upload failed for good",
    job({ status: "submitting" }),
    {
      kind: "upload_failed",
      retryable: false,
      message: "Could not upload the start image to WaveSpeed: WaveSpeed 400: invalid file type; nothing was sent or charged.",
    },
    "failed",
    "Could not upload the start image to WaveSpeed: WaveSpeed 400: invalid file type; nothing was sent or charged.",
    "release",
  ],
  [
    "upload refused for the key: waits for the key, its try counted",
    job({ status: "queued", submitAttempts: 1 }),
    {
      kind: "upload_failed",
      retryable: false,
      refused: { status: 401, message: "WaveSpeed 401: Unauthorized: invalid API key" },
      message:
        "Could not upload the start image to WaveSpeed: WaveSpeed refused the API key (WaveSpeed 401: Unauthorized: invalid API key); nothing was sent or charged.",
    },
    "queued",
    "Waiting: WaveSpeed 401: Unauthorized: invalid API key",
    null,
  ],
  [
    "lease expired mid-submit",
    job({ status: "submitting" }),
    { kind: "lease_expired_mid_submit" },
    "unknown",
    INTERRUPTED_SUBMIT,
    "charge",
  ],
  ["cancelled while queued", job({ status: "queued" }), { kind: "cancel" }, "cancelled", null, "release"],
  // Result outcomes
  ["result created", job(), result({ ok: true, task: task("created") }), "submitted", undefined, null],
  ["result processing", job(), result({ ok: true, task: task("processing") }), "processing", undefined, null],
  ["result completed", job(), result({ ok: true, task: task("completed", { outputs: ["https://cdn/x.mp4"] }) }), "completed", null, null],
  [
    "result completed without output",
    job(),
    result({ ok: true, task: task("completed") }),
    "failed",
    "WaveSpeed reported completion without an output.",
    "failed",
  ],
  ["result failed", job(), result({ ok: true, task: task("failed", { error: "Task failed" }) }), "failed", "Task failed", "failed"],
  [
    "result cancelled",
    job(),
    result({ ok: true, task: task("cancelled", { error: "WaveSpeed cancelled this task." }) }),
    "failed",
    "WaveSpeed cancelled this task.",
    "failed",
  ],
  [
    "result timeout",
    job(),
    result({ ok: true, task: task("timeout", { error: "WaveSpeed timed out on this task." }) }),
    "failed",
    "WaveSpeed timed out on this task.",
    "failed",
  ],
  [
    "result deleted",
    job(),
    result({ ok: true, task: task("deleted", { error: "WaveSpeed deleted this task." }) }),
    "failed",
    "WaveSpeed deleted this task.",
    "failed",
  ],
  [
    "result deleted, no text",
    job(),
    result({ ok: true, task: task("deleted") }),
    "failed",
    "WaveSpeed reported the task deleted.",
    "failed",
  ],
  ["result unknown status", job(), result({ ok: true, task: task("queued_somewhere") }), undefined, undefined, null],
  [
    "result unknown status past the deadline",
    job(late),
    result({ ok: true, task: task("queued_somewhere") }),
    "failed",
    pastDeadline(5),
    "failed",
  ],
  ["result processing past the deadline", job(late), result({ ok: true, task: task("processing") }), "failed", pastDeadline(5), "failed"],
  [
    "result completed past the deadline",
    job(late),
    result({ ok: true, task: task("completed", { outputs: ["https://cdn/x.mp4"] }) }),
    "completed",
    null,
    null,
  ],
  [
    "result GET failed (5xx/429/network)",
    job(),
    result({ ok: false, kind: "retry", status: 503, message: "WaveSpeed 503: busy" }),
    undefined,
    undefined,
    null,
  ],
  [
    "result GET failed past the deadline",
    job(late),
    result({ ok: false, kind: "retry", status: 503, message: "WaveSpeed 503: busy" }),
    "failed",
    pastDeadline(5),
    "failed",
  ],
  [
    "result GET final (404)",
    job(),
    result({ ok: false, kind: "final", status: 404, message: "WaveSpeed 404: Task not found" }),
    "failed",
    "WaveSpeed 404: Task not found",
    "failed",
  ],
  [
    "result GET key refused: the job waits",
    job(),
    result({ ok: false, kind: "refused", status: 403, message: "WaveSpeed 403: suspended" }),
    undefined,
    undefined,
    null,
  ],
  [
    "result GET key refused past the deadline: timed out like any other",
    job(late),
    result({ ok: false, kind: "refused", status: 403, message: "WaveSpeed 403: suspended" }),
    "failed",
    pastDeadline(5),
    "failed",
  ],
  [
    "submit key refused on the last try: ends, nothing charged",
    job({ status: "submitting", submitAttempts: MAX_SUBMIT_ATTEMPTS }),
    submit({ ok: false, kind: "key_refused", status: 403, message: "WaveSpeed 403: role cannot submit" }),
    "failed",
    `WaveSpeed 403: role cannot submit WaveSpeed refused the API key on each of ${MAX_SUBMIT_ATTEMPTS} tries; it created no task, so nothing was charged.`,
    "release",
  ],
  // Webhook deliveries
  [
    "webhook completed",
    job({ status: "processing" }),
    { kind: "webhook", task: task("completed", { outputs: ["https://cdn/x.mp4"] }) },
    "completed",
    null,
    null,
  ],
  [
    "webhook failed",
    job({ status: "processing" }),
    { kind: "webhook", task: task("failed", { error: "boom" }) },
    "failed",
    "boom",
    "failed",
  ],
];

describe("a job's life", () => {
  test.each(rows)("%s", (_, before, event, status, error, money) => {
    const step = jobLife(before, event, clock);
    expect(step.patch.status).toBe(status);
    if (error instanceof RegExp) expect(step.patch.error).toMatch(error);
    else expect(step.patch.error).toBe(error);
    expect(step.money).toBe(money);
  });

  test("the deadline is 30 minutes plus 2 per second of video", () => {
    expect(deadlineMs(5)).toBe(40 * 60_000);
    expect(pastDeadline(12)).toMatch(/^WaveSpeed did not finish this video within 54 minutes/);
  });

  test("a refusal of the key is reported, and the job waits (its try counted) without a failure", () => {
    const step = jobLife(
      job({ status: "submitting", submitAttempts: 3 }),
      submit({ ok: false, kind: "key_refused", status: 401, message: "m" }),
      clock,
    );
    expect(step).toMatchObject({ keyRefused: { status: 401, message: "m" }, patch: { status: "queued", nextPollAt: NOW } });
    expect(step.patch).not.toHaveProperty("submitAttempts");
    const polled = jobLife(job(), result({ ok: false, kind: "refused", status: 401, message: "m" }), clock);
    expect(polled).toMatchObject({ keyRefused: { status: 401 }, patch: { pollCount: 3, nextPollAt: NOW } });
    expect(polled.patch).not.toHaveProperty("pollFailures");
  });

  test("an accepted submit records the task and when to look at it", () => {
    const step = jobLife(
      job({ status: "submitting", submittedAt: null }),
      submit({ ok: true, task: task("created", { id: "up" }) }),
      clock,
    );
    expect(step.patch).toMatchObject({ upstreamId: "up", submittedAt: NOW, finishedAt: null, nextPollAt: NEXT });
  });

  test("a retryable result failure counts and backs off", () => {
    const step = jobLife(job({ pollFailures: 2 }), result({ ok: false, kind: "retry", message: "x" }), clock);
    expect(step.patch).toEqual({ pollCount: 3, pollFailures: 3, nextPollAt: RETRY });
  });
});
