import "server-only";
import type { GroupSource } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { batchRowsBodySchema, batchSweepBodySchema, sweepSchema, type Sweep } from "@/lib/validations/batch";
import { validationError } from "@/lib/validations/errors";
import { BATCH_MAX_BODY_BYTES, BATCH_MAX_ROWS } from "./limits";
import { objectRows, parseCsv, parseJsonRows, type RawRow } from "./parse";
import { unzipImages } from "./zip";

/** A batch as sent, before its rows are checked: rows by line, and the image files they may name. */
export type BatchInput = {
  name: string;
  source: GroupSource;
  rows: RawRow[];
  files: Map<string, Blob>;
  /** Files that were sent but cannot be used, with why (e.g. a zip entry over the size limit). */
  fileProblems: Map<string, string>;
  confirmDuplicate: boolean;
};

const MB = 1024 * 1024;

/** prompts × seeds × durations, one row each, numbered from 1 in that order. */
export function sweepRows(sweep: Sweep): RawRow[] {
  const count = sweep.prompts.length * sweep.seeds.length * sweep.durations.length;
  if (count > BATCH_MAX_ROWS) {
    throw new AppError("bad_request", `This sweep makes ${count} rows; a batch can have at most ${BATCH_MAX_ROWS}.`);
  }
  const rows = sweep.prompts.flatMap((prompt) =>
    sweep.seeds.flatMap((seed) =>
      sweep.durations.map((duration) => ({
        image: sweep.image,
        end_image: sweep.end_image,
        prompt,
        duration,
        seed,
        aspect_ratio: sweep.aspect_ratio,
        camera_fixed: sweep.camera_fixed,
        model: sweep.model,
        resolution: sweep.resolution,
        generate_audio: sweep.generate_audio,
        variations: sweep.variations,
      })),
    ),
  );
  return objectRows(rows);
}

const baseName = (fileName: string) => fileName.replace(/\.[^.]*$/, "").trim() || "Batch";

async function fromForm(form: FormData): Promise<BatchInput> {
  const files = new Map<string, Blob>();
  const fileProblems = new Map<string, string>();
  const zip = form.get("images");
  if (zip instanceof Blob && zip.size > 0) {
    const unzipped = unzipImages(new Uint8Array(await zip.arrayBuffer()));
    unzipped.files.forEach((blob, name) => files.set(name, blob));
    unzipped.tooLarge.forEach((why, name) => fileProblems.set(name, why));
  }
  for (const part of form.getAll("image")) if (part instanceof File && part.size > 0) files.set(part.name, part);
  const named = typeof form.get("name") === "string" ? String(form.get("name")).trim().slice(0, 120) : "";
  const confirmDuplicate = form.get("confirmDuplicate") === "true";
  const sweepText = form.get("sweep");
  if (typeof sweepText === "string") {
    let raw: unknown;
    try {
      raw = JSON.parse(sweepText || "{}");
    } catch {
      throw new AppError("bad_request", "The sweep field is not valid JSON.", { sweep: "Not valid JSON." });
    }
    const sweep = sweepSchema.safeParse(raw);
    if (!sweep.success) throw validationError(sweep.error);
    return { name: named || "Sweep", source: "sweep", rows: sweepRows(sweep.data), files, fileProblems, confirmDuplicate };
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    throw new AppError("bad_request", "Attach the batch as a .csv or .json file (the file field).", {
      file: "Attach a .csv or .json file.",
    });
  }
  const text = await file.text();
  const isJson = /\.json$/i.test(file.name) || file.type === "application/json" || /^\s*[[{]/.test(text.replace(/^\uFEFF/, ""));
  if (isJson) {
    const parsed = parseJsonRows(text);
    return { name: named || parsed.name || baseName(file.name), source: "json", rows: parsed.rows, files, fileProblems, confirmDuplicate };
  }
  return { name: named || baseName(file.name), source: "csv", rows: parseCsv(text), files, fileProblems, confirmDuplicate };
}

async function fromJson(request: Request): Promise<BatchInput> {
  const body: unknown = await request.json().catch(() => {
    throw new AppError("bad_request", "The body is not valid JSON.");
  });
  const isSweep = typeof body === "object" && body !== null && "sweep" in body;
  const parsed = (isSweep ? batchSweepBodySchema : batchRowsBodySchema).safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  const empty = {
    files: new Map<string, Blob>(),
    fileProblems: new Map<string, string>(),
    confirmDuplicate: parsed.data.confirmDuplicate ?? false,
  };
  if ("sweep" in parsed.data) return { name: parsed.data.name || "Sweep", source: "sweep", rows: sweepRows(parsed.data.sweep), ...empty };
  return { name: parsed.data.name || "Batch", source: "json", rows: objectRows(parsed.data.rows), ...empty };
}

/** Reads a batch from multipart (file, images zip, image parts) or JSON ({ rows } or { sweep }). */
export async function readBatch(request: Request): Promise<BatchInput> {
  if (Number(request.headers.get("content-length") ?? 0) > BATCH_MAX_BODY_BYTES) {
    throw new AppError(
      "payload_too_large",
      `The upload is too large: a batch's file, zip and images can be at most ${BATCH_MAX_BODY_BYTES / MB} MB together. Give larger sets of images by URL.`,
    );
  }
  if ((request.headers.get("content-type") ?? "").includes("application/json")) return fromJson(request);
  const form = await request.formData().catch(() => {
    throw new AppError("bad_request", "Send the batch as multipart/form-data (file, images) or as JSON ({ rows } or { sweep }).");
  });
  return fromForm(form);
}
