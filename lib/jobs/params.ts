import { modelLabel } from "@/lib/catalog";
import type { JobView } from "./types";

export type ParamRow = { key: string; label: string; value: string };

/** The settings a job was made with, as label/value rows: the share page lists them, compare diffs them. */
export function paramRows(job: Pick<JobView, "params" | "image" | "lastImage" | "price"> & { model?: JobView["model"] }): ParamRow[] {
  const p = job.params;
  const model = job.model ? modelLabel(job.model.id, job.model.resolution) + (job.model.audio ? " · with sound" : "") : modelLabel(null);
  return [
    { key: "model", label: "Model", value: model },
    { key: "duration", label: "Duration", value: `${p.duration} s` },
    { key: "aspectRatio", label: "Aspect ratio", value: p.aspectRatio ?? "Auto (from image)" },
    { key: "cameraFixed", label: "Camera", value: p.cameraFixed ? "Fixed" : "Moves" },
    { key: "seed", label: "Seed", value: String(p.seed) },
    { key: "safety", label: "Safety checker", value: p.enableSafetyChecker ? "On" : "Off" },
    { key: "image", label: "Start image", value: job.image.src.split("/").pop()?.slice(0, 12) ?? "" },
    { key: "lastImage", label: "End image", value: job.lastImage ? (job.lastImage.src.split("/").pop()?.slice(0, 12) ?? "") : "None" },
    { key: "price", label: "Price", value: job.price.label },
  ];
}

/** Keys whose value is not the same across all the jobs. */
export function differingKeys(rows: ParamRow[][]): Set<string> {
  const differ = new Set<string>();
  for (const row of rows[0] ?? []) {
    if (rows.some((r) => r.find((x) => x.key === row.key)?.value !== row.value)) differ.add(row.key);
  }
  return differ;
}
