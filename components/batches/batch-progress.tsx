"use client";

import Link from "next/link";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { send } from "@/lib/http/fetcher";
import { ProgressBar } from "./progress-bar";
import { isActive, progressText, useBatch } from "./use-batches";

const STATUS_LABEL: Record<string, string> = {
  queued: "Queued",
  submitting: "Sending",
  submitted: "At WaveSpeed",
  processing: "Rendering",
  completed: "Done",
  failed: "Failed",
  unknown: "Unknown",
  cancelled: "Cancelled",
};

/** One batch's progress (polled while it runs), its takes, and Cancel for those still queued. */
export function BatchProgress({ id }: { id: string }) {
  const { data, error, mutate } = useBatch(id);
  if (error) return <p className="text-sm text-red-700 dark:text-red-400">This batch could not be loaded: {error.message}</p>;
  if (!data) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading the batch…</p>;
  const { batch, jobs } = data;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 text-xl font-semibold tracking-tight">
          Batch «<bdi>{batch.name}</bdi>»
        </h1>
        <div className="ml-auto flex items-center gap-2">
          <Link
            href={`/?group=${batch.id}#gallery`}
            className="rounded text-sm font-medium text-violet-800 hover:underline focus-visible:ring-2 focus-visible:ring-violet-500 dark:text-violet-300"
          >
            Show in gallery
          </Link>
          {batch.queued > 0 ? (
            <ConfirmButton
              variant="secondary"
              title="Cancel this batch?"
              body={`${batch.queued} take${batch.queued === 1 ? "" : "s"} still queued will not be sent, and nothing is charged for them. Takes already at WaveSpeed finish.`}
              confirmLabel="Cancel queued takes"
              danger
              onConfirm={async () => {
                await send(`/api/batches/${batch.id}/cancel`, "POST");
                await mutate();
              }}
            >
              Cancel batch
            </ConfirmButton>
          ) : null}
        </div>
      </div>
      <div className="space-y-2">
        <p role="status" aria-live="polite" className="text-sm font-medium tabular-nums">
          {progressText(batch)}
          {!isActive(batch) && batch.completed === batch.total ? " · finished" : ""}
        </p>
        <ProgressBar batch={batch} label={`${batch.completed} of ${batch.total} done`} />
      </div>
      <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white text-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {jobs.map((job) => (
          <li key={job.id} className="flex items-baseline gap-3 px-4 py-2">
            <span className="w-24 shrink-0 font-medium">{STATUS_LABEL[job.status] ?? job.status}</span>
            {job.status === "completed" ? (
              <Link href={`/?take=${job.id}`} className="min-w-0 truncate text-violet-800 hover:underline dark:text-violet-300">
                <bdi>{job.prompt}</bdi>
              </Link>
            ) : (
              <span className="min-w-0 truncate text-zinc-700 dark:text-zinc-300">
                <bdi>{job.prompt}</bdi>
              </span>
            )}
            <span className="ml-auto shrink-0 text-zinc-600 tabular-nums dark:text-zinc-400">{job.params.duration} s</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
