import "server-only";
import { findRecentFingerprints } from "@/lib/db/queries/jobs";
import { named, takePrint } from "@/lib/jobs/create";
import { DUPLICATE_WINDOW_MS } from "@/lib/jobs/duplicates";
import { variationSeeds } from "@/lib/validations/generate-defaults";
import type { CheckedBatch } from "./check";

/** A row whose takes repeat a take of the last day, or an earlier row of this batch (same images, prompt, settings, seed). */
export type Repeat = { line: number; message: string; duplicateOf?: string };

/**
 * Rows with a fixed seed that would pay again for a video already made (the single generate's 409 asks
 * first; a batch names the rows instead). A random seed is drawn afresh and never repeats.
 */
export async function findRepeats(batch: CheckedBatch): Promise<Repeat[]> {
  const prints = new Map<number, string[]>();
  for (const row of batch.rows) {
    const request = row.request;
    if (!request || request.seed === -1) continue;
    const start = named(request.image);
    const end = request.lastImage ? named(request.lastImage) : null;
    const seeds = variationSeeds(request.seed, request.variations, () => 0);
    prints.set(
      row.line,
      seeds.map((seed) => takePrint(request, start, end, seed)),
    );
  }
  if (prints.size === 0) return [];
  const recent = await findRecentFingerprints([...prints.values()].flat(), Date.now() - DUPLICATE_WINDOW_MS);
  const seen = new Map<string, number>();
  const repeats: Repeat[] = [];
  for (const [line, list] of prints) {
    const earlier = list.map((p) => seen.get(p)).find((l) => l !== undefined);
    if (list.some((p) => recent.prints.includes(p))) {
      repeats.push({
        line,
        message: "Already generated in the last day with the same image, prompt, settings and seed.",
        duplicateOf: recent.newest?.id,
      });
    } else if (earlier !== undefined) {
      repeats.push({ line, message: `Repeats line ${earlier}: the same image, prompt, settings and seed.` });
    }
    for (const p of list) if (!seen.has(p)) seen.set(p, line);
  }
  return repeats;
}
