/**
 * An "Already generated" 409 (POST /api/jobs, or a shot's New take and Continue): the newest earlier take,
 * what the whole request costs and what of it would be paid again (some seeds may repeat, not all).
 */
export type Duplicate = { jobId: string; priceLabel: string; totalLabel: string; repeatedSeeds: number[]; takes: number };

/** The duplicate an error's details describe, or null for any other error. */
export function readDuplicate(details: Record<string, unknown>): Duplicate | null {
  if (typeof details.duplicateOf !== "string") return null;
  const priceLabel = String(details.priceLabel ?? "");
  const seeds = Array.isArray(details.repeatedSeeds) ? details.repeatedSeeds.filter((s): s is number => typeof s === "number") : [];
  return {
    jobId: details.duplicateOf,
    priceLabel,
    totalLabel: typeof details.totalLabel === "string" ? details.totalLabel : priceLabel,
    repeatedSeeds: seeds,
    takes: typeof details.takes === "number" ? details.takes : seeds.length,
  };
}
