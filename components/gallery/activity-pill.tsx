"use client";

import { useActivity } from "./activity";

/** Progress in the header, in a slot of fixed width so the header never reflows; the gallery tells it. */
export function ActivityPill() {
  const activeCount = useActivity();
  return (
    <span className="flex w-10 justify-end sm:w-28">
      {activeCount > 0 ? (
        <a
          href="#gallery"
          className="inline-flex items-center gap-1.5 rounded-full bg-amber-100 px-2.5 py-1 text-xs font-medium whitespace-nowrap text-amber-950 tabular-nums dark:bg-amber-950 dark:text-amber-100"
        >
          <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-current" />
          {activeCount}
          <span className="sr-only sm:not-sr-only">in progress</span>
        </a>
      ) : null}
    </span>
  );
}
