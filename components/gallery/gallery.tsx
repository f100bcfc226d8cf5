"use client";

import { useEffect, useRef } from "react";
import { JobCard } from "./job-card";
import { useJobs } from "./use-jobs";

function summary(jobs: { status: string }[], activeCount: number): string {
  if (activeCount === 0) return jobs.length ? "All jobs finished." : "";
  return `${activeCount} job${activeCount > 1 ? "s" : ""} in progress.`;
}

export function Gallery() {
  const { jobs, activeCount, error, isLoading, hasMore, loadMore, isValidating } = useJobs();
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void loadMore();
      },
      { rootMargin: "600px" },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, loadMore]);

  return (
    <section aria-labelledby="gallery-title" className="min-w-0">
      <div className="mb-4 flex items-baseline justify-between gap-3">
        <h2 id="gallery-title" className="text-lg font-semibold text-zinc-900 dark:text-white">
          Gallery
        </h2>
        <p role="status" aria-live="polite" className="text-sm text-zinc-500 dark:text-zinc-400">
          {summary(jobs, activeCount)}
        </p>
      </div>
      {error ? (
        <p role="alert" className="mb-4 rounded-lg bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-300">
          Could not load the gallery: {error instanceof Error ? error.message : "unknown error"}. Retrying…
        </p>
      ) : null}
      {isLoading ? (
        <p className="text-sm text-zinc-500">Loading…</p>
      ) : jobs.length === 0 ? (
        <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
          No videos yet. Pick a start image, describe the motion and press Generate.
        </div>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 2xl:grid-cols-3">
          {jobs.map((job) => (
            <li key={job.id}>
              <JobCard job={job} />
            </li>
          ))}
        </ul>
      )}
      <div ref={sentinel} className="h-px" />
      {hasMore ? (
        <div className="mt-4 text-center">
          <button
            type="button"
            onClick={() => void loadMore()}
            className="text-sm text-violet-600 hover:underline dark:text-violet-400"
            disabled={isValidating}
          >
            {isValidating ? "Loading…" : "Load more"}
          </button>
        </div>
      ) : null}
    </section>
  );
}
