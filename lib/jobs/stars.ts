import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { setStar } from "@/lib/db/queries/stars";
import { findJob, jobById } from "./list";
import type { JobView } from "./types";

/** Stars or unstars a take for this member; any take on the team may be starred. */
export async function starJob(id: string, user: SessionUser, on: boolean, origin: string): Promise<JobView> {
  const job = await findJob(id);
  await setStar(job.id, user.id, on);
  return jobById(job.id, origin, user);
}
