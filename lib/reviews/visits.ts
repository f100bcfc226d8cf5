import "server-only";
import { hit } from "@/lib/db/queries/rate-limits";
import { recordVisit } from "@/lib/db/queries/review-controls";
import type { ReviewLink } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { LinkRights } from "./access";
import { reviewView } from "./public";

// A page load sends one visit: 60 in ten minutes is a reviewer reloading a lot. 500 reviewers is a big room;
// past it, new ids are refused so a script cannot grow the link's visitor list without end.
const PER_ADDRESS = { limit: 60, windowMs: 10 * 60_000 };
export const MAX_LINK_VISITORS = 500;

/** Counts a reviewer's visit and moves what they have seen to the version the link shows now; answers the one they saw before. */
export async function visit(link: ReviewLink, rights: LinkRights, reviewerId: string, name: string | null, address: string) {
  const { count, windowStart } = await hit(`review-visit:${link.id}:${address}`, PER_ADDRESS.windowMs);
  if (count > PER_ADDRESS.limit) {
    const wait = Math.max(1, Math.ceil((windowStart + PER_ADDRESS.windowMs - Date.now()) / 1000));
    throw new AppError("rate_limited", `Too many visits from here; try again in ${wait} s.`, undefined, { "Retry-After": String(wait) });
  }
  const version = (await reviewView(link, rights)).versions.at(-1)?.number ?? null;
  const seen = await recordVisit(link.id, reviewerId, name, version, MAX_LINK_VISITORS);
  if (seen === "full") {
    throw new AppError("conflict", `This review link has had ${MAX_LINK_VISITORS} reviewers, its most; ask the team for a new link.`);
  }
  return { seenVersion: seen.seenVersion, version };
}
