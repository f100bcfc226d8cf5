import "server-only";
import { recordVisit } from "@/lib/db/queries/review-controls";
import type { ReviewLink } from "@/lib/db/schema";
import type { LinkRights } from "./access";
import { reviewView } from "./public";

/** Counts a reviewer's visit and moves what they have seen to the version the link shows now; answers the one they saw before. */
export async function visit(link: ReviewLink, rights: LinkRights, reviewerId: string, name: string | null) {
  const version = (await reviewView(link, rights)).versions.at(-1)?.number ?? null;
  const seenVersion = await recordVisit(link.id, reviewerId, name, version);
  return { seenVersion, version };
}
