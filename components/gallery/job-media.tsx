"use client";

import { useState } from "react";
import type { JobView } from "@/lib/jobs/types";
import { OUTPUT_SIZES } from "@/lib/model/seedance";

/** The frame keeps the output's shape from the start, so cards do not jump when the video arrives. */
export function frameRatio(job: JobView): string {
  if (job.video?.width && job.video.height) return `${job.video.width} / ${job.video.height}`;
  if (job.params.aspectRatio) {
    const size = OUTPUT_SIZES[job.params.aspectRatio];
    return `${size.width} / ${size.height}`;
  }
  if (job.image.width && job.image.height) return `${job.image.width} / ${job.image.height}`;
  return "16 / 9";
}

export function JobMedia({ job }: { job: JobView }) {
  const [revealed, setRevealed] = useState(false);
  const hidden = job.video?.nsfw && !revealed;
  return (
    <div
      className="relative max-h-[26rem] w-full overflow-hidden rounded-lg bg-zinc-100 dark:bg-zinc-800"
      style={{ aspectRatio: frameRatio(job) }}
    >
      {job.video ? (
        <video
          key={job.video.src}
          src={job.video.src}
          poster={job.video.poster ?? job.image.src}
          controls={!hidden}
          playsInline
          loop
          // With a poster to show, nothing is fetched until play: a gallery of thousands stays light.
          preload={job.video.poster ? "none" : "metadata"}
          aria-label={`Generated video: ${job.prompt}`}
          className={`absolute inset-0 size-full object-contain ${hidden ? "scale-110 blur-2xl" : ""}`}
        />
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- stored inputs and user URLs of any size
        <img
          src={job.image.src}
          alt="Start image"
          className={`absolute inset-0 size-full object-contain ${job.status === "failed" ? "opacity-50 grayscale" : ""}`}
        />
      )}
      {hidden ? (
        <button
          type="button"
          onClick={() => setRevealed(true)}
          className="absolute inset-0 flex flex-col items-center justify-center gap-1 bg-black/40 text-sm font-medium text-white"
        >
          <span>Flagged as sensitive by WaveSpeed</span>
          <span className="rounded-full bg-white/20 px-3 py-1 text-xs">Click to reveal</span>
        </button>
      ) : null}
      {!job.video &&
      (job.status === "processing" || job.status === "submitted" || job.status === "queued" || job.status === "submitting") ? (
        <div aria-hidden className="absolute inset-x-0 bottom-0 h-1 overflow-hidden bg-black/10">
          <div className="h-full w-1/3 animate-[progress_1.6s_ease-in-out_infinite] bg-violet-500" />
        </div>
      ) : null}
    </div>
  );
}
