"use client";

import { CommentPlayer } from "./comment-player";
import { memberSource } from "./comment-source";

/**
 * The comment player for the team, on a light or dark card of its own (it sits on the take viewer's black
 * backdrop and on the board's page alike).
 */
export function MemberComments({
  target,
  src,
  poster,
  label,
  width,
  height,
  durationMs,
}: {
  target: { jobId: string } | { filmId: string };
  src: string;
  poster?: string | null;
  label: string;
  width?: number | null;
  height?: number | null;
  durationMs: number;
}) {
  return (
    <div className="w-full rounded-xl bg-white p-3 text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100">
      <CommentPlayer
        src={src}
        poster={poster}
        label={label}
        width={width}
        height={height}
        durationMs={durationMs}
        source={memberSource(target)}
      />
    </div>
  );
}
