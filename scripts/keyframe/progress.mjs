// @ts-check

/** @typedef {{ id: string, status: string, copy?: { state: string } | null, video?: { src: string, stored?: boolean } | null }} JobLike */

export const FINAL_STATUSES = ["completed", "failed", "unknown", "cancelled"];
const SAVING = ["pending", "copying"];

/** Finished, and if completed, Keyframe has its own copy (or gave up making one): nothing left to wait for. */
export const isSettled = (/** @type {JobLike} */ job) =>
  FINAL_STATUSES.includes(job.status) && !(job.status === "completed" && SAVING.includes(job.copy?.state ?? ""));
export const isFinal = (/** @type {JobLike} */ job) => FINAL_STATUSES.includes(job.status);

/** What a person calls the stage a job is in. */
export function stageOf(/** @type {JobLike} */ job) {
  if (job.status === "completed" && SAVING.includes(job.copy?.state ?? "")) return "saving";
  return job.status;
}

const STAGE_SHARE = /** @type {Record<string, number>} */ ({ queued: 0.05, submitting: 0.1, submitted: 0.2, processing: 0.5, saving: 0.9 });

/** How far a set of jobs has come, 0..1: each job's stage counts for a share of its slot. */
export function fractionOf(/** @type {JobLike[]} */ jobs) {
  if (jobs.length === 0) return 1;
  const sum = jobs.reduce((total, job) => total + (isSettled(job) ? 1 : (STAGE_SHARE[stageOf(job)] ?? 0)), 0);
  return sum / jobs.length;
}

/** `[████████░░░░░░░░░░░░]` for 0..1 in `width` cells. */
export function bar(/** @type {number} */ fraction, width = 20) {
  const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}]`;
}

/** `m:ss`. */
export function clock(/** @type {number} */ ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** One line for a set of jobs: `[██████░░…] 1 of 2 done · processing · 0:12`. */
export function jobsLine(/** @type {JobLike[]} */ jobs, /** @type {number} */ elapsedMs) {
  const done = jobs.filter(isSettled).length;
  const open = jobs.filter((job) => !isSettled(job));
  const stages = [...new Set(open.map(stageOf))].join(", ");
  return `${bar(fractionOf(jobs))} ${done} of ${jobs.length} done${stages ? ` · ${stages}` : ""} · ${clock(elapsedMs)}`;
}

/**
 * @typedef {{ total: number, queued: number, running: number, completed: number, failed: number, cancelled: number }} BatchCounts
 */

/** One line for a batch: `[████░░…] 12 of 40 done · 3 running · 25 queued · 0:40`. */
export function batchLine(/** @type {BatchCounts} */ batch, /** @type {number} */ elapsedMs) {
  const done = batch.completed + batch.failed + batch.cancelled;
  const parts = [`${done} of ${batch.total} done`];
  if (batch.failed) parts.push(`${batch.failed} failed`);
  if (batch.cancelled) parts.push(`${batch.cancelled} cancelled`);
  if (batch.running) parts.push(`${batch.running} running`);
  if (batch.queued) parts.push(`${batch.queued} queued`);
  return `${bar(batch.total ? done / batch.total : 1)} ${parts.join(" · ")} · ${clock(elapsedMs)}`;
}

/**
 * Progress on stderr: on a terminal one line redrawn in place; otherwise a plain line each time the text
 * (less its clock) changes, so a log shows every stage once.
 * @param {{ write: (text: string) => unknown, isTTY?: boolean }} stream
 */
export function createProgress(stream) {
  let last = "";
  let drawn = false;
  return {
    /** @param {string} line @param {string} key the line without what changes every second */
    update(line, key = line) {
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${line}`);
        drawn = true;
      } else if (key !== last) {
        stream.write(`${line}\n`);
      }
      last = key;
    },
    done() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
