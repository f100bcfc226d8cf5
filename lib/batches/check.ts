import "server-only";
import { undecodableImage } from "@/lib/images/decode";
import { formatUsd, priceMicros } from "@/lib/model/price";
import { DEFAULT_MODEL, findModel } from "@/lib/catalog";
import { DURATION_ANY_MAX, DURATION_ANY_MIN, DURATION_DEFAULT, VARIATIONS_MAX } from "@/lib/model/seedance";
import { makeGenerateSchema, type GenerateField, type GenerateRequest } from "@/lib/validations/generate";
import type { BatchInput } from "./input";
import { BATCH_MAX_TAKES, type RowKey } from "./limits";
import type { RawRow } from "./parse";

export type RowError = { field: string; message: string };
export type CheckedRow = { line: number; ok: boolean; errors: RowError[]; takes: number; priceMicros: number; priceLabel: string };
export type ValidRow = CheckedRow & { request: GenerateRequest };

// Rows naming the same image share one decode: each distinct file is decoded once per request, not per row.
const decoded = new WeakMap<Uint8Array, Promise<string | null>>();
const rowSchema = makeGenerateSchema({
  decodeImage: (bytes) => {
    let pending = decoded.get(bytes);
    if (!pending) decoded.set(bytes, (pending = undecodableImage(bytes)));
    return pending;
  },
});

/** The form's field names as a batch row names them. */
const ROW_FIELD: Record<GenerateField, RowKey | "row"> = {
  image: "image",
  lastImage: "end_image",
  prompt: "prompt",
  duration: "duration",
  aspectRatio: "aspect_ratio",
  cameraFixed: "camera_fixed",
  seed: "seed",
  enableSafetyChecker: "row",
  variations: "variations",
  model: "model",
  resolution: "resolution",
  generateAudio: "generate_audio",
};

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const orDefault = (v: unknown, fallback: unknown) => (blank(v) ? fallback : typeof v === "string" ? v.trim() : v);
const FLAGS: Record<string, boolean> = {
  true: true,
  yes: true,
  y: true,
  "1": true,
  on: true,
  false: false,
  no: false,
  n: false,
  "0": false,
  off: false,
};
const flag = (v: unknown) =>
  blank(v) ? false : typeof v === "string" ? (FLAGS[v.trim().toLowerCase()] ?? v) : v === 1 ? true : v === 0 ? false : v;

/** A file by the name a row gives: exactly, else by its last path part, else ignoring case. */
function findFile(input: BatchInput, name: string): Blob | string {
  const base = (n: string) => n.split(/[\\/]/).pop()!.toLowerCase();
  const wanted = base(name);
  const match = input.files.has(name) ? name : [...input.files.keys()].find((n) => n === name || base(n) === wanted);
  const problem = [...input.fileProblems.keys()].find((n) => n === name || base(n) === wanted);
  if (match) return input.files.get(match)!;
  if (problem) return input.fileProblems.get(problem)!;
  const where = input.files.size > 0 ? "in the zip or among the uploaded images" : "(attach a zip of images, or give an http(s) URL)";
  return `No image named "${name}" ${where}.`;
}

/** A row's image cell as the generate schema takes it: a URL as text, a file name as its file (or why not). */
function image(input: BatchInput, value: unknown): { value: unknown } | { error: string } {
  if (blank(value) || typeof value !== "string" || value.includes("://")) return { value };
  const found = findFile(input, value.trim());
  return typeof found === "string" ? { error: found } : { value: found };
}

async function checkRow(input: BatchInput, row: RawRow): Promise<CheckedRow & { request?: GenerateRequest }> {
  const v = row.values;
  const errors: RowError[] = [...row.problems];
  const start = image(input, v.image);
  const end = image(input, v.end_image);
  if ("error" in start) errors.push({ field: "image", message: start.error });
  if ("error" in end) errors.push({ field: "end_image", message: end.error });
  const model = orDefault(v.model, DEFAULT_MODEL.id);
  const parsed = await rowSchema.safeParseAsync({
    // A missing file is named above; the schema then checks the rest of the row.
    image: "value" in start ? start.value : "https://missing.invalid/",
    lastImage: "value" in end ? end.value : undefined,
    prompt: v.prompt ?? "",
    duration: orDefault(v.duration, findModel(String(model))?.duration.default ?? DURATION_DEFAULT),
    aspectRatio: orDefault(v.aspect_ratio, "auto"),
    cameraFixed: flag(v.camera_fixed),
    seed: orDefault(v.seed, -1),
    enableSafetyChecker: true,
    variations: orDefault(v.variations, 1),
    // A row without a model is made with the default one (lite 480p); resolution and sound follow the model's defaults.
    model,
    resolution: blank(v.resolution) ? undefined : orDefault(v.resolution, undefined),
    generateAudio: blank(v.generate_audio) ? undefined : flag(v.generate_audio),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = ROW_FIELD[issue.path[0] as GenerateField] ?? "row";
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
    }
  }
  const request = parsed.success && errors.length === 0 ? parsed.data : undefined;
  // An invalid row is priced only as far as its duration and variations are valid: nothing for what cannot run.
  const whole = (value: unknown, fallback: number, min: number, max: number) => {
    const n = blank(value) ? fallback : Number(value);
    return Number.isInteger(n) && n >= min && n <= max ? n : 0;
  };
  const takes = request?.variations ?? Math.max(1, whole(v.variations, 1, 1, VARIATIONS_MAX));
  const entry = findModel(request?.model ?? (blank(v.model) ? DEFAULT_MODEL.id : String(v.model).trim()));
  const range = entry?.duration ?? { min: DURATION_ANY_MIN, max: DURATION_ANY_MAX, default: DURATION_DEFAULT };
  const duration = request?.duration ?? whole(v.duration, range.default, range.min, range.max);
  const price = entry
    ? priceMicros(duration, takes, { model: entry.id, resolution: request?.resolution ?? (v.resolution as string | null) })
    : 0;
  return { line: row.line, ok: request !== undefined, errors, takes, priceMicros: price, priceLabel: formatUsd(price), request };
}

export type CheckedBatch = {
  rows: (CheckedRow & { request?: GenerateRequest })[];
  takes: number;
  totalMicros: number;
  problem: string | null;
};

/** Every row through the single generate's rules (images checked and decoded as the form's are). */
export async function checkBatch(input: BatchInput): Promise<CheckedBatch> {
  // A few rows at a time: decoding runs on libuv's threads, and rows keep their order.
  const rows: CheckedBatch["rows"] = new Array(input.rows.length);
  let next = 0;
  const worker = async () => {
    while (next < input.rows.length) {
      const i = next++;
      rows[i] = await checkRow(input, input.rows[i]!);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const takes = rows.reduce((n, r) => n + r.takes, 0);
  const totalMicros = rows.reduce((n, r) => n + r.priceMicros, 0);
  const problem = takes > BATCH_MAX_TAKES ? `This batch makes ${takes} takes; a batch can make at most ${BATCH_MAX_TAKES}.` : null;
  return { rows, takes, totalMicros, problem };
}

export const rowView = ({ request: _request, ...row }: CheckedBatch["rows"][number]): CheckedRow => row;
