"use client";

import { useEffect } from "react";
import useSWRInfinite from "swr/infinite";
import { fetcher } from "@/lib/http/fetcher";
import { PAGE_SIZE, type JobPage, type StarFilter, type StatusFilter } from "@/lib/jobs/types";

const POLL_MS = 1500;
const SAVING_POLL_MS = 3000;
const JOBS_CHANGED = "keyframe:jobs-changed";

export type GalleryFilter = { status: StatusFilter; q: string; scope: "team" | "mine"; starred?: StarFilter };
export const NO_FILTER: GalleryFilter = { status: "all", q: "", scope: "team" };

/** The API URL of one gallery page: SWR's key. */
export function jobsUrl(filter: GalleryFilter, cursor?: string | null): string {
  // A small first page renders fast; later pages are bigger so fast scrolling rarely waits.
  const params = new URLSearchParams({ limit: String(cursor ? PAGE_SIZE * 4 : PAGE_SIZE) });
  if (filter.status !== "all") params.set("status", filter.status);
  if (filter.q.trim()) params.set("q", filter.q.trim());
  if (filter.scope === "mine") params.set("scope", "mine");
  if (filter.starred) params.set("starred", filter.starred);
  if (cursor) params.set("cursor", cursor);
  return `/api/jobs?${params}`;
}

/** Tells the gallery (and the spend in the header), wherever they are, that jobs were created or changed. */
export function revalidateJobs(): void {
  window.dispatchEvent(new Event(JOBS_CHANGED));
}

/** Calls `refresh` on every revalidateJobs(); returns the unsubscribe. */
export function onJobsChanged(refresh: () => void): () => void {
  window.addEventListener(JOBS_CHANGED, refresh);
  return () => window.removeEventListener(JOBS_CHANGED, refresh);
}

/** Polls while any job is unfinished and stops when none is. */
export function useJobs(filter: GalleryFilter, initial?: JobPage) {
  const swr = useSWRInfinite<JobPage>(
    (index, previous: JobPage | null) => (previous && !previous.nextCursor ? null : jobsUrl(filter, previous?.nextCursor)),
    fetcher,
    {
      refreshInterval: (pages) => (pages?.[0]?.activeCount ? POLL_MS : pages?.[0]?.savingCount ? SAVING_POLL_MS : 0),
      revalidateFirstPage: true,
      // Takes that finish in a hidden tab are counted in its title and may be notified.
      refreshWhenHidden: true,
      // The server-rendered first page serves the default view only; a filtered view fetches its own.
      fallbackData:
        initial && filter.status === "all" && !filter.q.trim() && filter.scope === "team" && !filter.starred ? [initial] : undefined,
      keepPreviousData: true,
    },
  );
  const { mutate } = swr;
  useEffect(() => onJobsChanged(() => void mutate()), [mutate]);

  const pages = swr.data ?? [];
  const last = pages.at(-1);
  return {
    ...swr,
    jobs: pages.flatMap((p) => p.jobs),
    activeCount: pages[0]?.activeCount ?? 0,
    hasMore: Boolean(last?.nextCursor),
    loadMore: () => swr.setSize((s) => s + 1),
  };
}
