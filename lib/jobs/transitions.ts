import type { Job, NewJob } from "@/lib/db/schema";
import type { Task } from "@/lib/wavespeed/types";

const UNKNOWN_STATUS_GIVE_UP_MS = 60 * 60 * 1000;

/**
 * The row changes an upstream task state implies, whoever learned it (a poll, or later a webhook);
 * `nextPollAt` is when to look again if the task is not finished.
 */
export function taskPatch(job: Job, task: Task, now: number, nextPollAt: number): Partial<NewJob> {
  switch (task.status) {
    case "created":
      return { status: "submitted", nextPollAt };
    case "processing":
      return { status: "processing", processingAt: job.processingAt ?? now, nextPollAt };
    case "completed":
      if (task.outputs.length === 0)
        return { status: "failed", error: "WaveSpeed reported completion without an output.", finishedAt: now, nextPollAt: null };
      return {
        status: "completed",
        outputs: task.outputs,
        nsfw: task.nsfw,
        finishedAt: now,
        nextPollAt: null,
        error: null,
        copyStatus: "pending",
        nextCopyAt: now,
      };
    case "failed":
    case "cancelled":
    case "timeout":
      return { status: "failed", error: task.error ?? `WaveSpeed reported the task ${task.status}.`, finishedAt: now, nextPollAt: null };
    default:
      if (now - (job.submittedAt ?? now) > UNKNOWN_STATUS_GIVE_UP_MS) {
        return {
          status: "failed",
          error: `WaveSpeed kept reporting an unknown status "${task.status}".`,
          finishedAt: now,
          nextPollAt: null,
        };
      }
      return { nextPollAt };
  }
}
