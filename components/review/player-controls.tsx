"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { clock } from "@/lib/comments/time";
import type { usePlayhead } from "./use-playhead";
import { SHORTCUTS } from "./use-player-keys";

/** Play, step a frame, the time (type one to go there) and the keyboard shortcuts. */
export function PlayerControls({
  head,
  onSeekText,
}: {
  head: Omit<ReturnType<typeof usePlayhead>, "ref">;
  onSeekText: (ms: number) => void;
}) {
  const [typed, setTyped] = useState<string | null>(null);
  const go = () => {
    const seconds = Number((typed ?? "").replace(",", "."));
    if (typed !== null && Number.isFinite(seconds) && seconds >= 0) onSeekText(Math.round(seconds * 1000));
    setTyped(null);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={head.toggle} aria-label={head.paused ? "Play" : "Pause"}>
        {head.paused ? "Play" : "Pause"}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => head.step(-1)} aria-label="Back one frame">
        ‹ Frame
      </Button>
      <Button size="sm" variant="ghost" onClick={() => head.step(1)} aria-label="Forward one frame">
        Frame ›
      </Button>
      <label className="flex items-center gap-1 text-xs text-zinc-700 dark:text-zinc-300">
        <span>Time (s)</span>
        <input
          inputMode="decimal"
          value={typed ?? (head.timeMs / 1000).toFixed(2)}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={go}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              go();
            }
          }}
          className="h-8 w-16 rounded-md border border-zinc-300 bg-white px-1.5 font-mono text-xs tabular-nums dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
      <span className="font-mono text-xs text-zinc-700 tabular-nums dark:text-zinc-300">/ {clock(head.durationMs)}</span>
      <details className="ml-auto text-xs">
        <summary className="cursor-pointer rounded text-zinc-700 focus-visible:ring-2 focus-visible:ring-violet-500 focus-visible:outline-none dark:text-zinc-300">
          Keyboard shortcuts
        </summary>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="contents">
              <dt className="font-mono font-semibold">{keys}</dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
