"use client";

import { useState } from "react";
import { RadioTabs } from "@/components/ui/radio-tabs";
import type { ReviewShot } from "@/lib/reviews/types";
import { CommentPlayer } from "./comment-player";
import { reviewerSource } from "./comment-source";

/** On the review page: one of the shot's takes in the comment player, for notes on the frame (sent at once). */
export function ShotComments({
  token,
  shot,
  title,
  reviewer,
  canWrite = true,
}: {
  token: string;
  shot: ReviewShot;
  title: string;
  reviewer: { id: string | null; name: string };
  /** False when the link's comment switch is off: the comments show, nothing can be added. */
  canWrite?: boolean;
}) {
  const first = shot.takes.find((t) => t.id === shot.teamPick) ?? shot.takes[0];
  const [takeId, setTakeId] = useState(first?.id ?? "");
  const index = Math.max(
    0,
    shot.takes.findIndex((t) => t.id === takeId),
  );
  const take = shot.takes[index];
  if (!take) return null;
  return (
    <div className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Comments on the picture</h3>
        {shot.takes.length > 1 ? (
          <RadioTabs
            label={`${title}: take to comment on`}
            options={shot.takes.map((t, i) => ({ value: t.id, label: `Comment on take ${i + 1}` }))}
            value={take.id}
            onChange={setTakeId}
          />
        ) : null}
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {canWrite
          ? "Pause where you mean, write, and draw on the frame if it helps: each comment reaches the team at once."
          : "The team has turned off comments on this link: the comments so far are shown."}
      </p>
      <CommentPlayer
        key={take.id}
        src={take.video}
        poster={take.poster}
        label={`${title}, take ${index + 1}`}
        width={take.width}
        height={take.height}
        durationMs={take.duration * 1000}
        source={reviewerSource(token, { jobId: take.id }, reviewer, canWrite)}
      />
    </div>
  );
}
