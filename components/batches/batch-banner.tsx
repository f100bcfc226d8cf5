"use client";

import Link from "next/link";
import { progressText, useBatch } from "./use-batches";

/** Over a gallery showing one batch: its name and progress, a link to it, and the way back to every take. */
export function BatchBanner({ id }: { id: string }) {
  const { data, error } = useBatch(id);
  return (
    <div className="mb-3 flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-lg border border-violet-200 bg-violet-50 px-3 py-2 text-sm dark:border-violet-900 dark:bg-violet-950/40">
      <p role="status" aria-live="polite" className="min-w-0 text-zinc-900 dark:text-zinc-100">
        {data ? (
          <>
            Batch «<bdi>{data.batch.name}</bdi>»: <span className="tabular-nums">{progressText(data.batch)}</span>
          </>
        ) : error ? (
          "This batch could not be loaded."
        ) : (
          "Loading the batch…"
        )}
      </p>
      <Link href={`/batches/${id}`} className="font-medium text-violet-800 hover:underline dark:text-violet-300">
        Open batch
      </Link>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load resets the gallery's filter */}
      <a href="/" className="font-medium text-violet-800 hover:underline dark:text-violet-300">
        Show all takes
      </a>
    </div>
  );
}
