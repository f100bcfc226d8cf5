"use client";

import { modelOf } from "@/lib/catalog";
import { cardRatio } from "@/components/gallery/ratio";
import { formatElapsed } from "@/components/gallery/use-now";
import { Button } from "@/components/ui/button";
import { differingKeys, paramRows } from "@/lib/jobs/params";
import type { JobView } from "@/lib/jobs/types";
import { SettingsTable } from "./settings-table";
import { useSyncedVideos } from "./use-synced-videos";

export function CompareView({ jobs }: { jobs: JobView[] }) {
  const sync = useSyncedVideos(jobs.length, Math.max(...jobs.map((j) => j.params.duration)));
  const rows = jobs.map(paramRows);
  const differ = differingKeys(rows);

  return (
    <div className="space-y-5">
      {/* One height for every take, so a tall 9:16 take does not dwarf the others. */}
      <div className="flex flex-wrap justify-center gap-3">
        {jobs.map((job, i) => (
          <figure key={job.id} className="w-full space-y-1.5 sm:w-auto">
            <div
              className="max-h-[60vh] w-full overflow-hidden rounded-lg bg-black sm:h-[min(50vh,440px)] sm:w-auto"
              style={{ aspectRatio: cardRatio(job) }}
            >
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
            <figcaption className="text-xs text-zinc-700 tabular-nums dark:text-zinc-300">
              Take {i + 1} · {modelOf(job.model.id).short} · seed {job.params.seed} · {job.params.duration} s
            </figcaption>
          </figure>
        ))}
      </div>

      <div className="flex flex-wrap items-center gap-3 rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <Button variant="primary" onClick={() => (sync.playing ? sync.pause() : void sync.play())}>
          {sync.playing ? "Pause" : "Play"}
        </Button>
        <label htmlFor="compare-seek" className="text-sm text-zinc-700 dark:text-zinc-300">
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
          className="min-w-32 flex-1 accent-violet-700"
        />
        <span className="w-24 text-right text-sm tabular-nums" data-testid="compare-time">
          {formatElapsed(sync.time * 1000)} / {formatElapsed(Math.round(sync.duration) * 1000)}
        </span>
      </div>

      <SettingsTable jobs={jobs} rows={rows} differ={differ} />
    </div>
  );
}
