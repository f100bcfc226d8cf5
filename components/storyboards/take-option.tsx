"use client";

import { shortPrompt } from "@/components/gallery/card-picture";
import { differingKeys, paramRows } from "@/lib/jobs/params";
import type { JobView } from "@/lib/jobs/types";
import type { ShotView } from "@/lib/storyboards/types";

/** Settings a take card names when they differ between the shot's takes (the picture shows a different start image). */
const NAMED = new Set(["aspectRatio", "cameraFixed", "safety", "lastImage"]);
const differs = "rounded bg-amber-100 px-1 font-medium text-zinc-900 dark:bg-amber-900/70 dark:text-zinc-50";

/**
 * What sets a shot's takes apart, as the cards show it: the settings whose values are not all the same
 * (price follows duration; a different start image shows in the picture), and whether the prompts are.
 */
export function takeDifferences(takes: JobView[]) {
  const keys = differingKeys(takes.map(paramRows));
  for (const key of keys) if (key !== "seed" && key !== "duration" && !NAMED.has(key)) keys.delete(key);
  return { keys, prompts: new Set(takes.map((t) => t.prompt)).size > 1 };
}

/**
 * One take of a shot: its picture plays it (without picking it), the radio picks it for the film, and it
 * shows its seed and whatever else sets it apart from the shot's other takes, highlighted.
 */
export function TakeOption({
  shot,
  take,
  index,
  diff,
  onPick,
  onPlay,
}: {
  shot: ShotView;
  take: JobView;
  index: number;
  diff: ReturnType<typeof takeDifferences>;
  onPick: (jobId: string) => void;
  onPlay: (jobId: string) => void;
}) {
  const poster = take.video?.thumb ?? take.video?.poster ?? take.image.thumb ?? take.image.src;
  const reviewers = shot.feedback.filter((f) => f.pickedJobId === take.id).length;
  const mark = (key: string) => (diff.keys.has(key) ? differs : "");
  const named = paramRows(take).filter((row) => NAMED.has(row.key) && diff.keys.has(row.key));
  return (
    <div
      data-job-id={take.id}
      className="flex min-w-0 flex-col gap-1 rounded-lg border border-zinc-200 p-1.5 text-xs has-checked:border-violet-600 has-checked:ring-2 has-checked:ring-violet-600/40 dark:border-zinc-700"
    >
      <button
        type="button"
        data-open-take
        onClick={() => onPlay(take.id)}
        aria-label={`Play take ${index + 1}`}
        className="group relative block overflow-hidden rounded outline-none focus-visible:ring-2 focus-visible:ring-violet-600"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- stored posters */}
        <img src={poster} alt="" className="aspect-video w-full bg-zinc-200 object-cover dark:bg-zinc-800" />
        <span className="absolute bottom-1 left-1 rounded bg-black/75 px-1.5 py-0.5 font-medium text-white group-hover:bg-violet-700">
          <span aria-hidden>▶ </span>Play
        </span>
      </button>
      <label className="flex cursor-pointer flex-col gap-1">
        <span className="flex flex-wrap items-center gap-x-1.5">
          <input
            type="radio"
            name={`pick-${shot.id}`}
            checked={shot.pickedJobId === take.id}
            onChange={() => onPick(take.id)}
            className="accent-violet-700"
          />
          <span className="font-medium">Take {index + 1}</span>
          <span className={`text-zinc-600 tabular-nums dark:text-zinc-400 ${mark("duration")}`}>
            {take.params.duration} s{take.status === "completed" ? "" : ` · ${take.status}`}
          </span>
        </span>
        <span className="flex flex-wrap gap-1 text-zinc-700 tabular-nums dark:text-zinc-300">
          <span className={mark("seed")}>Seed {take.params.seed}</span>
          {named.map((row) => (
            <span key={row.key} className={differs}>
              {row.key === "lastImage" ? (take.lastImage ? "End image" : "No end image") : `${row.label}: ${row.value}`}
            </span>
          ))}
        </span>
        {diff.prompts ? (
          <span className={`line-clamp-3 ${differs}`} title={take.prompt}>
            {shortPrompt(take.prompt, 80)}
          </span>
        ) : null}
        {take.stars.count || reviewers ? (
          <span className="text-zinc-700 dark:text-zinc-300">
            {take.stars.count ? `★ ${take.stars.count}` : ""}
            {take.stars.count && reviewers ? " · " : ""}
            {reviewers ? `${reviewers} reviewer pick${reviewers === 1 ? "" : "s"}` : ""}
          </span>
        ) : null}
      </label>
    </div>
  );
}
