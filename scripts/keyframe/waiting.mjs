// @ts-check
import fs from "node:fs";
import path from "node:path";
import { CliError, EXIT } from "./errors.mjs";
import { clock, createProgress, isSettled, jobsLine, stageOf } from "./progress.mjs";

/**
 * @typedef {import("./context.mjs").Context} Context
 * @typedef {{ id: string, status: string, variation?: number, prompt?: string, error?: string | null, copy?: { state: string } | null,
 *   video?: { src: string, stored?: boolean, downloadName?: string } | null, price?: { micros: number, label: string } }} Job
 */

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long a completed take may stay "saving" before its video is fetched from where it is. */
const SAVE_GRACE_MS = 120_000;

/**
 * Polls GET /api/jobs/{id} until every job is settled (or `timeoutMs` passes), drawing progress on stderr.
 * @param {Context} ctx
 * @param {Job[]} jobs their latest known state
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<{ jobs: Job[], timedOut: boolean }>}
 */
export async function waitForJobs(ctx, jobs, { timeoutMs = Infinity } = {}) {
  const started = Date.now();
  /** @type {Map<string, number>} */
  const savingSince = new Map();
  const settled = (/** @type {Job} */ job) => {
    if (isSettled(job)) return true;
    if (job.status !== "completed") return false;
    if (!savingSince.has(job.id)) savingSince.set(job.id, Date.now());
    return Date.now() - (savingSince.get(job.id) ?? 0) > SAVE_GRACE_MS;
  };
  const progress = createProgress(ctx.io.stderr);
  const draw = () => {
    const key = jobs.map((job) => `${job.id.slice(0, 8)} ${stageOf(job)}`).join(", ");
    const line = ctx.io.stderr.isTTY ? jobsLine(jobs, Date.now() - started) : `${clock(Date.now() - started)} ${key}`;
    progress.update(line, key);
  };
  draw();
  while (!jobs.every(settled)) {
    if (Date.now() - started >= timeoutMs) {
      progress.done();
      return { jobs, timedOut: true };
    }
    await sleep(Math.min(ctx.pollMs, Math.max(0, timeoutMs - (Date.now() - started))));
    jobs = await Promise.all(jobs.map(async (job) => (settled(job) ? job : fetchJob(ctx, job.id))));
    draw();
  }
  progress.done();
  return { jobs, timedOut: false };
}

export const fetchJob = async (/** @type {Context} */ ctx, /** @type {string} */ id) =>
  /** @type {Job} */ (await ctx.client().call("GET", `/api/jobs/${encodeURIComponent(id)}`));

/** One line per take for a person: `abc… completed  $0.08` or its error. */
export function outcomeLines(/** @type {Job[]} */ jobs) {
  return jobs.map((job) => `${job.id}  ${job.status}${job.price ? `  ${job.price.label}` : ""}${job.error ? `  ${job.error}` : ""}`);
}

/** Exit 0 only when every take completed. */
export const allCompleted = (/** @type {Job[]} */ jobs) => jobs.every((job) => job.status === "completed");

/**
 * Where each take's video goes: `--out dir/` (or an existing folder) keeps the takes' own names; `--out
 * a.mp4` is that file, or a-1.mp4, a-2.mp4… for several takes; no `--out` is the take's name in the cwd.
 * @param {string} cwd
 * @param {string | undefined} out
 * @param {Job[]} jobs
 * @returns {string[]}
 */
export function videoPaths(cwd, out, jobs) {
  const target = out === undefined ? undefined : path.resolve(cwd, out);
  const isDir =
    out === undefined || /[\\/]$/.test(out) || (target !== undefined && fs.existsSync(target) && fs.statSync(target).isDirectory());
  /** @type {Set<string>} */
  const used = new Set();
  return jobs.map((job, i) => {
    if (!isDir && target) {
      if (jobs.length === 1) return target;
      const ext = path.extname(target) || ".mp4";
      return `${target.slice(0, target.length - path.extname(target).length)}-${i + 1}${ext}`;
    }
    const dir = target ?? cwd;
    let name = job.video?.downloadName || `${job.id}.mp4`;
    if (used.has(name)) name = `${path.basename(name, ".mp4")}-${job.id.slice(0, 8)}.mp4`;
    used.add(name);
    return path.join(dir, name);
  });
}

/**
 * Downloads each completed take's video; the token goes only to Keyframe itself.
 * @param {Context} ctx
 * @param {Job[]} jobs
 * @param {string | undefined} out
 * @returns {Promise<{ id: string, file: string, bytes: number }[]>}
 */
export async function saveVideos(ctx, jobs, out) {
  const done = jobs.filter((job) => job.status === "completed" && job.video);
  const files = videoPaths(ctx.io.cwd, out, done);
  const saved = [];
  for (const [i, job] of done.entries()) {
    const file = /** @type {string} */ (files[i]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const video = /** @type {NonNullable<Job["video"]>} */ (job.video);
    const bytes = await ctx.client().download(video.src, file);
    ctx.say(`Saved ${path.relative(ctx.io.cwd, file) || file} (${(bytes / 1024).toFixed(0)} KB)`);
    saved.push({ id: job.id, file, bytes });
  }
  return saved;
}

/** `--timeout` in seconds, as milliseconds (Infinity when absent). */
export function timeoutOf(/** @type {Context} */ ctx) {
  const raw = ctx.values.timeout;
  if (raw === undefined) return Infinity;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new CliError(EXIT.usage, `--timeout must be a number of seconds (got "${String(raw)}").`);
  return seconds * 1000;
}
