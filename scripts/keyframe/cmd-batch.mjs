// @ts-check
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { confirmPayment } from "./context.mjs";
import { CliError, EXIT, isRecord, usageError } from "./errors.mjs";
import { formatUsd, table } from "./format.mjs";
import { batchLine, clock, createProgress } from "./progress.mjs";
import { timeoutOf } from "./waiting.mjs";

/** @typedef {import("./context.mjs").Context} Context */

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const IMAGE_FILE = /\.(png|jpe?g|webp)$/i;
const readFile = (/** @type {string} */ file, /** @type {string} */ label) => {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw usageError(`Cannot read ${label} ${file}: ${/** @type {NodeJS.ErrnoException} */ (error).code ?? String(error)}`);
  }
};

/** Every image file under `dir` (not hidden), by its path relative to `dir` with `/`. */
function imagesUnder(/** @type {string} */ dir, prefix = "") {
  /** @type {string[]} */
  const found = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...imagesUnder(dir, rel));
    else if (IMAGE_FILE.test(entry.name)) found.push(rel);
  }
  return found.sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b));
}

/**
 * The images a rows file names, one file per name: a path in a subfolder the file names as written, else
 * the shallowest file of a name it mentions (the server matches a row's image exactly, then by file name).
 * @param {string} text the rows file
 * @param {string[]} images paths under the folder, with `/`, shallowest first
 */
export function mentionedImages(text, images) {
  const exact = images.filter((rel) => rel.includes("/") && text.includes(rel));
  const names = new Set(exact.map((rel) => path.posix.basename(rel)));
  const byName = images.filter((rel) => {
    const name = path.posix.basename(rel);
    if (names.has(name) || !text.includes(name)) return false;
    names.add(name);
    return true;
  });
  return [...exact, ...byName];
}

/**
 * The multipart body both batch routes take: the rows `file`, and the images as one `images` zip or as
 * `image` parts. From a folder only the images the rows file mentions by name are sent (the server
 * matches them to rows by name); without --images, the rows file's own folder is looked in.
 * @param {string} cwd
 * @param {string} rowsFile
 * @param {string | undefined} images
 * @param {string | undefined} name
 */
export function batchForm(cwd, rowsFile, images, name) {
  const file = path.resolve(cwd, rowsFile);
  if (!/\.(csv|json)$/i.test(file)) throw usageError(`${rowsFile}: the rows file must be a .csv or a .json.`);
  const text = readFile(file, "the rows file");
  const form = new FormData();
  form.append("file", new Blob([text], { type: /\.json$/i.test(file) ? "application/json" : "text/csv" }), path.basename(file));
  if (name) form.append("name", name);
  const where = images === undefined ? path.dirname(file) : path.resolve(cwd, images);
  /** @type {string[]} */
  const attached = [];
  if (images !== undefined && /\.zip$/i.test(where)) {
    form.append("images", new Blob([readFile(where, "the images zip")], { type: "application/zip" }), path.basename(where));
    return { form, attached: [path.basename(where)] };
  }
  if (!fs.existsSync(where) || !fs.statSync(where).isDirectory()) throw usageError(`--images ${images}: not a folder or a .zip.`);
  for (const rel of mentionedImages(text.toString("utf8"), imagesUnder(where))) {
    form.append("image", new Blob([readFile(path.join(where, rel), "the image")]), rel);
    attached.push(rel);
  }
  return { form, attached };
}

/** What the caps leave, however the server words it: micro-USD, a list of caps, or null (no cap). */
export function capsLeftText(/** @type {unknown} */ capsLeft) {
  if (typeof capsLeft === "number") return `${formatUsd(capsLeft)} left under the caps`;
  if (Array.isArray(capsLeft) && capsLeft.length) {
    return capsLeft
      .filter(isRecord)
      .map((cap) => `${formatUsd(Number(cap.leftMicros ?? 0))} left under ${String(cap.label ?? cap.key ?? "a cap")}`)
      .join(", ");
  }
  if (isRecord(capsLeft) && typeof capsLeft.leftMicros === "number")
    return `${formatUsd(capsLeft.leftMicros)} left under ${String(capsLeft.label ?? "the caps")}`;
  return "no cap set";
}

/** The preview as a person reads it: each row, its check and price, then the total against the caps. */
export function previewLines(/** @type {any} */ preview) {
  const rows = [["LINE", "CHECK", "TAKES", "PRICE"]].concat(
    preview.rows.map((/** @type {any} */ row) => [
      String(row.line),
      row.ok
        ? row.repeat
          ? `ok, but ${row.repeat.message}`
          : "ok"
        : row.errors.map((/** @type {any} */ e) => `${e.field}: ${e.message}`).join("; "),
      String(row.takes),
      row.priceLabel ?? formatUsd(row.priceMicros ?? 0),
    ]),
  );
  const bad = preview.rows.filter((/** @type {any} */ row) => !row.ok).length;
  return [
    ...table(rows.map(([line = "", check = "", takes = "", price = ""]) => [line, takes, price, check])),
    "",
    `Total: ${preview.totalLabel} for ${preview.takes} take${preview.takes === 1 ? "" : "s"} (${capsLeftText(preview.capsLeft)}).`,
    ...(bad ? [`${bad} row${bad === 1 ? "" : "s"} refused: fix ${bad === 1 ? "it" : "them"} and preview again.`] : []),
    ...(!bad && preview.fits === false ? [String(preview.problem ?? "This is more than the caps leave: the server would refuse it.")] : []),
  ];
}

