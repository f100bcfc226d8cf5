"use client";

import type { CommentView } from "@/lib/comments/types";
import { clock, PLAYER_FPS, span } from "@/lib/comments/time";

/**
 * The playhead as a slider (arrow keys step a frame), with each thread as a marker above it (a range as a
 * bar): clicking one seeks there.
 */
export function CommentTimeline({
  threads,
  timeMs,
  durationMs,
  onSeek,
  label,
}: {
  threads: CommentView[];
  timeMs: number;
  durationMs: number;
  onSeek: (ms: number, thread?: CommentView) => void;
  label: string;
}) {
  const length = Math.max(durationMs, 1);
  const pct = (ms: number) => `${Math.min(100, (ms / length) * 100)}%`;
  return (
    <div className="space-y-1">
      <div className="relative h-5" data-testid="comment-markers">
        {threads.map((t) => {
          const at = t.atMs ?? 0;
          const width = t.endMs === null ? undefined : `max(1rem, ${pct(t.endMs - at)})`;
          return (
            <button
              key={t.id}
              type="button"
              onClick={() => onSeek(at, t)}
              aria-label={`${t.resolved ? "Resolved: " : ""}${span(at, t.endMs)}, ${t.name}: ${t.body.slice(0, 60)}`}
              title={`${span(at, t.endMs)} · ${t.name}`}
              style={{ left: pct(at), width }}
              data-at-ms={at}
              className={`absolute top-0 h-5 min-w-4 -translate-x-2 rounded-sm border-2 focus-visible:ring-2 focus-visible:ring-violet-500 focus-visible:outline-none ${
                t.resolved ? "border-zinc-500 bg-zinc-300 dark:bg-zinc-600" : "border-violet-800 bg-violet-500 dark:border-violet-300"
              } ${t.drawing ? "rounded-full" : ""}`}
            />
          );
        })}
      </div>
      <input
        type="range"
        min={0}
        max={length}
        step={1000 / PLAYER_FPS}
        value={Math.min(timeMs, length)}
        onChange={(e) => onSeek(Number(e.target.value))}
        aria-label={label}
        aria-valuetext={`${clock(timeMs)} of ${clock(durationMs)}`}
        className="w-full accent-violet-700"
      />
    </div>
  );
}
