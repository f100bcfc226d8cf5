"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { ApiError } from "@/lib/http/fetcher";
import type { JobPage } from "@/lib/jobs/types";
import { GalleryToolbar } from "./gallery-toolbar";
import { JobCard } from "./job-card";
import { JobGrid } from "./job-grid";
import { NO_FILTER, useJobs, type GalleryFilter } from "./use-jobs";

function summary(count: number, activeCount: number): string {
  if (activeCount === 0) return count ? "All jobs finished." : "";
  return `${activeCount} job${activeCount > 1 ? "s" : ""} in progress.`;
}

export function Gallery({ initial }: { initial?: JobPage }) {
  const [filter, setFilter] = useState<GalleryFilter>(NO_FILTER);
  const { jobs, activeCount, error, isLoading, hasMore, loadMore, isValidating, mutate } = useJobs(filter, initial);
  const [selected, setSelected] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const refresh = useCallback(() => void mutate(), [mutate]);
  const onSelect = useCallback(
    (id: string, on: boolean) => setSelected((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id))),
    [],
  );
  const onNearEnd = useCallback(() => void loadMore(), [loadMore]);
  const filtered = filter.status !== "all" || filter.q.trim() !== "" || filter.scope === "mine";

  return (
    <section aria-labelledby="gallery-title" className="min-w-0">
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id="gallery-title" className="text-lg font-semibold text-zinc-900 dark:text-white">
          Gallery
        </h2>
        <p role="status" aria-live="polite" className="text-sm text-zinc-500 dark:text-zinc-400">
          {announcement || summary(jobs.length, activeCount)}
        </p>
      </div>
      <GalleryToolbar filter={filter} onChange={setFilter} />
      {error instanceof ApiError && error.status === 401 ? (
        <p role="alert" className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          Your session has ended.{" "}
          <a href="/sign-in" className="font-medium underline">
            Sign in again
          </a>
        </p>
      ) : error ? (
        <p role="alert" className="mb-4 rounded-lg bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-300">
          Could not load the gallery: {error instanceof Error ? error.message : "unknown error"}. Retrying…
        </p>
      ) : null}
      {isLoading && jobs.length === 0 ? (
        <p className="text-sm text-zinc-500">Loading…</p>
      ) : jobs.length === 0 ? (
        <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
          {filtered ? "No jobs match." : "No videos yet. Pick a start image, describe the motion and press Generate."}
        </div>
      ) : (
        <JobGrid
          jobs={jobs}
          hasMore={hasMore}
          loading={isValidating}
          onNearEnd={onNearEnd}
          renderJob={(job) => (
            <JobCard job={job} selected={selected.includes(job.id)} onSelect={onSelect} onChanged={refresh} announce={setAnnouncement} />
          )}
        />
      )}
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
      {selected.length > 0 ? (
        <div className="sticky bottom-4 z-20 mx-auto mt-4 flex w-fit items-center gap-3 rounded-full border border-zinc-200 bg-white/95 px-4 py-2 text-sm shadow-lg backdrop-blur dark:border-zinc-700 dark:bg-zinc-900/95">
          <span className="tabular-nums">{selected.length} selected</span>
          {selected.length >= 2 ? (
            <Link href={`/compare?ids=${selected.join(",")}`} className="font-medium text-violet-600 hover:underline dark:text-violet-400">
              Compare {selected.length}
            </Link>
          ) : (
            <span className="text-zinc-500">Pick one more to compare</span>
          )}
          <button type="button" onClick={() => setSelected([])} className="text-zinc-500 hover:text-zinc-900 dark:hover:text-white">
            Clear
          </button>
        </div>
      ) : null}
    </section>
  );
}
