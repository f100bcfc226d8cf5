"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiError } from "@/lib/http/fetcher";
import type { JobPage } from "@/lib/jobs/types";
import { galleryItems, type GalleryItem } from "./gallery-items";
import { GalleryToolbar } from "./gallery-toolbar";
import { JobCard } from "./job-card";
import { JobGrid } from "./job-grid";
import { PendingCard } from "./pending-card";
import { SelectionBar } from "./selection-bar";
import { settlePending, usePending } from "./pending-takes";
import { useGallerySize } from "./use-gallery-size";
import { NO_FILTER, useJobs, type GalleryFilter } from "./use-jobs";
import { useFinishedWhileHidden } from "./use-finished-while-hidden";
import { useTakeParam } from "./use-take-param";
import { BatchBanner } from "@/components/batches/batch-banner";

// The viewer loads when a take is opened, not with the page.
const TakeViewer = dynamic(() => import("./take-viewer"), { ssr: false });

function summary(count: number, activeCount: number): string {
  if (activeCount === 0) return count ? "All jobs finished." : "";
  return `${activeCount} job${activeCount > 1 ? "s" : ""} in progress.`;
}

/** `group`: show one batch's takes (the gallery's ?group=), under a banner with its progress. */
export function Gallery({ initial, group }: { initial?: JobPage; group?: string }) {
  const [filter, setFilter] = useState<GalleryFilter>(group ? { ...NO_FILTER, group } : NO_FILTER);
  const [size, setSize] = useGallerySize();
  const { jobs, waiting, showWaiting, activeCount, error, isLoading, hasMore, loadMore, isValidating } = useJobs(filter, initial);
  useFinishedWhileHidden(jobs);
  const pending = usePending();
  const [selected, setSelected] = useState<string[]>([]);
  const [take, openTake, closeTake] = useTakeParam();
  const onSelect = useCallback(
    (id: string, on: boolean) => setSelected((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id))),
    [],
  );
  const onNearEnd = useCallback(() => void loadMore(), [loadMore]);
  const newOnTop = !filter.group && (filter.status === "all" || filter.status === "active") && filter.q.trim() === "";
  const items = useMemo(() => galleryItems(jobs, newOnTop ? pending : []), [jobs, pending, newOnTop]);
  useEffect(() => settlePending(new Set(jobs.map((j) => j.id))), [jobs]);
  const filtered =
    Boolean(filter.group) || filter.status !== "all" || filter.q.trim() !== "" || filter.scope === "mine" || Boolean(filter.starred);

  const renderItem = useCallback(
    (item: GalleryItem, width: number, mediaHeight: number) =>
      item.kind === "pending" ? (
        <PendingCard prompt={item.prompt} width={width} mediaHeight={mediaHeight} />
      ) : (
        <JobCard
          job={item.job}
          width={width}
          mediaHeight={mediaHeight}
          selected={selected.includes(item.job.id)}
          onSelect={onSelect}
          onOpen={openTake}
        />
      ),
    [selected, onSelect, openTake],
  );

  return (
    <section id="gallery" tabIndex={-1} aria-labelledby="gallery-title" className="min-w-0 scroll-mt-16 outline-none">
      <div className="mb-2 flex items-baseline justify-between gap-3">
        <h2 id="gallery-title" className="text-lg font-semibold text-zinc-900 dark:text-white">
          Gallery
        </h2>
        <div role="status" aria-live="polite" className="w-52 truncate text-right text-sm text-zinc-600 dark:text-zinc-400">
          {waiting.length > 0 ? (
            // Takes from a teammate or another tab wait here: inserting them unasked would move what is being read.
            <button
              type="button"
              onClick={() => {
                showWaiting();
                document.getElementById("gallery")?.scrollIntoView({ block: "start" });
              }}
              className="rounded-full bg-violet-700 px-3 py-0.5 text-xs font-medium text-white hover:bg-violet-800 dark:bg-violet-600"
            >
              Show {waiting.length} new take{waiting.length > 1 ? "s" : ""}
            </button>
          ) : (
            summary(jobs.length, activeCount)
          )}
        </div>
      </div>
      {filter.group ? <BatchBanner id={filter.group} /> : null}
      <GalleryToolbar filter={filter} onChange={setFilter} size={size} onSize={setSize} />
      {error instanceof ApiError && error.status === 401 ? (
        <p role="alert" className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950/50 dark:text-amber-100">
          Your session has ended.{" "}
          <a href="/sign-in" className="font-medium underline">
            Sign in again
          </a>
        </p>
      ) : error ? (
        <p role="alert" className="mb-4 rounded-lg bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
          Could not load the gallery: {error instanceof Error ? error.message : "unknown error"}. Retrying…
        </p>
      ) : null}
      {isLoading && items.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>
      ) : items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {filtered ? "No jobs match." : "No videos yet. Pick a start image, describe the motion and press Generate."}
        </div>
      ) : (
        <JobGrid items={items} size={size} hasMore={hasMore} loading={isValidating} onNearEnd={onNearEnd} renderItem={renderItem} />
      )}
      {hasMore ? (
        <div className="mt-4 text-center">
          <button
            type="button"
            onClick={() => void loadMore()}
            className="text-sm text-violet-700 hover:underline dark:text-violet-300"
            disabled={isValidating}
          >
            {isValidating ? "Loading…" : "Load more"}
          </button>
        </div>
      ) : null}
      {selected.length > 0 ? <SelectionBar selected={selected} onClear={() => setSelected([])} /> : null}
      {take ? (
        <TakeViewer
          id={take}
          jobs={jobs}
          selected={selected}
          onSelect={onSelect}
          onNavigate={(id) => openTake(id, true)}
          onClose={closeTake}
        />
      ) : null}
    </section>
  );
}
