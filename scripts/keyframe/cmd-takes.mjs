// @ts-check
import { wholeNumber } from "./args.mjs";
import { CliError, EXIT, usageError } from "./errors.mjs";
import { shortTime, table, truncate } from "./format.mjs";
import { stageOf } from "./progress.mjs";
import { allCompleted, fetchJob, outcomeLines, saveVideos, timeoutOf, waitForJobs } from "./waiting.mjs";

/** @typedef {import("./context.mjs").Context} Context */

const STATUS_FILTERS = ["all", "active", "completed", "failed"];
const PAGE_MAX = 100;

/** keyframe list [--search] [--status] [--mine] [--limit] */
export async function list(/** @type {Context} */ ctx) {
  const { values } = ctx;
  const limit = wholeNumber(values, "limit", 20);
  if (limit < 1) throw usageError("--limit must be at least 1.");
  const status = /** @type {string | undefined} */ (values.status);
  if (status !== undefined && !STATUS_FILTERS.includes(status)) throw usageError(`--status must be one of ${STATUS_FILTERS.join(", ")}.`);
  /** @type {any[]} */
  const jobs = [];
  /** @type {string | null} */
  let cursor = null;
  do {
    const query = {
      limit: Math.min(PAGE_MAX, limit - jobs.length),
      status,
      q: /** @type {string | undefined} */ (values.search),
      scope: values.mine ? "mine" : undefined,
      cursor: cursor ?? undefined,
    };
    const page = await ctx.client().call("GET", "/api/jobs", { query });
    jobs.push(...page.jobs);
    cursor = page.nextCursor;
  } while (cursor && jobs.length < limit);
  const rows = [["ID", "STATUS", "CREATED", "LEN", "PRICE", "BY", "PROMPT"]].concat(
    jobs.map((job) => [
      job.id,
      stageOf(job),
      shortTime(job.createdAt),
      `${job.params.duration}s`,
      job.price.label,
      job.owner ?? "",
      truncate(job.prompt, 50),
    ]),
  );
  ctx.result({ jobs, nextCursor: cursor }, jobs.length ? table(rows).join("\n") : "");
  if (!jobs.length) ctx.say("No takes match.");
  return EXIT.ok;
}

/** keyframe show <id> */
export async function show(/** @type {Context} */ ctx) {
  const job = /** @type {any} */ (await fetchJob(ctx, /** @type {string} */ (ctx.positionals[0])));
  const p = job.params;
  const lines = [
    ["id", job.id],
    ["status", stageOf(job) + (job.error ? ` (${job.error})` : "")],
    ["prompt", job.prompt],
    [
      "settings",
      `${p.duration} s, aspect ${p.aspectRatio ?? "auto"}, seed ${p.seed}${p.cameraFixed ? ", camera fixed" : ""}${p.enableSafetyChecker ? "" : ", safety checker off"}`,
    ],
    ["price", job.price.label],
    ["by", job.owner ?? "—"],
    ["created", job.createdAt],
    ["finished", job.finishedAt ?? "—"],
    ["video", job.video ? new URL(job.video.src, ctx.client().url).href : "—"],
    ["share", job.shareUrl ?? "—"],
  ];
  ctx.result(job, table(lines.map(([k, v]) => [`${k}:`, String(v)])).join("\n"));
  return EXIT.ok;
}

/** keyframe download <id> [--out] */
export async function download(/** @type {Context} */ ctx) {
  const job = await fetchJob(ctx, /** @type {string} */ (ctx.positionals[0]));
  if (job.status !== "completed" || !job.video) {
    const why = job.status === "completed" ? "has no video" : `is ${stageOf(job)}${job.error ? ` (${job.error})` : ""}`;
    throw new CliError(EXIT.notDone, `Take ${job.id} ${why}; nothing to download.`, {
      hint: job.status === "completed" ? undefined : `Run \`keyframe wait ${job.id} --out …\` to download it when done.`,
    });
  }
  const [saved] = await saveVideos(ctx, [job], /** @type {string | undefined} */ (ctx.values.out));
  ctx.result(saved, saved?.file);
  return EXIT.ok;
}

/** keyframe wait <id>… [--out] [--timeout] */
export async function wait(/** @type {Context} */ ctx) {
  const timeoutMs = timeoutOf(ctx);
  const initial = await Promise.all(ctx.positionals.map((id) => fetchJob(ctx, id)));
  const { jobs, timedOut } = await waitForJobs(ctx, initial, { timeoutMs });
  const out = /** @type {string | undefined} */ (ctx.values.out);
  const files = out === undefined ? [] : await saveVideos(ctx, jobs, out);
  if (timedOut) ctx.say("Stopped waiting (--timeout); not every take is done.");
  ctx.result({ jobs, files, timedOut }, outcomeLines(jobs).join("\n"));
  return allCompleted(jobs) ? EXIT.ok : EXIT.notDone;
}

/** keyframe cancel <id>…: each in turn; the first refusal stops with its exit code. */
export async function cancel(/** @type {Context} */ ctx) {
  const jobs = [];
  for (const id of ctx.positionals) {
    const job = await ctx.client().call("POST", `/api/jobs/${encodeURIComponent(id)}/cancel`);
    ctx.say(`Cancelled ${job.id}: nothing charged.`);
    jobs.push(job);
  }
  ctx.result({ jobs });
  return EXIT.ok;
}
