"use client";

import useSWR from "swr";
import { fetcher } from "@/lib/http/fetcher";
import type { ReviewInbox } from "@/lib/reviews/types";

/** How many reviewers' comments and decisions this member has not read; a link to the board with the most. */
export function ReviewInboxBadge() {
  const { data } = useSWR<ReviewInbox>("/api/review-inbox", fetcher, { refreshInterval: 60_000 });
  if (!data?.unread) return null;
  const top = [...data.links].sort((a, b) => b.unread - a.unread)[0];
  const href = top?.storyboardId ? `/storyboards/${top.storyboardId}` : "/storyboards";
  return (
    <a
      href={href}
      data-testid="review-inbox"
      className="rounded-full bg-violet-100 px-2.5 py-0.5 text-xs font-medium text-violet-900 outline-none focus-visible:ring-2 focus-visible:ring-violet-500 dark:bg-violet-950 dark:text-violet-100"
    >
      {data.unread} new from reviewers
    </a>
  );
}
