import "server-only";
import { getJob } from "@/lib/db/queries/jobs";
import {
  claimSettlements,
  endUnmade,
  finishSettlement,
  getSettlement,
  knownTaskIds,
  openSettlements,
  resumeJob,
  rivalsOf,
  submitsInFlight,
  type Settlement,
} from "@/lib/db/queries/settlements";
import { updateJob } from "@/lib/db/queries/jobs";
import type { Job } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { SettlementView } from "@/lib/validations/money";
import { historyTasks } from "@/lib/wavespeed/books";
import type { WaveSpeedClient } from "@/lib/wavespeed/client";
import { matchLost, SKEW_MS } from "./match";

export type SettleOptions = {
  owner: string;
  leaseMs: number;
  /** How long after a lost submit's window (its POST until its answer was given up on) WaveSpeed's history is taken as complete (no task by then: none was made). */
  settleAfterMs: number;
  /** How often a pending one is looked for again meanwhile. */
  recheckMs?: number;
};

export const NO_TASK =
  "The submit's answer was lost, and WaveSpeed's history shows no task made by it: nothing was charged and the reservation was released. Generate it again if you still want it.";
export const SEVERAL_TASKS =
  "The submit's answer was lost, and several WaveSpeed tasks could be the one it made: an admin chooses which on this take.";

/** Every instance calls this each tick: opens settlements for new unknown submits and works the due ones. */
export async function settleDue(client: WaveSpeedClient, o: SettleOptions, now = Date.now()): Promise<void> {
  await openSettlements(now);
  for (const s of await claimSettlements({ owner: o.owner, now, ms: o.leaseMs }, 4)) {
    await settleOne(client, s, o, now).catch(async (error: unknown) => {
      console.warn(`[settle] ${s.jobId}: ${(error as Error).message}; asked again later`);
      await finishSettlement(s.jobId, { checks: s.checks + 1, nextCheckAt: now + 4 * recheck(o) }, o.owner);
    });
  }
}

/** The worker's tick: lost submits looked for in WaveSpeed's history; a failure waits for the next tick. */
export async function settleTick(client: WaveSpeedClient, lease: { owner: string; now: number; ms: number }, settleAfterMs = 180_000) {
  const options = { owner: lease.owner, leaseMs: lease.ms, settleAfterMs };
  await settleDue(client, options, lease.now).catch((error: unknown) => console.error("[worker] settling failed", error));
}

const recheck = (o: SettleOptions) => o.recheckMs ?? Math.min(15_000, Math.max(500, o.settleAfterMs / 4));
const ended = (error: string, now: number) => ({ status: "failed" as const, error, finishedAt: now, nextPollAt: null });

/** The job carries on with the task its lost submit made: polled next, as if the answer had come. */
async function resume(job: Job, taskId: string, createdAt: number, now: number): Promise<boolean> {
  return resumeJob(job.id, {
    status: "submitted",
    upstreamId: taskId,
    submittedAt: createdAt,
    finishedAt: null,
    error: null,
    nextPollAt: now,
  });
}

async function settleOne(client: WaveSpeedClient, s: Settlement, o: SettleOptions, now: number): Promise<void> {
  const job = await getJob(s.jobId);
  if (!job || job.status !== "unknown") return finishSettlement(s.jobId, { state: "chosen" }, o.owner);
  const tasks = await historyTasks(client, { model: job.model, from: s.windowStart - SKEW_MS, to: s.windowEnd + SKEW_MS });
  const known = await knownTaskIds(tasks.map((t) => t.id));
  const lost = {
    prompt: job.prompt,
    duration: job.duration,
    images: job.imageUrl ? [job.imageUrl] : [],
    windowStart: s.windowStart,
    windowEnd: s.windowEnd,
  };
  const match = matchLost(lost, tasks, known, await rivalsOf(s, SKEW_MS));
  const later = { checks: s.checks + 1, nextCheckAt: now + recheck(o) };
  // Another submit on the wire made a task no job names yet: decide once its answer is in.
  if (match.kind !== "none" && (await submitsInFlight(job.id, s.windowEnd + SKEW_MS))) return finishSettlement(s.jobId, later, o.owner);
  if (match.kind === "one") {
    if (!(await resume(job, match.taskId, match.createdAt, now))) return finishSettlement(s.jobId, later, o.owner);
    console.warn(`[settle] job ${job.id}: its lost submit made task ${match.taskId} (${tasks.length} in its window); followed from now on`);
    return finishSettlement(s.jobId, { state: "matched", taskId: match.taskId, candidates: [match.taskId] }, o.owner);
  }
  if (match.kind === "several") {
    await updateJob(job.id, { error: SEVERAL_TASKS });
    return finishSettlement(s.jobId, { state: "ambiguous", candidates: match.taskIds }, o.owner);
  }
  if (now < s.windowEnd + o.settleAfterMs) return finishSettlement(s.jobId, later, o.owner);
  if (await endUnmade(job, ended(NO_TASK, now))) console.warn(`[settle] job ${job.id}: no task was made; reservation released`);
  return finishSettlement(s.jobId, { state: "none" }, o.owner);
}

/** An admin's choice for a submit with several candidate tasks: one of them, or none (nothing was made). */
export async function chooseTask(jobId: string, taskId: string | null, client: WaveSpeedClient): Promise<{ state: string }> {
  const s = await getSettlement(jobId);
  const job = await getJob(jobId);
  if (!s || !job) throw new AppError("not_found", "No lost submit to settle for this take.");
  if (job.status !== "unknown" || (s.state !== "ambiguous" && s.state !== "pending"))
    throw new AppError("conflict", "This take's submit is already settled.");
  const now = Date.now();
  if (taskId === null) {
    await endUnmade(job, ended("An admin found that the lost submit made no WaveSpeed task: nothing was charged.", now));
    await finishSettlement(jobId, { state: "chosen" }, null);
    return { state: "none" };
  }
  if (!s.candidates.includes(taskId))
    throw new AppError("invalid", "That task is not one of the candidates.", { taskId: "Choose one of the listed WaveSpeed tasks." });
  const [task] = (await historyTasks(client, { model: job.model, from: s.windowStart - SKEW_MS, to: s.windowEnd + SKEW_MS })).filter(
    (t) => t.id === taskId,
  );
  if (!(await resume(job, taskId, task?.createdAt ?? now, now)))
    throw new AppError("conflict", "Another take already follows that WaveSpeed task.", { taskId: "Choose another task." });
  await finishSettlement(jobId, { state: "chosen", taskId }, null);
  return { state: "matched" };
}

/** A take's settlement as admins see it (404 when its submit's outcome was never lost). */
export async function settlementView(jobId: string): Promise<SettlementView> {
  const s = await getSettlement(jobId);
  if (!s) throw new AppError("not_found", "This take's submit was not lost, so there is nothing to settle.");
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    jobId,
    state: s.state,
    candidates: s.candidates,
    taskId: s.taskId,
    windowStart: iso(s.windowStart),
    windowEnd: iso(s.windowEnd),
  };
}
