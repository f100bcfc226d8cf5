"use client";

import type { ReviewDecision } from "@/lib/db/enums";
import { ApiError, send } from "@/lib/http/fetcher";
import type { MyDecisions } from "@/lib/reviews/types";
import { reviewerNameSchema } from "@/lib/validations/review";

/** Saves a reviewer's decisions one at a time, as chosen; says how it went through `setStatus` (the page's status region). */
export function useDecisions(
  token: string,
  reviewer: { id: string | null; name: string; decisions: MyDecisions; setDecisions: (d: MyDecisions) => void },
  setStatus: (text: string) => void,
) {
  const decide = async (shotKey: string, title: string, decision: ReviewDecision | null) => {
    const name = reviewerNameSchema.safeParse(reviewer.name);
    if (!name.success) return setStatus(`Type your name first, then choose again: ${name.error.issues[0]?.message ?? ""}`);
    if (!reviewer.id) return;
    const before = reviewer.decisions;
    const next = { ...before };
    if (decision === null) delete next[shotKey];
    else next[shotKey] = decision;
    // Shown at once; put back if the server refuses it.
    reviewer.setDecisions(next);
    try {
      const answer = await send<{ decisions: MyDecisions }>(`/api/review/${token}/decisions`, "POST", {
        reviewerId: reviewer.id,
        name: name.data,
        shotKey,
        decision,
      });
      reviewer.setDecisions(answer?.decisions ?? {});
      setStatus(
        decision === null
          ? `${title}: decision withdrawn.`
          : `${title}: ${decision === "approved" ? "Approved" : "Changes requested"}, sent to the team.`,
      );
    } catch (error) {
      reviewer.setDecisions(before);
      setStatus(error instanceof ApiError ? error.message : "Could not send the decision; try again.");
    }
  };
  return { decide };
}
