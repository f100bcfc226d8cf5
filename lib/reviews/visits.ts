import "server-only";
import { recordVisit } from "@/lib/db/queries/review-controls";
import { latestVersion } from "@/lib/db/queries/review-versions";
import type { ReviewLink } from "@/lib/db/schema";

/** Counts a reviewer's visit and moves what they have seen to the newest version; answers the one they saw before. */
export async function visit(link: ReviewLink, reviewerId: string, name: string | null) {
  const version = link.storyboardId ? ((await latestVersion(link.storyboardId))?.number ?? null) : null;
  const seenVersion = await recordVisit(link.id, reviewerId, name, version);
  return { seenVersion, version };
}
