import "server-only";
import { finishUnsent, markSending, recordSubmit } from "@/lib/db/queries/work";
import type { Job } from "@/lib/db/schema";
import { acceptKey, keyRefusal, refuseKey } from "@/lib/team/key-refusal";
import { markCharged, markFailed, release } from "@/lib/team/spend";
import type { WaveSpeedClient } from "@/lib/wavespeed/client";
import { jobLife, type Step } from "./life";
import type { PollSchedule } from "./schedule";
import { MissingInput, submitInputFor } from "./submit-input";
import { UploadFailed } from "./uploads";

/** What sending a job needs from its worker. */
export type Sender = { client: WaveSpeedClient; polls: PollSchedule; owner: string; webhookUrl?: string };

export async function refuse({ status, message }: { status: number; message: string }): Promise<void> {
  await refuseKey(status, message);
  console.warn(`[worker] ${message}: no job is sent or polled until WaveSpeed accepts the key`);
}

/**
 * True while WaveSpeed refuses the key. Once `checkDue`, asks the balance (every instance may) to learn that
 * it is accepted again, and lifts the refusal for all of them.
 */
export async function keyStillRefused(client: WaveSpeedClient, checkDue: boolean): Promise<boolean> {
  if (!(await keyRefusal())) return false;
  if (!checkDue) return true;
  try {
    await client.balance();
  } catch {
    return true;
  }
  await acceptKey();
  console.warn("[worker] WaveSpeed accepts the API key again; polling resumes");
  return false;
}

/**
 * Sends one claimed job: its images uploaded (the job still queued, nothing sent), then "submitting" just
 * before the one POST, whose answer is recorded whatever it was. A drain cuts uploads short, never the POST.
 */
export async function sendJob(job: Job, signal: AbortSignal, s: Sender): Promise<void> {
  const input = await submitInputFor(job, { client: s.client, abort: signal }).catch((error: unknown) => error as Error);
  const clock = (now: number) => ({ now, nextPoll: now, retry: (atLeastMs?: number) => s.polls.retry(job.submitAttempts, now, atLeastMs) });
  if (signal.aborted) {
    // Nothing was sent: back in the queue at once, the try not counted.
    const back = { status: "queued", error: null, nextPollAt: Date.now(), submitAttempts: Math.max(0, job.submitAttempts - 1) } as const;
    return unsent(job, { patch: back, money: null }, s.owner);
  }
  if (input instanceof UploadFailed) {
    const event = { kind: "upload_failed", retryable: input.retryable, refused: input.refused, message: input.message } as const;
    return unsent(job, jobLife(job, event, clock(Date.now())), s.owner);
  }
  if (input instanceof Error) {
    const event = { kind: "unreadable_input", missing: input instanceof MissingInput, message: input.message } as const;
    return unsent(job, jobLife(job, event, clock(Date.now())), s.owner);
  }
  // Cancelled, deleted or taken over while its images were uploaded: nothing may be sent.
  if (!(await markSending(job.id, s.owner))) return;
  const outcome = await s.client.submit(input, { webhookUrl: s.webhookUrl });
  const now = Date.now();
  const nextPoll = outcome.ok ? await s.polls.first(job.duration, now) : now;
  const { patch, money, keyRefused } = jobLife(job, { kind: "submit", outcome }, { ...clock(now), nextPoll });
  if (keyRefused) await refuse(keyRefused);
  if (money === "charge" || money === "charge_failed") await markCharged([job.id]);
  await recordSubmit(job.id, patch);
  if (money === "charge_failed") await markFailed(job.id);
  if (money === "release") await release([job.id]);
}

/** A claimed job's end before any POST: only while it is still this instance's and still queued. */
async function unsent(job: Job, { patch, money, keyRefused }: Step, owner: string): Promise<void> {
  if (keyRefused) await refuse(keyRefused);
  if ((await finishUnsent(job.id, owner, patch)) && money === "release") await release([job.id]);
}
