// @ts-check

/**
 * The form's price rule (lib/model/price.ts): WaveSpeed's list price, $0.016 per second of video per take.
 * The server charges what it computes; the CLI shows this before asking, and the server's figure after.
 */
export const PRICE_MICROS_PER_SECOND = 16_000;
export const priceMicros = (/** @type {number} */ seconds, /** @type {number} */ takes) => PRICE_MICROS_PER_SECOND * seconds * takes;

/** Exact dollars, at least two decimals: $0.08, $0.112 (lib/model/price.ts formatUsd). */
export function formatUsd(/** @type {number} */ micros) {
  const sign = micros < 0 ? "-" : "";
  const abs = Math.abs(Math.round(micros));
  const fraction = String(abs % 1_000_000)
    .padStart(6, "0")
    .replace(/0+$/, "")
    .padEnd(2, "0");
  return `${sign}$${Math.floor(abs / 1_000_000)}.${fraction}`;
}

/** Columns padded to their widest cell; the last column is not padded. */
export function table(/** @type {string[][]} */ rows) {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => [...(row[i] ?? "")].length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

export const truncate = (/** @type {string} */ text, /** @type {number} */ max) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return [...flat].length > max ? `${[...flat].slice(0, max - 1).join("")}…` : flat;
};

/** `2026-12-07 12:31` from an ISO time. */
export const shortTime = (/** @type {string | null | undefined} */ iso) => (iso ? iso.slice(0, 16).replace("T", " ") : "");

/** @param {unknown} value */
export const toJson = (value) => `${JSON.stringify(value, null, 2)}\n`;
