import type { ShotRow } from "@/lib/db/queries/storyboards";
import type { Job } from "@/lib/db/schema";

/** Each shot's picked take (or its oldest remaining one), skipping shots whose takes are all gone. */
export function pickedTakes(shots: ShotRow[], jobs: Job[]): Job[] {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  return shots.flatMap((shot) => {
    const held = shot.jobIds.filter((id) => byId.has(id));
    const id = shot.pickedJobId && held.includes(shot.pickedJobId) ? shot.pickedJobId : held[0];
    return id ? [byId.get(id)!] : [];
  });
}
