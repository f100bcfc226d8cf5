"use client";

import useSWRInfinite from "swr/infinite";
import { fetcher } from "@/lib/http/fetcher";
import type { JobPage } from "@/lib/jobs/types";

const PAGE_SIZE = 24;
const POLL_MS = 1500;

/** The SWR key of the gallery's pages; the form revalidates it after generating. */
export function jobsKey(index: number, previous: JobPage | null): string | null {
  if (previous && !previous.nextCursor) return null;
  const cursor = previous?.nextCursor ? `&cursor=${encodeURIComponent(previous.nextCursor)}` : "";
  return `/api/jobs?limit=${PAGE_SIZE}${cursor}`;
}

/** Polls while any job is unfinished and stops when none is. */
export function useJobs() {
  const swr = useSWRInfinite<JobPage>(jobsKey, fetcher, {
    refreshInterval: (pages) => (pages?.[0] && pages[0].activeCount > 0 ? POLL_MS : 0),
    revalidateFirstPage: true,
    keepPreviousData: true,
  });
  const pages = swr.data ?? [];
  const jobs = pages.flatMap((p) => p.jobs);
  const last = pages.at(-1);
  return {
    ...swr,
    jobs,
    activeCount: pages[0]?.activeCount ?? 0,
    hasMore: Boolean(last?.nextCursor),
    loadMore: () => swr.setSize((s) => s + 1),
  };
}
