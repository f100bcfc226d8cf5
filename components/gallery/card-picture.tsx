"use client";

import { useState } from "react";
import type { JobView } from "@/lib/jobs/types";
import { thumbWidth } from "@/lib/storage/keys";
import { useFling } from "./use-fling";

export const shortPrompt = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text || "Untitled");

/** What an `<img>` is given; `full` is the picture itself, for when its thumbnail fails to load. */
type Offered = { src: string; srcSet?: string; sizes?: string; full?: string };

/** A picture offered as its thumbnail and in full, for a `width` × `height` box it covers. */
function offer(thumb: string, full: string, w: number, h: number, width: number, height: number): Offered {
  // Covering the box, the picture is drawn at least this wide.
  const drawn = Math.max(width, (height * w) / h);
  return { src: thumb, srcSet: `${thumb} ${thumbWidth(w, h)}w, ${full} ${w}w`, sizes: `${Math.ceil(drawn)}px`, full };
}

/**
 * The picture a `width` × `height` card shows (the stored poster, else the start image), offered at card
 * size and in full, so the browser fetches and decodes the thumbnail unless the card (times the screen's
 * density) needs more.
 */
function posterImage(job: JobView, width: number, height: number): Offered | null {
  const video = job.video;
  if (video?.poster && video.thumb && video.width && video.height) {
    return offer(video.thumb, video.poster, video.width, video.height, width, height);
  }
  if (video?.poster) return { src: video.poster };
  const { src, thumb, width: w, height: h } = job.image;
  if (thumb && w && h) return offer(thumb, src, w, h, width, height);
  return src ? { src } : null;
}

/**
 * A poster image (Keyframe's stored poster, else the start image) that opens the viewer. The video is
 * mounted only while a mouse hovers or the card has focus (muted), never one player per card.
 */
export function CardPicture({ job, width, height, onOpen }: { job: JobView; width: number; height: number; onOpen: (id: string) => void }) {
  const [preview, setPreview] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const hidden = Boolean(job.video?.nsfw) && !revealed;
  const offered = posterImage(job, width, height);
  // A thumbnail that cannot be had (a store error): the picture itself, rather than a broken image.
  const [broken, setBroken] = useState<string | null>(null);
  const { full, ...poster } = offered ?? { src: "" };
  const picture = full && broken === poster.src ? { src: full } : poster;
  // Mounted during a fling, the picture waits for the scroll to slow; once shown, it stays.
  const flinging = useFling();
  const [shown, setShown] = useState(!flinging);
  if (!shown && !flinging) setShown(true);
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
        {picture.src && shown ? (
          // eslint-disable-next-line @next/next/no-img-element -- stored posters and user URLs of any size
          <img
            {...picture}
            onError={() => setBroken(poster.src)}
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
