"use client";

import type { JobView } from "@/lib/jobs/types";
import { formatElapsed, useNow } from "./use-now";

const STYLES: Record<JobView["status"], string> = {
  queued: "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100",
  submitting: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
  submitted: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
  processing: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100",
  completed: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  failed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  unknown: "bg-orange-100 text-orange-950 dark:bg-orange-950 dark:text-orange-100",
  cancelled: "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100",
};

export function statusText(job: JobView, now: number): string {
  const since = (iso: string | null) => (iso ? formatElapsed(now - Date.parse(iso)) : "0:00");
  switch (job.status) {
    case "queued":
      return job.error ? "Queued · retrying" : "Queued";
    case "submitting":
      return "Submitting";
    case "submitted":
      return `Submitted · waiting ${since(job.submittedAt)}`;
    case "processing":
      return `Processing · ${since(job.submittedAt)}`;
    case "completed":
      return job.submittedAt && job.finishedAt
        ? `Completed in ${formatElapsed(Date.parse(job.finishedAt) - Date.parse(job.submittedAt))}`
        : "Completed";
    case "failed":
      return "Failed";
    case "unknown":
      return "Outcome unknown";
    case "cancelled":
      return "Cancelled";
  }
}

export function JobStatus({ job, className = "" }: { job: JobView; className?: string }) {
  const running = job.status === "submitted" || job.status === "processing";
  const now = useNow(running);
  return (
    <span
      className={`inline-flex max-w-full items-center gap-1.5 truncate rounded-full px-2 py-0.5 text-[11px] font-medium tabular-nums shadow-sm ${STYLES[job.status]} ${className}`}
      data-testid="job-status"
    >
      {running || job.status === "queued" || job.status === "submitting" ? (
        <span aria-hidden className="size-1.5 shrink-0 animate-pulse rounded-full bg-current" />
      ) : null}
      {statusText(job, now)}
    </span>
  );
}
