import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { getGroup, groupJobs, groupStatusCounts, listGroups, markGroupCancelled } from "@/lib/db/queries/groups";
import { userNames } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/jobs/ids";
import { cancelJob } from "@/lib/jobs/manage";
import { canManage, type JobView } from "@/lib/jobs/types";
import { toJobView } from "@/lib/jobs/view";
import { toBatchView, type BatchView } from "./view";

export type BatchDetail = { batch: BatchView; jobs: JobView[] };

async function findGroup(id: string) {
  const group = isId(id) ? await getGroup(id) : undefined;
  if (!group) throw new AppError("not_found", "No batch with this id.");
  return group;
}

/** A batch (any member of the team may look, as in the gallery) with its takes, newest first. */
export async function batchDetail(id: string, origin: string, viewer?: SessionUser): Promise<BatchDetail> {
  const group = await findGroup(id);
  const [counts, jobs, names] = await Promise.all([groupStatusCounts([group.id]), groupJobs(group.id), userNames()]);
  return { batch: toBatchView(group, counts.get(group.id) ?? {}), jobs: jobs.map((job) => toJobView(job, origin, viewer, names)) };
}

/** The member's batches, newest first, each with its counts. */
export async function listBatches(user: SessionUser, limit: number): Promise<BatchView[]> {
  const groups = await listGroups(user.id, limit);
  const counts = await groupStatusCounts(groups.map((g) => g.id));
  return groups.map((g) => toBatchView(g, counts.get(g.id) ?? {}));
}

/**
 * Cancels the batch's takes still waiting in Keyframe's queue, each through the single cancel (its
 * reservation released); takes already at WaveSpeed finish and are paid.
 */
export async function cancelBatch(id: string, user: SessionUser, origin: string): Promise<BatchDetail> {
  const group = await findGroup(id);
  if (!canManage(user, group.userId)) throw new AppError("forbidden", "Only whoever started this batch, or an admin, can cancel it.");
  await markGroupCancelled(group.id, group.cancelledAt ?? Date.now());
  for (const job of await groupJobs(group.id, ["queued"])) {
    await cancelJob(job.id, user).catch((error: unknown) => {
      // Sent meanwhile: it runs to the end.
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
    });
  }
  return batchDetail(group.id, origin, user);
}