/**
 * Why a previewed batch must not be sent, as the exit it gets (the preview table already named the rows):
 * refused rows (4), a total past the caps (5), another problem (4), rows repeating a recent take without
 * --again (4). Null when it may be sent.
 * @param {any} preview
 * @param {boolean} again
 */
export function refusalOf(preview, again) {
  const bad = preview.rows.filter((/** @type {any} */ row) => !row.ok);
  const repeats = preview.rows.filter((/** @type {any} */ row) => row.repeat);
  /** @type {CliError | null} */
  let error = null;
  if (bad.length) {
    const rows = bad.flatMap((/** @type {any} */ row) => row.errors.map((/** @type {any} */ e) => ({ line: row.line, ...e })));
    error = new CliError(EXIT.refused, "Some rows are refused; nothing was charged.", { body: { code: "invalid", rows, preview } });
  } else if (preview.fits === false) {
    const overCaps = typeof preview.capsLeft?.leftMicros === "number" && preview.totalMicros > preview.capsLeft.leftMicros;
    error = overCaps
      ? new CliError(EXIT.limit, `The batch costs ${preview.totalLabel}, more than the caps leave; nothing was charged.`, {
          body: { code: "spend_cap", preview },
        })
      : new CliError(EXIT.refused, `${preview.problem ?? "The server would refuse this batch."} Nothing was charged.`, {
          body: { code: "invalid", preview },
        });
  } else if (repeats.length && !again) {
    const lines = repeats.map((/** @type {any} */ row) => row.line).join(", ");
    const rows = repeats.map((/** @type {any} */ row) => ({ line: row.line, field: "seed", message: row.repeat.message }));
    error = new CliError(
      EXIT.refused,
      `Line${repeats.length === 1 ? "" : "s"} ${lines} would pay again for a video made in the last day; nothing was charged.`,
      {
        body: { code: "conflict", rows, preview },
        hint: "Add --again to pay for them anyway, or change their seed.",
      },
    );
  }
  if (error) error.shown = true;
  return error;
}

/** keyframe batch <rows.csv|rows.json> [--images] [--name] [--dry-run] [--yes] [--wait] */
export async function batch(/** @type {Context} */ ctx) {
  const { values } = ctx;
  const timeoutMs = timeoutOf(ctx);
  const { form, attached } = batchForm(
    ctx.io.cwd,
    /** @type {string} */ (ctx.positionals[0]),
    /** @type {string | undefined} */ (values.images),
    /** @type {string | undefined} */ (values.name),
  );
  if (attached.length) ctx.say(`Sending ${attached.length} image${attached.length === 1 ? "" : "s"}: ${attached.join(", ")}`);
  const preview = await ctx.client().call("POST", "/api/batches/preview", { form });
  for (const line of previewLines(preview)) ctx.say(line);
  const refused = refusalOf(preview, values.again === true);
  if (refused) throw refused;
  if (values.again === true) form.append("confirmDuplicate", "true");
  if (values["dry-run"] === true) {
    ctx.result({ preview });
    return EXIT.ok;
  }
  await confirmPayment(ctx, `Pay ${preview.totalLabel} for ${preview.takes} take${preview.takes === 1 ? "" : "s"}?`);
  const key = /** @type {string | undefined} */ (values["idempotency-key"]) ?? randomUUID();
  const created = await ctx.client().request("POST", "/api/batches", { form, headers: { "idempotency-key": key }, retries: 2 });
  let { batch: group, jobs } = created.body;
  ctx.say(
    created.status === 200
      ? `Batch ${group.id} was already started with this Idempotency-Key: rows already made are not charged again.`
      : `Batch ${group.id} "${group.name}": ${group.total} takes submitted for ${preview.totalLabel} (Idempotency-Key ${key}).`,
  );
  if (values.wait !== true) {
    ctx.result({ preview, batch: group, jobs, idempotencyKey: key }, group.id);
    return EXIT.ok;
  }
  const started = Date.now();
  const progress = createProgress(ctx.io.stderr);
  for (;;) {
    const key = `${group.completed + group.failed + group.cancelled} of ${group.total} done`;
    progress.update(ctx.io.stderr.isTTY ? batchLine(group, Date.now() - started) : `${clock(Date.now() - started)} ${key}`, key);
    if (group.queued + group.running === 0 || Date.now() - started >= timeoutMs) break;
    await sleep(ctx.pollMs);
    ({ batch: group, jobs } = await ctx.client().call("GET", `/api/batches/${encodeURIComponent(group.id)}`));
  }
  progress.done();
  const settled = group.queued + group.running === 0;
  if (!settled) ctx.say("Stopped waiting (--timeout); not every take is done.");
  const summary = `${group.id}  ${group.completed} completed, ${group.failed} failed, ${group.cancelled} cancelled, of ${group.total}`;
  ctx.result({ preview, batch: group, jobs, idempotencyKey: key, timedOut: !settled }, summary);
  return settled && group.completed === group.total ? EXIT.ok : EXIT.notDone;
}
