import type { JobView } from "@/lib/jobs/types";
import type { Pending } from "./pending-takes";
import { cardRatio } from "./ratio";

export type GalleryItem =
  | { kind: "job"; key: string; group: string; ratio: number; job: JobView }
  | { kind: "pending"; key: string; group: string; ratio: number; prompt: string };

/** What the gallery shows: takes being sent (or just answered) on top, then the loaded pages. */
export function galleryItems(jobs: JobView[], pending: Pending[]): GalleryItem[] {
  const known = new Set(jobs.map((j) => j.id));
  const items: GalleryItem[] = [];
  for (const p of pending) {
    if (p.jobs) {
      for (const job of p.jobs)
        if (!known.has(job.id)) items.push({ kind: "job", key: job.id, group: job.batchId, ratio: cardRatio(job), job });
    } else {
      for (let i = 0; i < p.count; i++)
        items.push({ kind: "pending", key: `${p.key}:${i}`, group: p.key, ratio: p.ratio, prompt: p.prompt });
    }
  }
  for (const job of jobs) items.push({ kind: "job", key: job.id, group: job.batchId, ratio: cardRatio(job), job });
  return items;
}

/** Consecutive items of one submission form one unit of the layout (their ratios). */
export function units(items: GalleryItem[]): number[][] {
  const out: number[][] = [];
  let last: string | null = null;
  for (const item of items) {
    if (item.group === last) out.at(-1)!.push(item.ratio);
    else out.push([item.ratio]);
    last = item.group;
  }
  return out;
}
