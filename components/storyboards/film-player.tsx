"use client";

import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";

export type Clip = { src: string; poster: string | null; label: string };

/** The picked takes played back to back in one player, as the film will run; each shot starts when the one before ends. */
export function FilmPlayer({ clips, title }: { clips: Clip[]; title: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const clip = clips[Math.min(index, clips.length - 1)];

  useEffect(() => {
    if (playing) void video.current?.play().catch(() => setPlaying(false));
  }, [index, playing]);

  if (!clip) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No finished takes to play yet.</p>;
  return (
    <div className="space-y-2">
      <div className="overflow-hidden rounded-xl bg-black">
        <video
          ref={video}
          key={clip.src}
          src={clip.src}
          poster={clip.poster ?? undefined}
          controls
          muted
          playsInline
          preload="metadata"
          aria-label={`${title}: ${clip.label}`}
          data-testid="film-player"
          onPlay={() => setPlaying(true)}
          onPause={(e) => {
            if (!e.currentTarget.ended) setPlaying(false);
          }}
          onEnded={() => {
            if (index + 1 < clips.length) setIndex(index + 1);
            else setPlaying(false);
          }}
          className="mx-auto aspect-video max-h-[60dvh] w-full object-contain"
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass("primary", "sm")}
          onClick={() => {
            setIndex(0);
            setPlaying(true);
            if (index === 0) void video.current?.play();
          }}
        >
          Play film from the start
        </button>
        <p className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300" data-testid="film-position">
          Shot {Math.min(index, clips.length - 1) + 1} of {clips.length}
        </p>
      </div>
    </div>
  );
}
