"use client";

import { send } from "@/lib/http/fetcher";
import type { JobView } from "@/lib/jobs/types";
import { JobActions } from "./job-actions";
import { JobMedia } from "./job-media";
import { JobStatus } from "./job-status";

function Chip({ children }: { children: React.ReactNode }) {
  return (
    <span className="rounded-md bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-700 tabular-nums dark:bg-zinc-800 dark:text-zinc-300">
      {children}
    </span>
  );
}

function CopyState({ job, onChanged, announce }: { job: JobView; onChanged: () => void; announce: (text: string) => void }) {
  if (!job.video || job.copy.state === "done") return null;
  const failed = job.copy.state === "failed";
  const saveAgain = async () => {
    try {
      await send(`/api/jobs/${job.id}/copy`, "POST");
      announce("Saving the copy again…");
      onChanged();
    } catch (error) {
      announce(error instanceof Error ? error.message : "Could not start saving again.");
    }
  };
  return (
    <p className={`text-xs ${failed ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300"}`} data-testid="copy-state">
      {failed
        ? `Not saved in Keyframe: ${job.copy.error ?? "the copy failed"} Playing from WaveSpeed while it lasts.`
        : job.copy.error
          ? `Saving a copy… retrying (${job.copy.error}) Playing from WaveSpeed meanwhile.`
          : "Saving a copy in Keyframe…"}
      {failed && job.canManage ? (
        <button type="button" onClick={() => void saveAgain()} className="ml-1 font-medium underline">
          Try saving again
        </button>
      ) : null}
    </p>
  );
}

export type CardProps = {
  job: JobView;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onChanged: () => void;
  announce: (text: string) => void;
};

export function JobCard({ job, selected, onSelect, onChanged, announce }: CardProps) {
  const p = job.params;
  return (
    <article
      aria-label={`Job: ${job.prompt.slice(0, 60)}`}
      data-job-id={job.id}
      data-status={job.status}
      className={`flex h-full flex-col gap-2.5 rounded-xl border bg-white p-2.5 shadow-sm dark:bg-zinc-900 ${
        selected ? "border-violet-500 ring-2 ring-violet-500/40" : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <JobMedia job={job} />
      <div className="flex items-center justify-between gap-2">
        <JobStatus job={job} />
        <div className="flex items-center gap-3">
          {job.video ? (
            <label className="flex cursor-pointer items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
              <input
                type="checkbox"
                checked={selected}
                onChange={(e) => onSelect(job.id, e.target.checked)}
                className="accent-violet-600"
              />
              Compare
            </label>
          ) : null}
          <span className="text-sm font-semibold text-zinc-900 tabular-nums dark:text-zinc-100" title="Price of this video">
            {job.price.label}
          </span>
        </div>
      </div>
      {job.error && (job.status === "failed" || job.status === "unknown" || job.status === "queued") ? (
        <p
          role={job.status === "queued" ? undefined : "alert"}
          className="rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-800 dark:bg-red-950/50 dark:text-red-300"
        >
          {job.error}
        </p>
      ) : null}
      <CopyState job={job} onChanged={onChanged} announce={announce} />
      <p className="line-clamp-3 text-sm text-zinc-800 dark:text-zinc-200" title={job.prompt}>
        {job.prompt}
      </p>
      <div className="flex flex-wrap gap-1">
        <Chip>{p.duration} s</Chip>
        <Chip>{p.aspectRatio ?? "Auto ratio"}</Chip>
        <Chip>Seed {p.seed}</Chip>
        <Chip>{p.cameraFixed ? "Camera fixed" : "Camera moves"}</Chip>
        <Chip>Safety {p.enableSafetyChecker ? "on" : "off"}</Chip>
        {job.lastImage ? <Chip>End image</Chip> : null}
      </div>
      <p className="text-[11px] text-zinc-500 dark:text-zinc-400">
        {job.mine ? "You" : (job.owner ?? "Someone")} ·{" "}
        <time dateTime={job.createdAt} suppressHydrationWarning>
          {new Date(job.createdAt).toLocaleString()}
        </time>
        {job.shareUrl && job.shareVisibility === "team" ? " · link: team only" : ""}
      </p>
      <JobActions job={job} onChanged={onChanged} announce={announce} />
    </article>
  );
}
