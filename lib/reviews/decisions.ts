import "server-only";
import { stampLinkActivity } from "@/lib/db/queries/review-controls";
import { decisionsOf, putDecision } from "@/lib/db/queries/review-decisions";
import { hit } from "@/lib/db/queries/rate-limits";
import type { ReviewLink } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { FILM_SHOT, type DecisionInput } from "@/lib/validations/review-controls";
import type { MyDecisions, ReviewView } from "./types";

const PER_ADDRESS = { limit: 120, windowMs: 60_000 };
// One row per reviewer and shot: 500 reviewers on a board of 20 shots.
export const MAX_LINK_DECISIONS = 10_000;

export async function myDecisions(link: ReviewLink, reviewerId: string): Promise<MyDecisions> {
  const mine: MyDecisions = {};
  for (const d of await decisionsOf([link.id])) if (d.reviewerId === reviewerId) mine[d.shotKey] = d.decision;
  return mine;
}

/** A reviewer's Approved or Changes requested on a shot (or the film) as the link shows it now; null withdraws it. */
export async function decide(link: ReviewLink, view: ReviewView, input: DecisionInput, address: string): Promise<void> {
  const { count, windowStart } = await hit(`review-decide:${link.id}:${address}`, PER_ADDRESS.windowMs);
  if (count > PER_ADDRESS.limit) {
    const wait = Math.max(1, Math.ceil((windowStart + PER_ADDRESS.windowMs - Date.now()) / 1000));
    throw new AppError("rate_limited", `Too many decisions from here; try again in ${wait} s.`, undefined, { "Retry-After": String(wait) });
  }
  const shot = view.shots.find((s) => s.key === input.shotKey);
  const subjectId = input.shotKey === FILM_SHOT ? (view.film?.id ?? null) : (shot?.teamPick ?? shot?.takes[0]?.id ?? null);
  if (!subjectId) {
    throw new AppError(
      "not_found",
      input.shotKey === FILM_SHOT
        ? "There is no film to decide on yet."
        : "This shot is no longer in the review (the team may have removed it).",
      { shotKey: "No longer in the review." },
    );
  }
  const version = view.versions.at(-1)?.number ?? null;
  const saved = await putDecision(
    {
      linkId: link.id,
      reviewerId: input.reviewerId,
      shotKey: input.shotKey,
      name: input.name,
      decision: input.decision,
      subjectId,
      version,
    },
    MAX_LINK_DECISIONS,
  );
  if (!saved) throw new AppError("conflict", "This review link cannot take more decisions; ask the team for a new link.");
  await stampLinkActivity(link.id);
}
