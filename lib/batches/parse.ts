import { CsvError, parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors";
import { BATCH_MAX_ROWS, ROW_KEYS, type RowKey } from "./limits";

/** One row of a batch file as read: its line (a spreadsheet's row number; the header is line 1) and values. */
export type RawRow = { line: number; values: Partial<Record<RowKey, unknown>>; problems: { field: string; message: string }[] };

const KNOWN = new Set<string>(ROW_KEYS);
/** "End image", "end-image" and "END_IMAGE" all name end_image. */
const headerKey = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

function tooMany(count: number): AppError {
  return new AppError(
    "bad_request",
    `The file has ${count} rows; a batch can have at most ${BATCH_MAX_ROWS}. Split it into several batches.`,
  );
}

/** A CSV export from a spreadsheet: UTF-8 with or without a BOM, CRLF or LF, commas or semicolons, quoted cells. */
export function parseCsv(text: string): RawRow[] {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new AppError(
        "bad_request",
        `The CSV could not be read${line ? ` at line ${line}` : ""}: ${error.message.replace(/^.*?: /, "")}`,
      );
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header || header.every((h) => h.trim() === ""))
    throw new AppError("bad_request", "The CSV is empty: line 1 should name the columns (image, prompt, …).");
  const columns = header.map(headerKey);
  const unknown = columns.filter((c) => c !== "" && !KNOWN.has(c));
  if (unknown.length > 0) {
    throw new AppError(
      "bad_request",
      `Line 1 names unknown column${unknown.length === 1 ? "" : "s"} ${unknown.map((c) => `"${c}"`).join(", ")}; the columns are ${ROW_KEYS.join(", ")}.`,
    );
  }
  for (const required of ["image", "prompt"]) {
    if (!columns.includes(required))
      throw new AppError("bad_request", `Line 1 has no "${required}" column; the columns are ${ROW_KEYS.join(", ")}.`);
  }
  const rows: RawRow[] = [];
  body.forEach((cells, i) => {
    // A blank line is a blank spreadsheet row: skipped, but it keeps the numbering.
    if (cells.every((c) => c.trim() === "")) return;
    const problems =
      cells.length > columns.length
        ? [{ field: "row", message: `This line has ${cells.length} cells; the header has ${columns.length}.` }]
        : [];
    const values = Object.fromEntries(columns.flatMap((c, j) => (c === "" ? [] : [[c, cells[j] ?? ""]])));
    rows.push({ line: i + 2, values, problems });
  });
  if (rows.length === 0) throw new AppError("bad_request", "The CSV has a header but no rows.");
  if (rows.length > BATCH_MAX_ROWS) throw tooMany(rows.length);
  return rows;
}

/** Rows given as JSON objects (a .json file, or a JSON body's `rows`): numbered from 1. */
export function objectRows(items: Record<string, unknown>[]): RawRow[] {
  if (items.length > BATCH_MAX_ROWS) throw tooMany(items.length);
  return items.map((item, i) => {
    const problems: RawRow["problems"] = [];
    const values: RawRow["values"] = {};
    for (const [key, value] of Object.entries(item)) {
      const k = headerKey(key);
      if (KNOWN.has(k)) values[k as RowKey] = value;
      else problems.push({ field: key, message: `Unknown key "${key}"; the keys are ${ROW_KEYS.join(", ")}.` });
    }
    return { line: i + 1, values, problems };
  });
}

export function parseJsonRows(text: string): { name?: string; rows: RawRow[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new AppError("bad_request", `The JSON file could not be read: ${(error as Error).message}`);
  }
  const list = Array.isArray(data) ? data : typeof data === "object" && data !== null ? (data as { rows?: unknown }).rows : undefined;
  if (!Array.isArray(list)) throw new AppError("bad_request", 'A JSON batch is an array of rows, or an object with "rows".');
  if (list.length === 0) throw new AppError("bad_request", "The batch has no rows.");
  const bad = list.findIndex((r) => typeof r !== "object" || r === null || Array.isArray(r));
  if (bad !== -1) throw new AppError("bad_request", `Row ${bad + 1} is not an object of image, prompt, …`);
  const name = !Array.isArray(data) && typeof (data as { name?: unknown }).name === "string" ? (data as { name: string }).name : undefined;
  return { name, rows: objectRows(list as Record<string, unknown>[]) };
}
