import type { Job } from "@/lib/db/schema";

/** The WaveSpeed model a job was sent to (its history is searched for that model). */
export function modelOf(job: Pick<Job, "model">): string {
  return job.model;
}
