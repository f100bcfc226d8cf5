// @ts-check
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { wholeNumber } from "./args.mjs";
import { confirmPayment } from "./context.mjs";
import { CliError, EXIT, usageError } from "./errors.mjs";
import { formatUsd, priceMicros, PRICE_MICROS_PER_SECOND } from "./format.mjs";
import { allCompleted, outcomeLines, saveVideos, timeoutOf, waitForJobs } from "./waiting.mjs";

/** @typedef {import("./context.mjs").Context} Context */

const DEFAULT_MODEL = "bytedance/seedance-v1-lite-i2v-480p";

const TYPES = /** @type {Record<string, string>} */ ({
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
});

/**
 * An image argument as the form takes it: an http(s) URL as text, a local file as an upload.
 * @param {FormData} form
 * @param {string} field
 * @param {string} value
 * @param {string} cwd
 */
export function appendImage(form, field, value, cwd) {
  if (/^https?:\/\//i.test(value)) return form.append(field, value);
  const file = path.resolve(cwd, value);
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    throw usageError(code === "ENOENT" ? `No such file: ${value}` : `Cannot read ${value}: ${code ?? String(error)}`);
  }
  form.append(
    field,
    new Blob([bytes], { type: TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream" }),
    path.basename(file),
  );
}

/**
 * What the caps leave, from GET /api/spend, as one line ("" when no cap is set). Best effort: only a
 * refused token stops here, before any upload.
 * @param {Context} ctx
 * @param {number} price
 */
export async function capsNote(ctx, price) {
  let spend;
  try {
    spend = await ctx.client().call("GET", "/api/spend");
  } catch (error) {
    if (error instanceof CliError && error.exitCode === EXIT.auth) throw error;
    return "";
  }
  /** @type {{ label: string, leftMicros: number }[]} */
  const caps = Array.isArray(spend?.caps) ? spend.caps : [];
  if (caps.length === 0) return "";
  const tightest = caps.reduce((a, b) => (b.leftMicros < a.leftMicros ? b : a));
  const verdict = tightest.leftMicros < price ? " (not enough: the server will refuse this)" : "";
  return `${formatUsd(tightest.leftMicros)} left under ${tightest.label}${verdict}.`;
}

/**
 * What the takes will cost. The default model (lite 480p) by its published rate, as the server admits it
 * without a key; another model by WaveSpeed's quote through Keyframe (`POST /api/models/quote`).
 * @param {Context} ctx
 * @param {{ model?: string, resolution?: string, audio?: boolean, duration: number, variations: number }} choice
 */
async function priceOf(ctx, { model, resolution, audio, duration, variations }) {
  const count = `${variations} take${variations === 1 ? "" : "s"} × ${duration} s`;
  if (model === undefined && resolution === undefined && audio === undefined) {
    return { price: priceMicros(duration, variations), takes: `${count} at ${formatUsd(PRICE_MICROS_PER_SECOND)}/s` };
  }
  const json = { model: model ?? DEFAULT_MODEL, duration, resolution: resolution ?? null, generateAudio: audio ?? null };
  const quote = await ctx.client().call("POST", "/api/models/quote", { json });
  return { price: Number(quote.micros) * variations, takes: `${count} of ${quote.model ?? json.model}` };
}

/** keyframe generate <image> --prompt … */
export async function generate(/** @type {Context} */ ctx) {
  const { values } = ctx;
  const prompt = /** @type {string | undefined} */ (values.prompt);
  if (!prompt) throw usageError('Missing --prompt "…": describe the motion you want.');
  const duration = wholeNumber(values, "duration", 5);
  const variations = wholeNumber(values, "variations", 1);
  const seed = wholeNumber(values, "seed", -1);
  const timeoutMs = timeoutOf(ctx);
  const form = new FormData();
  appendImage(form, "image", /** @type {string} */ (ctx.positionals[0]), ctx.io.cwd);
  if (typeof values["end-image"] === "string") appendImage(form, "lastImage", values["end-image"], ctx.io.cwd);
  form.append("prompt", prompt);
  form.append("duration", String(duration));
  form.append("aspectRatio", /** @type {string} */ (values["aspect-ratio"] ?? "auto"));
  form.append("cameraFixed", String(values["camera-fixed"] === true));
  form.append("seed", String(seed));
  form.append("enableSafetyChecker", String(values["no-safety-checker"] !== true));
  form.append("variations", String(variations));
  if (values.again === true) form.append("confirmDuplicate", "true");
  const model = /** @type {string | undefined} */ (values.model);
  const resolution = /** @type {string | undefined} */ (values.resolution);
  const audio = values.audio === true ? true : values["no-audio"] === true ? false : undefined;
  if (model !== undefined) form.append("model", model);
  if (resolution !== undefined) form.append("resolution", resolution);
  if (audio !== undefined) form.append("generateAudio", String(audio));

  const { price, takes } = await priceOf(ctx, { model, resolution, audio, duration, variations });
  const caps = await capsNote(ctx, price);
  ctx.say(`Price: ${formatUsd(price)} (${takes}).${caps ? ` ${caps}` : ""}`);
  await confirmPayment(ctx, `Pay ${formatUsd(price)}?`);

  const key = /** @type {string | undefined} */ (values["idempotency-key"]) ?? randomUUID();
  let answer;
  try {
    answer = await ctx.client().request("POST", "/api/jobs", { form, headers: { "idempotency-key": key }, retries: 2 });
  } catch (error) {
    if (error instanceof CliError && error.exitCode === EXIT.server) {
      error.hint = `Whether it was charged is unknown: run the same command with --idempotency-key ${key} to find out without paying twice.`;
    }
    if (error instanceof CliError && error.body?.duplicateOf) {
      error.hint = `It repeats take ${String(error.body.duplicateOf)}; add --again to pay ${String(error.body.totalLabel ?? "")} for it anyway.`;
    }
    throw error;
  }
  /** @type {import("./waiting.mjs").Job[]} */
  let jobs = answer.body.jobs;
  const charged = formatUsd(jobs.reduce((sum, job) => sum + (job.price?.micros ?? 0), 0));
  ctx.say(
    answer.status === 200
      ? `Already submitted with this Idempotency-Key: the same ${jobs.length} take(s), nothing charged again.`
      : `Submitted ${jobs.length} take${jobs.length === 1 ? "" : "s"} for ${charged} (Idempotency-Key ${key}).`,
  );
  const out = /** @type {string | undefined} */ (values.out);
  if (values.wait !== true && out === undefined) {
    ctx.result({ jobs, idempotencyKey: key, replayed: answer.status === 200 }, jobs.map((job) => job.id).join("\n"));
    return EXIT.ok;
  }
  const waited = await waitForJobs(ctx, jobs, { timeoutMs });
  jobs = waited.jobs;
  const files = out === undefined ? [] : await saveVideos(ctx, jobs, out);
  ctx.result(
    { jobs, idempotencyKey: key, replayed: answer.status === 200, files, timedOut: waited.timedOut },
    outcomeLines(jobs).join("\n"),
  );
  return allCompleted(jobs) ? EXIT.ok : EXIT.notDone;
}
