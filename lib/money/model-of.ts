import type { Job } from "@/lib/db/schema";
import { MODEL_ID } from "@/lib/model/seedance";

/** The WaveSpeed model a job was sent to (one place to switch once jobs carry their own model). */
export function modelOf(_job: Pick<Job, "id">): string {
  return MODEL_ID;
}
