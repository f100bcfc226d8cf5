import "server-only";
import { unreadPerLink } from "@/lib/db/queries/review-notify";
import { decisionsOf } from "@/lib/db/queries/review-decisions";
import type { ReviewLink } from "@/lib/db/schema";
import type { DecisionView } from "@/lib/storyboards/types";
import { controlsViews, type LinkControlsView } from "./controls";

/** What the board shows of its review links: each link's controls and use, its unread count, and reviewers' decisions. */
export async function boardReview(links: ReviewLink[], viewerId: string) {
  const ids = links.map((l) => l.id);
  const [controls, decisions, unread] = await Promise.all([controlsViews(links), decisionsOf(ids), unreadPerLink(ids, viewerId)]);
  const byShot = new Map<string, DecisionView[]>();
  for (const d of decisions) {
    const list = byShot.get(d.shotKey) ?? [];
    list.push({ name: d.name, decision: d.decision, subjectId: d.subjectId, version: d.version, at: new Date(d.updatedAt).toISOString() });
    byShot.set(d.shotKey, list);
  }
  return {
    controls: (id: string): LinkControlsView => controls.get(id)!,
    unread: (id: string) => unread.get(id) ?? 0,
    decisions: (shotKey: string) => byShot.get(shotKey) ?? [],
  };
}
