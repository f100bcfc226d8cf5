"use client";

import type { JobView } from "@/lib/jobs/types";
import { isolated } from "@/components/ui/isolate";
import { IsolatedNames } from "@/components/ui/isolated-names";
import { useStar } from "./use-star";

/** The viewer's own star on a take: on or off, for them alone. */
export function StarButton({ job }: { job: JobView }) {
  const { on, toggle } = useStar(job);
  return (
    <button
      type="button"
      aria-pressed={on}
      aria-label="Star"
      title={job.stars.count ? `Starred by ${job.stars.by.map(isolated).join(", ")}` : "Star this take"}
      onClick={() => void toggle()}
      className={`shrink-0 rounded text-sm leading-none outline-none focus-visible:ring-2 focus-visible:ring-violet-500 ${on ? "text-amber-600 dark:text-amber-400" : "text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
    >
      {on ? "★" : "☆"}
    </button>
  );
}

const chip = "max-w-full rounded-md bg-zinc-900/85 px-1.5 py-0.5 text-[11px] text-white";

/** Who starred a take, and what reviewers said of it, over the bottom of its picture. */
export function MarksChips({ job }: { job: JobView }) {
  const { stars, review } = job;
  const comment = review.comments[0];
  return (
    <>
      {stars.count ? (
        <p className={`${chip} truncate`} data-testid="starred-by">
          ★ <IsolatedNames names={stars.by} />
        </p>
      ) : null}
      {review.picks ? (
        <p
          className={`${chip} line-clamp-2`}
          data-testid="review-marks"
          title={review.comments.map((c) => `${isolated(c.name)}: ${isolated(c.text)}`).join("\n")}
        >
          ♥ {review.picks} reviewer pick{review.picks === 1 ? "" : "s"}
          {comment ? (
            <>
              {" · "}
              <bdi>{comment.name}</bdi>: “<bdi>{comment.text}</bdi>”
            </>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
