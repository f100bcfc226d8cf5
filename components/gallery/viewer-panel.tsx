import { paramRows } from "@/lib/jobs/params";
import type { JobView } from "@/lib/jobs/types";
import { JobStatus } from "./job-status";

/** The take's prompt, settings and provenance, beside the video. */
export function ViewerPanel({ job }: { job: JobView }) {
  return (
    <div className="mt-4 space-y-4">
      <JobStatus job={job} />
      {job.error ? <p className="rounded-md bg-red-950 px-2 py-1.5 text-xs text-red-100">{job.error}</p> : null}
      <p className="text-sm leading-relaxed whitespace-pre-wrap text-zinc-100">{job.prompt}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {paramRows(job)
          .filter((row) => row.key !== "image" && row.key !== "lastImage")
          .map((row) => (
            <div key={row.key} className="contents">
              <dt className="text-zinc-400">{row.label}</dt>
              <dd className="tabular-nums">{row.value}</dd>
            </div>
          ))}
        <dt className="text-zinc-400">Made by</dt>
        <dd>
          <bdi>{job.mine ? "You" : (job.owner ?? "Someone")}</bdi>
        </dd>
        <dt className="text-zinc-400">Created</dt>
        <dd>
          <time dateTime={job.createdAt}>{new Date(job.createdAt).toLocaleString([], { dateStyle: "medium", timeStyle: "short" })}</time>
        </dd>
      </dl>
      <div className="flex gap-2">
        {/* eslint-disable-next-line @next/next/no-img-element -- stored inputs */}
        <img src={job.image.src} alt="Start image" className="h-16 rounded border border-zinc-700 object-cover" />
        {job.lastImage ? (
          // eslint-disable-next-line @next/next/no-img-element -- stored inputs
          <img src={job.lastImage.src} alt="End image" className="h-16 rounded border border-zinc-700 object-cover" />
        ) : null}
      </div>
    </div>
  );
}
