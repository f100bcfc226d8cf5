import { ENTRIES, type ModelEntry, type Resolution } from "./entries";

export { ENTRIES, RESOLUTIONS, type ModelEntry, type Resolution } from "./entries";

/** Lite 480p: what Keyframe is for, the default and the first in every list. */
export const DEFAULT_MODEL: ModelEntry = ENTRIES[0]!;
export const MODEL_IDS = ENTRIES.map((e) => e.id) as readonly string[];

export function findModel(id: string | null | undefined): ModelEntry | undefined {
  return ENTRIES.find((e) => e.id === id);
}

/** The entry for a stored take's model; takes from before models were chosen are lite 480p. */
export function modelOf(id: string | null | undefined): ModelEntry {
  return findModel(id) ?? DEFAULT_MODEL;
}

/** The resolution a request renders at: its own when the model offers a choice, else the model's one tier. */
export function resolutionFor(entry: ModelEntry, asked: string | null | undefined): Resolution {
  return entry.resolutions.includes(asked as Resolution) ? (asked as Resolution) : entry.defaultResolution;
}

/** Micro-dollars per second of video at a resolution (the list price; WaveSpeed's quote can be lower). */
export function microsPerSecond(entry: ModelEntry, resolution?: string | null): number {
  const usd = entry.per5s[resolutionFor(entry, resolution)] ?? 0;
  return Math.round((usd * 1_000_000) / 5);
}

/** The JSONata price formula published with the snapshot's `GET /api/v3/models` entry. */
export function priceFormula(entry: ModelEntry): string {
  if (entry.resolutions.length === 1) return "base_price * duration / 5";
  const base = entry.per5s[entry.defaultResolution] ?? 1;
  const factor = (r: Resolution) => Math.round(((entry.per5s[r] ?? base) / base) * 1000) / 1000;
  const cases = entry.resolutions.map((r) => `resolution = "${r}" ? ${factor(r)}`).join(" : ");
  return `base_price * duration / 5 * (${cases} : 1)`;
}

/** The label a person sees for a model: "Seedance 2.0 · 720p". */
export function modelLabel(id: string | null | undefined, resolution?: string | null): string {
  const entry = modelOf(id);
  return entry.resolutions.length > 1 ? `${entry.name} · ${resolutionFor(entry, resolution)}` : entry.name;
}
