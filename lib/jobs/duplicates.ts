import "server-only";
import { findRecentFingerprints } from "@/lib/db/queries/jobs";
import { AppError } from "@/lib/errors";
import { formatUsd, priceMicros, type PriceModel } from "@/lib/model/price";

export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * "Already generated": a 409 when takes of this request (each by its seed, `seeds[i]` sent as `prints[i]`)
 * repeat takes made in the last day with the same images, prompt, settings and seed. It names the newest,
 * which seeds repeat, and prices what would be paid again apart from the whole. A random seed is drawn
 * afresh, so it cannot repeat (bar a 1 in 4 billion chance): `fixedSeed` false never asks.
 */
export async function refuseDuplicates(
  fixedSeed: boolean,
  duration: number,
  seeds: number[],
  prints: string[],
  model: PriceModel = {},
): Promise<void> {
  if (!fixedSeed) return;
  const { prints: repeated, newest } = await findRecentFingerprints(prints, Date.now() - DUPLICATE_WINDOW_MS);
  if (!newest) return;
  const again = seeds.filter((_, i) => repeated.includes(prints[i]!));
  const priceLabel = formatUsd(priceMicros(duration, again.length, model));
  const totalLabel = formatUsd(priceMicros(duration, seeds.length, model));
  const at = new Date(newest.createdAt).toISOString();
  const when = `${at.slice(0, 16).replace("T", " ")} UTC`;
  const message =
    again.length === seeds.length
      ? `Already generated: the same images, prompt, settings and seed were generated ${when}. Open it, or pay ${priceLabel} again?`
      : `Already generated: ${again.length} of these ${seeds.length} takes (seed${again.length === 1 ? "" : "s"} ${again.join(", ")}) ` +
        `${again.length === 1 ? "repeats a take" : "repeat takes"} generated ${when} with the same images, prompt, settings and seed. ` +
        `Open it, or pay ${totalLabel} for all ${seeds.length}, ${priceLabel} of it again?`;
  throw new AppError("conflict", message, undefined, undefined, {
    duplicateOf: newest.id,
    duplicateCreatedAt: at,
    priceLabel,
    totalLabel,
    repeatedSeeds: again,
    takes: seeds.length,
  });
}
