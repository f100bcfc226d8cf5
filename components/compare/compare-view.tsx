"use client";

import { frameRatio } from "@/components/gallery/job-media";
import { formatElapsed } from "@/components/gallery/use-now";
import { Button } from "@/components/ui/button";
import { differingKeys, paramRows } from "@/lib/jobs/params";
import type { JobView } from "@/lib/jobs/types";
import { useSyncedVideos } from "./use-synced-videos";

export function CompareView({ jobs }: { jobs: JobView[] }) {
  const sync = useSyncedVideos(jobs.length);
  const rows = jobs.map(paramRows);
  const differ = differingKeys(rows);
  const promptsDiffer = new Set(jobs.map((j) => j.prompt)).size > 1;
  const columns = `repeat(${Math.min(jobs.length, 3)}, minmax(0, 1fr))`;

  return (
    <div className="space-y-6">
      <div className="grid gap-4" style={{ gridTemplateColumns: columns }}>
        {jobs.map((job, i) => (
          <figure key={job.id} className="space-y-2">
            <div className="overflow-hidden rounded-lg bg-black" style={{ aspectRatio: frameRatio(job) }}>
              <video
                ref={sync.register(i)}
                src={job.video?.src}
                poster={job.video?.poster ?? undefined}
                muted
                playsInline
                preload="auto"
                onLoadedMetadata={sync.onMetadata}
                aria-label={`Take ${i + 1}: ${job.prompt}`}
                className="size-full object-contain"
              />
            </div>
            <figcaption className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
              Take {i + 1} · seed {job.params.seed}
            </figcaption>
          </figure>
        ))}
      </div>

      <div className="flex items-center gap-3 rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <Button variant="primary" onClick={() => (sync.playing ? sync.pause() : void sync.play())}>
          {sync.playing ? "Pause" : "Play"}
        </Button>
        <label htmlFor="compare-seek" className="text-sm text-zinc-600 dark:text-zinc-400">
          Position
        </label>
        <input
          id="compare-seek"
          type="range"
          min={0}
          max={sync.duration || 0}
          step={0.01}
          value={Math.min(sync.time, sync.duration || 0)}
          onChange={(e) => sync.seek(Number(e.target.value))}
          aria-valuetext={`${sync.time.toFixed(1)} seconds`}
          className="flex-1 accent-violet-600"
        />
        <span className="w-24 text-right text-sm tabular-nums">
          {formatElapsed(sync.time * 1000)} / {formatElapsed(sync.duration * 1000)}
        </span>
      </div>

      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-sm text-zinc-600 dark:text-zinc-400">Settings; rows that differ are highlighted.</caption>
        <thead>
          <tr>
            <th scope="col" className="w-40 py-1.5 font-medium text-zinc-500">
              Setting
            </th>
            {jobs.map((job, i) => (
              <th key={job.id} scope="col" className="py-1.5 font-medium">
                Take {i + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr data-differs={promptsDiffer} className={promptsDiffer ? "bg-amber-50 dark:bg-amber-950/40" : ""}>
            <th scope="row" className="py-1.5 pr-3 align-top font-normal text-zinc-500">
              Prompt
            </th>
            {jobs.map((job) => (
              <td key={job.id} className="py-1.5 pr-3 align-top">
                {job.prompt}
              </td>
            ))}
          </tr>
          {(rows[0] ?? []).map((row) => (
            <tr
              key={row.key}
              data-differs={differ.has(row.key)}
              className={`border-t border-zinc-100 dark:border-zinc-800 ${differ.has(row.key) ? "bg-amber-50 font-medium dark:bg-amber-950/40" : ""}`}
            >
              <th scope="row" className="py-1.5 pr-3 font-normal text-zinc-500">
                {row.label}
              </th>
              {rows.map((r, i) => (
                <td key={jobs[i]!.id} className="py-1.5 pr-3 tabular-nums">
                  {r.find((x) => x.key === row.key)?.value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
