"use client";

import { useState } from "react";
import type { JobView } from "@/lib/jobs/types";

export const shortPrompt = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text || "Untitled");

/**
 * A poster image (Keyframe's stored poster, else the start image) that opens the viewer. The video is
 * mounted only while a mouse hovers or the card has focus (muted), never one player per card.
 */
export function CardPicture({ job, onOpen }: { job: JobView; onOpen: (id: string) => void }) {
  const [preview, setPreview] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const hidden = Boolean(job.video?.nsfw) && !revealed;
  const poster = job.video?.poster ?? job.image.src;
  return (
    <>
      <button
        type="button"
        data-open-take
        onClick={() => onOpen(job.id)}
        onPointerEnter={(e) => setPreview(e.pointerType === "mouse")}
        onPointerLeave={() => setPreview(false)}
        onFocus={() => setPreview(true)}
        onBlur={() => setPreview(false)}
        aria-label={`Open take: ${shortPrompt(job.prompt)}`}
        className="absolute inset-0 size-full cursor-zoom-in outline-none focus-visible:ring-3 focus-visible:ring-violet-500 focus-visible:ring-inset"
      >
        {poster ? (
          // eslint-disable-next-line @next/next/no-img-element -- stored posters and user URLs of any size
          <img
            src={poster}
            alt=""
            loading="lazy"
            decoding="async"
            data-poster
            className={`size-full object-cover ${hidden ? "scale-110 blur-2xl" : ""} ${job.status === "failed" || job.status === "cancelled" ? "opacity-60 grayscale" : ""}`}
          />
        ) : null}
        {preview && job.video && !hidden ? (
          <video
            src={job.video.src}
            muted
            autoPlay
            loop
            playsInline
            aria-hidden
            data-preview
            className="pointer-events-none absolute inset-0 size-full object-cover"
          />
        ) : null}
      </button>
      {hidden ? (
        <button
          type="button"
          onClick={() => setRevealed(true)}
          className="absolute inset-0 flex flex-col items-center justify-center gap-1 bg-black/60 p-2 text-center text-sm font-medium text-white"
        >
          <span>Flagged as sensitive by WaveSpeed</span>
          <span className="rounded-full bg-white/25 px-3 py-1 text-xs">Click to reveal</span>
        </button>
      ) : null}
    </>
  );
}
