import "server-only";
import { openReviewLinks } from "@/lib/db/queries/review-controls";
import { markRead, unreadPerLink } from "@/lib/db/queries/review-notify";
import { getStoryboard } from "@/lib/db/queries/storyboards";
import type { ReviewInbox } from "./types";

export async function reviewInbox(userId: string): Promise<ReviewInbox> {
  const links = await openReviewLinks();
  const counts = await unreadPerLink(
    links.map((l) => l.id),
    userId,
  );
  const busy = links.filter((l) => (counts.get(l.id) ?? 0) > 0);
  const ids = [...new Set(busy.flatMap((l) => l.storyboardId ?? []))];
  const boards = new Map((await Promise.all(ids.map((id) => getStoryboard(id)))).flatMap((b) => (b ? [[b.id, b.name] as const] : [])));
  const rows = busy.map((l) => ({
    linkId: l.id,
    storyboardId: l.storyboardId,
    title: l.storyboardId ? (boards.get(l.storyboardId) ?? "A storyboard") : "A set of takes",
    unread: counts.get(l.id) ?? 0,
  }));
  return { unread: rows.reduce((sum, r) => sum + r.unread, 0), links: rows };
}

/** Marks these links' news read for this member, up to now. */
export async function readInbox(userId: string, linkIds: string[]): Promise<void> {
  await markRead(userId, [...new Set(linkIds)]);
}
