"use client";

import { NO_FILTER, useJobs } from "./use-jobs";

/** Progress in the header, visible wherever the gallery is scrolled; shares the gallery's SWR cache. */
export function ActivityPill() {
  const { activeCount } = useJobs(NO_FILTER);
  if (activeCount === 0) return null;
  return (
    <a
      href="#gallery-title"
      className="inline-flex items-center gap-1.5 rounded-full bg-amber-100 px-2.5 py-1 text-xs font-medium text-amber-900 tabular-nums dark:bg-amber-950 dark:text-amber-200"
    >
      <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-current" />
      {activeCount} in progress
    </a>
  );
}
