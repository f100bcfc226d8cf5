import "server-only";
import { currentUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/user";
import { getJobByShareId, updateJob } from "@/lib/db/queries/jobs";
import type { Job } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "./ids";
import { findJob } from "./list";
import { canManage, type ShareVisibility } from "./types";

/** The job, if this user may change it: its maker, or an admin. */
export async function manageableJob(jobId: string, user: SessionUser): Promise<Job> {
  const job = await findJob(jobId);
  if (!canManage(user, job.userId)) {
    throw new AppError("forbidden", "Only whoever made this video, or an admin, can change it.");
  }
  return job;
}

// New links are 22 base64url chars (128 bits); links made before share ids existed are 32 hex chars.
export const isShareId = (value: string) => /^[A-Za-z0-9_-]{22}$|^[a-f0-9]{32}$/.test(value);

/**
 * The completed job a link shows, or null when the id is malformed, unknown or revoked: callers answer
 * 404 either way. Callers must also check `shareVisibility`: a team link needs a signed-in member.
 */
export async function sharedJob(shareId: string): Promise<Job | null> {
  if (!isShareId(shareId)) return null;
  const job = await getJobByShareId(shareId);
  return job?.status === "completed" ? job : null;
}

/** A team-only link is for signed-in members; an anyone link is for anyone. */
export async function hiddenFrom(job: Job, headers: Headers): Promise<boolean> {
  return job.shareVisibility === "team" && !(await currentUser(headers));
}

/** Revokes the current link (if any) and makes a new one. */
export async function renewShare(jobId: string, user: SessionUser): Promise<Job> {
  const job = await manageableJob(jobId, user);
  if (job.status !== "completed") throw new AppError("conflict", "Only a finished video can be shared.");
  const shareId = newId();
  await updateJob(job.id, { shareId });
  return { ...job, shareId };
}

export async function revokeShare(jobId: string, user: SessionUser): Promise<Job> {
  const job = await manageableJob(jobId, user);
  await updateJob(job.id, { shareId: null });
  return { ...job, shareId: null };
}

/** Anyone with the link, or signed-in members only. */
export async function setShareVisibility(jobId: string, user: SessionUser, shareVisibility: ShareVisibility): Promise<Job> {
  const job = await manageableJob(jobId, user);
  await updateJob(job.id, { shareVisibility });
  return { ...job, shareVisibility };
}
